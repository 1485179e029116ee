"""The floor, round two: the side large on the band (``DOWN · LEFT``, ``SWITCH → RIGHT``),
the top line with the phase's seconds and the side, and a phase word that grows with the
window, never under a third of the big figure. On a fake clock."""

from __future__ import annotations

import pytest

from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.blockfont import SMALL, draw
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.phase_banner import PhaseBanner
from pushtimer.ui.widgets.text_line import StatusLine
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app

# prepare 0-4; left: rep 1 DOWN 4-6, UP 6-7, rep 2 DOWN 7-9, UP 9-10; switch 10-15 (GET
# READY from 12); right: 15-21; rest 21-27; plank left 27-57, switch 57-62, right 62-92.
SIDES = """
name = "Sides"
[defaults]
prepare = 4
switch = 5
rest_between_exercises = 6
[[exercise]]
name = "Side push-up"
reps = 2
per_side = true
tempo = "2-0-1-0"
[[exercise]]
name = "Side plank"
hold = 30
per_side = true
"""


def _app() -> PushtimerApp:
    return session_app(plan_from(SIDES))


def _top(app: PushtimerApp) -> str:
    return app.screen.query_one("#status", StatusLine).text


def _drawn(widget: PhaseBanner | BigFigure) -> list[str]:
    """The rows of a widget's picture that are not blank."""
    plain: str = widget.render().plain  # type: ignore[union-attr]
    return [line for line in plain.split("\n") if line.strip()]


async def test_the_band_reads_left_then_switch_to_the_right_then_right() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        seen = []
        for seconds in (4.5, 6, 2, 3, 2, 5):  # DOWN, switch, GET READY, DOWN, UP, REST
            await ui.advance(seconds)
            seen.append((ui.word, ui.band.side))
        assert seen == [
            ("DOWN", "· LEFT"),
            ("SWITCH", "→ RIGHT"),
            ("GET READY", "· RIGHT"),
            ("DOWN", "· RIGHT"),
            ("UP", "· RIGHT"),
            ("REST", ""),
        ]


async def test_the_side_is_drawn_in_the_block_letters_of_the_phase_word() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4.5)  # DOWN, left: word and side on one line of block letters
        assert ui.band.text == "↓ DOWN 2s · LEFT"
        drawn = _drawn(ui.band)
        for row in draw("↓ DOWN 2 · LEFT", SMALL, ui.band.lettering.word):
            assert row.strip() in "\n".join(drawn)
        await ui.advance(6)  # the switch
        assert ui.band.text == "SWITCH → RIGHT"
        assert any(draw("SWITCH → RIGHT", SMALL, 1)[1].strip() in row for row in _drawn(ui.band))
        await pilot.resize_terminal(160, 48)  # room for the side in large letters under the word
        await pilot.pause()
        layout = ui.band.lettering
        assert layout.below and layout.side >= 2
        rows = "\n".join(_drawn(ui.band))
        assert all(row.strip() in rows for row in draw("→ RIGHT", SMALL, layout.side))
        assert all(row.strip() in rows for row in draw("SWITCH", SMALL, layout.word))


async def test_where_no_block_letters_fit_the_side_is_plain_text_on_the_band() -> None:
    app = _app()
    async with app.run_test(size=(56, 20)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4.5)
        assert ui.band.lettering.word >= 1 and ui.band.lettering.side == 0
        assert any("· LEFT" in row for row in _drawn(ui.band))
        await pilot.resize_terminal(40, 12)  # the band is one line
        await pilot.pause()
        assert [row.strip() for row in _drawn(ui.band)] == ["↓ DOWN 2s · LEFT"]


async def test_the_top_line_carries_the_seconds_and_the_side() -> None:
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        lines = []
        # prepare, rep 1 and rep 2 of the left side, the switch, its GET READY, UP right,
        # the rest, then the plank: left, right, and right paused.
        for seconds in (0.5, 4, 3, 3, 2, 5, 4.5, 10, 35):
            await ui.advance(seconds)
            lines.append(_top(app))
        await ui.press("space")
        lines.append(_top(app))
        assert lines == [
            "GET READY 4 · LEFT",
            "↓ DOWN 2 · LEFT · Rep 1",
            "↓ DOWN 2 · LEFT · Rep 2",
            "SWITCH 5 → RIGHT",
            "GET READY 3 · RIGHT",
            "↑ UP 1 · RIGHT · Rep 1",
            "REST 5",
            "HOLD 25 · LEFT",
            "HOLD 25 · RIGHT",
            "‖ PAUSED · RIGHT · 25s left",
        ]


