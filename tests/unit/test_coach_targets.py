"""Targets from the history, as the rules read (docs/plan-format.md, "Progress")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pushtimer.coach.targets import Coaching, coach
from pushtimer.history.store import HistoryStore, SessionRow, SetRow
from pushtimer.plan import load_plan_text
from pushtimer.plan.model import Plan
from pushtimer.session.events import SetEnded, WorkoutFinished
from tests.coach_history import record

FILE = "/plans/wide.toml"
PLAN = load_plan_text(
    """
name = "Wide"
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Wide push-up"
sets = 3
reps = 12
progress = { add = 1, up_to = 14, then = "Arched push-up" }
[[workout.exercise]]
name = "Plank"
sets = 2
hold = 20
progress = { add = "5s", up_to = "30s" }
[[workout.exercise]]
name = "Cool down"
reps = 5
""",
    FILE,
)
_ids = iter(range(1, 10**9))


def session(
    reps: list[int] | None = None,
    held: list[float] | None = None,
    pain: bool = False,
    day: int = 1,
    plan_file: str = FILE,
    workout: str = "Day 1",
    target: int = 12,
    extra: tuple[SetRow, ...] = (),
) -> SessionRow:
    """A session of the plan: each rep set's reps done (against ``target``) and each
    hold's seconds held; ``pain``: stopped because it hurt, after the last of them."""
    sets = [
        SetRow(
            0, "Wide push-up", n, None, str(target), done, None, 30.0, "t", _outcome(done, target)
        )
        for n, done in enumerate(reps or [], start=1)
    ]
    sets += [
        SetRow(1, "Plank", n, None, None, None, 20, 20.0, "t", "done" if s >= 20 else "partial", s)
        for n, s in enumerate(held or [], start=1)
    ]
    return SessionRow(
        plan_file=plan_file,
        plan_name="Wide",
        workout_index=0,
        workout_name=workout,
        workout_day=None,
        plan_days=None,
        started=f"2026-11-{day:02d}T08:00:00+00:00",
        id=next(_ids),
        ended="x",
        completed=not pain,
        seconds=100.0,
        sets=(*sets, *extra),
        stop_reason="pain" if pain else None,
    )


def _outcome(done: int, target: int) -> str:
    return "done" if done >= target else "partial" if done else "skipped"


def targets_after(*sessions: SessionRow, plan: Plan = PLAN) -> Coaching:
    return coach(plan, list(reversed(sessions)), FILE)  # the store gives newest first


def reps_target(*sessions: SessionRow) -> int:
    found = targets_after(*sessions).of(0, 0)
    assert found is not None
    return found.value


def met(target: int, day: int = 1) -> SessionRow:
    return session([target] * 3, target=target, day=day)


def missed(target: int, day: int = 1) -> SessionRow:
    return session([target, target, target - 3], target=target, day=day)


def test_no_history_is_the_plan() -> None:
    target = targets_after().of(0, 0)
    assert target is not None and target.value == 12 and not target.changed
    assert target.why == "as planned: no session with it yet"
    assert targets_after().of(0, 2) is None  # no progress table: no target


def test_met_raises_by_add() -> None:
    target = targets_after(met(12)).of(0, 0)
    assert target is not None
    assert (target.value, target.mark, target.arrow) == (13, "(+1)", "12 -> 13 reps")
    assert target.why == "met 12 reps on 2026-11-01: up to 13 reps"


def test_met_stops_at_up_to() -> None:
    assert reps_target(met(12), met(13), met(14), met(14)) == 14
    target = targets_after(met(12), met(13), met(14)).of(0, 0)
    assert target is not None and target.at_ceiling and target.then == "Arched push-up"


def test_one_miss_keeps_the_target_two_lower_it() -> None:
    assert reps_target(met(12), missed(13)) == 13
    assert reps_target(met(12), missed(13), missed(13)) == 12
    target = targets_after(met(12), missed(13), missed(13)).of(0, 0)
    assert target is not None and target.why == "missed 13 reps twice in a row: back to 12 reps"


def test_misses_must_be_in_a_row() -> None:
    assert reps_target(met(12), missed(13), met(13), missed(14)) == 14


