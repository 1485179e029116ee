"""The history in the app: the picker's "next" marker and "last done", the history screen
(h), sessions recorded as they run, and a new best on the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Sparkline

from pushtimer.history.store import HistoryStore, SetRow
from pushtimer.history.wallclock import FAKE_NOW
from pushtimer.plan import load_plan
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp, Start
from pushtimer.ui.screens.history import HistoryScreen
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.screens.summary import SummaryScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.conftest import SHIPPED_PLANS, plan_from
from tests.ui.harness import Driver

BACK_WEEK = load_plan(SHIPPED_PLANS / "back-week.toml")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HistoryStore:
    """Day 1 of the back week done on Monday 16 Nov, Day 3 on Wednesday 18 Nov."""
    history = HistoryStore(tmp_path)
    for when, index in (("2026-11-16T07:30:00+01:00", 0), ("2026-11-18T07:30:00+01:00", 1)):
        monkeypatch.setenv(FAKE_NOW, when)
        workout = BACK_WEEK.workouts[index]
        session = history.start_session(
            "back-week.toml", BACK_WEEK.name, index, workout.name, workout.day, "1,3,5"
        )
        history.end_session(session, completed=True, seconds=800.0)
    monkeypatch.setenv(FAKE_NOW, "2026-11-19T18:00:00+01:00")
    return history


async def test_the_picker_marks_the_next_workout_and_when_the_plan_was_last_done(
    store: HistoryStore,
) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        prompts = [str(option.prompt) for option in plans.options]
        heading = next(p for p in prompts if p.startswith(BACK_WEEK.name))
        assert heading.endswith("last done: Day 3: one arm and rows, Wed 18 Nov")
        marked = [p.split()[:2] for p in prompts if p.endswith("< next")]
        assert marked == [["Day", "5:"]]  # only plans with a history get a marker
        assert plans.highlighted is not None
        assert str(plans.options[plans.highlighted].prompt).strip().startswith("Day 5:")


async def test_h_opens_the_history_with_the_streak_and_weekly_reps(store: HistoryStore) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#streak", TextLine).text == "Streak: 2 days"
        assert len(app.screen.query_one(Sparkline).data or []) == 12
        sessions = app.screen.query_one("#sessions", TextLine).text.splitlines()
        assert sessions[1].startswith("2026-11-18 07:30 Back-focused pu… Day 3: one ar…")
        assert sessions[2].startswith("2026-11-16 07:30")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


MAX_PLAN = plan_from(
    'name = "Test"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Push-up"\nreps = "max"\n'
)


async def test_a_session_is_recorded_as_it_runs_and_a_new_best_is_marked(
    store: HistoryStore,
) -> None:
    earlier = store.start_session("test.toml", "Test", 0, "Test", None)
    store.add_set(earlier, SetRow(0, "Push-up", 1, None, "max", 21, None, 40.0, "x"))
    store.end_session(earlier, completed=True, seconds=40.0)
    app = PushtimerApp(clock=FakeClock(), start=Start(MAX_PLAN, 0, "test.toml"), history=store)
    async with app.run_test(size=(100, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(30)
        await ui.press("enter")
        await ui.press("2", "5", "enter")
        assert isinstance(app.screen, SummaryScreen)
        rows = [line.text for line in app.screen.query(".summary-row").results(TextLine)]
        assert rows[0].endswith("new best (was 21)")
    newest = store.sessions()[0]
    assert (newest.completed, [s.reps_done for s in newest.sets]) == (True, [25])
