"""The ``progress`` table of the plan format: checked by the kind of exercise it grows,
with the same one-line errors as every other key (docs/plan-format.md, "Progress")."""

from __future__ import annotations

import pytest

from pushtimer.plan import PlanError, load_plan_text
from pushtimer.plan.amounts import at_ceilings

PLACE = 'p.toml: exercise 1 ("Push-up"), progress: '


def problems(exercise: str, extra: str = "") -> list[str]:
    text = f'name = "P"\n[[exercise]]\nname = "Push-up"\n{exercise}\n{extra}'
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, "p.toml")
    return caught.value.lines


def test_a_reps_exercise_grows_by_reps_and_a_hold_by_a_duration() -> None:
    plan = load_plan_text(
        'name = "P"\n[[exercise]]\nname = "A"\nreps = 8\nprogress = { add = 2, up_to = 20 }\n'
        '[[exercise]]\nname = "B"\nhold = "30s"\nprogress = { add = "5s", up_to = "1m30s",'
        ' then = "Side plank" }\n',
        "p.toml",
    )
    a, b = plan.workouts[0].exercises
    assert a.progress is not None and (a.progress.add, a.progress.up_to) == (2, 20)
    assert b.progress is not None and (b.progress.add, b.progress.up_to) == (5, 90)
    assert b.progress.then == "Side plank"
    grown = at_ceilings(plan).workouts[0].exercises
    assert (grown[0].reps, grown[1].hold) == (20, 90)


@pytest.mark.parametrize(
    ("exercise", "message"),
    [
        (
            'reps = 8\nprogress = { add = "5s" }',
            '"add" is a number of reps here (not a duration), got "5s"',
        ),
        (
            "reps = 8\nprogress = { add = 1, up_to = 600 }",
            '"up_to" must be a whole number of reps up to 500, got 600',
        ),
        (
            "reps = 12\nprogress = { add = 1, up_to = 10 }",
            '"up_to" must be at least the plan\'s reps (12), got 10',
        ),
        (
            'hold = "30s"\nprogress = { add = "5s", up_to = "20s" }',
            '"up_to" must be at least the plan\'s hold (30s), got "20s"',
        ),
        (
            'hold = 30\nprogress = { add = "5s", from_max = 0.5 }',
            '"from_max" takes a share of a "max" set of reps; a timed hold has none: remove it',
        ),
        (
            'reps = "max"\nprogress = { add = 1 }',
            'cannot grow a "max" set: it is a test of as many reps as you can; give "reps" a '
            'number to grow from (and "from_max" to start from a share of the test)',
        ),
        (
            "reps = 8\nprogress = { add = 0 }",
            '"add" must be a whole number of reps from 1 to 500, or for a hold a duration '
            'from 1 to 3600 seconds, like 5, "5s" or "1m", got 0',
        ),
        (
            "reps = 8\nprogress = { add = 1, from_max = 1.5 }",
            '"from_max" must be a number from 0.1 to 1.0, got 1.5',
        ),
        ("reps = 8\nprogress = { ad = 1 }", 'unknown key "ad" (did you mean "add"?)'),
        (
            "reps = 8\nprogress = { up_to = 10 }",
            'missing key "add" (a whole number of reps from 1 to 500, or for a hold a duration '
            'from 1 to 3600 seconds, like 5, "5s" or "1m")',
        ),
    ],
)
def test_each_problem_is_one_line_naming_the_place(exercise: str, message: str) -> None:
    assert problems(exercise) == [PLACE + message]


def test_from_max_needs_a_test_of_the_same_name_in_the_plan() -> None:
    assert problems("reps = 8\nprogress = { add = 1, from_max = 0.6 }") == [
        PLACE + '"from_max" needs a test: an exercise named "Push-up" with reps = "max" in '
        "this plan"
    ]
    test = '[[exercise]]\nname = "push-up"\nreps = "max"'
    plan = load_plan_text(
        f'name = "P"\n[[exercise]]\nname = "Push-up"\nreps = 8\n'
        f"progress = {{ add = 1, from_max = 0.6 }}\n{test}\n",
        "p.toml",
    )
    assert plan.workouts[0].exercises[0].progress is not None


def test_every_problem_of_a_progress_table_comes_at_once() -> None:
    assert problems('reps = 12\nprogress = { add = "5s", up_to = 10, then = "" }') == [
        PLACE + '"then" must be text of 1 to 100 characters on one line, got ""',
        PLACE + '"add" is a number of reps here (not a duration), got "5s"',
        PLACE + '"up_to" must be at least the plan\'s reps (12), got 10',
    ]


def test_a_workout_that_could_grow_past_a_day_is_refused() -> None:
    lines = problems(
        'sets = 50\nreps = 10\ntempo = "10-10-10-10"\nprogress = { add = 1 }',
    )
    assert lines == [
        'p.toml: workout 1 ("P"): can grow to 278:35:50 by its progress (set lower up_to '
        "values); a workout may be at most 24 hours (fewer sets, reps or rests)"
    ]


def test_an_optional_duration_written_as_text_is_read() -> None:
    plan = load_plan_text(
        'name = "P"\n[[exercise]]\nname = "A"\nreps = 3\nrest_after = "1m"\n', "p.toml"
    )
    assert plan.workouts[0].exercises[0].rest_after == 60