def test_never_below_the_plan() -> None:
    assert reps_target(missed(12), missed(12), missed(12), missed(12)) == 12


def test_pain_lowers_at_once() -> None:
    hurt = session([13, 5], target=13, pain=True)
    assert reps_target(met(12), hurt) == 12
    target = targets_after(met(12), hurt).of(0, 0)
    assert target is not None and target.why.startswith("stopped because it hurt on")


def test_pain_counts_against_the_exercise_in_progress_only() -> None:
    # Stopped during the plank: the push-ups before it were met.
    hurt = session([12, 12, 12], held=[20, 8], pain=True)
    found = targets_after(hurt)
    push_ups, plank = found.of(0, 0), found.of(0, 1)
    assert push_ups is not None and push_ups.value == 13
    assert plank is not None and plank.value == 20 and plank.steps[-1].result == "pain"


def test_the_sequence_of_the_issue() -> None:
    # met, met, missed, missed, pain
    sequence = [met(12, 1), met(13, 3), missed(14, 5), missed(14, 8)]
    assert [reps_target(*sequence[:n]) for n in range(5)] == [12, 13, 14, 14, 13]
    sequence.append(session([13, 2], target=13, pain=True, day=10))
    assert reps_target(*sequence) == 12


def test_holds_grow_by_a_duration() -> None:
    found = targets_after(session([12, 12, 12], held=[20, 20]))
    plank = found.of(0, 1)
    assert plank is not None and plank.value == 25
    assert (plank.mark, plank.arrow) == ("(+5s)", "20s -> 25s")
    assert found.applied.workouts[0].exercises[1].hold == 25


def test_a_short_hold_misses() -> None:
    plank = targets_after(session(held=[20, 19.5])).of(0, 1)
    assert plank is not None and plank.value == 20 and plank.steps[-1].result == "missed"


def test_a_set_not_reached_is_a_miss_and_an_exercise_not_reached_is_not_judged() -> None:
    found = targets_after(session([12, 12]))  # stopped before set 3, and before the plank
    push_ups, plank = found.of(0, 0), found.of(0, 1)
    assert push_ups is not None and push_ups.steps[-1].result == "missed"
    assert plank is not None and plank.steps == ()


def test_a_set_gone_back_to_counts_by_its_last_run() -> None:
    redone = SetRow(0, "Wide push-up", 3, None, "12", 12, None, 30.0, "t", "done")
    assert reps_target(session([12, 12, 4], extra=(redone,))) == 13


def test_empty_sessions_and_other_plans_do_not_count() -> None:
    empty = session([0, 0, 0])
    other = session([12] * 3, plan_file="/elsewhere/other.toml")
    assert reps_target(empty, other) == 12


def test_the_same_plan_moved_still_counts() -> None:
    assert reps_target(session([12] * 3, plan_file="/old/place/wide.toml")) == 13


def test_applied_plan_carries_the_targets() -> None:
    applied = targets_after(met(12)).applied
    assert applied.workouts[0].exercises[0].reps == 13
    assert applied.workouts[0].exercises[2].reps == 5
    assert targets_after().applied is PLAN


TEST_PLAN = load_plan_text(
    """
name = "Test then train"
[[workout]]
name = "Test"
[[workout.exercise]]
name = "Push-up"
reps = "max"
[[workout]]
name = "Train"
[[workout.exercise]]
name = "Push-up"
sets = 3
reps = 8
progress = { add = 1, from_max = 0.6 }
""",
    FILE,
)


def _test_day(best: int, day: int) -> SessionRow:
    return session(
        workout="Test",
        day=day,
        extra=(SetRow(0, "Push-up", 1, None, "max", best, None, 60.0, "t", "done"),),
    )


def _train(reps: int, day: int) -> SessionRow:
    row = session(workout="Train", day=day)
    sets = tuple(
        SetRow(0, "Push-up", n, None, str(reps), reps, None, 30.0, "t", "done") for n in (1, 2, 3)
    )
    return SessionRow(**{**{f: getattr(row, f) for f in row.__struct_fields__}, "sets": sets})


