"""pushtimer/platforms.py: the POSIX branches for real, and the Windows branches on this
machine with the POSIX names taken away (``sys.platform`` is read when each function is
called, so setting it to "win32" runs the Windows code; ``os.O_NONBLOCK``, ``SIGHUP``,
``termios``... are removed so that any use of them fails), with a fake ``msvcrt`` for
the console's keys."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import termios
import threading
import time
import types
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pushtimer import platforms
from pushtimer.history.ownership import MAGIC, PUSHTIMER_ID, examine
from pushtimer.plain.terminal import SignalStop, StdinWaiter, stop_on_signals, terminal_keys
from pushtimer.plan.errors import PlanError
from pushtimer.plan.tomlfile import read_file
from pushtimer.session.clock import MonotonicClock

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def finishes(call: Callable[[], Any], within: float = 5.0) -> Any:
    """What ``call`` gives, failing the test (not hanging it) if it takes longer."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(within)
    assert not thread.is_alive(), f"still waiting after {within} s"
    assert result, "it raised"
    return result[0]


def as_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on the code under test takes the Windows branches, and the names only
    POSIX has are gone."""
    monkeypatch.setattr(sys, "platform", "win32")
    for name in ("O_NONBLOCK", "O_NOCTTY"):
        monkeypatch.delattr(os, name)
    monkeypatch.setattr(os, "O_BINARY", 0, raising=False)  # 0x8000 there; no meaning here
    for name in ("SIGHUP", "SIGTSTP", "SIGCONT"):
        monkeypatch.delattr(signal, name)
    for module in ("termios", "tty"):
        monkeypatch.setitem(sys.modules, module, None)  # importing it raises ImportError


def pushtimer_header() -> bytes:
    header = bytearray(MAGIC + bytes(100 - len(MAGIC)))
    header[60:64] = (1).to_bytes(4, "big")
    header[68:72] = PUSHTIMER_ID.to_bytes(4, "big")
    return bytes(header) + b"\r\n\x1a rest of the file"  # text mode would change these


def read_all(descriptor: int) -> bytes:
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read()


# -- opening a file ----------------------------------------------------------------------


def test_posix_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"a = 1\r\n\x1a")
    descriptor = platforms.open_regular(path)
    assert descriptor is not None
    assert read_all(descriptor) == b"a = 1\r\n\x1a"
    assert read_file(path, "plan.toml") == b"a = 1\r\n\x1a"


@needs_fifo
def test_posix_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)  # opening it plainly would wait for a writer for ever
    assert finishes(lambda: platforms.open_regular(fifo)) is None

    def read() -> str:
        with pytest.raises(PlanError) as raised:
            read_file(fifo, "pipe.toml")
        return str(raised.value)

    assert "is not a regular file" in finishes(read)
    assert finishes(lambda: examine(fifo, 3)) == "odd"


def test_posix_folder_missing_and_device(tmp_path: Path) -> None:
    assert platforms.open_regular(tmp_path) is None
    assert platforms.open_regular("/dev/null") is None
    with pytest.raises(FileNotFoundError):
        platforms.open_regular(tmp_path / "nothing")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path os.open is asked to open."""
    paths: list[str] = []
    real_open = os.open

    def spy(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        paths.append(os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return paths


def test_windows_regular_file_is_read_in_binary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    path = tmp_path / "history.db"
    path.write_bytes(pushtimer_header())
    as_windows(monkeypatch)
    descriptor = platforms.open_regular(path)
    assert descriptor is not None
    assert read_all(descriptor) == pushtimer_header()
    assert examine(path, 3) == "ours"
    assert read_file(path, "history.db") == pushtimer_header()
    assert opened == [str(path)] * 3


@needs_fifo
def test_windows_looks_before_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    as_windows(monkeypatch)
    assert finishes(lambda: platforms.open_regular(fifo)) is None
    assert finishes(lambda: examine(fifo, 3)) == "odd"
    with pytest.raises(PlanError, match="is not a regular file"):
        read_file(fifo, "pipe.toml")
    assert platforms.open_regular(tmp_path) is None  # a folder
    with pytest.raises(FileNotFoundError):
        platforms.open_regular(tmp_path / "nothing")
    assert examine(tmp_path / "nothing", 3) == "missing"
    assert opened == []  # nothing that is not a regular file was ever opened


def test_windows_checks_what_was_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A regular file swapped for something else between the look and the open (here: the
    open lands on /dev/null) is refused too, and its descriptor closed."""
    path = tmp_path / "plan.toml"
    path.write_bytes(b"a = 1")
    real_open = os.open
    descriptors: list[int] = []

    def swapped(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        descriptors.append(real_open(os.devnull, flags, *args, **kwargs))
        return descriptors[-1]

    as_windows(monkeypatch)
    monkeypatch.setattr(os, "open", swapped)
    assert platforms.open_regular(path) is None
    with pytest.raises(OSError):
        os.fstat(descriptors[0])  # closed


# -- signals -----------------------------------------------------------------------------


def test_posix_signals() -> None:
    assert platforms.ending_signals() == [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
    assert platforms.suspend_signal() == signal.SIGTSTP


def test_windows_signals(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    assert platforms.ending_signals() == [signal.SIGINT, signal.SIGTERM]
    assert platforms.suspend_signal() is None


def test_windows_plain_mode_handles_the_signals_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    hangup = signal.getsignal(signal.SIGHUP)
    stopper = SignalStop()
    as_windows(monkeypatch)
    with stop_on_signals(stopper):
        assert signal.getsignal(signal.Signals.SIGINT) is stopper
        assert signal.getsignal(signal.Signals.SIGTERM) is stopper
        assert signal.getsignal(signal.Signals.SIGHUP) is hangup
    assert {sig: signal.getsignal(sig) for sig in before} == before


def test_windows_full_screen_handles_the_signals_there_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pushtimer.session.clock import FakeClock
    from pushtimer.ui.app import PushtimerApp

    app = PushtimerApp(clock=FakeClock(), plans=lambda: [])  # before: Textual looks too
    as_windows(monkeypatch)
    try:
        app.process.install(asyncio.new_event_loop())
        assert set(app.process.saved) == {signal.Signals.SIGINT, signal.Signals.SIGTERM}
    finally:
        app.process.uninstall()


# -- single keys -------------------------------------------------------------------------


class FakeStdin:
    """Stands in for sys.stdin: a descriptor and whether it is a terminal."""

    def __init__(self, fd: int, tty: bool) -> None:
        self._fd = fd
        self._tty = tty

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def pty_stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A pseudo-terminal as stdin; gives its descriptor."""
    leader, follower = os.openpty()
    monkeypatch.setattr(sys, "stdin", FakeStdin(follower, tty=True))
    yield follower
    os.close(leader)
    os.close(follower)


def test_posix_single_keys_and_back(pty_stdin: int) -> None:
    before = termios.tcgetattr(pty_stdin)
    stop, cont = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
    assert before[3] & termios.ICANON
    with terminal_keys():
        assert not termios.tcgetattr(pty_stdin)[3] & termios.ICANON  # no Enter needed
        assert not termios.tcgetattr(pty_stdin)[3] & termios.ECHO
        assert callable(signal.getsignal(signal.SIGTSTP))  # Ctrl+Z is handled
    assert termios.tcgetattr(pty_stdin) == before
    assert (signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)) == (stop, cont)


def test_posix_terminal_mode_is_read(pty_stdin: int) -> None:
    saved = os.dup(0)
    try:
        os.dup2(pty_stdin, 0)
        assert platforms.terminal_mode() == termios.tcgetattr(pty_stdin)
    finally:
        os.dup2(saved, 0)
        os.close(saved)


def test_windows_single_keys_change_no_mode(
    pty_stdin: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = termios.tcgetattr(pty_stdin)
    as_windows(monkeypatch)  # termios and tty cannot be imported now
    with terminal_keys():
        assert termios.tcgetattr(pty_stdin) == before


def fake_msvcrt(monkeypatch: pytest.MonkeyPatch, typed: str) -> deque[str]:
    """A msvcrt module whose console has ``typed`` waiting; gives the keys left."""
    keys = deque(typed)
    module = types.ModuleType("msvcrt")
    module.kbhit = lambda: bool(keys)  # type: ignore[attr-defined]
    module.getwch = keys.popleft  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "msvcrt", module)
    return keys


def test_windows_console_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    # n, an arrow (two characters), Enter, é, F1 (two characters), Space
    left = fake_msvcrt(monkeypatch, "n\xe0H\ré\x00; ")
    keys = platforms.watch_input(0, console=True)
    assert keys.wait(1.0) == "n\né ".encode()
    assert not left


def test_windows_console_keys_wait_till_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    fake_msvcrt(monkeypatch, "")
    keys = platforms.watch_input(0, console=True)
    start = time.monotonic()
    assert keys.wait(0.1) is None
    assert 0.1 <= time.monotonic() - start < 1.0
    assert keys.wait(0) is None


def test_windows_console_keys_come_while_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    left = fake_msvcrt(monkeypatch, "")
    threading.Timer(0.1, lambda: left.append("q")).start()
    assert finishes(lambda: platforms.watch_input(0, console=True).wait(None)) == b"q"


def test_windows_ctrl_c_is_sigint(monkeypatch: pytest.MonkeyPatch) -> None:
    got: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, frame: got.append(signum))
    try:
        as_windows(monkeypatch)
        fake_msvcrt(monkeypatch, "n\x03")
        assert platforms.watch_input(0, console=True).wait(1.0) == b"n"
    finally:
        signal.signal(signal.SIGINT, before)
    assert got == [signal.SIGINT]


