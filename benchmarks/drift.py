"""Timing under stress: does a session stay on schedule through a stall and a busy core?

Runs a 17-second quick set in plain mode while another process keeps one core busy, and
freezes it for 1.5 s in the middle (SIGSTOP, then SIGCONT). Measured from outside: the time
from the first cue to the process's exit against the planned 17 s, and from its cue log,
how late each segment start after the stall was. The baseline, run the same way in the same
run, is a countdown that subtracts one second per one-second sleep (the classic tick counter).

    python benchmarks/drift.py            # goals: end within 0.2 s, every cue within 50 ms
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLANNED = 17.0  # prepare 2 s + 3 reps of tempo 2-1-1-1 (5 s each)
STALL_AT, STALL = 8.2, 1.5
QUICK_SET = "quick 3 --tempo 2-1-1-1 --prepare 2 --plain"
PUSHTIMER = [sys.executable, "-m", "pushtimer", *QUICK_SET.split()]
TICK_COUNTER = (
    "import time\nleft = 17\nprint('start', flush=True)\n"
    "while left > 0:\n    time.sleep(1)\n    left -= 1\nprint('done', flush=True)\n"
)


def stalled_run(command: list[str]) -> tuple[float, float]:
    """Start ``command``, freeze it once, and return (first output time, exit time)."""
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True
        )
        assert process.stdout is not None
        process.stdout.readline()
        first = time.monotonic()
        time.sleep(STALL_AT)
        process.send_signal(signal.SIGSTOP)
        time.sleep(STALL)
        process.send_signal(signal.SIGCONT)
        process.stdout.read()
        process.wait()
        return first, time.monotonic()
    finally:
        busy.kill()
        busy.wait()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "cues.jsonl"
        first, end = stalled_run([*PUSHTIMER, "--cue-log", str(log)])
        cues = [json.loads(line) for line in log.read_text().splitlines()]
    base_first, base_end = stalled_run([sys.executable, "-c", TICK_COUNTER])

    stall_end = STALL_AT + STALL
    after = [c for c in cues if c["planned"] >= stall_end]
    worst = max(abs(c["t"] - c["planned"]) for c in after)
    skipped = sum(1 for c in cues if c.get("skipped"))
    ours, theirs = end - first - PLANNED, base_end - base_first - PLANNED

    rows = [
        ("end vs plan (first cue to exit)", f"{ours * 1000:+.0f} ms", f"{theirs * 1000:+.0f} ms",
         "within 200 ms"),
        ("worst cue after the stall", f"{worst * 1000:.1f} ms", "-", "under 50 ms"),
        ("cues checked / skipped in stall", f"{len(after)} / {skipped}", "-", ""),
    ]  # fmt: skip
    print(f"{'measure':34} {'pushtimer':>12} {'tick counter':>14}  goal")
    for name, value, base, goal in rows:
        print(f"{name:34} {value:>12} {base:>14}  {goal}")
    met = abs(ours) <= 0.2 and worst <= 0.05
    print("goals met" if met else "GOALS NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
