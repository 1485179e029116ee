"""Plain line mode: a session with no TUI, one line per segment start and countdown beep.

For screen readers, dumb terminals, logs and scripts. Keys come from stdin: Enter or
Space pauses and resumes (or says done in an open set; type the count first for a "max"
set), n skips, b goes back, + and - change a rest, m mutes, q quits. When stdin is not a terminal
it is read as it comes; when it is closed the session runs on without it.
Never imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TextIO

from pushtimer.audio.player import SoundPlayer
from pushtimer.plan.durations import format_clock, format_span
from pushtimer.session.clock import Clock
from pushtimer.session.engine import REST_STEP
from pushtimer.session.events import (
    CountdownBeep,
    Event,
    SegmentStarted,
    SetCompleted,
    WorkoutFinished,
)
from pushtimer.session.live import LiveSession
from pushtimer.session.timeline import PHASE_WORDS, Segment

EXIT_INTERRUPTED = 130
# Waits for input until the given clock time (None: no deadline); returns what was typed,
# b"" when input has ended, or None when the time came first.
Waiter = Callable[[float | None], bytes | None]


class _Stop(Exception):
    """A signal asked the session to end."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def stamp(seconds: float) -> str:
    """``00:12``: session time at the start of each line."""
    whole = max(0, int(seconds + 1e-6))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class PlainSession:
    """Runs an engine and prints what happens, a line at a time."""

    def __init__(
        self,
        session: LiveSession,
        out: TextIO,
        wait: Waiter,
        player: SoundPlayer | None = None,
    ) -> None:
        self.session = session
        self.plan = session.plan
        self.timeline = session.timeline
        self.engine = session.engine
        self._player = player
        self._out = out
        self._wait = wait
        self._typed = ""  # digits typed for the rep count of a "max" set

    def run(self) -> int:
        """Run to the end; returns the exit status (0, or 130 when interrupted)."""
        try:
            self._say(0.0, self._title())
            while not self.engine.finished:
                self._show(self.engine.update())
                if self.engine.finished:
                    break
                self._wait_and_handle(self.engine.next_deadline())
        except KeyboardInterrupt:
            self._show(self.engine.quit())
            return EXIT_INTERRUPTED
        except _Stop as stop:
            self._show(self.engine.quit())
            return stop.code
        return 0

    # -- input ---------------------------------------------------------------------------

    def _wait_and_handle(self, deadline: float | None) -> None:
        typed = self._wait(deadline)
        if typed is None:
            return
        if typed == b"":  # no more input
            if deadline is None:  # an open set that nobody can end: move on
                self._say(self.engine.session_time(), "No input: ending the open set.")
                self._show(self.engine.skip())
            return
        for char in typed.decode("utf-8", "replace"):
            self._key(char)
            if self.engine.finished:
                return

    def _key(self, char: str) -> None:
        engine = self.engine
        if char.isdigit():
            self._typed += char
            return
        if char in "\r\n ":
            if engine.segment.kind == "open":
                self._done()
            elif char != "\r":
                was_paused = engine.paused
                self._show(engine.toggle_pause())
                now = engine.session_time()
                if was_paused:
                    self._say(now, "RESUMED")
                else:
                    self._say(now, "PAUSED  (Enter or Space to go on)")
            return
        actions: dict[str, Callable[[], list[Event]]] = {
            "n": engine.skip,
            "b": engine.back,
            "+": lambda: engine.adjust_rest(REST_STEP),
            "-": lambda: engine.adjust_rest(-REST_STEP),
            "q": engine.quit,
            "m": self._toggle_mute,
        }
        action = actions.get(char.lower())
        if action is not None:
            self._show(action())

    def _toggle_mute(self) -> list[Event]:
        if self._player is not None:
            self._player.muted = not self._player.muted
            self._say(self.engine.session_time(), "MUTED" if self._player.muted else "SOUND ON")
        return []

    def _done(self) -> None:
        exercise = self.timeline.exercise_of(self.engine.segment)
        if exercise is not None and exercise.reps == "max":
            if not self._typed:
                self._say(self.engine.session_time(), "Type the number of reps, then Enter.")
                return
            count, self._typed = int(self._typed), ""
            self._show(self.engine.done(count))
        else:
            self._show(self.engine.done())

    # -- output --------------------------------------------------------------------------

    def _show(self, events: list[Event]) -> None:
        for event in self.session.record(events):
            if isinstance(event, SetCompleted):
                self._say(self.engine.session_time(), self._set_line(event))
            elif isinstance(event, WorkoutFinished):
                self._say(event.planned, self.session.outcome())
            elif getattr(event, "skipped", False):
                continue  # a stale cue after a stall: reported to the log, not announced
            elif isinstance(event, SegmentStarted):
                self._say(event.planned, self.segment_line(event.index, event.segment))
            elif isinstance(event, CountdownBeep):
                word = PHASE_WORDS[self.engine.segment.kind]
                self._say(event.planned, f"{word} {event.remaining}")

    def _say(self, when: float, text: str) -> None:
        self._out.write(f"{stamp(when)}  {text}\n")
        self._out.flush()

    def _title(self) -> str:
        total = format_clock(self.timeline.total_seconds)
        return f"{self.session.title}  ({total}{' + open sets' if self.timeline.has_open else ''})"

    def segment_line(self, index: int, segment: Segment) -> str:
        word = PHASE_WORDS[segment.kind]
        length = "" if segment.duration is None else f" {format_span(segment.duration)}"
        if segment.kind == "prepare":
            return f"{word}{length}  first: {self._describe_next(index)}"
        if segment.kind == "rest":
            return f"{word}{length}  next: {self._describe_next(index)}"
        if segment.kind == "switch":
            return f"{word}{length}  right side next"
        exercise = self.timeline.exercise_of(segment)
        assert exercise is not None
        parts = [
            f"Set {segment.set}/{exercise.sets}" + (f" {segment.side}" if segment.side else "")
        ]
        parts.append(exercise.name)
        if segment.rep is not None and isinstance(exercise.reps, int):
            parts.append(f"rep {segment.rep}/{exercise.reps}")
        parts.append(f"{word}{length}")
        if segment.kind == "open":
            parts.append(
                "as many reps as you can: type the count, then Enter"
                if exercise.reps == "max"
                else f"{exercise.reps} reps at your own pace: Enter when done"
            )
        return "  ".join(parts)

    def _describe_next(self, index: int) -> str:
        segment = self.timeline.next_work(index)
        exercise = None if segment is None else self.timeline.exercise_of(segment)
        if segment is None or exercise is None:
            return "the end"
        return f"Set {segment.set}/{exercise.sets} {exercise.name}"

    def _set_line(self, done: SetCompleted) -> str:
        exercise = self.timeline.workout.exercises[done.exercise]
        side = f" {done.side}" if done.side else ""
        what = f"{done.hold_seconds}s hold" if done.reps_done is None else f"{done.reps_done} reps"
        took = format_clock(done.seconds)
        return f"Done: Set {done.set}/{exercise.sets}{side} {done.name}, {what} in {took}"


