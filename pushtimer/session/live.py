"""A session being run: the engine, what it has reported so far, and when to look again.

Both front ends (the TUI and plain mode) drive a LiveSession. Its operations (pause and
resume, skip, back, done with a count, rest +/-, mute, stop with a reason) are the only way
a key changes a session: each runs the engine, records what it reported (the sets that
ended, the cue log, every listener: sound, history) and returns the events, so a front end
only maps its keys to them and shows the result. Front ends sleep until ``next_wake``.

Operations hold ``lock``: a signal's watchdog may stop the session from another thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from pushtimer.plan.model import REPS_MAX, Plan
from pushtimer.session.clock import Clock
from pushtimer.session.cuelog import CueLog
from pushtimer.session.engine import Engine
from pushtimer.session.events import Event, SetEnded, StopReason, WorkoutFinished
from pushtimer.session.readout import REMINDER_SECONDS, seconds_to_next_change
from pushtimer.session.tally import SessionTally, outcome, tally
from pushtimer.session.timeline import Timeline, build_timeline

DEFAULT_COUNT_IN = 3.0  # seconds of GET READY before work goes on after a pause
Listener = Callable[[Event, Timeline], None]  # told of each event as it is recorded


def read_count(text: str) -> int:
    """The rep count typed for a "max" set: ASCII digits from 0 to the reps bound, else a
    ValueError whose message says what to type."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(REPS_MAX)):
        raise ValueError(f"Type the number of reps you did (0 to {REPS_MAX}).")
    count = int(text)
    if count > REPS_MAX:
        raise ValueError(f"Type the number of reps you did (0 to {REPS_MAX}).")
    return count


