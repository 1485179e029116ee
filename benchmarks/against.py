"""This tree against an earlier revision, side by side: startup and steady CPU.

The earlier revision is checked out in a temporary git worktree and run with the same
interpreter through ``PYTHONPATH``, alternating with this tree, so the machine's mood of
the moment weighs on both alike. Startup: launch to "Wide push-up" (the shipped back-week
plan) in an 80x24 tmux terminal, median of 7, with the bare Textual app beside them.
Steady: CPU share of one core over 10 s, 2 s into a quick set of 30 reps at 3-1-1-0, twice
each. Both trees run from bytecode, as installed copies do (``terminal.as_installed``).

    python benchmarks/against.py REV      # e.g. a commit before a change to the screen
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from terminal import BARE_APP, REPO, Terminal, as_installed, cpu_seconds

RUNS = 7
WINDOW, SETTLE = 10.0, 2.0


def command(tree: Path, *args: str) -> list[str]:
    return ["env", f"PYTHONPATH={tree}", sys.executable, "-m", "pushtimer", *args]


def startup(terminal: Terminal, argv: list[str], text: str, env: dict[str, str]) -> float:
    launched = terminal.start(argv, env)
    shown = terminal.wait_for(text)
    terminal.stop()
    return shown - launched


def steady(terminal: Terminal, tree: Path, env: dict[str, str]) -> float:
    quick = ("quick", "30", "--tempo", "3-1-1-0", "--prepare", "2", "--no-sound")
    terminal.start(command(tree, *quick), env)
    terminal.wait_for("DOWN")
    time.sleep(SETTLE)
    pid = terminal.program_pid()
    before, started = cpu_seconds(pid), time.monotonic()
    time.sleep(WINDOW)
    used, elapsed = cpu_seconds(pid) - before, time.monotonic() - started
    terminal.stop()
    return 100 * used / elapsed


def main(revision: str) -> None:
    terminal = Terminal()
    with tempfile.TemporaryDirectory() as scratch:
        earlier = Path(scratch) / "earlier"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(earlier), revision],
            check=True,
        )
        try:
            env = {"PUSHTIMER_DATA_DIR": scratch, "XDG_CONFIG_HOME": scratch}
            trees = {"this tree": REPO, revision: earlier}
            for tree in trees.values():
                as_installed(tree)
            starts: dict[str, list[float]] = {name: [] for name in [*trees, "bare app"]}
            for _ in range(RUNS):
                for name, tree in trees.items():
                    argv = command(tree, "back-week", "--workout", "1")
                    starts[name].append(startup(terminal, argv, "Wide push-up", env))
                starts["bare app"].append(startup(terminal, BARE_APP, "bare app", env))
            cpu: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(2):
                for name, tree in trees.items():
                    cpu[name].append(steady(terminal, tree, env))
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(earlier)],
                check=False,
            )
    median = {name: statistics.median(times) for name, times in starts.items()}
    print(f"Startup, median of {RUNS} (ms), and steady CPU (% of a core, two runs)")
    for name in (*trees, "bare app"):
        figures = " ".join(f"{value:.2f}" for value in cpu.get(name, []))
        print(f"  {name:<24}{1000 * median[name]:>6.0f} ms   {figures}")
    cpu_ratio = statistics.mean(cpu["this tree"]) / max(statistics.mean(cpu[revision]), 1e-9)
    print(
        f"this tree vs {revision}: startup {median['this tree'] / median[revision]:.2f}x, "
        f"CPU {cpu_ratio:.2f}x; "
        f"vs the bare app: startup {median['this tree'] / median['bare app']:.2f}x"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python benchmarks/against.py REV")
    main(sys.argv[1])
