"""Memory over a long session: the resident memory's slope in KB a minute, and CPU.

A 41-minute plan (tempo sets, per-side holds and tempo reps, rests between them: the key
bar changes at every rest) runs in the full screen in an 80x24 tmux terminal. Every
``--interval`` seconds for ``--minutes`` minutes, starting as set 1 starts, each program's
resident memory is read from /proc; the slope is a least-squares line through the samples,
all of them and those after ``--warmup`` minutes (the first set and rest fill caches that
then stay as they are: the goal of 50 KB/min is for what comes after).
The baselines run at the same time, in terminals of their own: the same plan in plain mode
(whose memory is flat) and the bare Textual app (benchmarks/bare_app.py, a 10 Hz countdown).
``--tree`` adds a full-screen run of another copy of pushtimer beside this one (say, the
code before a fix: ``git worktree add /tmp/old HEAD``), run with this interpreter through
``PYTHONPATH``. All run side by side, so the machine's moods weigh on each alike.

    python benchmarks/soak.py                        # 10 minutes; goal: < 50 KB/min
    python benchmarks/soak.py --minutes 2 --interval 10
    python benchmarks/soak.py --tree /tmp/old        # ... and the code in /tmp/old
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from terminal import BARE_APP, REPO, Terminal, as_installed, cpu_seconds

GOAL_KB_PER_MIN = 50.0
READY = "Wide push-up"
PREPARE = 5  # the plan's get-ready: the first sample is taken as set 1 starts
_TERMINALS = itertools.count()

PLAN = f"""
name = "Soak"
[defaults]
prepare = {PREPARE}
rest = 45
rest_between_exercises = 60
switch = 5
tempo = "3-1-1-0"

[[workout]]
name = "Forty minutes"

[[workout.exercise]]
name = "Wide push-up"
sets = 8
reps = 10
cues = ["Shoulder blades together", "Three slow seconds down", "Body in one line"]

[[workout.exercise]]
name = "Side plank"
sets = 6
hold = 40
per_side = true
cues = ["Hips high", "Shoulder over elbow"]

[[workout.exercise]]
name = "Arched push-up"
sets = 6
reps = 8
tempo = "2-2-1-1"
cues = ["Chest proud", "Press the floor away"]

