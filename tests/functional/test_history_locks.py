"""No reader can break a running session's history (docs/architecture.md, "History
writes"): a full-screen session in tmux and a plain one write to the same history while
``pushtimer history`` and ``pushtimer progress`` read it from other processes after every
set; both sessions are then killed with SIGKILL mid-set. Every set either had finished is
there, the file passes ``integrity_check``, and neither session's rows are lost.

The bug this holds off: a process that opened and closed the history file by a
descriptor of its own dropped its SQLite locks, so a reader closing elsewhere thought
itself the last user and deleted the WAL the session went on writing into."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from pushtimer.history.store import DB_NAME
from tests.functional.tmux import PUSHTIMER, Terminal, needs_tmux

pytestmark = [pytest.mark.realtime, needs_tmux]

SETS = 6
# Sets of one 4-second rep: a kill just after a set starts leaves it seconds from its end.
QUICK = ["quick", "1", "--tempo", "4-0-0-0", "--sets", str(SETS), "--rest", "1"]
QUICK += ["--prepare", "0", "--no-sound"]


def _command(data: Path, *args: str) -> list[str]:
    return [PUSHTIMER, "--data-dir", str(data), *args]


def _read_from_elsewhere(data: Path) -> None:
    """What a person checking on their history in another terminal runs."""
    for args in (("history", "--json"), ("progress",), ("history",)):
        done = subprocess.run(
            _command(data, *args), capture_output=True, text=True, timeout=30, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr


def _deleted_history_files(pid: int) -> list[str]:
    links = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            links.append(str(fd.readlink()))
        except OSError:
            continue
    return [link for link in links if DB_NAME in link and "(deleted)" in link]


def _sets_of_each_session(data: Path) -> dict[str, int]:
    db = sqlite3.connect(data / DB_NAME)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute(
            "SELECT session.id, count(set_done.id) FROM session"
            " LEFT JOIN set_done ON set_done.session_id = session.id GROUP BY session.id"
        ).fetchall()
    finally:
        db.close()
    return {str(session): count for session, count in rows}


def test_readers_mid_session_then_kill_9_keep_every_finished_set(tmp_path: Path) -> None:
    data = tmp_path / "data"
    terminal = Terminal("locks")
    terminal.start(*_command(data, *QUICK))
    try:
        app = terminal.pid()  # (tmux runs the program itself in the pane)
        read_at = _next_set(terminal, after=1)
        while read_at < 4:  # a read after each set the full screen finished, however slow
            _read_from_elsewhere(data)
            assert _deleted_history_files(app) == []
            read_at = _next_set(terminal, after=read_at)
        # A second session, in plain mode, writing to the same history at the same time.
        # (Only now: its own locks would have kept the full screen's WAL in place.)
        plain = subprocess.Popen(
            _command(data, *QUICK, "--plain"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        under_way = _next_set(terminal, after=read_at)  # seen within moments of its start
        os.kill(app, signal.SIGKILL)
        plain_done = _kill_after_fourth_set(plain, data)
    finally:
        terminal.close()
    first, second = sorted(_sets_of_each_session(data).items(), key=lambda s: int(s[0]))
    assert first[1] == under_way - 1 >= 4  # the full screen: every set it had finished
    assert second[1] == plain_done >= 4  # plain mode: every set it said was done
    _read_from_elsewhere(data)  # and the history reads back whole


def _next_set(terminal: Terminal, after: int, seconds: float = 30) -> int:
    """The number of the set under way once one after set ``after`` has begun (polled
    every tenth of a second: seen well within its 4 seconds)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        shown = re.search(r"Set (\d)/6 · Rep", terminal.screen())
        if shown and int(shown.group(1)) > after:
            return int(shown.group(1))
        time.sleep(0.1)
    raise AssertionError(f"no set after set {after} began: {terminal.screen()}")


def _kill_after_fourth_set(plain: subprocess.Popen[str], data: Path) -> int:
    """Plain mode's sets read until its fourth is done, then a moment for the writer and
    SIGKILL: how many sets it said were done, counting any it printed while we read."""
    assert plain.stdout is not None
    said: list[str] = []
    for line in plain.stdout:
        said.append(line)
        if re.search(r"Done: Set \d+/", line):
            _read_from_elsewhere(data)
            assert _deleted_history_files(plain.pid) == []
            if len(_done(said)) >= 4:
                break
    time.sleep(0.3)  # the writer commits within moments of a set ending
    plain.kill()
    rest, _ = plain.communicate(timeout=10)
    return len(_done([*said, *rest.splitlines()]))


def _done(lines: list[str]) -> set[str]:
    return {found.group(1) for line in lines if (found := re.search(r"Done: Set (\d+)/", line))}
