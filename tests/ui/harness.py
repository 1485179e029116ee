"""Driving the app in tests: a FakeClock moved by hand, and what each widget shows."""

from __future__ import annotations

from dataclasses import dataclass

from textual.pilot import Pilot

from pushtimer.plan import Plan
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import AppSettings, PushtimerApp, Start
from pushtimer.ui.palette import ThemeChoice
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.phase_banner import PhaseBanner
from pushtimer.ui.widgets.tempo_bar import TempoBar
from pushtimer.ui.widgets.text_line import TextLine
from pushtimer.ui.widgets.workout_progress import WorkoutProgress
from tests.conftest import plan_from

# Two tempo sets, a per-side hold, then a "max" set and a "free" one: every segment kind.
SHORT_PLAN = """
name = "Short"
[defaults]
prepare = 3
rest = 5
rest_between_exercises = 6
switch = 2
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Push"
sets = 2
reps = 2
tempo = "2-1-1-1"
cues = ["Shoulder blades together", "Body in one line"]
[[workout.exercise]]
name = "Plank"
hold = 4
per_side = true
[[workout.exercise]]
name = "Max push"
reps = "max"
tempo = "free"
[[workout.exercise]]
name = "Easy push"
reps = 5
tempo = "free"
"""


def short_plan() -> Plan:
    return plan_from(SHORT_PLAN)


def session_app(
    plan: Plan | None = None,
    clock: FakeClock | None = None,
    count_in: float = 0.0,
    theme: ThemeChoice = "dark",
) -> PushtimerApp:
    """The app opened straight on a plan's first workout, on a fake clock. Resuming goes
    straight on unless a ``count_in`` is given (the tests of it give one)."""
    return PushtimerApp(
        clock=clock or FakeClock(),
        start=Start(plan or short_plan(), 0, "short.toml"),
        settings=AppSettings(count_in=count_in, theme=theme),
    )


async def settle(pilot: Pilot[int]) -> None:
    """Wait for a scroll to end: it starts after the next refresh, then animates."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@dataclass
class Driver:
    """Moves the fake clock the way the app's own timer would, wake by wake."""

    app: PushtimerApp
    pilot: Pilot[int]

    @property
    def clock(self) -> FakeClock:
        clock = self.app.clock
        assert isinstance(clock, FakeClock)
        return clock

    async def advance(self, seconds: float) -> int:
        """Let ``seconds`` pass, waking at every moment the app asked to; returns how many
        wakes that took."""
        target = self.clock.now() + seconds
        wakes = 0
        while (wake := self.app.next_wake) is not None and wake <= target:
            self.clock.set(max(wake, self.clock.now()))
            self.app.catch_up()
            wakes += 1
        self.clock.set(target)
        self.app.catch_up()
        await self.pilot.pause()
        return wakes

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.pilot.pause()

    def text(self, selector: str) -> str:
        return self.app.screen.query_one(selector, TextLine).text

    @property
    def word(self) -> str:
        return self.app.screen.query_one(PhaseBanner).word

    @property
    def figure(self) -> str:
        """The big figure's value: the rep in a tempo set, else the seconds."""
        return self.app.screen.query_one(BigFigure).value

    @property
    def band(self) -> PhaseBanner:
        return self.app.screen.query_one(PhaseBanner)

    @property
    def lit(self) -> str:
        return self.app.screen.query_one(TempoBar).current

    @property
    def time_left(self) -> str:
        return self.app.screen.query_one(WorkoutProgress).time_left