[[workout.exercise]]
name = "Shoulder tap"
sets = 5
reps = 6
tempo = "1-0-1-0"
per_side = true
"""


@dataclass
class Run:
    """One program in a terminal of its own, and what was read of it."""

    name: str
    command: list[str]
    ready: str
    env: dict[str, str]
    terminal: Terminal = field(init=False)
    pid: int = 0
    cpu_start: float = 0.0
    cpu_used: float = 0.0
    samples: list[tuple[float, int]] = field(default_factory=list)  # (minutes, RSS KB)

    def __post_init__(self) -> None:
        self.terminal = Terminal(f"pushtimer-soak-{os.getpid()}-{next(_TERMINALS)}")

    def start(self) -> None:
        self.terminal.start(self.command, self.env)

    def ready_now(self) -> None:
        self.terminal.wait_for(self.ready, limit=30.0)
        self.pid = self.terminal.program_pid()

    def sample(self, minutes: float) -> None:
        self.samples.append((minutes, rss_kb(self.pid)))

    @property
    def slope(self) -> float:
        """KB per minute: the least-squares line through the samples."""
        return slope(self.samples)

    def slope_from(self, minute: float) -> float:
        """The same through the samples from ``minute`` on, once caches have warmed."""
        return slope([sample for sample in self.samples if sample[0] >= minute])

    def at(self, minute: int) -> float:
        """RSS in MB at the sample closest to ``minute``."""
        return min(self.samples, key=lambda s: abs(s[0] - minute))[1] / 1024


def slope(samples: list[tuple[float, int]]) -> float:
    """The least-squares slope of (minutes, KB) samples, in KB per minute."""
    n = len(samples)
    mean_t = sum(t for t, _ in samples) / n
    mean_r = sum(r for _, r in samples) / n
    spread = sum((t - mean_t) ** 2 for t, _ in samples)
    return sum((t - mean_t) * (r - mean_r) for t, r in samples) / spread


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"process {pid} has ended")


def pushtimer(tree: Path, plan: Path, *args: str) -> list[str]:
    return [
        "env",
        f"PYTHONPATH={tree}",
        sys.executable,
        "-m",
        "pushtimer",
        "run",
        str(plan),
        "--workout",
        "1",
        "--no-sound",
        *args,
    ]


def report(runs: list[Run], minutes: float, interval: float, warmup: float, window: float) -> None:
    full, plain, bare = runs[0], runs[-2], runs[-1]
    print(f"Memory over {minutes:g} minutes of a 41-minute plan, a sample every {interval:g} s")
    print()
    marks = list(range(0, int(minutes) + 1))
    head = f"{'RSS MB at minute':<30}" + "".join(f"{m:>7}" for m in marks)
    print(head)
    for run in runs:
        print(f"{run.name:<30}" + "".join(f"{run.at(m):>7.1f}" for m in marks))
    print()
    after = f"from {warmup:g}"
    print(f"{'':<30}{'KB/min':>9}{after:>9}{'CPU %':>8}{'start MB':>10}{'vs bare':>9}")
    for run in runs:
        cpu = 100 * run.cpu_used / window
        start = run.samples[0][1] / 1024
        ratio = start / (bare.samples[0][1] / 1024)
        print(
            f"{run.name:<30}{run.slope:>9.1f}{run.slope_from(warmup):>9.1f}{cpu:>8.2f}"
            f"{start:>10.1f}{ratio:>8.2f}x"
        )
    print()
    for run in runs[:-2]:
        late = run.slope_from(warmup)
        verdict = "met" if late < GOAL_KB_PER_MIN else "NOT met"
        print(
            f"{run.name}: {late:+.1f} KB/min from minute {warmup:g} "
            f"({late - plain.slope_from(warmup):+.1f} against plain mode, "
            f"{late - bare.slope_from(warmup):+.1f} against the bare app; "
            f"goal < {GOAL_KB_PER_MIN:g} KB/min: {verdict}); {run.slope:+.1f} from set 1"
        )
    start_ratio = full.samples[0][1] / bare.samples[0][1]
    print(
        f"start-of-set RSS vs the bare app: {start_ratio:.2f}x "
        f"(goal <= 1.3x: {'met' if start_ratio <= 1.3 else 'NOT met'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to sample")
    parser.add_argument("--interval", type=float, default=30.0, help="seconds between samples")
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="minutes of filling caches the goal leaves out"
    )
    parser.add_argument(
        "--tree", type=Path, action="append", default=[], help="another copy of pushtimer"
    )
    args = parser.parse_args()
    trees = [REPO, *(tree.resolve() for tree in args.tree)]
    with tempfile.TemporaryDirectory() as scratch:
        plan = Path(scratch) / "soak.toml"
        plan.write_text(PLAN)

        def env(name: str) -> dict[str, str]:
            data = Path(scratch) / name
            data.mkdir()
            return {"PUSHTIMER_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(data)}

        runs = []
        for n, tree in enumerate(trees):
            as_installed(tree)
            name = f"full screen ({'this tree' if n == 0 else tree})"
            runs.append(Run(name, pushtimer(tree, plan), READY, env(f"full{n}")))
        runs.append(
            Run("plain mode (baseline)", pushtimer(REPO, plan, "--plain"), READY, env("plain"))
        )
        runs.append(Run("bare Textual app (baseline)", BARE_APP, "bare app", env("bare")))
        try:
            for run in runs:
                run.start()
            for run in runs:
                run.ready_now()
            time.sleep(PREPARE + 0.5)  # into set 1
            started = time.monotonic()
            for run in runs:
                run.cpu_start = cpu_seconds(run.pid)
            count = int(args.minutes * 60 / args.interval)
            for n in range(count + 1):
                time.sleep(max(0.0, started + n * args.interval - time.monotonic()))
                for run in runs:
                    run.sample(n * args.interval / 60)
                print(
                    f"  {n * args.interval / 60:5.1f} min: "
                    + ", ".join(f"{run.samples[-1][1] / 1024:.1f}" for run in runs)
                    + " MB",
                    file=sys.stderr,
                    flush=True,
                )
            for run in runs:
                run.cpu_used = cpu_seconds(run.pid) - run.cpu_start
            window = time.monotonic() - started
        finally:
            for run in runs:
                run.terminal.stop()
    report(runs, args.minutes, args.interval, args.warmup, window)


if __name__ == "__main__":
    main()