def test_from_max_falls_back_to_reps_before_any_test() -> None:
    target = coach(TEST_PLAN, [], FILE).of(1, 0)
    assert target is not None and target.value == 8


def test_from_max_takes_its_share_of_the_latest_test_and_grows_from_there() -> None:
    rows = [_test_day(20, 1)]
    assert _from_max(rows) == 12  # 60 % of 20
    rows.append(_train(12, 3))
    assert _from_max(rows) == 13
    rows.append(_test_day(15, 8))  # a worse test starts it again from its share
    assert _from_max(rows) == 9


def _from_max(rows: list[SessionRow]) -> int:
    target = coach(TEST_PLAN, list(reversed(rows)), FILE).of(1, 0)
    assert target is not None
    return target.value


outcomes = st.lists(
    st.tuples(st.lists(st.integers(0, 16), min_size=0, max_size=4), st.booleans()), max_size=25
)


@settings(max_examples=200, deadline=None)
@given(outcomes)
def test_targets_stay_within_the_plan_and_up_to_and_are_deterministic(
    history: list[tuple[list[int], bool]],
) -> None:
    rows = [session(reps, pain=pain, day=1 + n % 28) for n, (reps, pain) in enumerate(history)]
    first, second = targets_after(*rows), targets_after(*rows)
    assert first == second
    target = first.of(0, 0)
    assert target is not None and 12 <= target.value <= 14
    for step in target.steps:
        assert abs(step.after - step.target) <= 1


def test_a_pain_stop_counts_even_before_a_rep_was_done() -> None:
    hurt = session([0], target=13, pain=True)
    assert hurt.empty
    assert reps_target(met(12), hurt) == 12


def test_after_a_test_the_summary_says_what_the_training_days_now_ask() -> None:
    from pushtimer.coach.next_step import next_steps

    before = coach(TEST_PLAN, [], FILE)
    after = coach(TEST_PLAN, [_test_day(20, 1)], FILE)
    assert next_steps(before, after, 0) == ["Push-up (Train): from this test, 3x12"]
    untested = before.of(1, 0)
    assert untested is not None and untested.why == "as planned until your first test"


def test_then_is_named_once_the_top_is_met() -> None:
    at_top = targets_after(met(12), met(13), missed(14)).of(0, 0)
    assert at_top is not None and at_top.at_ceiling and not at_top.topped
    topped = targets_after(met(12), met(13), met(14)).of(0, 0)
    assert topped is not None and topped.topped
    assert topped.why == "met 14 reps on 2026-11-01, at the ceiling: time for Arched push-up"


LADDER_FILE = "/plans/ladder.toml"
LADDER_TEXT = """
name = "Ladder"
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Squat"
reps = 10
[[workout.exercise]]
name = "Push"
reps = 2
progress = { add = 1, up_to = 5 }
[[workout.exercise]]
name = "Push"
reps = 1
"""
LADDER = load_plan_text(LADDER_TEXT, LADDER_FILE)


def _history(folder: Path, plan: Plan, *sessions: dict[str | int, list[int]]) -> list[SessionRow]:
    """``plan``'s sessions, one a day, each met at the targets then in effect (the first
    "Push" as it grows), written to a real history file; newest first, as the store reads."""
    for day, reps in enumerate(sessions, start=1):
        record(folder, plan, LADDER_FILE, day, reps, targets={1: reps[1][0]} if 1 in reps else {})
    store = HistoryStore(folder)
    try:
        return store.sessions()
    finally:
        store.close()


def test_two_exercises_of_one_name_progress_apart(tmp_path: Path) -> None:
    # The issue: "Push" 2 reps that progresses, then "Push" 1 rep. The second "Push" is its
    # own exercise: its single rep is no miss of the first one's 2, then 3.
    rows = _history(tmp_path, LADDER, {1: [2], 2: [1]}, {1: [3], 2: [1]})
    first = coach(LADDER, rows, LADDER_FILE).of(0, 1)
    assert first is not None and [s.result for s in first.steps] == ["met", "met"]
    assert first.value == 4
    assert coach(LADDER, rows, LADDER_FILE).of(0, 2) is None  # no progress: no target


