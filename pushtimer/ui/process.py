"""The full screen as a process: how it ends when told to from outside, whatever state its
terminal and event loop are in (docs/architecture.md, "Every ending").

SIGTERM, SIGHUP (a closed terminal) and SIGINT end the session like Ctrl+C, its sets kept,
and the process always ends: a watchdog thread ends it itself if a clean exit has not
within ``EXIT_GRACE``. A terminal closed without a SIGHUP (``make run``: only make gets
one) is noticed by asking it. Ctrl+Z is noted, so the session pauses as of that moment.
Which of these exist is the platform's matter (pushtimer/platforms.py): Windows has no
SIGHUP and no Ctrl+Z.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from pushtimer.platforms import (
    ending_signals,
    restore_terminal,
    suspend_signal,
    terminal_hung_up,
    terminal_mode,
)
from pushtimer.session.endings import exit_status, stop_reason
from pushtimer.session.events import StopReason

if TYPE_CHECKING:
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.session.live import LiveSession

# After SIGTERM, SIGHUP or SIGINT: how long a clean exit may take before the watchdog ends
# the process itself (the terminal may be gone, and Textual's shutdown with it), and how
# long it then gives waiting history rows before saving them aside. Both within 2 s.
EXIT_GRACE = 1.0
EXIT_FLUSH = 0.5
# How often the terminal is asked whether it is still there, and the signal a closed one
# counts as (SIGHUP's number on Linux and macOS: the exit status is 129, as for SIGHUP).
HANGUP_CHECK = 1.0
HANGUP = 1


class Ending(Protocol):
    """What the guard needs of the app."""

    session: LiveSession | None
    writer: HistoryWriter | None

    def stop_everything(self, code: int, reason: StopReason) -> None: ...

    def note_suspended(self) -> None: ...


class ProcessGuard:
    """The signal handlers of one app, the exit watchdog and the hang-up check."""

    def __init__(self, app: Ending, terminal: bool) -> None:
        self.app = app
        self.signalled = False  # ended by a signal (the terminal may be gone)
        self.saved: dict[int, Any] = {}  # the handlers there were before
        self._tty_before = terminal_mode() if terminal else None
        self._loop: asyncio.AbstractEventLoop | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        """Plain ``signal.signal`` handlers, not the event loop's: they run even when the
        loop is stuck (Textual's shutdown can wait for ever on a terminal that is gone)."""
        self._loop = loop
        for sig in ending_signals():  # SIGHUP where there is one (not on Windows)
            with contextlib.suppress(ValueError, OSError):  # only possible on the main thread
                self.saved[sig] = signal.signal(sig, self.on_signal)
        # Ctrl+Z from the terminal (POSIX): note the moment, then let Textual's driver stop
        # the process as it does (its handler leaves the terminal as it was).
        suspend = suspend_signal()
        with contextlib.suppress(ValueError, OSError):
            stop = signal.getsignal(suspend) if suspend is not None else None
            if suspend is not None and callable(stop):

                def suspended(signum: int, frame: FrameType | None) -> None:
                    self.app.note_suspended()
                    stop(signum, frame)

                self.saved[suspend] = signal.signal(suspend, suspended)

    def uninstall(self) -> None:
        """The handlers there were before ``install``."""
        for sig, handler in self.saved.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(sig, handler)
        self.saved.clear()

    @property
    def has_terminal(self) -> bool:
        """A terminal that can hang up was there at the start."""
        return self._tty_before is not None

    def check_hangup(self) -> None:
        """A closed terminal ends the session as SIGHUP does, even when no SIGHUP comes
        (Textual's input thread would spin on the dead terminal for ever)."""
        if terminal_hung_up():
            self.on_signal(HANGUP, None)

    def on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.signalled:
            return  # already ending; the watchdog sees it through
        self.signalled = True
        code, reason = exit_status(signum), stop_reason(signum)
        watchdog = threading.Thread(
            target=self._watchdog, args=(code, reason), name="pushtimer-exit", daemon=True
        )
        watchdog.start()
        if self._loop is not None:
            with contextlib.suppress(RuntimeError):
                self._loop.call_soon_threadsafe(self.app.stop_everything, code, reason)

    def _watchdog(self, code: int, reason: StopReason) -> None:
        """Ends the process if a clean exit has not done so within ``EXIT_GRACE``: stops
        the session (under its lock), gives history rows ``EXIT_FLUSH`` to be written or
        saves them aside, puts the terminal back if it is still there, and exits."""
        time.sleep(EXIT_GRACE)
        session = self.app.session
        if session is not None and session.finish is None:
            session.stop(reason)
        if self.app.writer is not None:
            self.app.writer.close(EXIT_FLUSH)
        with contextlib.suppress(Exception):
            restore_terminal(self._tty_before)
        os._exit(code)