# -- the real terminal -------------------------------------------------------------------------


class StdinWaiter:
    """Waits for stdin or a deadline, whichever comes first; never blocks on stdin.

    Once stdin ends (or if it cannot be watched), it only sleeps until each deadline.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._selector = selectors.DefaultSelector()
        self._fd: int | None = None
        try:
            self._fd = sys.stdin.fileno()
            self._selector.register(self._fd, selectors.EVENT_READ)
        except (AttributeError, ValueError, OSError):
            self._fd = None  # closed, or a file that cannot be watched

    def __call__(self, deadline: float | None) -> bytes | None:
        timeout = None if deadline is None else max(0.0, deadline - self._clock.now())
        if self._fd is None:
            if timeout is None:
                return b""
            time.sleep(timeout)
            return None
        if not self._selector.select(timeout):
            return None
        try:
            typed = os.read(self._fd, 1024)
        except OSError:
            typed = b""
        if typed == b"":
            self._selector.unregister(self._fd)
            self._fd = None
        return typed

    def close(self) -> None:
        self._selector.close()


@contextlib.contextmanager
def terminal_keys() -> Iterator[None]:
    """Single keys without Enter when stdin is a terminal (Ctrl+C still interrupts)."""
    if not sys.stdin or not sys.stdin.isatty():
        yield
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the session as cleanly as Ctrl+C does."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stop(128 + signum)

    saved = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
