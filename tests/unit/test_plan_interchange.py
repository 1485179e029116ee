"""Plans from and to other apps' formats (pushtimer/plan/interchange.py): Timero routines
and openweight templates and programs in, openweight programs out, and hostile files
refused with one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pushtimer.plan.errors import PlanError
from pushtimer.plan.interchange import (
    MAX_DEPTH,
    convert,
    import_file,
    openweight_losses,
    openweight_program,
    openweight_tempo,
)
from pushtimer.plan.loader import load_plan_text
from tests.conftest import plan_from

TIMERO = [
    {
        "__type__": "Routine",
        "name": "Morning",
        "exercises": [
            {"__type__": "RepetitionExercise", "name": "Push-up", "repetitions": 12},
            {"__type__": "DurationExercise", "name": "Plank", "duration": 45},
        ],
    },
    {
        "__type__": "Routine",
        "name": "Evening",
        "exercises": [{"__type__": "DurationExercise", "name": "Wall sit", "duration": 60}],
    },
]

TEMPLATE: dict[str, Any] = {
    "name": "Push Day",
    "day": 2,
    "exercises": [
        {
            "exercise": {"name": "Bench Press", "equipment": "barbell"},
            "sets": [
                {"targetReps": 5, "targetWeight": 100, "unit": "kg", "restSeconds": 120},
                {"targetReps": 5, "targetWeight": 100, "unit": "kg", "restSeconds": 120},
                {"targetReps": 5, "targetWeight": 100, "unit": "kg", "restSeconds": 180},
                {"type": "amrap", "targetRPE": 9},
            ],
        },
        {
            "exercise": {"name": "Push-up"},
            "sets": [{"targetRepsMin": 8, "targetRepsMax": 12, "tempo": "3-1-X-0"}],
        },
        {"exercise": {"name": "Plank"}, "sets": [{"durationSeconds": 30}, {"durationSeconds": 30}]},
    ],
}


def exercises(text: str) -> list[list[tuple[str, int, object, object]]]:
    plan = load_plan_text(text, "x.toml")
    return [[(e.name, e.sets, e.reps, e.hold) for e in w.exercises] for w in plan.workouts]


def refused(data: Any) -> str:
    with pytest.raises(PlanError) as caught:
        convert(data, "in.json", "in.json")
    assert len(caught.value.lines) == 1
    return caught.value.lines[0]


def test_timero_routines_become_workouts_of_reps_and_holds() -> None:
    imported = convert(TIMERO, "routines.json", "routines.json")
    assert imported.kind == "Timero routines"
    assert imported.plan.name == "Timero routines"
    assert [w.name for w in imported.plan.workouts] == ["Morning", "Evening"]
    assert exercises(imported.text) == [
        [("Push-up", 1, 12, None), ("Plank", 1, None, 45)],
        [("Wall sit", 1, None, 60)],
    ]
    assert imported.text.startswith(
        '# Imported by `pushtimer import` from "routines.json" (Timero routines).\n'
    )


def test_an_openweight_template_keeps_sets_reps_rests_and_tempo() -> None:
    imported = convert(TEMPLATE, "push.json", "push.json")
    workout = imported.plan.workouts[0]
    assert (imported.plan.name, workout.name, workout.day) == ("Push Day", "Push Day", 2)
    bench, amrap, push, plank = workout.exercises
    assert (bench.name, bench.sets, bench.reps, bench.rest, bench.rest_after) == (
        "Bench Press", 3, 5, 120, 180,
    )  # fmt: skip
    assert (amrap.name, amrap.sets, amrap.reps) == ("Bench Press", 1, "max")
    assert (push.reps, push.tempo) == (12, "3-1-X-0")
    assert (plank.sets, plank.hold) == (2, 30)
    comment = imported.text.split("\nname =")[0]
    for word in ("weights", "RPE", "equipment", "rep ranges"):
        assert word in comment
    assert all(line.startswith("#") for line in comment.splitlines())


def test_a_program_names_its_workouts_by_week_and_days_them() -> None:
    week = {"workouts": [{**TEMPLATE, "name": "Day A"}, {**TEMPLATE, "name": "Day B", "day": 4}]}
    program = {"name": "Block", "author": "Someone", "weeks": [week, {**week, "name": "Deload"}]}
    plan = convert(program, "p.json", "p.json").plan
    assert [(w.name, w.day) for w in plan.workouts] == [
        ("Week 1: Day A", 2), ("Week 1: Day B", 4), ("Deload: Day A", 9), ("Deload: Day B", 11),
    ]  # fmt: skip


def test_export_is_a_program_of_the_plans_sets() -> None:
    plan = plan_from(
        """
