"""Terminal sizes, resizing mid-session, plan text shown literally, and NO_COLOR."""

from __future__ import annotations

import pytest
from textual import events
from textual.message import Message

from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.workout import WorkoutScreen, size_classes
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.phase_banner import PhaseBanner
from pushtimer.ui.widgets.text_line import TextLine
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app


def _visible(app: PushtimerApp, selector: str) -> bool:
    return app.screen.query_one(selector).display


@pytest.mark.parametrize(
    ("size", "layout", "figure_rows"),
    [
        ((80, 24), "full", 7),
        ((160, 48), "full", 14),
        ((56, 20), "full", 4),
        ((40, 12), "compact", 1),
        ((120, 14), "compact", 1),
        ((20, 6), "mini", 1),
        ((39, 11), "mini", 1),
        ((19, 24), "too small", 0),
        ((80, 5), "too small", 0),
    ],
)
async def test_the_layout_fits_the_terminal(
    size: tuple[int, int], layout: str, figure_rows: int
) -> None:
    """The figure takes the rows the rest leaves (at least ``figure_rows``); from 20x6 the
    phase, the figure and the set; below that only the "too small" line."""
    app = session_app()
    async with app.run_test(size=size) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)  # in DOWN: every line of a tempo set shows
        assert _visible(app, "#session") is (layout != "too small")
        assert _visible(app, "#too-small") is (layout == "too small")
        if layout == "too small":
            return
        figure = app.screen.query_one(BigFigure)
        assert figure.rows >= figure_rows
        assert figure.region.bottom <= size[1] and figure.region.right <= size[0]
        for selector in ("#phase", "#figure", "#position"):
            assert _visible(app, selector)
        for selector in ("#title-bar", "#exercise", "#tempo", "#reminder", "#progress", "Footer"):
            assert _visible(app, selector) is (layout != "mini"), selector
        if layout == "mini":
            assert figure.rows == 1 and figure.render().plain == "Rep 1"  # type: ignore[union-attr]
        if layout != "full":
            assert app.screen.query_one(PhaseBanner).size.height == 1


SIZE_CLASSES = ("-w-", "-h-")


def _size_classes(app: PushtimerApp) -> set[str]:
    return {name for name in app.screen.classes if name.startswith(SIZE_CLASSES)}


@pytest.mark.parametrize("size", [(80, 24), (160, 48), (40, 12), (20, 6), (19, 5), (56, 31)])
async def test_the_size_classes_are_set_before_the_first_resize(size: tuple[int, int]) -> None:
    """The screen starts with the classes Textual's breakpoints give it on a resize, so its
    widgets are styled once for the size they are drawn at; a resize away and back gives
    the same classes (Textual's own reckoning agrees with ours)."""
    expected = {name for name, on in size_classes(*size).items() if on}
    assert len(expected) == 2
    app = session_app()
    at_mount: list[set[str]] = []

    def hook(message: Message) -> None:
        if isinstance(message, events.Mount) and isinstance(message._sender, WorkoutScreen):
            at_mount.append(_size_classes(app))

    async with app.run_test(size=size, message_hook=hook) as pilot:
        assert at_mount == [expected]  # before the screen's first resize
        assert _size_classes(app) == expected
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        assert _size_classes(app) == {"-w-full", "-h-tall"}
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert _size_classes(app) == expected


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
        assert (ui.band.number, ui.figure) == ("2", "2")


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
        assert app.screen.query_one(BigFigure).value == "1:30"
