"""What POSIX and Windows do differently, in one place: opening a file that may be a FIFO
or a device, the signals there are, single keys from the terminal, Ctrl+Z, and putting the
terminal back by hand.

Every function looks at ``sys.platform`` when it is called, in an ``if sys.platform ==
"win32":`` / ``else:`` pair, so mypy checks each branch for its own platform (``mypy
--platform win32``) and the tests run the Windows branches on Linux with the POSIX names
taken away (tests/unit/test_platforms.py; docs/architecture.md, "Platforms").

Used by the headless core too: never imports Textual or Rich.
"""

from __future__ import annotations

import contextlib
import errno
import os
import queue
import selectors
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any, Protocol

# How often the Windows console is looked at for keys while waiting (at most this late).
KEY_POLL = 0.02
# A wait on a reader thread gives signal handlers a chance at least this often.
THREAD_SLICE = 0.25
# What leaves the full screen: mouse reporting and bracketed paste off, the main screen
# back, the cursor on.
LEAVE_FULL_SCREEN = b"\x1b[?1000l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[?1049l\x1b[?25h"


# -- files -------------------------------------------------------------------------------


def open_regular(path: str | os.PathLike[str], follow_links: bool = True) -> int | None:
    """A descriptor open for reading (binary) on the regular file at ``path``, or None when
    what is there is something else (a folder, a FIFO, a device, a socket; a link, without
    ``follow_links``); it never waits on one. Errors are ``os.open``'s
    (``FileNotFoundError``...). The caller closes it.

    POSIX opens without blocking and without taking a controlling terminal (nor following
    a link, when asked: ``O_NOFOLLOW``, refused as ELOOP), then checks what was opened, so
    a file swapped for a FIFO after a look cannot hang. Windows has none of those flags: it
    looks first (its pipes are not in the file system, but ``CON`` or ``NUL`` are devices)
    and checks what was opened again."""
    if sys.platform == "win32":
        found = Path(path).stat() if follow_links else Path(path).lstat()
        if not stat.S_ISREG(found.st_mode):
            return None
        descriptor = os.open(path, os.O_RDONLY | os.O_BINARY)
    else:
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY
        try:
            descriptor = os.open(path, flags if follow_links else flags | os.O_NOFOLLOW)
        except OSError as error:
            if not follow_links and error.errno == errno.ELOOP:
                return None  # a link
            raise
    try:
        regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
    except BaseException:
        os.close(descriptor)
        raise
    if not regular:
        os.close(descriptor)
        return None
    return descriptor


# -- signals -----------------------------------------------------------------------------


