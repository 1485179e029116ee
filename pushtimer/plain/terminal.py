"""Plain mode's terminal: stdin's keys as they come (raw when a terminal), Ctrl+Z and
back, and the signals that end a session between two operations, never inside one."""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import sys
import time
from collections.abc import Callable, Iterator
from types import FrameType

from pushtimer.session.clock import Clock

EXIT_INTERRUPTED = 130


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
        self.code = EXIT_INTERRUPTED if signum == signal.SIGINT else 128 + signum
        if self.waiting:
            raise Stopped


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
def terminal_keys(
    on_suspend: Callable[[], None] = lambda: None, on_resume: Callable[[], None] = lambda: None
) -> Iterator[None]:
    """Single keys without Enter when stdin is a terminal (Ctrl+C still interrupts).

    Ctrl+Z hands the terminal back in its own mode before the process stops (telling
    ``on_suspend`` first), and on ``fg`` (SIGCONT) single keys come back (the shell
    restores its own mode meanwhile) before ``on_resume`` is told."""
    if not sys.stdin or not sys.stdin.isatty():
        yield
        return
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)

    def keys_on() -> None:
        # Only in the foreground: setting the mode from the background would stop us.
        with contextlib.suppress(OSError, termios.error):
            if os.tcgetpgrp(fd) == os.getpgrp():
                tty.setcbreak(fd)

    def suspend(signum: int, frame: FrameType | None) -> None:
        on_suspend()
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here until SIGCONT
        signal.signal(signal.SIGTSTP, suspend)
        keys_on()
        on_resume()

    handlers = {signal.SIGTSTP: suspend, signal.SIGCONT: lambda s, f: keys_on()}
    before = {sig: signal.signal(sig, handler) for sig, handler in handlers.items()}
    try:
        tty.setcbreak(fd)
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def stop_on_signals(stopper: SignalStop) -> Iterator[None]:
    """Ctrl+C, SIGINT, SIGTERM and SIGHUP end the session as cleanly as q does."""
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    saved = {sig: signal.signal(sig, stopper) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
