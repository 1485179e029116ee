"""Recovery days: a plan whose workouts have day numbers is a calendar (the day each
workout is due follows from the last one done)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.history.report import due_date, recovery_line
from pushtimer.history.store import HistoryStore, SessionRow
from pushtimer.plan import load_plan
from tests.coach_history import record
from tests.conftest import SHIPPED_PLANS

BACK_WEEK = load_plan(SHIPPED_PLANS / "back-week.toml")


def _history(tmp_path: Path, day: int, workout: int) -> list[SessionRow]:
    first = BACK_WEEK.workouts[workout].exercises[0].name
    record(tmp_path, BACK_WEEK, "back-week.toml", day, {first: [12]}, workout=workout)
    store = HistoryStore(tmp_path)
    try:
        return store.sessions()
    finally:
        store.close()


def test_after_day_1_on_monday_day_3_is_due_on_wednesday(tmp_path: Path) -> None:
    rows = _history(tmp_path, 16, 0)  # Monday 16 Nov 2026
    assert due_date(rows, BACK_WEEK) == (1, date(2026, 11, 18))
    assert recovery_line(rows, BACK_WEEK, date(2026, 11, 17)) == (
        "Recovery day: Day 3 is due tomorrow"
    )
    assert recovery_line(rows, BACK_WEEK, date(2026, 11, 18)) is None  # due today
    assert recovery_line(rows, BACK_WEEK, date(2026, 11, 16)) == (
        "Recovery day: Day 3 is due on Wednesday (in 2 days)"
    )


def test_after_the_last_day_the_week_starts_again(tmp_path: Path) -> None:
    rows = _history(tmp_path, 20, 2)  # Day 5 on Friday 20 Nov: Day 1 on Monday 23 Nov
    assert due_date(rows, BACK_WEEK) == (0, date(2026, 11, 23))


def test_no_days_or_no_history_no_calendar(tmp_path: Path) -> None:
    assert due_date([], BACK_WEEK) is None
    variations = load_plan(SHIPPED_PLANS / "variations.toml")
    assert due_date(_history(tmp_path, 16, 0), variations) is None


def test_plans_says_it_is_a_recovery_day_with_the_plans_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(tmp_path, BACK_WEEK, str(SHIPPED_PLANS / "back-week.toml"), 16, {"Wide push-up": [12]})
    monkeypatch.setenv("PUSHTIMER_FAKE_NOW", "2026-11-17T09:00")
    result = CliRunner().invoke(cli, ["plans", "--data-dir", str(tmp_path)])
    lines = result.stdout.splitlines()
    assert lines[2] == "    Recovery day: Day 3 is due tomorrow (starting it early is fine)"
    assert lines[3].startswith("    The back grows between sessions. Aim for 1.6 to 2.2 g")
    monkeypatch.setenv("PUSHTIMER_FAKE_NOW", "2026-11-18T09:00")
    result = CliRunner().invoke(cli, ["plans", "--data-dir", str(tmp_path)])
    assert "Recovery day" not in result.stdout
