"""Scale: the biggest plan the format allows, and a two-hour session.

A plan at the size limits (50 workouts of 100 exercises each) is checked with
``pushtimer validate`` and printed with ``pushtimer show --json``, each timed as a whole
command (median of 3) against reading the same file with tomllib alone in a fresh Python,
in the same run. Two contents: the heaviest realistic one (every exercise 5 sets of 12
tempo reps: close to a million segments and 180 MB of JSON) and a light one (timed holds).
A two-hour workout's timeline is built in-process (median of 5) against
building a list of the same number of tuples.

Memory: the densest plan the bounds allow (50 workouts of 24 hours, every second a segment:
100 exercises of 432 reps at 1-0-1-0 with no rests, 4.3 million segments) through every
command that reads a plan, each command's peak resident memory (``wait4``), against
``python -c pass``'s. A session (plain mode, or the full screen in a tmux terminal) is
measured over its first 3 s, then ended with SIGTERM.

    python benchmarks/scale.py      # goals: each command under 0.5 s; timeline under 50 ms;
                                    # every command under 200 MB on the densest plan
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from terminal import PUSHTIMER, Terminal, rss_mb

from pushtimer.plan.loader import load_plan_text
from pushtimer.session.timeline import build_timeline

HOLD = """
[[workout.exercise]]
name = "Exercise {n}"
sets = 3
hold = 30
rest = 60
cues = ["Keep the body in one line", "Shoulder blades together"]
"""
EXERCISE = """
[[workout.exercise]]
name = "Exercise {n}"
sets = 5
reps = 12
tempo = "3-1-1-0"
rest = 60
cues = ["Keep the body in one line", "Shoulder blades together"]
"""


def biggest_plan(exercise: str = EXERCISE) -> str:
    """50 workouts of 100 exercises: the most the format allows."""
    parts = ['name = "Biggest"\n[defaults]\nprepare = 10\n']
    for day in range(1, 51):
        parts.append(f'\n[[workout]]\nname = "Workout {day}"\nday = {day}\n')
        parts.extend(exercise.format(n=n) for n in range(1, 101))
    return "".join(parts)


def densest_plan() -> str:
    """The most segments the bounds allow: 50 workouts of 24 hours with a segment every
    second (100 exercises of 432 reps at 1-0-1-0, no rests, no get-ready)."""
    parts = ['name = "Densest"\n[defaults]\nprepare = 0\nrest = 0\nrest_between_exercises = 0\n']
    for day in range(1, 51):
        parts.append(f'\n[[workout]]\nname = "Workout {day}"\n')
        parts.extend(
            f'[[workout.exercise]]\nname = "Exercise {n}"\nreps = 432\ntempo = "1-0-1-0"\n'
            for n in range(1, 101)
        )
    return "".join(parts)


# Run by a fresh, small Python: a child's peak memory counts what it was forked from, and
# this benchmark holds the plans' text.
_PEAK = """
import os, signal, subprocess, sys, time
seconds, command = float(sys.argv[1]), sys.argv[2:]
process = subprocess.Popen(
    command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
)
if seconds > 0:
    time.sleep(seconds)
    process.send_signal(signal.SIGTERM)
_, _, usage = os.wait4(process.pid, 0)
print(usage.ru_maxrss / 1024)
"""


def peak_mb(command: list[str], seconds: float = 0) -> float:
    """Peak resident memory of ``command`` (MB), ended with SIGTERM after ``seconds``."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, str(seconds), *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout)


def screen_mb(path: Path, data: str) -> float:
    """Resident memory of the full screen on ``path``'s first workout, 3 s in (tmux)."""
    terminal = Terminal()
    terminal.start([PUSHTIMER, str(path), "--workout", "1"], {"PUSHTIMER_DATA_DIR": data})
    terminal.wait_for("Exercise 1")
    time.sleep(3)
    peak = rss_mb(terminal.program_pid())
    terminal.stop()
    return peak


def memory_rows(folder: str) -> list[tuple[str, float]]:
    path = Path(folder) / "densest.toml"
    path.write_text(densest_plan())
    data = str(Path(folder) / "data")
    env_data = ["--data-dir", data]
    return [
        ("validate", peak_mb([PUSHTIMER, "validate", str(path)])),
        ("show", peak_mb([PUSHTIMER, "show", str(path)])),
        ("show --json", peak_mb([PUSHTIMER, "show", str(path), "--json"])),
        ("run --plain (3 s)", peak_mb([PUSHTIMER, *env_data, "run", str(path), "--plain"], 3)),
        ("the full screen (3 s in)", screen_mb(path, data)),
    ]


def two_hour_plan_text() -> str:
    """About two hours: 13 exercises of 5 sets of 12 reps at 3-1-1-0, with rests."""
    lines = ['name = "Two hours"\n[defaults]\nrest = 0\nrest_between_exercises = 0\n']
    lines += [
        EXERCISE.replace("[[workout.exercise]]", "[[exercise]]").format(n=n) for n in range(13)
    ]
    return "".join(lines)


def timed(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.monotonic() - started)
    return statistics.median(times)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for what, exercise in (("5x12 reps at 3-1-1-0", EXERCISE), ("3 holds of 30 s", HOLD)):
            path = Path(folder) / "biggest.toml"
            path.write_text(biggest_plan(exercise))
            read = f"import tomllib; tomllib.load(open({str(path)!r}, 'rb'))"
            floor = timed([sys.executable, "-c", read])
            size = path.stat().st_size // 1024
            validate = timed([PUSHTIMER, "validate", str(path)])
            show = timed([PUSHTIMER, "show", str(path), "--json"])
            rows.append((f"validate, 50x100 exercises of {what}", validate, floor, 0.5))
            rows.append((f"show --json, the same ({size} KiB of TOML)", show, floor, 0.5))
    plan = load_plan_text(two_hour_plan_text(), "two-hours.toml")
    builds, baselines = [], []
    timeline = build_timeline(plan.workouts[0], plan.defaults)
    for _ in range(5):
        started = time.perf_counter()
        timeline = build_timeline(plan.workouts[0], plan.defaults)
        builds.append(time.perf_counter() - started)
        started = time.perf_counter()
        _ = [(i, "down", i, 3) for i in range(len(timeline.segments))]
        baselines.append(time.perf_counter() - started)
    hours = timeline.total_seconds / 3600
    label = f"timeline of {hours:.1f} h ({len(timeline.segments)} segments)"
    rows.append((label, statistics.median(builds), statistics.median(baselines), 0.05))
    with tempfile.TemporaryDirectory() as folder:
        memory = memory_rows(folder)
    python = peak_mb([sys.executable, "-c", "pass"])
    print("Scale (ms); baselines: reading the TOML alone, or building as many plain tuples")
    print(f"{'':<56}{'pushtimer':>10}{'baseline':>10}{'ratio':>8}  goal")
    for label, value, base, goal in rows:
        verdict = "met" if value < goal else "NOT met"
        figures = f"{value * 1000:>10.1f}{base * 1000:>10.1f}{value / base:>7.1f}x"
        print(f"{label:<56}{figures}  < {goal * 1000:.0f}: {verdict}")
    print(f"\nPeak memory (MB), the densest plan (4.3 million segments); python: {python:.0f}")
    for label, megabytes in memory:
        verdict = "met" if megabytes <= 200 else "NOT met"
        print(f"{label:<56}{megabytes:>10.0f}  <= 200: {verdict}")


if __name__ == "__main__":
    main()