def ending_signals() -> list[signal.Signals]:
    """The signals that end a session as Ctrl+C does: SIGINT and SIGTERM, and SIGHUP (a
    closed terminal) where there is one (not on Windows)."""
    if sys.platform == "win32":
        return [signal.SIGINT, signal.SIGTERM]
    else:
        return [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


def suspend_signal() -> signal.Signals | None:
    """The terminal's Ctrl+Z (SIGTSTP), or None where a process cannot be suspended so
    (Windows)."""
    if sys.platform == "win32":
        return None
    else:
        return signal.SIGTSTP


# -- single keys -------------------------------------------------------------------------


@contextlib.contextmanager
def single_keys(
    on_suspend: Callable[[], None] = lambda: None, on_resume: Callable[[], None] = lambda: None
) -> Iterator[None]:
    """Single keys without Enter when stdin is a terminal (Ctrl+C still interrupts).

    POSIX: cbreak mode; Ctrl+Z hands the terminal back in its own mode before the process
    stops (telling ``on_suspend`` first), and on ``fg`` (SIGCONT) single keys come back
    (the shell restores its own mode meanwhile) before ``on_resume`` is told.
    Windows: nothing to change, ``msvcrt.getwch`` reads single keys unechoed
    (``watch_input``), and there is no Ctrl+Z to handle."""
    if not sys.stdin or not sys.stdin.isatty():
        yield
        return
    if sys.platform == "win32":
        yield
    else:
        with _cbreak(sys.stdin.fileno(), on_suspend, on_resume):
            yield


if sys.platform != "win32":

    @contextlib.contextmanager
    def _cbreak(
        fd: int, on_suspend: Callable[[], None], on_resume: Callable[[], None]
    ) -> Iterator[None]:
        import termios
        import tty

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


class Input(Protocol):
    """What waits for stdin (``watch_input``)."""

    def wait(self, timeout: float | None) -> bytes | None:
        """The bytes that came within ``timeout`` seconds (None: no limit), None when none
        came in time, ``b""`` once the input has ended."""

    def close(self) -> None:
        """Stop watching."""


def watch_input(fd: int, console: bool) -> Input:
    """What waits for input on ``fd`` (``console``: it is a terminal) without blocking past
    a deadline. POSIX: a selector (``OSError`` when ``fd`` cannot be watched, a regular
    file on Linux). Windows, where ``select`` takes only sockets: the console's keys through
    ``msvcrt``, or a thread reading a pipe or a file."""
    if sys.platform == "win32":
        if console:
            return ConsoleKeys()
        return ThreadInput(fd)
    else:
        return SelectorInput(fd)


class SelectorInput:
    """POSIX: stdin watched with a selector, read when something came."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._selector = selectors.DefaultSelector()
        try:
            self._selector.register(fd, selectors.EVENT_READ)
        except BaseException:
            self._selector.close()
            raise

    def wait(self, timeout: float | None) -> bytes | None:
        if not self._selector.select(timeout):
            return None
        try:
            return os.read(self._fd, 1024)
        except OSError:
            return b""

    def close(self) -> None:
        self._selector.close()


class ConsoleKeys:
    """Windows: the console's keys as they are typed (``msvcrt.kbhit``, ``msvcrt.getwch``),
    as POSIX cbreak mode would give them: Enter is ``\\n``, Ctrl+C raises SIGINT (the
    console hands it over as a key while ``getwch`` reads), and the arrow and function
    keys, two characters each, are left out."""

    def wait(self, timeout: float | None) -> bytes | None:
        if sys.platform == "win32":
            import msvcrt

            deadline = None if timeout is None else time.monotonic() + timeout
            while not msvcrt.kbhit():
                left = KEY_POLL if deadline is None else deadline - time.monotonic()
                if left <= 0:
                    return None
                time.sleep(min(KEY_POLL, left))
            keys: list[str] = []
            while msvcrt.kbhit():
                key = msvcrt.getwch()
                if key in ("\x00", "\xe0"):  # an arrow or function key: its code follows
                    if msvcrt.kbhit():
                        msvcrt.getwch()
                elif key == "\x03":
                    signal.raise_signal(signal.SIGINT)
                else:
                    keys.append("\n" if key == "\r" else key)
            return "".join(keys).encode("utf-8", "replace") if keys else None
        else:
            raise OSError("no console keys here: msvcrt is Windows only")

    def close(self) -> None:
        pass


class ThreadInput:
    """A pipe or a file read on a thread of its own, handed over as it comes (Windows, where
    a pipe cannot be waited on with a timeout). The thread is a daemon: it may stay blocked
    in a read until the process ends."""

    def __init__(self, fd: int) -> None:
        self._chunks: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._reader = threading.Thread(
            target=self._read, args=(fd,), name="pushtimer-stdin", daemon=True
        )
        self._reader.start()

    def _read(self, fd: int) -> None:
        while True:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                chunk = b""
            self._chunks.put(chunk)
            if not chunk:
                return

    def wait(self, timeout: float | None) -> bytes | None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = THREAD_SLICE if deadline is None else deadline - time.monotonic()
            try:
                # In slices, so a signal's handler runs while waiting for ever.
                return self._chunks.get(timeout=max(0.0, min(THREAD_SLICE, left)))
            except queue.Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    return None

    def close(self) -> None:
        pass


# -- the terminal by hand ----------------------------------------------------------------


def terminal_mode() -> list[Any] | None:
    """The terminal's mode on stdin before the full screen takes it, for
    ``restore_terminal`` (None: not a terminal, or Windows, whose console needs none)."""
    if sys.platform == "win32":
        return None
    else:
        try:
            import termios

            return termios.tcgetattr(0)
        except Exception:  # no termios, no terminal on stdin (termios.error is no OSError)
            return None


def terminal_hung_up(fd: int = 0) -> bool:
    """Whether the terminal on ``fd`` has been hung up (its window closed, tmux killed):
    POSIX then fails every request on it with EIO. A process whose session leader was not
    itself (``make run``) may never be sent SIGHUP for it. False where there is no terminal
    to ask, and on Windows."""
    if sys.platform == "win32":
        return False
    else:
        import termios

        try:
            termios.tcgetattr(fd)
        except termios.error as error:
            return bool(error.args) and error.args[0] == errno.EIO
        return False


def restore_terminal(mode: list[Any] | None) -> None:
    """Leave the full screen by hand (the exit watchdog's last resort): main screen, cursor
    on, mouse reporting off, and the terminal's mode as it was before. POSIX only, through
    ``/dev/tty``; on Windows nothing is done."""
    if sys.platform == "win32":
        return
    else:
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
        try:
            os.write(fd, LEAVE_FULL_SCREEN)
            if mode is not None:
                import termios

                termios.tcsetattr(fd, termios.TCSANOW, mode)
        finally:
            os.close(fd)
