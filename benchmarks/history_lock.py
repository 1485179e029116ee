"""The clock never waits on the disk: cues while another program holds the history locked.

Runs the same quick set with its cue log four times: in plain mode and in the full screen
(in a private tmux terminal), each once as it is (the baselines) and once while another
connection holds the history database with BEGIN EXCLUSIVE for 10 s, from just after set 1
is written until well into the session (five sets end meanwhile). Measured:
how late each cue was against plan (from the cue log), that plain mode's warning came and
went, and that every set reached the history, in order, once the lock was gone.

    cd benchmarks && python history_lock.py   # goal: every cue within 50 ms, no set lost
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

from terminal import PUSHTIMER, Terminal

LOCK_SECONDS = 10.0
SETS = 8
# Prepare 1 s, then sets of one 1 s rep with 1 s rests: 16 s in all.
QUICK = ["quick", "1", "--tempo", "1-0-0-0", "--sets", str(SETS), "--rest", "1"]
DB_NAME = "history.sqlite3"


def command(data: Path) -> list[str]:
    cues = data / "cues.jsonl"
    return [PUSHTIMER, "--data-dir", str(data), *QUICK, "--prepare", "1", "--no-sound",
            "--cue-log", str(cues)]  # fmt: skip


def hold_lock(data: Path) -> None:
    """Wait until set 1 is in the history, then hold it locked for LOCK_SECONDS."""
    while not (data / DB_NAME).exists():
        time.sleep(0.005)
    other = sqlite3.connect(data / DB_NAME, isolation_level=None)
    while True:
        try:
            if other.execute("SELECT count(*) FROM set_done").fetchone() == (1,):
                break
        except sqlite3.OperationalError:
            pass  # the tables are being made
        time.sleep(0.005)
    other.execute("BEGIN EXCLUSIVE")
    time.sleep(LOCK_SECONDS)
    other.execute("COMMIT")
    other.close()


def plain(data: Path, lock: bool) -> str:
    """Run the set in plain mode; returns what it printed."""
    process = subprocess.Popen(
        [*command(data), "--plain"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True
    )
    if lock:
        hold_lock(data)
    return process.communicate()[0]


def full_screen(data: Path, lock: bool) -> None:
    """Run the set in the full screen to its summary."""
    term = Terminal()
    term.start(command(data))
    try:
        if lock:
            hold_lock(data)
        term.wait_for("Workout complete", limit=30)
    finally:
        term.stop()


def results(data: Path) -> tuple[list[float], list[int]]:
    """Each cue's lateness against plan, and the sets kept in the history, in order."""
    lines = (data / "cues.jsonl").read_text().splitlines()
    lateness = [entry["t"] - entry["planned"] for entry in map(json.loads, lines)]
    kept = (
        sqlite3.connect(data / DB_NAME)
        .execute("SELECT set_number FROM set_done ORDER BY id")
        .fetchall()
    )
    return lateness, [number for (number,) in kept]


def main() -> int:
    names = ("plain, locked", "plain, free", "screen, locked", "screen, free")
    with tempfile.TemporaryDirectory() as folder:
        runs = {name: Path(folder) / str(number) for number, name in enumerate(names)}
        for data in runs.values():
            data.mkdir()
        printed = plain(runs["plain, locked"], lock=True)
        plain(runs["plain, free"], lock=False)
        full_screen(runs["screen, locked"], lock=True)
        full_screen(runs["screen, free"], lock=False)
        measured = {name: results(data) for name, data in runs.items()}
    warned = "locked by another program" in printed and "History: saved again" in printed
    in_order = all(kept == list(range(1, SETS + 1)) for _, kept in measured.values())
    print(f"{'cues against plan':18}" + "".join(f"{name:>16}" for name in names))
    for label, pick in (("worst", max), ("median", lambda v: sorted(v)[len(v) // 2])):
        cells = [pick(lateness) * 1000 for lateness, _ in measured.values()]
        print(f"{label:18}" + "".join(f"{cell:>14.1f}ms" for cell in cells))
    print(f"{'cues':18}" + "".join(f"{len(lateness):>16}" for lateness, _ in measured.values()))
    print(f"plain mode warned, then cleared: {'yes' if warned else 'NO'}")
    print(f"every set in the history, in order, in all four runs: {'yes' if in_order else 'NO'}")
    worst = max(max(measured[name][0]) for name in ("plain, locked", "screen, locked"))
    met = worst < 0.05 and warned and in_order
    print("goals met" if met else "GOALS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
