"""A session being run: the engine, what it has reported so far, and when to look again.

Both front ends (the TUI and plain mode) drive a LiveSession: they pass every batch of
engine events to ``record``, which keeps the completed sets, writes the cue log and tells
each listener (sound, history), and they sleep until ``next_wake``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pushtimer.plan.model import Plan
from pushtimer.session.clock import Clock
from pushtimer.session.cuelog import CueLog
from pushtimer.session.engine import Engine
from pushtimer.session.events import Event, SetCompleted, WorkoutFinished
from pushtimer.session.readout import seconds_to_next_change
from pushtimer.session.tally import SessionTally, outcome, tally
from pushtimer.session.timeline import Timeline, build_timeline

Listener = Callable[[Event, Timeline], None]  # told of each event as it is recorded


class LiveSession:
    """One workout of a plan, running against a clock."""

    def __init__(
        self,
        plan: Plan,
        workout: int,
        clock: Clock,
        cue_log: CueLog | None = None,
        listeners: Iterable[Listener] = (),
    ) -> None:
        self.plan = plan
        self.workout = workout
        self.timeline: Timeline = build_timeline(plan.workouts[workout], plan.defaults)
        self.clock = clock
        self.engine = Engine(self.timeline, clock)
        self.cue_log = cue_log
        self.listeners: list[Listener] = list(listeners)
        self.completed: list[SetCompleted] = []
        self.finish: WorkoutFinished | None = None

    @property
    def title(self) -> str:
        """``Plan: Workout``, or just the plan's name when they are the same."""
        name = self.timeline.workout.name
        return self.plan.name if name == self.plan.name else f"{self.plan.name}: {name}"

    def record(self, events: list[Event]) -> list[Event]:
        """Note what the engine reported (completed sets, the finish, the cue log) and pass
        each event on to the listeners, in order."""
        for event in events:
            if self.cue_log is not None:
                self.cue_log.record(event, self.engine.session_time())
            for listener in self.listeners:
                listener(event, self.timeline)
            if isinstance(event, SetCompleted):
                self.completed.append(event)
            elif isinstance(event, WorkoutFinished):
                self.finish = event
        return events

    def next_wake(self) -> float | None:
        """Clock time of the next cue, boundary or change on screen; None while nothing
        moves (paused, waiting for "done" with nothing counting, or finished)."""
        deadline = self.engine.next_deadline()
        change = seconds_to_next_change(self.engine.state())
        if change is not None:
            shown = self.clock.now() + change
            deadline = shown if deadline is None else min(deadline, shown)
        return deadline

    def tally(self) -> SessionTally:
        return tally(self.timeline, self.completed)

    def outcome(self) -> str:
        """One line on how it went, for the terminal after the screen closes."""
        return outcome(self.tally(), self.finish)
