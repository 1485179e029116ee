"""History survives every ending: plain mode as a real process, stopped by SIGTERM, SIGHUP
and SIGKILL after two sets, then read back with ``pushtimer history``. These run on the
wall clock (marked ``realtime``): three 1 s sets with 1 s rests."""

from __future__ import annotations

import csv
import io
import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pushtimer.history.store import DB_NAME

pytestmark = pytest.mark.realtime

QUICK = ["quick", "1", "--tempo", "1-0-0-0", "--sets", "3", "--rest", "1", "--prepare", "0"]


def pushtimer(*args: str, data: Path) -> list[str]:
    return [sys.executable, "-m", "pushtimer", "--data-dir", str(data), *args]


def history(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        pushtimer("history", *args, data=data), capture_output=True, text=True, timeout=30
    )


def _run_until_two_sets(data: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        pushtimer(*QUICK, "--plain", "--no-sound", data=data),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "Done: Set 2/3" in line:
            break
    else:
        raise AssertionError("the second set never finished")
    # The history is written off the session's thread: a set is in the file within
    # moments of ending (that moment is all a kill -9 can take).
    reader = sqlite3.connect(data / DB_NAME)
    try:
        for _ in range(400):
            if reader.execute("SELECT count(*) FROM set_done").fetchone() == (2,):
                return process
            time.sleep(0.005)
    finally:
        reader.close()
    raise AssertionError("the second set never reached the history")


@pytest.mark.parametrize(
    ("sig", "status"),
    [(signal.SIGTERM, "stopped"), (signal.SIGHUP, "stopped"), (signal.SIGKILL, "unfinished")],
    ids=["SIGTERM", "SIGHUP", "SIGKILL"],
)
def test_a_session_ended_by_a_signal_keeps_its_two_sets(
    tmp_path: Path, sig: signal.Signals, status: str
) -> None:
    process = _run_until_two_sets(tmp_path)
    process.send_signal(sig)
    _, err = process.communicate(timeout=10)
    assert process.returncode in (128 + sig, -sig)
    assert "Traceback" not in err
    result = history(tmp_path, "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["set"], r["reps_done"], r["status"]) for r in rows] == [
        ("1", "1", status),
        ("2", "1", status),
    ]
    fields = history(tmp_path).stdout.splitlines()[1].split()
    # done, partial, skipped, reps, status (the rest was running: no set in progress)
    assert (*fields[-6:-2], fields[-1]) == ("2", "0", "0", "2", status)
    # A quick set has no plan file: the tempo it was paced at is the history's own.
    strong = list(csv.DictReader(io.StringIO(history(tmp_path, "--format", "strong").stdout)))
    assert [r["Notes"] for r in strong] == ["done, tempo 1-0-0-0"] * 2


def test_a_whole_run_records_every_set_and_ends_complete(tmp_path: Path) -> None:
    back_to_back = [*QUICK[:-4], "--rest", "0", "--prepare", "0"]  # 3 s in all
    result = subprocess.run(
        pushtimer(*back_to_back, "--plain", "--no-sound", data=tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    (session,) = json.loads(history(tmp_path, "--json").stdout)["sessions"]
    assert session["status"] == "complete"
    assert [(s["set"], s["outcome"]) for s in session["sets"]] == [
        (1, "done"),
        (2, "done"),
        (3, "done"),
    ]


def test_a_corrupt_history_is_one_line_and_left_alone_and_a_workout_still_runs(
    tmp_path: Path,
) -> None:
    database = tmp_path / DB_NAME
    database.write_bytes(b"not a database at all\n" * 100)
    before = database.read_bytes()
    listed = subprocess.run(
        pushtimer("history", data=tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert listed.returncode == 2 and "Traceback" not in listed.stderr
    assert listed.stderr.count("\n") == 1 and "is damaged, or not a database" in listed.stderr
    # A workout still runs, and says it will not be kept.
    session = subprocess.run(
        pushtimer(*QUICK, "--plain", data=tmp_path),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert session.returncode == 0 and "Traceback" not in session.stderr
    assert "Not kept:" in session.stdout and "Workout complete" in session.stdout
    assert database.read_bytes() == before
    # No journal or WAL file beside it (the quick set's own values are kept, in a file
    # of ours).
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME, "last-quick.json"]
