"""A whole short plan run to the summary by moving the fake clock, and how the app wakes."""

from __future__ import annotations

import itertools
from typing import Any

from pushtimer.ui.screens.summary import SummaryScreen, SummaryTable
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.text_line import TextLine
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app

TWO_SETS = """
name = "Two sets"
[defaults]
prepare = 3
rest = 4
rest_between_exercises = 4
[[exercise]]
name = "Wide push-up"
sets = 2
reps = 2
tempo = "3-1-1-0"
cues = ["Hands wider than the shoulders"]
[[exercise]]
name = "Wall sit"
hold = 5
"""


async def test_a_whole_plan_shows_every_phase_in_order_and_ends_on_the_summary() -> None:
    app = session_app(plan_from(TWO_SETS))
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        words = [ui.word]
        while isinstance(app.screen, WorkoutScreen):
            wake = app.next_wake
            assert wake is not None
            ui.clock.set(wake)
            app.catch_up()
            if isinstance(app.screen, WorkoutScreen) and ui.word != words[-1]:
                words.append(ui.word)
            await pilot.pause()
        rep = ["DOWN", "BOTTOM", "UP"]
        assert words == [
            "GET READY",
            *rep * 2,
            "REST",
            "GET READY",
            *rep * 2,
            "REST",
            "GET READY",
            "HOLD",
        ]
        assert isinstance(app.screen, SummaryScreen)
        lines = [line.text for line in app.screen.query(TextLine)]
        assert lines[0] == "Workout complete"
        table = app.screen.query_one(SummaryTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "Exercise", "Sets", "Part", "Skip", "Reps", "Held", "Time",
        ]  # fmt: skip
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["Wide push-up", "2/2", "", "", "4/4", "", "0:20"],
            ["Wall sit", "1/1", "", "", "", "5s/5s", "0:05"],
        ]
        assert lines[2] == "3 of 3 sets done; 4 of 4 reps; held 5s of 5s in 0:36"
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0


class _FakeTimer:
    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


async def test_one_timer_wakes_exactly_at_each_boundary_and_each_second_shown() -> None:
    app = session_app(plan_from(TWO_SETS))
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        timers: list[_FakeTimer] = []

        def set_timer(delay: float, callback: object, name: str | None = None) -> _FakeTimer:
            timers.append(_FakeTimer(delay))
            return timers[-1]

        app.set_timer = set_timer  # type: ignore[method-assign,assignment]
        start = ui.clock.now()
        wakes = []
        for _ in range(8):
            app.catch_up()
            assert sum(not t.stopped for t in timers) == 1  # never more than one armed
            assert timers[-1].delay == app.next_wake - ui.clock.now()  # type: ignore[operator]
            wake = app.next_wake
            assert wake is not None
            wakes.append(round(wake - start, 6))
            ui.clock.set(wake)
        # GET READY 3-2-1, DOWN with its ticks at 1 s and 2 s, BOTTOM, UP, rep 2's DOWN.
        assert wakes == [1, 2, 3, 4, 5, 6, 7, 8]
        await ui.press("space")
        assert all(t.stopped for t in timers) and app.next_wake is None


async def test_a_late_wake_lands_in_the_right_phase_without_shifting_the_plan() -> None:
    app = session_app(plan_from(TWO_SETS))
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        start = ui.clock.now()
        ui.clock.set(start + 9.4)  # the event loop stalled from 0 to 9.4 s
        app.catch_up()
        await pilot.pause()
        assert (ui.word, ui.text("#position"), ui.band.number) == ("DOWN", "Set 1/2 · Rep 2/2", "2")
        assert app.next_wake == start + 10  # DOWN's second tick, on the plan's second


async def test_the_big_figure_and_the_band_redraw_only_when_what_they_show_changes() -> None:
    app = session_app(plan_from(TWO_SETS))
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        drawn: dict[str, list[tuple[str, Any]]] = {"figure": [], "band": []}
        for name, widget in (("figure", app.screen.query_one(BigFigure)), ("band", ui.band)):
            original = widget.render

            def counting_render(
                name: str = name, original: Any = original, widget: Any = widget
            ) -> Any:
                rendered = original()
                drawn[name].append((rendered.plain, widget.size))
                return rendered

            widget.render = counting_render  # type: ignore[method-assign]
        for _ in range(40):  # many more catch-ups than seconds passing
            ui.clock.advance(0.1)
            app.catch_up()
            await pilot.pause()
        # 4 s passed: 3-2-1 of GET READY, then rep 1 of DOWN (the figure, and again at its
        # new size once the tempo bar takes a row); the band: GET READY turns the colour of
        # DOWN (the same word), then DOWN 3, DOWN 2. Never the same picture twice running.
        for pictures in drawn.values():
            assert all(a != b for a, b in itertools.pairwise(pictures))
        assert len(drawn["figure"]) <= 5
        assert len(drawn["band"]) <= 4


async def test_the_form_reminder_turns_over_every_six_seconds() -> None:
    plan = plan_from(
        """
        name = "Long hold"
        [defaults]
        prepare = 0
        [[exercise]]
        name = "Plank"
        hold = 30
        cues = ["Squeeze the glutes", "Elbows under the shoulders"]
        """
    )
    app = session_app(plan)
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        seen = [ui.text("#reminder")]
        for _ in range(4):
            await ui.advance(6)
            seen.append(ui.text("#reminder"))
        assert seen == [
            "Squeeze the glutes",
            "Elbows under the shoulders",
            "Keep your back straight from head to heels.",
            "Breathe out on the way up.",
            "Stop at once if anything hurts: sharp pain is a signal, not a challenge.",
        ]