name = "Mine"
[defaults]
rest = 45
tempo = "3110"
[[workout]]
name = "Day 1"
day = 1
[[workout.exercise]]
name = "Push-up"
sets = 3
reps = 10
rest_after = 100
[[workout.exercise]]
name = "Test"
reps = "max"
tempo = "free"
[[workout]]
name = "Day 9"
day = 9
[[workout.exercise]]
name = "Plank"
sets = 2
hold = 30
"""
    )
    program = openweight_program(plan)
    assert [w["name"] for w in program["weeks"]] == ["Week 1", "Week 2"]
    day1, day9 = (week["workouts"][0] for week in program["weeks"])
    assert (day1["day"], day9["day"]) == (1, 2)
    push, test = day1["exercises"]
    assert push["sets"] == [
        {"targetReps": 10, "tempo": "3-1-1-0", "restSeconds": 45},
        {"targetReps": 10, "tempo": "3-1-1-0", "restSeconds": 45},
        {"targetReps": 10, "tempo": "3-1-1-0", "restSeconds": 100},
    ]
    assert test["sets"] == [{"type": "amrap"}]
    assert day9["exercises"][0]["sets"] == [
        {"durationSeconds": 30, "restSeconds": 45},
        {"durationSeconds": 30},
    ]


def test_openweight_tempo_says_what_it_can() -> None:
    assert openweight_tempo("3110") == "3-1-1-0"
    assert openweight_tempo("2-0-x-0") == "2-0-X-0"
    assert openweight_tempo("12-1-1-0") is None
    assert openweight_tempo("free") is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"name": "x"}, "is neither an openweight workout template"),
        ("text", "is neither"),
        ([], "has no routines"),
        (
            [
                {
                    "__type__": "Routine",
                    "name": "R",
                    "exercises": [{"__type__": "Run", "name": "Jog"}],
                }
            ],
            '"__type__"',
        ),
        ([{"__type__": "Routine", "name": 5, "exercises": []}], '"name" must be text'),
        (
            [{"name": "R", "exercises": [{"type": "RepetitionExercise", "name": "P"}]}],
            'exercise 1: has no "__type__" (Timero writes "RepetitionExercise"',
        ),
        ({"name": "T", "exercises": [{"exercise": {"name": "A"}, "sets": [{}]}]}, "no reps"),
        (
            {
                "name": "T",
                "exercises": [{"exercise": {"name": "A"}, "sets": [{"targetReps": True}]}],
            },
            "whole number",
        ),
        ({"date": "2026-01-01T10:00:00Z", "exercises": []}, "workout log"),
        (
            {
                "name": "T",
                "exercises": [{"exercise": {"name": "A"}, "sets": [{"targetReps": 10**300}]}],
            },
            "got a number too long to show",  # not 301 digits
        ),
    ],
)
def test_wrong_shapes_are_one_line(data: Any, words: str) -> None:
    line = refused(data)
    assert line.startswith("in.json: ")
    assert words in line


def test_control_characters_and_bounds_are_the_checkers_one_line() -> None:
    bad = [
        {"__type__": "Routine", "name": "R\x1b]0;pwned\x07", "exercises": TIMERO[0]["exercises"]}
    ]
    line = refused(bad)
    assert "control character" in line
    assert "\x1b" not in line
    # A count out of bounds is said in the file's own words...
    huge = [{"__type__": "RepetitionExercise", "name": "P", "repetitions": 10**9}]
    line = refused([{"__type__": "Routine", "name": "R", "exercises": huge}])
    assert line == (
        'in.json: routine 1 ("R"), exercise 1: "repetitions" must be a whole number from 1 '
        "to 500, got 1000000000"
    )
    # ...and what only the plan's checker refuses (61 sets alike make sets = 61) in its.
    runs = [{"exercise": {"name": f"E{n}"}, "sets": [{"targetReps": 5}] * 61} for n in range(3)]
    line = refused({"name": "T", "exercises": runs})
    assert '"sets" must be' in line
    assert "(and 2 more problems)" in line
    assert "at most 50" in refused([TIMERO[1]] * 51)


def test_deep_json_is_refused_before_parsing(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(PlanError) as caught:
        import_file(deep)
    assert f"nested deeper than {MAX_DEPTH}" in caught.value.lines[0]
    ok = tmp_path / "strings.json"  # brackets inside strings are text, not nesting
    ok.write_text(json.dumps([{**TIMERO[1], "name": '{["\\' * 20}]))
    assert import_file(ok).plan.workouts[0].name == '{["\\' * 20


def test_big_and_broken_files_are_one_line(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (1024 * 1024 + 1))
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": ')
    nan = tmp_path / "nan.json"
    nan.write_text(
        '[{"__type__": "Routine", "name": "R", "exercises": [{"__type__": "DurationExercise", "name": "P", "duration": NaN}]}]'
    )
    for path, words in ((big, "at most 1 MiB"), (broken, "not valid JSON"), (nan, "NaN")):
        with pytest.raises(PlanError) as caught:
            import_file(path)
        assert len(caught.value.lines) == 1
        assert words in caught.value.lines[0]


def test_notes_give_back_sides_and_cues_and_keep_the_rest() -> None:
    """Notes as export writes them become per_side and cues again; a "Form:" paragraph
    that cannot be cues (too many) and any other text stay the description."""
    many = "Form: " + " · ".join(f"cue {n}" for n in range(25))
    notes = [
        "Knees down.\n\nEach side: every set is done on one side, then the other, with 8 s "
        "to switch.\n\nForm: Hips up · Breathe",
        f"Slow.\n\n{many}",
    ]
    template = {
        "name": "W",
        "exercises": [
            {"exercise": {"name": f"E{n}"}, "notes": text, "sets": [{"targetReps": 5}]}
            for n, text in enumerate(notes)
        ],
    }
    first, second = convert(template, "t.json", "t.json").plan.workouts[0].exercises
    assert (first.description, first.per_side, first.cues) == (
        "Knees down.",
        True,
        ("Hips up", "Breathe"),
    )
    assert (second.description, second.per_side, second.cues) == (f"Slow.\n\n{many}", False, ())
    assert convert(template, "t.json", "t.json").plan.defaults.switch == 8


@pytest.mark.parametrize(
    ("sentences", "switch", "lost"),
    [
        (["with no pause between."], 0, False),
        (["."], 5, False),  # no time said: the plan's usual switch
        (["with 8 s to switch.", "with 20 s to switch."], 8, True),
    ],
)
def test_a_per_side_note_gives_the_plan_its_switch_time(
    sentences: list[str], switch: int, lost: bool
) -> None:
    start = "Each side: every set is done on one side, then the other"
    template = {
        "name": "W",
        "exercises": [
            {
                "exercise": {"name": f"E{n}"},
                "notes": start + ("" if end == "." else ", ") + end,
                "sets": [{"targetReps": 5}],
            }
            for n, end in enumerate(sentences)
        ],
    }
    imported = convert(template, "t.json", "t.json")
    assert imported.plan.defaults.switch == switch
    assert all(e.per_side for e in imported.plan.workouts[0].exercises)
    assert ("switch times other than the first (8 s)" in imported.lost) is lost


def test_export_losses_name_what_has_no_place() -> None:
    plan = plan_from(
        """
name = "P"
recovery = "Walk."
[defaults]
prepare = 5
explosive = 2
[[workout]]
name = "A"
[[workout.exercise]]
name = "Slow push-up"
reps = 5
tempo = "12-1-1-0"
progress = { add = 1 }
[[workout.exercise]]
name = "Free push-up"
reps = 5
tempo = "free"
"""
    )
    assert openweight_losses(plan) == [
        "the recovery text: left out",
        "the get-ready time (prepare = 5 s): left out",
        "the time of an X tempo phase (explosive = 2 s): left out",
        "progress rules: left out (Slow push-up)",
        'tempo "12-1-1-0": left out, a phase of 10 s or more (Slow push-up)',
    ]
