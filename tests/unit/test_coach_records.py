"""Records per exercise, and the ones a session beats."""

from __future__ import annotations

from pushtimer.coach.records import Records, new_records, records
from pushtimer.history.store import SessionRow, SetRow
from pushtimer.session.events import SetEnded


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


def _reps(name: str, done: int, target: str = "12", outcome: str = "done") -> SetRow:
    return SetRow(0, name, 1, None, target, done, None, 30.0, "x", outcome)  # type: ignore[arg-type]


def _hold(name: str, held: float) -> SetRow:
    return SetRow(1, name, 1, None, None, None, 30, 30.0, "x", "done", held)


def _ended(
    name: str, done: int | None, target: int | str | None = 12, held: float | None = None
) -> SetEnded:
    return SetEnded(
        0, name, 1, None, target, done, None if held is None else 30, held, 30.0, "done"
    )  # type: ignore[arg-type]


ROWS = [
    _row(3, _reps("Push", 25, "max"), _hold("Plank", 31.6)),
    _row(2, _reps("Push", 21, "max"), _reps("Push", 12), _reps("Push", 10, outcome="partial")),
    _row(1, _reps("Push", 0, outcome="skipped")),  # empty: holds nothing
]


def test_records_of_an_exercise() -> None:
    assert records(ROWS, "P", "Push") == Records(set=12, max=25, hold=None, session=43)
    assert records(ROWS, "P", "Plank") == Records(hold=31)
    assert records(ROWS, "P", "Push", leave_out=3).max == 21
    assert records(ROWS, "P", "Plank").lines() == ["longest hold: 31s"]


def test_a_session_beating_a_record_is_noted_with_the_old_one() -> None:
    ended = [_ended("Push", 13), _ended("Push", 13), _ended("Plank", None, None, 20.0)]
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
