"""Records per exercise, and the ones a session beats: each set counts by what it ended with,
and a name is one record in a plan, however many of its exercises carry it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pushtimer.coach.records import Records, new_records, records
from pushtimer.history.store import HistoryStore, SessionRow, SetRow
from pushtimer.session.events import Outcome, SetEnded
from tests.coach_history import Done, record
from tests.conftest import plan_from


def _row(id_: int, *sets: SetRow) -> SessionRow:
    return SessionRow(
        "p.toml",
        "P",
        0,
        "Day",
        None,
        None,
        f"2026-11-{id_:02d}T08:00:00+00:00",
        id=id_,
        ended="x",
        completed=True,
        seconds=1.0,
        sets=sets,
    )


def _reps(
    name: str,
    done: int,
    target: str = "12",
    outcome: Outcome = "done",
    number: int = 1,
    index: int = 0,
) -> SetRow:
    return SetRow(index, name, number, None, target, done, None, 30.0, "x", outcome)


def _hold(name: str, held: float) -> SetRow:
    return SetRow(1, name, 1, None, None, None, 30, 30.0, "x", "done", held)


def _ended(
    name: str,
    done: int | None,
    target: int | Literal["max"] | None = 12,
    held: float | None = None,
    number: int = 1,
    outcome: Outcome = "done",
    index: int = 0,
) -> SetEnded:
    return SetEnded(
        index, name, number, None, target, done, None if held is None else 30, held, 30.0, outcome
    )


ROWS = [
    _row(3, _reps("Push", 25, "max"), _hold("Plank", 31.6)),
    _row(
        2,
        _reps("Push", 21, "max"),
        _reps("Push", 12, index=1),
        _reps("Push", 10, outcome="partial", number=2, index=1),
    ),
    _row(1, _reps("Push", 0, outcome="skipped")),  # empty: holds nothing
]


def test_records_of_an_exercise() -> None:
    assert records(ROWS, "P", "Push") == Records(set=12, max=25, hold=None, session=43)
    assert records(ROWS, "P", "Plank") == Records(hold=31)
    assert records(ROWS, "P", "Push", leave_out=3).max == 21
    assert records(ROWS, "P", "Plank").lines() == ["longest hold: 31s"]


def test_a_session_beating_a_record_is_noted_with_the_old_one() -> None:
    ended = [_ended("Push", 13), _ended("Push", 13, number=2), _ended("Plank", None, None, 20.0)]
    assert new_records(ended, ROWS, None, "P") == {"Push": ["most reps in a set 13 (was 12)"]}


def test_a_first_max_set_is_noted_and_a_first_time_otherwise_is_not() -> None:
    assert new_records([_ended("Dips", 9, "max")], ROWS, None, "P") == {"Dips": ["first max set"]}
    assert new_records([_ended("Dips", 9)], ROWS, None, "P") == {}


def test_the_session_itself_is_left_out_when_it_is_already_in_the_history() -> None:
    assert new_records([_ended("Push", 25, "max")], ROWS, 3, "P") == {
        "Push": ["best max set 25 (was 21)"]
    }


def test_the_same_name_in_another_plan_is_another_exercise() -> None:
    assert records(ROWS, "Other plan", "Push") == Records()
    assert new_records([_ended("Push", 5)], ROWS, None, "Other plan") == {}


LADDER = plan_from(
    """
    name = "Ladder"
    [[workout]]
    name = "Day 1"
    [[workout.exercise]]
    name = "Push"
    sets = 2
    reps = 7
    [[workout.exercise]]
    name = "Push"
    reps = 3
    """,
    "ladder.toml",
)


def _history(tmp_path: Path, *sessions: dict[str | int, list[Done]]) -> list[SessionRow]:
    """The ladder's sessions, one a day, in a real history file; newest first."""
    for day, reps in enumerate(sessions, start=1):
        record(tmp_path, LADDER, "ladder.toml", day, reps)
    store = HistoryStore(tmp_path)
    try:
        return store.sessions()
    finally:
        store.close()


def test_records_count_what_each_set_ended_with_not_a_run_cut_short_by_going_back(
    tmp_path: Path,
) -> None:
    # Set 1 was gone back to after 2 reps, then done in full: 16 reps done, but the sets
    # ended with 7 + 7 (and 2 more in a set of 3, which is its own exercise: not here).
    rows = _history(tmp_path, {0: [(2, 7), 7]})
    assert rows[0].reps == 16  # every rep done counts towards what was done
    assert records(rows, "Ladder", "Push") == Records(set=7, session=14)


def test_a_run_gone_back_from_with_more_reps_than_the_set_ended_with_is_no_record(
    tmp_path: Path,
) -> None:
    # 9 reps of 7, then back (b) from the rest, and 6 this time: the set ended with 6.
    rows = _history(tmp_path, {0: [(9, 6), 7]})
    assert records(rows, "Ladder", "Push").set == 7
    assert records(rows, "Ladder", "Push").session == 13


def test_a_session_beats_a_record_only_by_what_its_sets_ended_with() -> None:
    before = [_row(1, _reps("Push", 12), _reps("Push", 12, number=2))]  # 12 a set, 24 a session
    ended = [
        _ended("Push", 13, outcome="partial"),  # cut short by going back
        _ended("Push", 12),  # set 1 again: it ended with 12
        _ended("Push", 12, number=2),
    ]
    assert new_records(ended, before, None, "P") == {}


def test_two_exercises_of_one_name_in_a_plan_hold_one_record(tmp_path: Path) -> None:
    # A record is of the movement: the second "Push" (its own set 1) adds to the session's
    # reps and competes for the best set, and neither hides the other's set 1.
    rows = _history(tmp_path, {0: [6, 5], 1: [3]})
    assert records(rows, "Ladder", "Push") == Records(set=6, session=14)
    ended = [_ended("Push", 7), _ended("Push", 7, number=2), _ended("Push", 3, index=1)]
    assert new_records(ended, rows, None, "Ladder") == {
        "Push": ["most reps in a set 7 (was 6)", "most reps in a session 17 (was 14)"]
    }