class LiveSession:
    """One workout of a plan, running against a clock."""

    def __init__(
        self,
        plan: Plan,
        workout: int,
        clock: Clock,
        cue_log: CueLog | None = None,
        listeners: Iterable[Listener] = (),
        sound: Listener | None = None,
        muted: bool = False,
        count_in: float = 0.0,
        reminder_every: float = REMINDER_SECONDS,
    ) -> None:
        self.plan = plan
        self.workout = workout
        self.timeline: Timeline = build_timeline(plan.workouts[workout], plan.defaults)
        self.clock = clock
        self.engine = Engine(self.timeline, clock)
        self.cue_log = cue_log
        self.listeners: list[Listener] = list(listeners)
        self.sound = sound  # told of events only while not muted
        self.muted = muted
        self.count_in = count_in  # seconds a resume counts back into work (0: none)
        self.reminder_every = reminder_every  # seconds each form reminder shows
        self.ended: list[SetEnded] = []
        self.finish: WorkoutFinished | None = None
        self.lock = threading.RLock()
        self._paused_to_ask = False  # a question (why stop, how many) paused the session
        self._suspended_at: float | None = None  # clock time of a Ctrl+Z not yet handled

    @property
    def title(self) -> str:
        """``Plan: Workout``, or just the plan's name when they are the same."""
        name = self.timeline.workout.name
        return self.plan.name if name == self.plan.name else f"{self.plan.name}: {name}"

    def record(self, events: list[Event]) -> list[Event]:
        """Note what the engine reported (sets that ended, the finish, the cue log) and pass
        each event on to the listeners, in order."""
        for event in events:
            if self.cue_log is not None:
                self.cue_log.record(event, self.engine.session_time())
            if self.sound is not None and not self.muted:
                self.sound(event, self.timeline)
            for listener in self.listeners:
                listener(event, self.timeline)
            if isinstance(event, SetEnded):
                self.ended.append(event)
            elif isinstance(event, WorkoutFinished):
                self.finish = event
        return events

    # -- operations: what each key does ---------------------------------------------------

    def _run(self, operation: Callable[[], list[Event]]) -> list[Event]:
        """Run one engine operation under the lock and record what it reported."""
        with self.lock:
            return self.record(operation())

    def update(self) -> list[Event]:
        """Catch up with the clock (a front end's wake-up)."""
        return self._run(self.engine.update)

    def pause(self, at: float | None = None) -> list[Event]:
        """Pause now, or as of clock time ``at`` (see Engine.pause)."""
        return self._run(lambda: self.engine.pause(at))

    def toggle_pause(self) -> list[Event]:
        with self.lock:
            return self.resume() if self.engine.paused else self.pause()

    def resume(self) -> list[Event]:
        """Go on, through the count-in when there is one."""
        return self._run(lambda: self.engine.resume(self.count_in))

    def skip(self) -> list[Event]:
        """End the step now: a set side in progress is recorded partial or skipped. Work
        it moves into counts in first (docs/architecture.md, "Count-in")."""
        return self._run(lambda: self.engine.skip(self.count_in))

    def back(self) -> list[Event]:
        """Restart the step (or the one before); reps already done are kept as partial.
        The work it goes back to counts in first."""
        return self._run(lambda: self.engine.back(self.count_in))

    def adjust_rest(self, seconds: float) -> list[Event]:
        return self._run(lambda: self.engine.adjust_rest(seconds))

    @property
    def wants_count(self) -> bool:
        """The set running now is a "max" set: "done" needs the number of reps."""
        exercise = self.timeline.exercise_of(self.engine.segment)
        return (
            self.engine.segment.kind == "open" and exercise is not None and exercise.reps == "max"
        )

    def done(self, count: int | None = None) -> list[Event]:
        """End an open set (a "max" set with its ``count``); nothing elsewhere."""
        return self._run(lambda: self.engine.done(count))

    def stop(self, reason: StopReason) -> list[Event]:
        """End the session early; the set in progress is recorded partial or skipped."""
        return self._run(lambda: self.engine.quit(reason))

    # -- the flows both front ends share (docs/architecture.md, "One session flow") -------

    def ask(self) -> list[Event]:
        """A question opens (q: why stop; Enter in a max set: how many): the session
        stands still while it is open, and the answer knows whether it was running."""
        self._paused_to_ask = not self.engine.paused
        return self.pause() if self._paused_to_ask else []

    def answer_stop(self, reason: StopReason | None) -> list[Event]:
        """The answer to "why stop": stop for ``reason``, or (None) go on as it was: a
        session the question paused resumes (through the count-in), a paused one stays."""
        if reason is not None:
            return self.stop(reason)
        return self._go_on()

    @property
    def counted(self) -> int:
        """Reps the set running now has counted: a paced max set's so far (the count a
        question starts from), else 0."""
        return self.engine.reps_so_far() if self.wants_count else 0

    def answer_count(self, reps: int | None) -> list[Event]:
        """The answer to "how many": the max set ends with ``reps`` as of the moment it was
        asked (its time ends there), and the session goes on; None goes back to the set."""
        events = []
        if reps is not None and self.wants_count:
            events += self.done(reps)
        return events + self._go_on()

    def _go_on(self) -> list[Event]:
        asked, self._paused_to_ask = self._paused_to_ask, False
        if asked and self.engine.paused and not self.engine.finished:
            return self.resume()
        return []

    def note_suspended(self) -> None:
        """Ctrl+Z, from a signal handler: only note when; ``catch_suspend`` makes the
        pause as of then, between two operations, once the process runs again."""
        self._suspended_at = self.clock.now()

    def catch_suspend(self) -> list[Event] | None:
        """A Ctrl+Z noted and not yet handled: the session pauses as of the moment the
        process stopped (None when there was none, or it was paused or over already)."""
        at, self._suspended_at = self._suspended_at, None
        if at is None or self.engine.paused or self.engine.finished:
            return None
        return self.pause(at=at)

    def toggle_mute(self) -> bool:
        """Mute or unmute the cues; returns whether they are muted now."""
        self.muted = not self.muted
        return self.muted

    # -- reading ---------------------------------------------------------------------------

    def next_wake(self) -> float | None:
        """Clock time of the next cue, boundary or change on screen; None while nothing
        moves (paused, waiting for "done" with nothing counting, or finished)."""
        deadline = self.engine.next_deadline()
        change = seconds_to_next_change(self.engine.state(), self.reminder_every)
        if change is not None:
            shown = self.clock.now() + change
            deadline = shown if deadline is None else min(deadline, shown)
        return deadline

    def tally(self) -> SessionTally:
        return tally(self.timeline, self.ended)

    def outcome(self) -> str:
        """One line on how it went, for the terminal after the screen closes."""
        return outcome(self.tally(), self.finish)
