"""Readable from the floor: the GET READY warning, the count-in, what the coming exercise
is, the figure setting, and a phase that shows without colour. On a fake clock."""

from __future__ import annotations

from typing import Any

import pytest

from pushtimer.plan import Plan
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import AppSettings, PushtimerApp, Start
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.phase_banner import PATTERNS
from pushtimer.ui.widgets.tempo_bar import cell_widths
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app

DESCRIBED = """
name = "Described"
[defaults]
prepare = 5
rest = 6
rest_between_exercises = 8
switch = 4
[[exercise]]
name = "Wide push-up"
description = "Hands wider than the shoulders; the upper back works harder."
sets = 2
reps = 2
cues = ["Shoulder blades together", "Body in one line"]
[[exercise]]
name = "Side plank"
description = "On one forearm, body straight."
hold = 10
per_side = true
"""


def _app(plan: Plan, **settings: Any) -> PushtimerApp:
    """The app on ``plan``, with ``settings`` (AppSettings' fields: theme=, big_figure=)."""
    shown = AppSettings(**settings)
    return PushtimerApp(clock=FakeClock(), start=Start(plan, 0, "test.toml"), settings=shown)


async def test_the_last_three_seconds_of_a_rest_read_get_ready_in_the_colour_of_the_work() -> None:
    app = _app(plan_from(DESCRIBED))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(1)
        assert (ui.word, ui.band.kind, ui.figure) == ("GET READY", "prepare", "4")
        await ui.advance(1.5)  # 2.5 s left of the prepare
        assert (ui.word, ui.band.kind, ui.figure) == ("GET READY", "down", "3")
        await ui.advance(2.5 + 10)  # the first set (2 reps of 5 s); the rest: 6 s
        assert (ui.word, ui.band.kind, ui.figure) == ("REST", "rest", "6")
        await ui.advance(3)
        assert (ui.word, ui.band.kind, ui.figure) == ("GET READY", "down", "3")
        await ui.advance(1)
        assert ui.figure == "2"
        await ui.advance(2)
        assert ui.word == "DOWN"


async def test_a_switch_says_which_side_comes_and_warns_in_the_colour_of_the_hold() -> None:
    app = _app(plan_from(DESCRIBED))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(5 + 10 + 6 + 10 + 8 + 10 + 0.5)  # into the switch: 4 s
        assert (ui.word, ui.band.kind) == ("SWITCH", "switch")
        assert ui.text("#description") == "Now the right side."
        await ui.advance(1)
        assert (ui.word, ui.band.kind, ui.figure) == ("GET READY", "hold", "3")


async def test_the_description_and_first_cue_show_before_each_exercise() -> None:
    app = _app(plan_from(DESCRIBED))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        assert (
            ui.text("#description")
            == "Hands wider than the shoulders; the upper back works harder."
        )
        assert ui.text("#reminder") == "Shoulder blades together"
        await ui.advance(5.5)  # the set: the description gives way
        assert ui.text("#description") == ""
        await ui.advance(10)  # the rest between sets of the same exercise: no description
        assert ui.word == "REST" and ui.text("#description") == ""
        await ui.advance(6 + 10)  # the rest before the side plank
        assert ui.text("#exercise") == "Next: Side plank"
        assert ui.text("#description") == "On one forearm, body straight."
        assert ui.text("#reminder") == "Keep your back straight from head to heels."


async def test_resuming_counts_in_and_the_rep_starts_again_from_its_lowering() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(3 + 5 + 2.5)  # rep 2: 0.5 s into its bottom
        assert (ui.word, ui.figure) == ("BOTTOM", "2")
        await ui.press("space")
        assert (ui.word, ui.band.shape) == ("PAUSED", "‖")
        await ui.advance(60)
        await ui.press("space")
        assert (ui.word, ui.band.kind, ui.figure) == ("GET READY", "down", "3")
        assert ui.text("#hint") == "Rep 2 begins with the lowering after the count"
        assert ui.text("#position") == "Set 1/2 · Rep 2/2"
        await ui.advance(1)
        assert ui.figure == "2"
        await ui.advance(2)
        assert (ui.word, ui.band.number, ui.figure, ui.band.shape) == ("DOWN", "2", "2", "↓")


async def test_the_figure_keeps_its_size_when_paused_and_counting_in() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        figure = app.screen.query_one(BigFigure)
        rows = figure.rows
        assert rows >= 7
        await ui.press("space")  # PAUSED, with "Space to go on" under the figure
        assert ui.text("#hint") == "Space to go on" and figure.rows == rows
        await ui.press("space")  # the count-in, with its hint
        assert ui.word == "GET READY" and figure.rows == rows


async def test_count_in_zero_goes_straight_on() -> None:
    app = session_app(count_in=0)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("space", "space")
        assert ui.word == "DOWN"


async def test_the_figure_can_show_the_seconds_of_the_phase_instead_of_the_rep() -> None:
    plan = plan_from(DESCRIBED)
    app = _app(plan, big_figure="seconds")
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(5.5)
        assert (ui.word, ui.figure, ui.band.number) == ("DOWN", "3", "")
        assert ui.text("#position") == "Set 1/2 · Rep 1/2"


async def test_zero_second_phases_are_left_out_of_the_tempo_bar() -> None:
    app = _app(plan_from(DESCRIBED))  # tempo 3-1-1-0: no top
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(5.5)
        bar = app.screen.query_one("#tempo")
        assert [kind for kind, _ in bar.phases] == ["down", "bottom", "up"]  # type: ignore[attr-defined]
        assert "TOP" not in bar.render().plain  # type: ignore[union-attr]


@pytest.mark.parametrize("size", [(40, 12), (56, 20), (80, 24), (160, 48)])
async def test_every_phase_of_the_tempo_bar_keeps_its_seconds(size: tuple[int, int]) -> None:
    """From 40 columns each phase reads whole (BOTTOM kept its word but lost "1s" at 40x12
    when cells were cut by seconds alone), and the longest phase keeps the widest cell."""
    app = _app(plan_from(DESCRIBED))  # tempo 3-1-1-0
    async with app.run_test(size=size) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(5.5)
        bar = app.screen.query_one("#tempo")
        text = bar.render().plain  # type: ignore[union-attr]
        for label in ("DOWN 3s", "BOTTOM 1s", "UP 1s"):
            assert label in text, text
        widths = cell_widths(bar.phases, bar.size.width)  # type: ignore[attr-defined]
        assert sum(widths) == bar.size.width and widths[0] == max(widths)


async def test_without_colour_each_band_has_a_pattern_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = _app(plan_from(DESCRIBED))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        seen = {}
        for seconds in (0.5, 5, 10, 6):  # prepare, down, rest, ...
            await ui.advance(seconds)
            seen[ui.band.kind] = ui.band.render().plain  # type: ignore[union-attr]
        await ui.press("space")
        seen["paused"] = ui.band.render().plain  # type: ignore[union-attr]
        assert {"prepare", "down", "paused"} <= set(seen)
        for kind, drawn in seen.items():
            assert PATTERNS[kind] in drawn
            others = set(PATTERNS.values()) - {PATTERNS[kind]}
            assert not any(mark in drawn for mark in others - {"‖"}), kind


@pytest.mark.parametrize("theme", ["dark", "light", "high-contrast"])
async def test_every_theme_opens(theme: str) -> None:
    app = _app(plan_from(DESCRIBED), theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == f"pushtimer-{theme}"
        assert isinstance(app.screen, WorkoutScreen)
