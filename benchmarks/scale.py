"""Scale: the biggest plan the format allows, and a two-hour session.

A plan at the size limits (50 workouts of 100 exercises each) is checked with
``pushtimer validate`` and printed with ``pushtimer show --json``, each timed as a whole
command (median of 3) against reading the same file with tomllib alone in a fresh Python,
in the same run. Two contents: the heaviest realistic one (every exercise 5 sets of 12
tempo reps: close to a million segments and 180 MB of JSON) and a light one (timed holds).
A two-hour workout's timeline is built in-process (median of 5) against
building a list of the same number of tuples.

    python benchmarks/scale.py      # goals: each command under 0.5 s; timeline under 50 ms
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from terminal import PUSHTIMER

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
    print("Scale (ms); baselines: reading the TOML alone, or building as many plain tuples")
    print(f"{'':<56}{'pushtimer':>10}{'baseline':>10}{'ratio':>8}  goal")
    for label, value, base, goal in rows:
        verdict = "met" if value < goal else "NOT met"
        figures = f"{value * 1000:>10.1f}{base * 1000:>10.1f}{value / base:>7.1f}x"
        print(f"{label:<56}{figures}  < {goal * 1000:.0f}: {verdict}")


if __name__ == "__main__":
    main()
