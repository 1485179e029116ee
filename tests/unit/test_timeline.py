"""The timeline rules (docs/plan-format.md, "The timeline"), checked on exact totals and segment starts."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from pushtimer.plan import load_plan, load_plan_data
from pushtimer.plan.length import Length, workout_length
from pushtimer.session.timeline import Segment, Timeline, build_timeline, timeline_json
from tests.conftest import SHIPPED_PLANS, plan_from


def timeline(text: str, workout: int = 0) -> Timeline:
    plan = plan_from(text)
    return build_timeline(plan.workouts[workout], plan.defaults)


def kinds(t: Timeline) -> list[str]:
    return [s.kind for s in t.segments]


WORKED_EXAMPLE = """
name = "Worked example"
[defaults]
prepare = 10
rest = 60
rest_between_exercises = 90
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Wide push-up"
sets = 4
reps = 12
tempo = "3-1-1-0"
[[workout.exercise]]
name = "Arched push-up"
sets = 3
reps = 8
tempo = "3-1-1-0"
"""


def test_worked_example_is_760_seconds() -> None:
    t = timeline(WORKED_EXAMPLE)
    assert t.total_seconds == 10 + 4 * 12 * 5 + 3 * 60 + 90 + 3 * 8 * 5 + 2 * 60 == 760
    assert not t.has_open
    # prepare, 48 reps of 3 phases (top is 0 s and left out), 3 rests, a rest between
    # exercises, 24 reps of 3 phases, 2 rests; nothing after the last set.
    assert len(t.segments) == 1 + 48 * 3 + 3 + 1 + 24 * 3 + 2
    assert t.segments[-1].kind == "up" and t.segments[-1].end == 760


def test_worked_example_segment_starts() -> None:
    s = timeline(WORKED_EXAMPLE).segments
    assert s[0] == Segment("prepare", 0, 10)
    assert s[1:4] == (
        Segment("down", 10, 3, 0, 1, None, 1),
        Segment("bottom", 13, 1, 0, 1, None, 1),
        Segment("up", 14, 1, 0, 1, None, 1),
    )
    assert s[4] == Segment("down", 15, 3, 0, 1, None, 2)
    rests = [seg for seg in s if seg.kind == "rest"]
    assert [(r.start, r.duration, r.exercise, r.set) for r in rests] == [
        (70, 60, 0, 1),
        (190, 60, 0, 2),
        (310, 60, 0, 3),
        (430, 90, 0, 4),
        (560, 60, 1, 1),
        (660, 60, 1, 2),
    ]
    first_arched = next(seg for seg in s if seg.exercise == 1)
    assert first_arched == Segment("down", 520, 3, 1, 1, None, 1)
    # Every segment starts where the previous one ends.
    assert all(a.end == b.start for a, b in itertools.pairwise(s))


def test_shorthand_layout_takes_the_plan_name() -> None:
    t = timeline(
        'name = "Quick"\n[defaults]\nprepare = 5\n[[exercise]]\nname = "Push-up"\nreps = 2\n'
    )
    assert t.workout.name == "Quick"
    assert t.total_seconds == 5 + 2 * 5
    assert kinds(t) == ["prepare", "down", "bottom", "up", "down", "bottom", "up"]


def test_all_four_phases_and_explosive() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\nexplosive = 2\n'
        '[[exercise]]\nname = "E"\nreps = 2\ntempo = "3-1-X-1"\n'
    )
    assert [(s.kind, s.start, s.duration, s.rep) for s in t.segments] == [
        ("down", 0, 3, 1), ("bottom", 3, 1, 1), ("up", 4, 2, 1), ("top", 6, 1, 1),
        ("down", 7, 3, 2), ("bottom", 10, 1, 2), ("up", 11, 2, 2), ("top", 13, 1, 2),
    ]  # fmt: skip
    assert t.total_seconds == 14


def test_zero_prepare_and_zero_rests_are_left_out() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\nrest = 0\nrest_between_exercises = 0\n'
        '[[exercise]]\nname = "A"\nsets = 2\nreps = 1\n[[exercise]]\nname = "B"\nreps = 1\n'
    )
    assert "prepare" not in kinds(t) and "rest" not in kinds(t)
    assert t.total_seconds == 3 * 5


def test_hold_segments_and_string_durations() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = "15s"\nrest = "1m30s"\n'
        '[[exercise]]\nname = "Plank"\nsets = 2\nhold = "1m"\n'
    )
    assert [(s.kind, s.start, s.duration, s.set) for s in t.segments] == [
        ("prepare", 0, 15, None), ("hold", 15, 60, 1), ("rest", 75, 90, 1), ("hold", 165, 60, 2),
    ]  # fmt: skip
    assert t.total_seconds == 225


def test_per_side_with_switch_and_rep_numbers_restarting() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\nswitch = 10\nrest = 30\n'
        '[[exercise]]\nname = "One-arm"\nsets = 2\nreps = 2\ntempo = "2-0-1-0"\nper_side = true\n'
    )
    assert [(s.kind, s.start, s.side, s.set, s.rep) for s in t.segments] == [
        ("down", 0, "left", 1, 1), ("up", 2, "left", 1, 1),
        ("down", 3, "left", 1, 2), ("up", 5, "left", 1, 2),
        ("switch", 6, None, 1, None),
        ("down", 16, "right", 1, 1), ("up", 18, "right", 1, 1),
        ("down", 19, "right", 1, 2), ("up", 21, "right", 1, 2),
        ("rest", 22, None, 1, None),
        ("down", 52, "left", 2, 1), ("up", 54, "left", 2, 1),
        ("down", 55, "left", 2, 2), ("up", 57, "left", 2, 2),
        ("switch", 58, None, 2, None),
        ("down", 68, "right", 2, 1), ("up", 70, "right", 2, 1),
        ("down", 71, "right", 2, 2), ("up", 73, "right", 2, 2),
    ]  # fmt: skip
    assert t.total_seconds == 74


def test_per_side_with_zero_switch_has_no_switch() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\nswitch = 0\n'
        '[[exercise]]\nname = "Side plank"\nhold = 20\nper_side = true\n'
    )
    assert [(s.kind, s.start, s.side) for s in t.segments] == [
        ("hold", 0, "left"), ("hold", 20, "right"),
    ]  # fmt: skip


def test_open_segments_for_max_reps_and_free_tempo() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 10\nrest = 60\n'
        '[[exercise]]\nname = "Test"\nsets = 2\nreps = "max"\n'
        '[[exercise]]\nname = "Free"\nreps = 10\ntempo = "free"\n'
    )
    assert [(s.kind, s.start, s.duration) for s in t.segments] == [
        ("prepare", 0, 10), ("open", 10, None), ("rest", 10, 60), ("open", 70, None),
        ("rest", 70, 90), ("open", 160, None),
    ]  # fmt: skip
    assert t.has_open and t.total_seconds == 160


def test_exercise_rest_and_rest_after_override_defaults() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\nrest = 60\nrest_between_exercises = 90\n'
        '[[exercise]]\nname = "A"\nsets = 2\nreps = 1\nrest = 0\nrest_after = 45\n'
        '[[exercise]]\nname = "B"\nsets = 2\nreps = 1\nrest = "20s"\nrest_after = 300\n'
    )
    assert [(s.start, s.duration) for s in t.segments if s.kind == "rest"] == [(10, 45), (60, 20)]
    assert t.total_seconds == 5 + 5 + 45 + 5 + 20 + 5


def test_exercise_tempo_overrides_the_default() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 0\ntempo = "2020"\n'
        '[[exercise]]\nname = "A"\nreps = 1\n[[exercise]]\nname = "B"\nreps = 1\ntempo = "4-0-1-0"\n'
    )
    assert [(s.kind, s.duration, s.exercise) for s in t.segments] == [
        ("down", 2, 0), ("up", 2, 0), ("rest", 90, 0), ("down", 4, 1), ("up", 1, 1),
    ]  # fmt: skip


def test_steps_group_one_side_of_one_set() -> None:
    t = timeline(
        'name = "P"\n[defaults]\nprepare = 5\nrest = 30\n'
        '[[exercise]]\nname = "A"\nsets = 2\nreps = 3\nper_side = true\n'
    )
    steps = [(t.segments[st.first].kind, st.last - st.first) for st in t.steps()]
    assert steps == [
        ("prepare", 1), ("down", 9), ("switch", 1), ("down", 9), ("rest", 1),
        ("down", 9), ("switch", 1), ("down", 9),
    ]  # fmt: skip


def test_json_shape() -> None:
    t = timeline(WORKED_EXAMPLE)
    document = timeline_json(t)
    assert document["name"] == "Day 1" and document["day"] is None
    assert document["total_seconds"] == 760 and document["has_open"] is False
    assert document["segments"][0] == {
        "kind": "prepare", "start": 0, "duration": 10, "exercise": None, "set": None,
        "side": None, "rep": None,
    }  # fmt: skip
    assert document["segments"][1] == {
        "kind": "down", "start": 10, "duration": 3, "exercise": "Wide push-up", "set": 1,
        "side": None, "rep": 1,
    }  # fmt: skip


_exercise = st.fixed_dictionaries(
    {
        "name": st.just("E"),
        "sets": st.integers(1, 6),
        "per_side": st.booleans(),
        "rest": st.integers(0, 120),
        "rest_after": st.one_of(st.none(), st.integers(0, 200)),
    }
).flatmap(
    lambda base: st.one_of(
        st.builds(lambda hold: {**base, "hold": hold}, st.integers(1, 120)),
        st.builds(
            lambda reps, tempo: {**base, "reps": reps, "tempo": tempo},
            st.one_of(st.integers(1, 30), st.just("max")),
            st.one_of(
                st.just("free"),
                st.tuples(*[st.one_of(st.integers(0, 5), st.just("X"))] * 4)
                .map(lambda p: "-".join(map(str, p)))
                .filter(lambda tempo: tempo != "0-0-0-0"),  # a plan error
            ),
        ),
    )
)


@settings(max_examples=150, deadline=None)
@given(
    exercises=st.lists(_exercise, min_size=1, max_size=6),
    prepare=st.integers(0, 30),
    switch=st.integers(0, 10),
    explosive=st.integers(1, 3),
)
def test_workout_length_matches_the_built_timeline(
    exercises: list[dict[str, object]], prepare: int, switch: int, explosive: int
) -> None:
    data = {
        "name": "Fuzz",
        "defaults": {"prepare": prepare, "switch": switch, "explosive": explosive},
        "exercise": [{k: v for k, v in e.items() if v is not None} for e in exercises],
    }
    plan = load_plan_data(data, "fuzz")
    workout = plan.workouts[0]
    timeline = build_timeline(workout, plan.defaults)
    assert workout_length(workout, plan.defaults) == Length(
        timeline.total_seconds, timeline.has_open
    )


def test_workout_length_of_every_shipped_workout() -> None:
    for path in sorted(SHIPPED_PLANS.glob("*.toml")):
        plan = load_plan(path)
        for workout in plan.workouts:
            timeline = build_timeline(workout, plan.defaults)
            length = workout_length(workout, plan.defaults)
            assert (length.total_seconds, length.has_open) == (
                timeline.total_seconds,
                timeline.has_open,
            )
