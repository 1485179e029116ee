"""Random operations and clock jumps never break the engine's invariants."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from pushtimer.session.clock import FakeClock
from pushtimer.session.engine import Engine
from pushtimer.session.events import Event, WorkoutFinished
from pushtimer.session.timeline import build_timeline
from tests.conftest import plan_from

PLAN = plan_from(
    """
name = "Mixed"
[defaults]
prepare = 3
rest = 5
switch = 2
[[exercise]]
name = "Tempo"
sets = 2
reps = 2
tempo = "2-1-1-1"
[[exercise]]
name = "Hold"
hold = 4
per_side = true
[[exercise]]
name = "Max"
reps = "max"
"""
)
TIMELINE = build_timeline(PLAN.workouts[0], PLAN.defaults)


class EngineMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.engine = Engine(TIMELINE, self.clock)
        self.events: list[Event] = []
        self.rest_changed = 0.0

    def record(self, events: list[Event]) -> None:
        self.events += events

    @rule(seconds=st.floats(min_value=0, max_value=20, allow_nan=False))
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.record(self.engine.update())

    @rule()
    def to_next_deadline(self) -> None:
        deadline = self.engine.next_deadline()
        if deadline is not None:
            self.clock.set(deadline)
        self.record(self.engine.update())

    @rule()
    def pause(self) -> None:
        self.record(self.engine.toggle_pause())

    @rule()
    def skip(self) -> None:
        self.record(self.engine.skip())

    @rule()
    def back(self) -> None:
        self.record(self.engine.back())

    @rule(delta=st.sampled_from([15, -15]))
    def rest(self, delta: int) -> None:
        if self.engine.segment.kind == "rest":
            self.rest_changed += abs(delta)
        self.record(self.engine.adjust_rest(delta))

    @precondition(lambda self: self.engine.segment.kind == "open" and not self.engine.finished)
    @rule(reps=st.integers(min_value=0, max_value=50))
    def done(self, reps: int) -> None:
        self.record(self.engine.done(reps))

    @rule()
    def quit(self) -> None:
        self.record(self.engine.quit())

    @invariant()
    def time_left_is_sane(self) -> None:
        state = self.engine.state()
        assert 0 <= state.index < len(TIMELINE.segments)
        if state.remaining is not None:
            planned = state.segment.duration or 0
            assert 0 <= state.remaining <= planned + self.rest_changed + 1e-9
        assert state.elapsed >= 0 and state.remaining_total >= 0

    @invariant()
    def finish_comes_exactly_once_and_last(self) -> None:
        finished = [e for e in self.events if isinstance(e, WorkoutFinished)]
        assert len(finished) == (1 if self.engine.finished else 0)
        if finished:
            assert self.events[-1] is finished[0]


TestEngineMachine = EngineMachine.TestCase
TestEngineMachine.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)


class TimedOnly(RuleBasedStateMachine):
    """Without pauses or changes, a workout with no open sets ends exactly on its total."""

    def __init__(self) -> None:
        super().__init__()
        plan = plan_from(
            'name = "T"\n[defaults]\nprepare = 4\nrest = 7\n[[exercise]]\nname = "A"\nsets = 3\n'
            'reps = 2\ntempo = "3-1-X-0"\nper_side = true\n[[exercise]]\nname = "B"\nhold = 9\n'
        )
        self.timeline = build_timeline(plan.workouts[0], plan.defaults)
        self.clock = FakeClock()
        self.engine = Engine(self.timeline, self.clock)
        self.events: list[Event] = []

    @rule(seconds=st.floats(min_value=0, max_value=30, allow_nan=False))
    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.events += self.engine.update()

    @invariant()
    def finishes_on_the_total(self) -> None:
        finished = [e for e in self.events if isinstance(e, WorkoutFinished)]
        assert len(finished) <= 1
        if finished:
            assert finished[0].completed
            assert finished[0].planned == self.timeline.total_seconds
            assert finished[0].seconds == self.timeline.total_seconds


TestTimedOnly = TimedOnly.TestCase
TestTimedOnly.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
