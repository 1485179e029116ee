"""Every way a session can end, in a real terminal (tmux) with real signals: the terminal
closed right after a key, SIGINT and SIGTERM from outside, Ctrl+Z and fg in both front ends,
and the history database locked by another program in the middle of a session. Each checks
what a person would: the process ends in time, the screen comes back whole, and `pushtimer
history` holds exactly what was done. These wait on the wall clock (marked ``realtime``)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pushtimer.history.report import as_json
from pushtimer.history.store import DB_NAME, HistoryStore
from tests.functional.tmux import PUSHTIMER, Terminal, needs_tmux, seconds_to_end

pytestmark = [pytest.mark.realtime, needs_tmux]

# One 1 s rep per set, then a long rest: "REST" shows once set 1 is done.
ONE_SET_THEN_REST = ["quick", "1", "--tempo", "1-0-0-0", "--sets", "2", "--rest", "60"]
QUIET = ["--prepare", "0", "--no-sound"]


@pytest.fixture
def terminal(request: pytest.FixtureRequest) -> Iterator[Terminal]:
    """A terminal of the test's own, closed at the end whatever happened."""
    term = Terminal(request.node.name[:40].replace("[", "-").strip("]"))
    yield term
    term.close()


def sessions(data: Path) -> list[dict[str, Any]]:
    """The sessions as `pushtimer history --json` prints them (read here, in-process:
    tests/functional/test_history_e2e.py runs the command itself)."""
    store = HistoryStore(data)
    try:
        return list(as_json(store.sessions(), date.today())["sessions"])
    finally:
        store.close()


def outcomes(session: dict[str, Any]) -> list[tuple[int, str]]:
    return [(s["set"], s["outcome"]) for s in session["sets"]]


def test_closing_the_terminal_right_after_a_key_ends_within_two_seconds(tmp_path: Path) -> None:
    """Four terminals side by side, each closed right after one key (or none), as closing
    the window does: every process ends within 2 s, its session stopped, its sets kept."""
    keys = ["n", "m", "q", "none"]
    terms = {key: Terminal(f"close-{key}") for key in keys}
    try:
        for key, term in terms.items():
            data = tmp_path / key
            term.start(PUSHTIMER, "--data-dir", str(data), *ONE_SET_THEN_REST, *QUIET)
        pids = {}
        for key, term in terms.items():
            term.wait("REST")
            pids[key] = term.pid()
        for key, term in terms.items():
            if key != "none":
                term.keys(key)
            term.close()
        took = {key: seconds_to_end(pid) for key, pid in pids.items()}
    finally:
        for term in terms.values():
            term.close()
    assert max(took.values()) < 2.0, took
    for key in keys:
        (session,) = sessions(tmp_path / key)
        assert (session["status"], session["stop_reason"]) == ("stopped", "signal")
        # n skipped the rest, so set 2 had begun: it ended with nothing done.
        expected = [(1, "done"), (2, "skipped")] if key == "n" else [(1, "done")]
        assert outcomes(session) == expected, key


