"""Terminal sizes, resizing mid-session, plan text shown literally, and NO_COLOR."""

from __future__ import annotations

import pytest
from textual.widgets import Digits

from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app


def _visible(app: PushtimerApp, selector: str) -> bool:
    return app.screen.query_one(selector).display


@pytest.mark.parametrize(
    ("size", "digits", "line", "too_small"),
    [
        ((80, 24), True, False, False),
        ((56, 20), True, False, False),
        ((40, 12), False, True, False),
        ((120, 14), False, True, False),
        ((39, 24), False, False, True),
        ((80, 11), False, False, True),
        ((30, 8), False, False, True),
    ],
)
async def test_the_layout_fits_the_terminal(
    size: tuple[int, int], digits: bool, line: bool, too_small: bool
) -> None:
    app = session_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        session_shown = _visible(app, "#session")
        assert session_shown is not too_small
        assert _visible(app, "#too-small") is too_small
        if session_shown:
            assert _visible(app, "#digits") is digits
            assert _visible(app, "#count-line") is line


async def test_resizing_never_stops_or_restarts_the_session() -> None:
    app = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        assert app.session is not None
        engine = app.session.engine
        for size in ((30, 8), (40, 12), (10, 3), (80, 24)):
            await pilot.resize_terminal(*size)
            await ui.advance(1)
        assert app.session.engine is engine and isinstance(app.screen, WorkoutScreen)
        assert (ui.word, ui.text("#position")) == ("DOWN", "Set 1/2 · Rep 2/2")  # 8 s in
        assert ui.text("#count-line") == "2s left"


MARKUP_PLAN = """
name = "[bold red]x[/] plan"
[defaults]
prepare = 2
[[workout]]
name = "[link=http://example.com]day[/link]"
[[workout.exercise]]
name = "[reverse]Push[/reverse] up"
reps = 2
cues = ["[blink]hold[/blink] $var [i]still"]
"""


async def test_plan_text_with_markup_is_shown_exactly_as_typed() -> None:
    app = session_app(plan_from(MARKUP_PLAN))
    async with app.run_test(size=(100, 24)) as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        assert ui.text("#title") == "[bold red]x[/] plan: [link=http://example.com]day[/link]"
        await ui.advance(2)
        line = app.screen.query_one("#exercise", TextLine)
        assert line.render().plain == "[reverse]Push[/reverse] up"  # type: ignore[union-attr]
        reminder = app.screen.query_one("#reminder", TextLine)
        assert reminder.render().plain == "[blink]hold[/blink] $var [i]still"  # type: ignore[union-attr]
        assert not reminder.render().spans  # type: ignore[union-attr]
        title = app.screen.query_one("#title", TextLine).render()
        assert title.plain.startswith("[bold red]x[/]")  # type: ignore[union-attr]


async def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = session_app()
    assert app.no_color
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("space")
        assert ui.word == "PAUSED"  # told by the word, not by colour alone


async def test_digits_show_minutes_from_a_minute_up() -> None:
    plan = plan_from(
        'name = "Rest"\n[[exercise]]\nname = "Hold"\nhold = 90\n[defaults]\nprepare = 0'
    )
    app = session_app(plan)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one(Digits).value == "1:30"
