"""The plan picker and the quick-set form, driven with keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Checkbox, Input, OptionList

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.plan.catalog import user_plans_dir
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.help import HelpScreen
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.screens.quick_form import QuickFormScreen
from pushtimer.ui.screens.summary import SummaryScreen
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.ui.harness import Driver, settle


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


async def test_down_and_enter_sent_at_once_start_the_workout_down_chose() -> None:
    from textual import events

    app = PushtimerApp(clock=FakeClock())
    async with app.run_test() as pilot:
        await pilot.pause()
        app.post_message(events.Key("down", None))  # (as a paste or a fast typist sends them)
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen) and app.session is not None
        assert app.session.title == "Back-focused push-up week: Day 3: one arm and rows"


@pytest.mark.parametrize("after", ["e", "enter", "h", "i"])
async def test_keys_typed_right_after_q_open_nothing_while_the_app_closes(after: str) -> None:
    """``q`` then ``e`` in one burst once opened the plan form as the app closed, and the
    form, its widgets gone, ended pushtimer with a traceback."""
    from textual import events

    app = PushtimerApp(clock=FakeClock())
    async with app.run_test() as pilot:
        await pilot.pause()
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(after, None))
        app.post_message(events.Key("s", "s"))
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [PickerScreen]
        assert app.session is None
    assert app.return_code == 0


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
        await pilot.press("1")  # putting it right: the problem goes
        assert app.screen.query_one("#problems", TextLine).text == ""


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
        lines = app.screen.lines()
        assert any(line.startswith("h ") and "history" in line for line in lines)
        assert not any("skip" in line for line in lines)  # no workout keys here
        assert lines[-1] == "Escape or ? closes this."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


# 80 characters
LONG_WORKOUT = "Archer push-up with a slow lowering, hands wide, elbows back and feet on a bench"


def _long_named_plans(tmp_path: Path, workouts: int = 3) -> tuple[Path, HistoryStore]:
    """A user plan whose second workout has an 80-character name and is due next (the
    first was done), and a broken plan beside it."""
    folder = _write_user_plans()
    names = ["Short day", LONG_WORKOUT, *(f"Day {n}" for n in range(3, workouts + 1))]
    (folder / "mine.toml").write_text(
        'name = "Mine"\n'
        + "".join(
            f'[[workout]]\nname = "{name}"\n[[workout.exercise]]\nname = "Push"\nreps = 5\n'
            for name in names
        )
    )
    store = HistoryStore(tmp_path / "history")
    when = "2026-11-18T07:30:00+01:00"
    session = store.start_session(
        SessionHead("mine.toml", "Mine", 0, "Short day", None, None, when)
    )
    store.add_set(session, SetRow(0, "Push", 1, None, "5", 5, None, 20.0, when))
    store.end_session(session, SessionEnd(True, 30.0, None, when))
    return folder, store


def _lines(plans: OptionList) -> list[str]:
    """The list's lines as they are on screen."""
    return [plans.render_line(y).text for y in range(plans.scrollable_content_region.height)]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
async def test_a_long_name_is_cut_so_its_time_and_next_stay_on_its_line(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    folder, store = _long_named_plans(tmp_path)
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        chosen = plans.options[plans.highlighted or 0]
        assert str(chosen.prompt).split("  ")[1] == LONG_WORKOUT  # highlighted: due next
        marked = [line for line in _lines(plans) if "< next" in line]
        assert len(marked) == 1  # in sight, and on one line with its workout
        line = marked[0].rstrip()
        assert line.endswith("0:35  < next")
        name = line.strip().split("…")[0]
        assert len(name) >= 10 and LONG_WORKOUT.startswith(name)
        assert cell_len(marked[0]) == plans.scrollable_content_region.width
        details = app.screen.query_one("#details", TextLine)
        if size[0] >= 80:
            assert details.display and details.text.splitlines()[0] == LONG_WORKOUT
        else:
            assert not details.display
        prompts = [str(option.prompt).strip() for option in plans.options]
        assert f"broken: 1 problem; see pushtimer validate {folder / 'broken.toml'}" in prompts


async def test_every_workout_is_one_line_and_the_times_stand_in_a_column(
    tmp_path: Path,
) -> None:
    _, store = _long_named_plans(tmp_path)
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        lines = _lines(plans)
        workouts = [
            line for line in lines if re.search(r"\d:\d\d( \+ open)?(  < next)?$", line.rstrip())
        ]
        count = sum(1 for o in plans.options if o.id and ":" in o.id)
        assert len(workouts) == count
        # No line of its own for the end of a name, a time or "< next": each one is the
        # workout's line, indented under its plan.
        assert all(line.startswith("  ") for line in workouts)
        assert not [line for line in lines if "< next" in line and line not in workouts]
        columns = {line.index(":", len(line.rstrip()) - 20) for line in workouts}
        assert len(columns) == 1, workouts  # every time's colon in one column


async def test_the_cut_follows_the_width_when_the_terminal_is_resized(tmp_path: Path) -> None:
    _, store = _long_named_plans(tmp_path)
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)

        def next_line() -> str:
            return next(line for line in _lines(plans) if "< next" in line).strip()

        line = next_line()  # room for all of it
        assert line.startswith(LONG_WORKOUT) and line.endswith(" 0:35  < next")
        for size in ((100, 30), (60, 20), (40, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            line = next_line()
            assert "…" in line and line.endswith("0:35  < next"), (size, line)
            assert cell_len(line) < size[0]


async def test_wide_characters_are_cut_by_their_cells(tmp_path: Path) -> None:
    folder = user_plans_dir()
    folder.mkdir(parents=True)
    wide = "腕立て伏せの日" * 8  # 56 characters, 112 cells
    (folder / "wide.toml").write_text(
        f'name = "Wide"\n[[workout]]\nname = "{wide}"\n[[workout.exercise]]\n'
        'name = "Push"\nreps = 5\n'
    )
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        line = next(line for line in _lines(plans) if "腕" in line)
        assert "…" in line and line.rstrip().endswith("0:35")
        assert cell_len(line) == plans.scrollable_content_region.width


async def test_many_workouts_scroll_with_a_scrollbar(tmp_path: Path) -> None:
    _, store = _long_named_plans(tmp_path, workouts=40)
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        assert plans.show_vertical_scrollbar
        assert plans.virtual_size.height > plans.scrollable_content_region.height
        await pilot.press("end")
        await settle(pilot)
        assert plans.scroll_y > 0
        assert "Quick set: one exercise, now" in [line.strip() for line in _lines(plans)]
        await pilot.press("up")
        await settle(pilot)
        assert any(line.strip().startswith("Day 40") for line in _lines(plans))