async def test_the_top_line_of_a_set_that_is_not_per_side_has_no_side() -> None:
    app = session_app()  # the short plan: 2 reps of 2-1-1-1, then rests, a plank, a max set
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        lines = []
        for seconds in (0.5, 8, 2, 1, 3):  # prepare, rep 2: DOWN, BOTTOM, UP; the rest
            await ui.advance(seconds)
            lines.append(_top(app))
        assert lines == [
            "GET READY 3",
            "↓ DOWN 2 · Rep 2",
            "BOTTOM 1 · Rep 2",
            "↑ UP 1 · Rep 2",
            "REST 4",
        ]
        assert ui.band.side == "" and not ui.band.sided


# (seconds from the start, each a moment to measure): every phase of both plans
SIDES_MOMENTS = (0.5, 4.5, 6.5, 10.5, 12.5, 15.5, 22.5, 25.5, 30.5, 58.5, 60.5, 70.5)
SHORT_MOMENTS = (0.5, 3.5, 5.5, 6.5, 7.5, 14.5, 16.5, 35.5, 38.5, 53.5)


@pytest.mark.parametrize(
    ("size", "least_word", "rows"),
    [
        # rows: in a per-side exercise and in one that is not, (the word's, the figure's)
        ((80, 24), 3, {True: (3, {7}), False: (5, {7, 11})}),
        ((160, 48), 9, {True: (10, {21}), False: (10, {28})}),
        ((40, 12), 1, {True: (1, {3}), False: (1, {3})}),
    ],
    ids=["80x24", "160x48", "40x12"],
)
@pytest.mark.parametrize("sides", [True, False], ids=["per_side", "not_per_side"])
async def test_the_phase_word_grows_with_the_window_and_is_a_third_of_the_figure(
    size: tuple[int, int],
    least_word: int,
    rows: dict[bool, tuple[int, set[int]]],
    sides: bool,
) -> None:
    """Through every phase: the word as many rows as the band's layout says (as drawn), at
    least ``least_word``, and the figure never more than three times as tall."""
    app = _app() if sides else session_app()
    async with app.run_test(size=size) as pilot:
        ui = Driver(app, pilot)
        figure = app.screen.query_one(BigFigure)
        seen: dict[bool, tuple[set[int], set[int]]] = {True: (set(), set()), False: (set(), set())}
        done = 0.0
        for moment in SIDES_MOMENTS if sides else SHORT_MOMENTS:
            await ui.advance(moment - done)
            done = moment
            word, tall = ui.band.word_rows, figure.rows
            assert word >= least_word and tall <= 3 * word, (moment, ui.band.text, word, tall)
            assert len(_drawn(figure)) == tall
            drawn = _drawn(ui.band)
            if ui.band.side and ui.band.lettering.below:  # the side on rows of its own
                assert len(drawn) > word
            else:
                assert len(drawn) == word, (moment, ui.band.text)
            seen[ui.band.sided][0].add(word)
            seen[ui.band.sided][1].add(tall)
        for sided, (words, figures) in seen.items():
            if words:
                assert words == {rows[sided][0]} and figures <= rows[sided][1], sided


async def test_the_figure_keeps_its_size_from_a_rest_into_the_get_ready_of_a_side() -> None:
    """The rest before a per-side exercise keeps the band's room for the side, so the
    figure does not shrink when GET READY · LEFT comes (3, 2, 1)."""
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        figure = app.screen.query_one(BigFigure)
        await ui.advance(22.5)
        assert (ui.word, ui.band.side, ui.band.sided) == ("REST", "", True)
        rest = (figure.rows, ui.band.word_rows, ui.band.size.height)
        await ui.advance(2.5)
        assert (ui.word, ui.band.side, ui.figure) == ("GET READY", "· LEFT", "2")
        assert (figure.rows, ui.band.word_rows, ui.band.size.height) == rest


async def test_in_a_narrow_tall_window_the_word_takes_two_lines_to_be_larger() -> None:
    """A phone upright (about 61x64 in the browser): ↓ DOWN over 2 at twice the scale one
    line would allow, so the figure may be twice as tall too."""
    app = session_app()
    async with app.run_test(size=(61, 64)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(3.5)
        lettering = ui.band.lettering
        assert lettering.wrapped and lettering.word == 2
        drawn = "\n".join(_drawn(ui.band))
        for line in ("↓ DOWN", "2"):
            assert all(row.strip() in drawn for row in draw(line, SMALL, 2))
        figure = app.screen.query_one(BigFigure)
        assert ui.band.word_rows == 5 and figure.rows == 14
