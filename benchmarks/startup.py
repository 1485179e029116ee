"""Startup: launch to first useful screen, against a bare Textual app in the same run.

pushtimer is timed from launch until the workout screen shows the exercise name
("Wide push-up", the shipped back-week plan) in an 80x24 tmux terminal; the bare app
(benchmarks/bare_app.py: a line, a 10 Hz Digits clock, a footer) until its line shows.
Each is run 11 times, alternately; the goal is judged on the median of the paired ratios
(each run of pushtimer against the bare app's run right after it), which cancels the
machine's drift over the minute the benchmark takes. pushtimer runs from bytecode, as an
installed copy does (``terminal.as_installed``). The commands that print and exit
(``--version``, ``validate``) are timed against starting Python itself.

    python benchmarks/startup.py          # goal: pushtimer <= 1.3x the bare app
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from terminal import BARE_APP, PUSHTIMER, REPO, Terminal, as_installed

RUNS = 11
GOAL = 1.3


def screen_startup(terminal: Terminal, command: list[str], text: str, env: dict[str, str]) -> float:
    launched = terminal.start(command, env)
    shown = terminal.wait_for(text)
    terminal.stop()
    return shown - launched


def command_time(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    subprocess.run(command, capture_output=True, check=True, env={**os.environ, **(env or {})})
    return time.monotonic() - started


def main() -> None:
    as_installed(REPO)
    terminal = Terminal()
    with tempfile.TemporaryDirectory() as data:
        env = {"PUSHTIMER_DATA_DIR": data}
        app = [PUSHTIMER, "back-week", "--workout", "1"]
        ours, bare = [], []
        for _ in range(RUNS):
            ours.append(screen_startup(terminal, app, "Wide push-up", env))
            bare.append(screen_startup(terminal, BARE_APP, "bare app", env))
        version = [command_time([PUSHTIMER, "--version"]) for _ in range(RUNS)]
        # back-week progresses: with a history (the workout screen runs above made one)
        # validate reads it for the targets in effect; without one it loads no SQLite.
        check = [PUSHTIMER, "validate", str(REPO / "plans" / "back-week.toml")]
        validate = [command_time(check, env) for _ in range(RUNS)]
        fresh = [command_time(check, {"PUSHTIMER_DATA_DIR": f"{data}/none"}) for _ in range(RUNS)]
    python = [command_time([sys.executable, "-c", "pass"]) for _ in range(RUNS)]

    def row(label: str, times: list[float], base: list[float], goal: str) -> str:
        ours_ms, base_ms = statistics.median(times) * 1000, statistics.median(base) * 1000
        return f"{label:<34}{ours_ms:>9.0f}{base_ms:>10.0f}{ours_ms / base_ms:>8.2f}x  {goal}"

    print(f"Startup, median of {RUNS} (ms)")
    print(f"{'':<34}{'pushtimer':>9}{'baseline':>10}{'ratio':>9}  goal")
    paired = statistics.median(a / b for a, b in zip(ours, bare, strict=True))
    print(row("workout screen vs bare app", ours, bare, ""))
    print(
        f"{'  paired ratio (median of ' + str(RUNS) + ')':<53}{paired:>8.2f}x  "
        f"<= {GOAL}x: {'met' if paired <= GOAL else 'NOT met'}"
    )
    print(row("--version vs python -c pass", version, python, ""))
    print(row("validate back-week vs python", validate, python, ""))
    print(row("  ... with no history yet", fresh, python, ""))


if __name__ == "__main__":
    main()
