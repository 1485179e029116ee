"""Always exits: the time from closing the terminal to the end of the process.

Each try starts a quick set in a private tmux terminal (80x24), waits for the rest after
set 1, presses one key (n, m, q, Space, b, or none) and closes the terminal at once, as
closing the window does (the program gets SIGHUP). Measured from outside: how long until
the process has ended. The baseline, closed the same way in the same run, is the bare
Textual app (benchmarks/bare_app.py). Afterwards the history must hold every try, each
stopped with set 1 done.

    cd benchmarks && python exit_time.py       # goal: every try ends within 2 s
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from terminal import BARE_APP, PUSHTIMER, Terminal, ended

TRIES = 20
KEYS = ["n", "m", "q", "Space", "b", None]
QUICK = ["quick", "1", "--tempo", "1-0-0-0", "--sets", "2", "--rest", "60", "--prepare", "0"]


def close_after(term: Terminal, command: list[str], ready: str, key: str | None) -> float:
    term.start(command)
    term.wait_for(ready)
    pid = term.program_pid()
    if key is not None:
        term.keys(key)
    closed = time.monotonic()
    term.stop()
    while not ended(pid):
        if time.monotonic() - closed > 10:
            return float("inf")  # never ended by itself
        time.sleep(0.002)
    return time.monotonic() - closed


def main() -> int:
    term = Terminal()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        ours = []
        for number in range(TRIES):
            key = KEYS[number % len(KEYS)]
            command = [PUSHTIMER, "--data-dir", str(data), *QUICK, "--no-sound"]
            ours.append((key, close_after(term, command, "REST", key)))
        bare = [close_after(term, BARE_APP, "bare app", None) for _ in range(5)]
        result = subprocess.run(
            [PUSHTIMER, "--data-dir", str(data), "history", "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    sessions = json.loads(result.stdout)["sessions"]
    kept = sum(
        s["status"] == "stopped" and s["sets"][:1] and s["sets"][0]["outcome"] == "done"
        for s in sessions
    )
    seconds = [took for _, took in ours]
    print(f"{'closing the terminal':30} {'pushtimer':>10} {'bare app':>10}")
    print(f"{'median':30} {statistics.median(seconds):>9.3f}s {statistics.median(bare):>9.3f}s")
    print(f"{'worst':30} {max(seconds):>9.3f}s {max(bare):>9.3f}s")
    for key in KEYS:
        mine = [took for k, took in ours if k == key]
        print(f"  after {key or 'no key':<22} {max(mine):>9.3f}s worst of {len(mine)}")
    print(f"sessions kept, stopped, set 1 done: {kept} of {TRIES}")
    met = max(seconds) < 2.0 and kept == TRIES
    print("goals met" if met else "GOALS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