@pytest.mark.parametrize(
    ("sig", "status", "reason"),
    [(signal.SIGINT, 130, "interrupt"), (signal.SIGTERM, 143, "signal")],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signal_from_outside_stops_the_tui_like_ctrl_c(
    tmp_path: Path, sig: signal.Signals, status: int, reason: str, terminal: Terminal
) -> None:
    term = terminal
    term.run_in_shell(PUSHTIMER, "--data-dir", str(tmp_path), *ONE_SET_THEN_REST, *QUIET)
    term.wait("REST")
    pid = term.program_pid()
    os.kill(pid, sig)
    assert seconds_to_end(pid) < 2.0
    term.wait(f"exit status {status}")
    assert "Stopped: 1 of 2 sets done" in term.screen()  # the line left in the terminal
    (session,) = sessions(tmp_path)
    assert (session["status"], session["stop_reason"]) == ("stopped", reason)
    assert outcomes(session) == [(1, "done")]


def test_ctrl_z_and_fg_redraw_the_whole_screen(tmp_path: Path, terminal: Terminal) -> None:
    term = terminal
    term.run_in_shell(PUSHTIMER, "--data-dir", str(tmp_path), *ONE_SET_THEN_REST, *QUIET)
    term.wait("REST")
    term.keys("C-z")
    term.wait("Stopped")
    term.type("clear; echo the shell was here")
    term.keys("Enter")
    term.wait("the shell was here")
    term.type("fg")
    term.keys("Enter")
    term.wait("PAUSED")  # suspended, the session paused: no reps while the screen was gone
    term.keys("Space")
    term.wait("REST")
    screen = term.screen()
    assert "the shell was here" not in screen
    assert screen.splitlines()[0].strip().startswith("Quick set")  # the title: unchanged
    assert "Next: Quick set" in screen and "Rest" not in screen.splitlines()[0]
    term.keys("q", "d")
    term.wait("What you did is kept")  # the summary
    term.keys("q")
    term.wait("Stopped: 1 of 2 sets done")  # the line left in the terminal


def test_ctrl_z_and_fg_in_plain_mode_bring_single_keys_back(
    tmp_path: Path, terminal: Terminal
) -> None:
    term = terminal
    term.run_in_shell(PUSHTIMER, "--data-dir", str(tmp_path), *ONE_SET_THEN_REST, *QUIET, "--plain")
    term.wait("REST 1m")
    term.keys("C-z")
    term.wait("Stopped")
    term.type("fg")
    term.keys("Enter")
    term.wait("PAUSED while suspended")  # at once, not at the rest's next beep
    term.keys("Space")  # no Enter: only a terminal in single-key mode passes this on
    term.wait("RESUMED")
    term.keys("q")
    term.wait("Stop? d: done for today")
    term.keys("d")
    term.wait("Stopped: 1 of 2 sets done")


def test_a_history_locked_mid_session_delays_no_cue_and_loses_no_set(tmp_path: Path) -> None:
    """Another program holds the database with BEGIN EXCLUSIVE for 3.2 s while a set ends:
    every cue stays on time, the warning comes and goes, and the sets land in order."""
    cues = tmp_path / "cues.jsonl"
    # Sets of one 1 s rep with 1 s rests: set 1 ends at 1 s, set 2 at 3 s, set 3 at 5 s.
    command = [PUSHTIMER, "--data-dir", str(tmp_path), "quick", "1", "--tempo", "1-0-0-0"]
    command += ["--sets", "3", "--rest", "1", *QUIET, "--plain", "--cue-log", str(cues)]
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "Done: Set 1/3" in line:
            break
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    for _ in range(200):  # set 1 in the file (a reader never waits): the lock comes after
        if other.execute("SELECT count(*) FROM set_done").fetchone() == (1,):
            break
        time.sleep(0.005)
    other.execute("BEGIN EXCLUSIVE")
    time.sleep(3.2)  # set 2's row waits from 3 s; plain mode says so at its 4 s wake
    other.execute("COMMIT")
    other.close()
    out, err = process.communicate(timeout=20)
    lines += out.splitlines(keepends=True)
    assert process.returncode == 0 and err == ""
    text = "".join(lines)
    assert "History waits: " in text and "locked by another program" in text
    assert "History: saved again; nothing was lost." in text
    log = [json.loads(line) for line in cues.read_text().splitlines()]
    lateness = [entry["t"] - entry["planned"] for entry in log]
    assert max(lateness) < 0.05 and not any(entry.get("skipped") for entry in log)
    (session,) = sessions(tmp_path)
    assert session["status"] == "complete"
    assert outcomes(session) == [(1, "done"), (2, "done"), (3, "done")]


def test_a_closed_terminal_ends_the_session_even_when_no_sighup_comes(tmp_path: Path) -> None:
    """Under `make run` the terminal's SIGHUP goes to make, which dies without passing it
    on: the app must see for itself that its terminal is gone (it spun on it, using a core,
    for as long as nobody killed it), end the session with its sets kept, and exit."""
    data = tmp_path / "data"
    (tmp_path / "Makefile").write_text(
        f"run:\n\t{PUSHTIMER} --data-dir {data} {' '.join(ONE_SET_THEN_REST + QUIET)}\n"
    )
    term = Terminal("hangup-under-make")
    term.start("make", "-s", "-C", str(tmp_path), "run")
    try:
        term.wait("REST", 20)  # set 1 done
        app = term.program_pid()
    finally:
        term.close()
    assert seconds_to_end(app) < 5
    (session,) = sessions(data)
    assert outcomes(session) == [(1, "done")]  # stopped in the rest after it
    assert session["stop_reason"] == "signal"
