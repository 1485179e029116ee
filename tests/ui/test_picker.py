"""The plan picker and the quick-set form, driven with keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList

from pushtimer.plan.catalog import user_plans_dir
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.help import HelpScreen
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.screens.quick_form import QuickFormScreen
from pushtimer.ui.screens.summary import SummaryScreen
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.ui.harness import Driver


def _prompts(app: PushtimerApp) -> list[str]:
    options = app.screen.query_one(OptionList).options
    return [str(option.prompt) for option in options]


async def test_lists_shipped_plans_with_each_workout_and_its_time() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        prompts = [p.strip() for p in _prompts(app)]
        assert "Back-focused push-up week" in prompts
        day1 = next(p for p in prompts if p.startswith("Day 1: wide and arched"))
        assert day1.endswith("12:40")
        assert any(p.startswith("Your plans: save .toml files in ") for p in prompts)
        assert prompts[-1] == "Quick set: one exercise, now"
        details = app.screen.query_one("#details", TextLine).text
        assert details.startswith("Day 1: wide and arched\n12:40 in all")
        assert "Wide push-up: 4 x 12 reps, tempo 3-1-1-0" in details


async def test_enter_starts_the_highlighted_workout() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")  # the second workout: Day 3
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert app.session is not None
        assert app.session.title == "Back-focused push-up week: Day 3: one arm and rows"


async def test_leaving_the_summary_goes_back_to_the_picker() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q", "d")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.is_running


def _write_user_plans() -> Path:
    folder = user_plans_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(
        'name = "[b]My[/b] plan"\n[[exercise]]\nname = "Slow push"\nreps = 5\n'
    )
    (folder / "broken.toml").write_text('name = "Broken"\n[[exercise]]\nname = "x"\nrepz = 5\n')
    return folder


async def test_user_plans_are_listed_and_a_broken_one_says_where_to_look() -> None:
    folder = _write_user_plans()
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        prompts = [p.strip() for p in _prompts(app)]
        assert f"Your plans ({folder})" in prompts
        assert f"broken: 1 problem; see pushtimer validate {folder / 'broken.toml'}" in prompts
        assert "[b]My[/b] plan" in prompts  # shown literally


async def _open_quick_form(pilot: object, app: PushtimerApp) -> None:
    plans = app.screen.query_one(OptionList)
    plans.highlighted = len(plans.options) - 1
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, QuickFormScreen)


async def test_quick_set_form_starts_a_one_exercise_session() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, app)
        form = app.screen
        form.query_one("#reps", Input).value = "8"
        form.query_one("#sets", Input).value = "3"
        form.query_one("#tempo", Input).value = "2-0-1-0"
        form.query_one("#per-side", Checkbox).value = True
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        ui = Driver(app, pilot)
        await ui.advance(5)
        assert (ui.word, ui.text("#position")) == ("DOWN", "Set 1/3 · Left · Rep 1/8")


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("reps", "0", '"reps" must be a whole number from 1 to 500 or "max", got 0'),
        ("tempo", "3-x", '"tempo" must be four phases like "3-1-1-0"'),
        ("rest", "soon", '"rest" must be a duration from 0 to 3600 seconds'),
        ("reps", "", "give reps or a hold in seconds (one of the two)"),
    ],
)
async def test_quick_set_form_shows_problems_and_stays(
    field: str, value: str, problem: str
) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_quick_form(pilot, app)
        app.screen.query_one(f"#{field}", Input).value = value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickFormScreen)
        assert problem in app.screen.query_one("#problems", TextLine).text


async def test_quick_set_form_with_a_hold_and_escape_cancels() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await _open_quick_form(pilot, app)
        app.screen.query_one("#hold", Input).value = "45s"
        await pilot.press("enter")
        await pilot.pause()
        ui = Driver(app, pilot)
        await ui.advance(5)
        assert (ui.word, ui.text("#exercise"), ui.figure) == ("HOLD", "Hold", "45")


async def test_help_on_the_picker_lists_the_picker_keys() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [line.text for line in app.screen.query(TextLine)]
        assert any(line.startswith("h ") and "history" in line for line in lines)
        assert not any("skip" in line for line in lines)  # no workout keys here
        assert lines[-1] == "Escape or ? closes this."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
