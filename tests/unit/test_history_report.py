"""Reading the history: streaks across month ends, gaps and plan rest days; the next
workout due; weekly reps; best max sets; empty sessions, which never count; set outcomes;
and the CSV and JSON exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import msgspec
import pytest

from pushtimer.history.report import (
    CSV_COLUMNS,
    as_csv,
    as_json,
    counted,
    hidden_line,
    next_workout,
    set_outcomes,
    streak,
    table_lines,
    weekly_reps,
)
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SessionRow, SetRow
from pushtimer.plan import load_plan
from tests.conftest import SHIPPED_PLANS


def _row(
    started: str,
    plan: str = "Plan",
    day: int | None = None,
    days: str | None = None,
    completed: bool | None = True,
    workout: str = "Day",
    sets: tuple[SetRow, ...] | None = None,
    id_: int = 1,
) -> SessionRow:
    """A session; by default with one set done (a session with none is empty)."""
    done = (_set("A", 12),) if sets is None else sets
    return SessionRow(
        "p.toml", plan, 0, workout, day, days, started,
        id=id_, ended=None, completed=completed, seconds=60.0, sets=done,
    )  # fmt: skip


def _days(*iso_days: str, **kwargs: object) -> list[SessionRow]:
    rows = [_row(f"{d}T08:00:00+01:00", **kwargs) for d in iso_days]  # type: ignore[arg-type]
    return sorted(rows, key=lambda r: r.started, reverse=True)


@pytest.mark.parametrize(
    ("sessions", "today", "expected"),
    [
        ((), "2026-03-01", 0),
        (("2026-01-30", "2026-01-31", "2026-02-01"), "2026-02-01", 3),  # across a month end
        (
            ("2026-02-27", "2026-02-28", "2026-03-01"),
            "2026-03-02",
            3,
        ),  # February, not trained yet today
        (("2025-12-31", "2026-01-01"), "2026-01-01", 2),  # across a year end
        (("2026-01-28", "2026-01-30", "2026-01-31"), "2026-01-31", 2),  # a gap breaks it
        (("2026-01-28", "2026-01-29"), "2026-01-31", 0),  # nothing yesterday or today: over
        (("2026-01-29", "2026-01-29", "2026-01-30"), "2026-01-30", 2),  # two on one day count once
    ],
)
def test_daily_streaks(sessions: tuple[str, ...], today: str, expected: int) -> None:
    assert streak(_days(*sessions), date.fromisoformat(today)) == expected


def test_a_plan_with_rest_days_keeps_its_streak_through_them() -> None:
    week = [  # Day 1 Monday, Day 3 Wednesday, Day 5 Friday, then Day 1 the next Monday
        _row("2026-11-02T07:00:00+01:00", day=1, days="1,3,5"),
        _row("2026-11-04T07:00:00+01:00", day=3, days="1,3,5"),
        _row("2026-11-06T07:00:00+01:00", day=5, days="1,3,5"),
        _row("2026-11-09T07:00:00+01:00", day=1, days="1,3,5"),
    ]
    rows = sorted(week, key=lambda r: r.started, reverse=True)
    assert streak(rows, date(2026, 11, 9)) == 4
    assert streak(rows, date(2026, 11, 11)) == 4  # Wednesday, not trained yet: still on
    assert streak(rows, date(2026, 11, 12)) == 0  # Thursday: Day 3 was missed
    skipped = [r for r in rows if r.workout_day != 3]
    assert streak(skipped, date(2026, 11, 9)) == 2  # Monday to Friday is too long a rest


def test_next_workout_is_the_one_after_the_last_finished_and_wraps() -> None:
    plan = load_plan(SHIPPED_PLANS / "back-week.toml")
    names = [w.name for w in plan.workouts]
    assert next_workout([], plan) == (0, None)
    rows = [
        _row("2026-11-04T08:00:00+01:00", plan=plan.name, workout=names[2], completed=False),
        _row("2026-11-03T08:00:00+01:00", plan="Other", workout=names[0]),
        _row("2026-11-02T08:00:00+01:00", plan=plan.name, workout=names[1]),
    ]
    index, last = next_workout(rows, plan)
    assert (index, last is rows[2]) == (2, True)  # stopped early and other plans don't count
    done_last = [_row("2026-11-05T08:00:00+01:00", plan=plan.name, workout=names[2]), *rows]
    assert next_workout(done_last, plan)[0] == 0  # after the last workout: the first again


def _set(
    exercise: str,
    reps: int | None,
    target: str | None = "12",
    side: str | None = None,
    outcome: str = "done",
    number: int = 1,
) -> SetRow:
    hold = None if reps is not None else 30
    return SetRow(0, exercise, number, side, target, reps, hold, 40.0, "x", outcome)  # type: ignore[arg-type]


SKIPPED = (_set("A", 0, outcome="skipped"), _set("A", 0, outcome="skipped", number=2))


def test_an_empty_session_never_counts_for_the_streak_or_the_next_workout() -> None:
    plan = load_plan(SHIPPED_PLANS / "back-week.toml")
    names = [w.name for w in plan.workouts]
    rows = [
        _row("2026-11-05T08:00:00+01:00", plan=plan.name, workout=names[1], sets=SKIPPED),
        _row("2026-11-04T08:00:00+01:00", plan=plan.name, workout=names[0], sets=()),
        _row("2026-11-02T08:00:00+01:00", plan=plan.name, workout=names[0]),
    ]
    assert [r.empty for r in rows] == [True, True, False]
    assert counted(rows) == rows[2:]
    assert next_workout(rows, plan) == (1, rows[2])  # Day 1 done on the 2nd; Day 3 still due
    assert streak(rows, date(2026, 11, 5)) == 0  # only the 2nd counts, three days ago
    assert hidden_line(rows) == (
        "2 empty sessions (no set done) not shown: `pushtimer history --all` shows them."
    )
    assert hidden_line(rows[2:]) is None


def test_one_partial_set_makes_a_session_count() -> None:
    row = _row("2026-11-05T08:00:00+01:00", sets=(_set("A", 3, outcome="partial"), *SKIPPED))
    assert not row.empty and counted([row]) == [row]


def test_set_outcomes_take_each_sides_last_run() -> None:
    sets = (
        _set("A", 4, outcome="partial"),  # set 1, then redone after going back
        _set("A", 12),
        _set("B", 8, side="left", number=1),
        _set("B", 2, side="right", number=1, outcome="partial"),
        _set("B", 8, side="left", number=2),
        _set("B", 8, side="right", number=2),
        _set("C", 0, number=1, outcome="skipped"),
    )
    sets = tuple(
        msgspec.structs.replace(s, exercise_index=ord(s.exercise) - ord("A")) for s in sets
    )
    row = _row("2026-11-05T08:00:00+01:00", sets=sets)
    assert set_outcomes(row) == ["done", "partial", "done", "skipped"]


def test_the_table_shows_sets_by_outcome_and_fits_80_columns() -> None:
    row = _row(
        "2026-11-05T08:00:00+01:00",
        plan="A very long plan name indeed",
        sets=(
            _set("A", 12),
            _set("A", 5, outcome="partial", number=2),
            _set("A", 0, outcome="skipped", number=3),
        ),
    )
    header, line = table_lines([row])
    assert header.split() == [
        "ID",
        "Date",
        "Plan",
        "Workout",
        "Done",
        "Part",
        "Skip",
        "Reps",
        "Time",
        "Status",
    ]
    assert line.split()[-6:] == ["1", "1", "1", "17", "1:00", "complete"]
    assert "A very lo…" in line and max(len(header), len(line)) <= 80 - len("unfinished") + len(
        "complete"
    )


def test_weekly_reps_for_the_last_twelve_weeks() -> None:
    rows = [
        _row("2026-11-23T08:00:00+01:00", sets=(_set("A", 10), _set("A", 12))),  # this week
        _row("2026-11-16T08:00:00+01:00", sets=(_set("A", 5),)),  # last week's Monday
        _row("2026-11-15T08:00:00+01:00", sets=(_set("A", 7),)),  # the Sunday before
        _row("2026-08-01T08:00:00+01:00", sets=(_set("A", 99),)),  # over 12 weeks ago
    ]
    totals = weekly_reps(rows, date(2026, 11, 25))
    assert len(totals) == 12 and totals[-3:] == [7, 5, 22] and sum(totals) == 34


def _head(started: str, plan_file: str, plan: str, workout: str, day: int | None) -> SessionHead:
    return SessionHead(plan_file, plan, 0, workout, day, "1,3,5" if day else None, started)


@pytest.fixture
def known_history(tmp_path: Path) -> HistoryStore:
    """Two sessions on two days: one finished with a partial set, one stopped after a
    per-side hold held for 25 of 30 s."""
    store = HistoryStore(tmp_path)
    first = store.start_session(
        _head("2026-11-20T08:00:00+01:00", "/plans/back.toml", "Back week", "Day 1", 1)
    )
    store.add_set(
        first, SetRow(0, "Wide push-up", 1, None, "12", 12, None, 60.0, "2026-11-20T08:01:10+01:00")
    )
    store.add_set(
        first,
        SetRow(
            0, "Wide push-up", 2, None, "12", 11, None, 58.5, "2026-11-20T08:03:10+01:00", "partial"
        ),
    )
    store.end_session(first, SessionEnd(True, 200.0, None, "2026-11-20T08:03:20+01:00"))
    second = store.start_session(
        _head("2026-11-21T18:30:00+01:00", "quick set", "Hold", "Hold", None)
    )
    store.add_set(
        second,
        SetRow(
            0,
            "Side plank",
            1,
            "left",
            None,
            None,
            30,
            25.0,
            "2026-11-21T18:30:40+01:00",
            "partial",
            25.0,
        ),
    )
    store.end_session(second, SessionEnd(False, 41.0, "pain", "2026-11-21T18:30:41+01:00"))
    return store


def test_csv_has_a_header_and_one_row_per_set_oldest_first(known_history: HistoryStore) -> None:
    text = as_csv(known_history.sessions())
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    first = ["1", "2026-11-20T08:00:00+01:00", "Back week", "Day 1", "complete", "Wide push-up"]
    assert rows[1:] == [
        [*first, "1", "", "done", "12", "12", "", "", "60.0", "2026-11-20T08:01:10+01:00"],
        [*first, "2", "", "partial", "12", "11", "", "", "58.5", "2026-11-20T08:03:10+01:00"],
        [
            "2", "2026-11-21T18:30:00+01:00", "Hold", "Hold", "stopped", "Side plank",
            "1", "left", "partial", "", "", "30", "25.0", "25.0", "2026-11-21T18:30:40+01:00",
        ],
    ]  # fmt: skip


def test_csv_never_writes_a_live_formula(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path)
    session = store.start_session(
        _head("2026-11-20T08:00:00+01:00", "x.toml", '=HYPERLINK("http://x")', "+1", None)
    )
    store.add_set(session, SetRow(0, "@sum", 1, None, "12", 12, None, 1.0, "t"))
    rows = list(csv.reader(io.StringIO(as_csv(store.sessions()))))
    assert rows[1][2:4] == ['\'=HYPERLINK("http://x")', "'+1"] and rows[1][5] == "'@sum"


def test_json_has_every_session_newest_first_and_the_streak(known_history: HistoryStore) -> None:
    document = json.loads(json.dumps(as_json(known_history.sessions(), date(2026, 11, 21))))
    assert document["streak_days"] == 2
    newest, oldest = document["sessions"]
    assert (newest["plan"], newest["status"], newest["seconds"]) == ("Hold", "stopped", 41.0)
    assert (newest["stop_reason"], newest["empty"]) == ("pain", False)
    assert newest["sets"] == [
        {
            "exercise": "Side plank",
            "exercise_index": 0,
            "set": 1,
            "side": "left",
            "outcome": "partial",
            "reps_target": None,
            "reps_done": None,
            "hold_seconds": 30,
            "held_seconds": 25.0,
            "seconds": 25.0,
            "done_at": "2026-11-21T18:30:40+01:00",
        }
    ]
    assert (oldest["day"], oldest["plan_file"], len(oldest["sets"])) == (1, "/plans/back.toml", 2)
    assert [s["outcome"] for s in oldest["sets"]] == ["done", "partial"]
    assert oldest["sets"][0]["reps_target"] == 12  # a number, as a count is


def test_json_gives_a_rep_target_as_a_number_or_max(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path)
    session = store.start_session(_head("2026-11-20T08:00:00+01:00", "x.toml", "P", "D", None))
    store.add_set(session, SetRow(0, "Push-up", 1, None, "3", 3, None, 9.0, "t"))
    store.add_set(session, SetRow(0, "Push-up", 2, None, "max", 14, None, 40.0, "t"))
    document = json.loads(json.dumps(as_json(store.sessions(), date(2026, 11, 20))))
    assert [s["reps_target"] for s in document["sessions"][0]["sets"]] == [3, "max"]
