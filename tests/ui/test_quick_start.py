"""Where the quick-set form starts: the last quick set's values, else the settings' [quick],
else the built-in ones; and the settings' [defaults] in the picker's plans. Pilot tests on
a fake clock, with the last quick set kept in a real file."""

from __future__ import annotations

import functools
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList

from pushtimer.plan.catalog import user_plans_dir
from pushtimer.session.clock import FakeClock
from pushtimer.settings.last_quick import LAST_QUICK_NAME, last_quick, save_last_quick
from pushtimer.settings.model import QuickSettings
from pushtimer.ui.app import AppSettings, PushtimerApp
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.screens.quick_form import QuickFormScreen
from pushtimer.ui.screens.summary import SummaryScreen
from tests.ui.harness import Driver
from tests.ui.test_picker import _open_quick_form

BUILT_IN = QuickSettings().values()


def _shown(app: PushtimerApp) -> dict[str, object]:
    form = app.screen
    assert isinstance(form, QuickFormScreen)
    fields = {name: form.query_one(f"#{name}", Input).value for name in ("reps", "hold", "sets")}
    fields |= {name: form.query_one(f"#{name}", Input).value for name in ("tempo", "rest")}
    return {**fields, "per_side": form.query_one("#per-side", Checkbox).value}


def _fill(app: PushtimerApp, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#{name}", Input).value = value


async def test_the_form_keeps_what_was_started_and_the_next_app_starts_from_it(
    tmp_path: Path,
) -> None:
    app = PushtimerApp(
        clock=FakeClock(),
        settings=AppSettings(quick_start=last_quick(tmp_path, BUILT_IN)),
        remember_quick=functools.partial(save_last_quick, tmp_path),
    )
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, app)
        assert _shown(app) == {
            "reps": "12",
            "hold": "",
            "sets": "1",
            "tempo": "3-1-1-0",
            "rest": "60",
            "per_side": False,
        }
        _fill(app, reps="8", sets="3", tempo="2-0-1-0", rest="1m30s")
        app.screen.query_one("#per-side", Checkbox).value = True
        await pilot.press("enter")
        await pilot.pause()
    assert (tmp_path / LAST_QUICK_NAME).is_file()

    again = PushtimerApp(
        clock=FakeClock(), settings=AppSettings(quick_start=last_quick(tmp_path, BUILT_IN))
    )
    async with again.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, again)
        assert _shown(again) == {
            "reps": "8",
            "hold": "",
            "sets": "3",
            "tempo": "2-0-1-0",
            "rest": "1m30s",
            "per_side": True,
        }


async def test_back_in_the_picker_the_form_starts_from_the_set_just_done() -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, app)
        _fill(app, reps="", hold="20s", sets="2")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("q", "d")  # stop: done for today
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await _open_quick_form(pilot, app)
        shown = _shown(app)
        assert (shown["reps"], shown["hold"], shown["sets"]) == ("", "20s", "2")


async def test_with_nothing_kept_the_form_starts_from_the_settings(tmp_path: Path) -> None:
    settings = QuickSettings(reps="max", sets=4, tempo="free", rest=45, prepare=2)
    (tmp_path / LAST_QUICK_NAME).write_text("{broken")  # ignored
    app = PushtimerApp(
        clock=FakeClock(),
        settings=AppSettings(quick_start=last_quick(tmp_path, settings.values())),
    )
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_quick_form(pilot, app)
        assert _shown(app) == {
            "reps": "max",
            "hold": "",
            "sets": "4",
            "tempo": "free",
            "rest": "45",
            "per_side": False,
        }
        await pilot.press("enter")
        await pilot.pause()
        ui = Driver(app, pilot)
        await ui.advance(0)
        assert (ui.word, ui.figure) == ("GET READY", "2")  # the settings' prepare


async def test_the_picker_fills_in_the_settings_defaults_for_plans() -> None:
    folder = user_plans_dir()
    folder.mkdir(parents=True)
    (folder / "bare.toml").write_text(
        'name = "Bare"\n[[exercise]]\nname = "Push-up"\nreps = 1\ntempo = "1-0-0-0"\nsets = 2\n'
    )
    for defaults, total in ((None, "1:12"), ({"prepare": 0, "rest": 10}, "0:12")):
        app = PushtimerApp(clock=FakeClock(), settings=AppSettings(plan_defaults=defaults))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            prompts = [str(o.prompt).strip() for o in app.screen.query_one(OptionList).options]
            assert any(p.startswith("Bare") and p.endswith(total) for p in prompts), prompts


async def test_in_a_small_terminal_tab_brings_each_field_of_the_form_into_view() -> None:
    from textual.widgets import Button

    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await _open_quick_form(pilot, app)
        screen = app.screen.region
        for _ in range(6):  # reps, hold, sets, tempo, rest, each side, then Start
            await pilot.press("tab")
        await pilot.pause()
        start = app.screen.query_one("#start", Button)
        assert app.screen.focused is start
        assert screen.contains_region(start.region), (start.region, screen)
