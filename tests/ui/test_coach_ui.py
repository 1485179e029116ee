"""The coach on screen: the picker's targets and why, the mark on the workout screen, the
summary's targets for next time, and the history's progress view (chart or sparkline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Sparkline
from textual_plotext import PlotextPlot

from pushtimer.history.store import HistoryStore
from pushtimer.history.writer import HistoryWriter
from pushtimer.plan import load_plan
from pushtimer.plan.catalog import PlanFile
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.progress import ProgressScreen
from pushtimer.ui.screens.summary import SummaryScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.coach_history import record
from tests.ui.harness import Driver

PLAN_TEXT = """
name = "Coach test"
[defaults]
prepare = 5
rest = 5
rest_between_exercises = 5
[[workout]]
name = "Day A"
[[workout.exercise]]
name = "Wide push-up"
sets = 2
reps = 3
tempo = "1-0-1-0"
progress = { add = 1, up_to = 5, then = "Arched push-up" }
[[workout.exercise]]
name = "Plank"
hold = 10
progress = { add = "5s", up_to = "20s" }
"""


@pytest.fixture
def coached(tmp_path: Path) -> tuple[Path, Path]:
    """A plan in the user's folder, done twice in a real history: the plank alone and
    missed, then every set met."""
    path = tmp_path / "coach.toml"
    path.write_text(PLAN_TEXT)
    data = tmp_path / "data"
    plan = load_plan(path)
    record(data, plan, str(path), 18, {"Plank": [6]})
    record(data, plan, str(path), 20, {"Wide push-up": [3, 3], "Plank": [10]})
    return path, data


def picker_app(path: Path, data: Path) -> PushtimerApp:
    return PushtimerApp(
        clock=FakeClock(),
        plans=lambda: [PlanFile(path, "user")],
        history=HistoryStore(data),
        writer=HistoryWriter(data),
    )


async def test_the_picker_shows_the_targets_in_effect_and_why(coached: tuple[Path, Path]) -> None:
    app = picker_app(*coached)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        details = app.screen.query_one("#details", TextLine).text.splitlines()
        assert "Wide push-up: 2 x 4 reps (+1), tempo 1-0-1-0" in details
        assert "(met 3 reps on 2026-11-20: up to 4 reps)" in details
        assert "Plank: 1 x 15s hold (+5s)" in details


async def test_a_session_runs_at_its_targets_and_the_summary_says_what_comes_next(
    coached: tuple[Path, Path],
) -> None:
    app = picker_app(*coached)
    async with app.run_test(size=(100, 30)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("enter")
        assert ui.text("#position") == "Set 1/2 · 3 -> 4 reps"  # looking ahead to the set
        await ui.advance(5)
        assert ui.text("#position") == "Set 1/2 · Rep 1/4"
        await ui.advance(200)
        assert isinstance(app.screen, SummaryScreen)
        lines = [line.text for line in app.screen.query(".summary-step").results(TextLine)]
        assert lines == [
            "New record, Wide push-up: most reps in a set 4 (was 3)",
            "New record, Wide push-up: most reps in a session 8 (was 6)",
            "New record, Plank: longest hold 15s (was 10s)",
            "Wide push-up: 2x4 met; next time 5 reps",
            "Plank: 1x15s met; next time 20s",
        ]
        assert app.screen.notes == {"Wide push-up": "new record", "Plank": "new record"}
    assert app.writer is not None and app.writer.close() is None


async def test_the_progress_view_goes_through_the_exercises(coached: tuple[Path, Path]) -> None:
    app = picker_app(*coached)
    async with app.run_test(size=(100, 30)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("h", "p")
        assert isinstance(app.screen, ProgressScreen)
        assert ui.text("#coach-title") == "Progress: Plank (Coach test)  (1 of 2)"
        assert ui.text("#coach-target") == "Target now: 1x15s (+5s) in Day A"
        assert ui.text("#coach-records") == "Records: longest hold: 10s"
        assert app.screen.query_one(PlotextPlot).display
        assert not app.screen.query_one(Sparkline).display
        await ui.press("right")
        assert ui.text("#coach-title").startswith("Progress: Wide push-up")
        assert ui.text("#coach-last") == "Last: 20 Nov: 2 sets done, 6 reps"
        await ui.press("right")
        assert ui.text("#coach-title").startswith("Progress: Plank")
        await ui.press("escape")
        assert not isinstance(app.screen, ProgressScreen)


async def test_a_small_terminal_gets_a_sparkline_instead_of_the_chart(
    coached: tuple[Path, Path],
) -> None:
    app = picker_app(*coached)
    async with app.run_test(size=(40, 12)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("h", "p")
        assert isinstance(app.screen, ProgressScreen)
        assert not app.screen.query_one(PlotextPlot).display
        spark = app.screen.query_one(Sparkline)
        assert spark.display and list(spark.data or []) == [6, 10]


async def test_no_history_says_so_in_the_progress_view(tmp_path: Path) -> None:
    app = PushtimerApp(clock=FakeClock(), plans=lambda: [], history=HistoryStore(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("h", "p")
        assert ui.text("#coach-title") == "Progress: no sessions yet"
        await ui.press("right")  # nothing to go through: nothing happens
        assert not app.screen.query_one(Sparkline).display


async def test_on_a_recovery_day_the_picker_says_so_with_the_plans_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = Path(__file__).resolve().parents[2] / "plans" / "back-week.toml"
    plan = load_plan(shipped)
    record(tmp_path, plan, str(shipped), 16, {"Wide push-up": [12] * 4})  # Day 1, Monday
    monkeypatch.setenv("PUSHTIMER_FAKE_NOW", "2026-11-17T09:00")
    app = PushtimerApp(
        clock=FakeClock(),
        plans=lambda: [PlanFile(shipped, "shipped")],
        history=HistoryStore(tmp_path),
    )
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        details = app.screen.query_one("#details", TextLine).text.splitlines()
        assert details[0] == "Recovery day: Day 3 is due tomorrow; starting early is fine."
        assert details[2].startswith("The back grows between sessions.")
        assert details[4] == "Day 3: one arm and rows"  # the workout due, ready to start
