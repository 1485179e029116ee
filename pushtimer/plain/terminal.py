"""Plain mode's terminal: stdin's keys as they come (raw when a terminal), Ctrl+Z and
back, and the signals that end a session between two operations, never inside one."""

from __future__ import annotations

import contextlib
import signal
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType

from pushtimer.platforms import Input, ending_signals, single_keys, watch_input
from pushtimer.session.clock import Clock
from pushtimer.session.endings import exit_status


class Stopped(Exception):
    """A signal asked the session to end."""


class Woken(Exception):
    """The process was continued after Ctrl+Z: stop waiting for input."""


class SignalStop:
    """The signal handler for a plain session: notes the exit status a signal asks for,
    and ends the wait for input at once when the session is waiting (never in the middle
    of an operation)."""

    def __init__(self) -> None:
        self.code: int | None = None
        self.waiting = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.code = exit_status(signum)
        if self.waiting:
            raise Stopped


class StdinWaiter:
    """Waits for stdin or a deadline, whichever comes first; never blocks on stdin.

    Once stdin ends (or if it cannot be watched), it only sleeps until each deadline.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._input: Input | None = None
        try:
            self._input = watch_input(sys.stdin.fileno(), sys.stdin.isatty())
        except (AttributeError, ValueError, OSError):
            self._input = None  # closed, or a file that cannot be watched

    def __call__(self, deadline: float | None) -> bytes | None:
        timeout = None if deadline is None else max(0.0, deadline - self._clock.now())
        if self._input is None:
            if timeout is None:
                return b""
            time.sleep(timeout)
            return None
        typed = self._input.wait(timeout)
        if typed == b"":
            self._input.close()
            self._input = None
        return typed

    def close(self) -> None:
        if self._input is not None:
            self._input.close()


@contextlib.contextmanager
def terminal_keys(
    on_suspend: Callable[[], None] = lambda: None, on_resume: Callable[[], None] = lambda: None
) -> Iterator[None]:
    """Single keys without Enter when stdin is a terminal (Ctrl+C still interrupts).

    Ctrl+Z (POSIX) hands the terminal back in its own mode before the process stops
    (telling ``on_suspend`` first), and on ``fg`` (SIGCONT) single keys come back (the
    shell restores its own mode meanwhile) before ``on_resume`` is told
    (``pushtimer.platforms.single_keys``)."""
    with single_keys(on_suspend, on_resume):
        yield


@contextlib.contextmanager
def stop_on_signals(stopper: SignalStop) -> Iterator[None]:
    """Ctrl+C, SIGINT, SIGTERM and SIGHUP (where there is one) end the session as cleanly
    as q does."""
    saved = {sig: signal.signal(sig, stopper) for sig in ending_signals()}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