def test_each_of_two_exercises_of_one_name_has_its_own_target_and_label(tmp_path: Path) -> None:
    plan = load_plan_text(LADDER_TEXT + "progress = { add = 1, up_to = 3 }\n", LADDER_FILE)
    rows = _history(tmp_path, plan, {1: [2], 2: [1]}, {1: [3], 2: [0]})
    found = coach(plan, rows, LADDER_FILE)
    first, second = found.of(0, 1), found.of(0, 2)
    assert first is not None and second is not None
    assert (first.value, first.label) == (4, "Push")  # met twice
    assert (second.value, second.label) == (2, "Push (2nd)")  # met once, then missed once


def test_the_same_name_is_matched_by_its_place_among_those_of_the_name(tmp_path: Path) -> None:
    # Recorded before a warm-up of another name was put in front of both "Push": the first
    # "Push" keeps its history though its index moved.
    squat = '[[workout.exercise]]\nname = "Squat"\nreps = 10\n'
    before = load_plan_text(LADDER_TEXT.replace(squat, ""), LADDER_FILE)
    assert [e.name for e in before.workouts[0].exercises] == ["Push", "Push"]
    record(tmp_path, before, LADDER_FILE, 1, {0: [2], 1: [1]})
    rows = _history(tmp_path, LADDER)
    first = coach(LADDER, rows, LADDER_FILE).of(0, 1)
    assert first is not None and first.value == 3


def test_a_pain_stop_during_the_second_of_one_name_is_not_held_against_the_first(
    tmp_path: Path,
) -> None:
    record(tmp_path, LADDER, LADDER_FILE, 1, {1: [2], 2: [0]}, pain=True)
    first = coach(LADDER, _history(tmp_path, LADDER), LADDER_FILE).of(0, 1)
    assert first is not None and first.steps[-1].result == "met" and first.value == 3


def test_the_summary_says_the_first_of_two_of_one_name_was_met(tmp_path: Path) -> None:
    from pushtimer.coach.next_step import judged, next_steps

    before = coach(LADDER, _history(tmp_path, LADDER, {1: [2], 2: [1]}), LADDER_FILE)
    ran = [
        SetEnded(1, "Push", 1, None, 3, 3, None, None, 9.0, "done"),
        SetEnded(2, "Push", 1, None, 1, 1, None, None, 3.0, "done"),
    ]
    after = judged(before, 0, ran, WorkoutFinished(True, 60.0, 60.0))
    assert next_steps(before, after, 0) == ["Push: 1x3 met; next time 4 reps"]


SAME_DAY_TEST = load_plan_text(
    """
name = "Test and train"
[[workout]]
name = "Day"
[[workout.exercise]]
name = "Push-up"
reps = "max"
[[workout.exercise]]
name = "Push-up"
sets = 3
reps = 8
progress = { add = 1, from_max = 0.5 }
""",
    FILE,
)


def test_a_test_and_training_of_one_name_in_one_workout_are_told_apart(tmp_path: Path) -> None:
    # The training sets ran at 8 (no test before): they are judged at 8, by themselves
    # (not with the test's 20), and then the test starts the target again at half of 20.
    record(tmp_path, SAME_DAY_TEST, FILE, 1, {0: [20], 1: [8, 8, 8]})
    store = HistoryStore(tmp_path)
    rows = store.sessions()
    store.close()
    target = coach(SAME_DAY_TEST, rows, FILE).of(0, 1)
    assert target is not None and target.value == 10
    assert [(s.result, s.target, s.best) for s in target.steps] == [
        ("met", 8, 8.0),
        ("test", 10, 20),
    ]
    assert target.why == "from your test on 2026-11-01 (best set 20)"


def test_a_test_counts_by_what_its_set_ended_with(tmp_path: Path) -> None:
    # 20, then back (b) from the rest and done again with 16: the set, and so the test,
    # ended with 16 (half of it: 8).
    record(tmp_path, SAME_DAY_TEST, FILE, 1, {0: [(20, 16)]})
    store = HistoryStore(tmp_path)
    rows = store.sessions()
    store.close()
    target = coach(SAME_DAY_TEST, rows, FILE).of(0, 1)
    assert target is not None and target.value == 8