def test_windows_plain_mode_reads_the_console(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    fake_msvcrt(monkeypatch, "b")
    monkeypatch.setattr(sys, "stdin", FakeStdin(0, tty=True))
    waiter = StdinWaiter(MonotonicClock())
    assert waiter(time.monotonic() + 1.0) == b"b"
    assert waiter(time.monotonic() + 0.05) is None
    waiter.close()


def test_windows_plain_mode_reads_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows cannot select() on a pipe: a thread reads it."""
    reading, writing = os.pipe()
    as_windows(monkeypatch)
    monkeypatch.setattr(sys, "stdin", FakeStdin(reading, tty=False))
    waiter = StdinWaiter(MonotonicClock())
    assert waiter(time.monotonic() + 0.05) is None
    os.write(writing, b"n")
    assert finishes(lambda: waiter(time.monotonic() + 5.0)) == b"n"
    threading.Timer(0.1, lambda: os.write(writing, b" ")).start()
    assert finishes(lambda: waiter(None)) == b" "
    os.close(writing)
    assert finishes(lambda: waiter(None)) == b""  # the input ended
    assert waiter(None) == b""
    waiter.close()
    os.close(reading)


def test_posix_plain_mode_reads_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    reading, writing = os.pipe()
    monkeypatch.setattr(sys, "stdin", FakeStdin(reading, tty=False))
    waiter = StdinWaiter(MonotonicClock())
    assert waiter(time.monotonic() + 0.05) is None
    os.write(writing, b"n")
    assert waiter(time.monotonic() + 5.0) == b"n"
    os.close(writing)
    assert waiter(None) == b""
    waiter.close()
    os.close(reading)


def test_console_keys_only_on_windows() -> None:
    with pytest.raises(OSError):
        platforms.ConsoleKeys().wait(0)


# -- the terminal by hand ----------------------------------------------------------------


def test_windows_terminal_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)

    def no_open(*args: Any, **kwargs: Any) -> int:
        raise AssertionError("nothing is opened on Windows")

    monkeypatch.setattr(os, "open", no_open)
    assert platforms.terminal_mode() is None
    platforms.restore_terminal(None)
    platforms.restore_terminal([0, 0, 0, 0, 0, 0, []])


def test_never_imports_the_ui_toolkit() -> None:
    code = (
        "import sys, pushtimer.platforms;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_terminal_is_hung_up_once_its_other_end_is_closed() -> None:
    main, terminal = os.openpty()
    try:
        assert not platforms.terminal_hung_up(terminal)
        os.close(main)
        assert platforms.terminal_hung_up(terminal)
    finally:
        os.close(terminal)


def test_what_is_no_terminal_is_never_hung_up(tmp_path: Path) -> None:
    with (tmp_path / "f").open("w") as file:
        assert not platforms.terminal_hung_up(file.fileno())


def test_windows_never_asks_whether_a_terminal_hung_up(monkeypatch: pytest.MonkeyPatch) -> None:
    as_windows(monkeypatch)
    assert not platforms.terminal_hung_up(0)


def test_a_link_is_refused_when_links_are_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "rows.json"
    target.write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(target)
    descriptor = platforms.open_regular(tmp_path / "link.json")
    assert descriptor is not None
    os.close(descriptor)
    assert platforms.open_regular(tmp_path / "link.json", follow_links=False) is None
    descriptor = platforms.open_regular(target, follow_links=False)
    assert descriptor is not None
    os.close(descriptor)


def test_windows_refuses_a_link_when_links_are_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[str]
) -> None:
    target = tmp_path / "rows.json"
    target.write_bytes(b"{}")
    (tmp_path / "link.json").symlink_to(target)
    as_windows(monkeypatch)
    assert platforms.open_regular(tmp_path / "link.json", follow_links=False) is None
    assert opened == []
