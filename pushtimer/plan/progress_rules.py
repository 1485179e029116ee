"""The rules of an exercise's ``progress`` table that depend on the exercise it is in.

``add`` and ``up_to`` are reps for a reps exercise and durations for a hold, so their
bounds and words differ by kind; ``up_to`` may not be below the plan's own value; a "max"
set (a test) does not progress; ``from_max`` takes a share of a "max" set of reps, so it
needs such a test in the plan (docs/plan-format.md, "Progress").
"""

from __future__ import annotations

from typing import Any

from pushtimer.plan.durations import format_span
from pushtimer.plan.model import REPS_MAX, Plan
from pushtimer.plan.wording import quote, show


def exercise_problems(raw: dict[str, Any], clean: dict[str, Any]) -> list[str]:
    """What is wrong with ``raw["progress"]`` given the rest of the exercise, one message
    each (said as from inside the progress table). ``clean`` is the checked exercise:
    values that failed their own check are missing from it and are not judged again."""
    given, progress = raw.get("progress"), clean.get("progress")
    if not isinstance(given, dict) or not isinstance(progress, dict):
        return []
    if "hold" in clean:
        return _hold_problems(given, progress, clean["hold"])
    reps = clean.get("reps")
    if reps == "max":
        return [
            'cannot grow a "max" set: it is a test of as many reps as you can; give "reps" '
            'a number to grow from (and "from_max" to start from a share of the test)'
        ]
    problems = []
    for key in ("add", "up_to"):
        value = given.get(key)
        if isinstance(value, str):
            problems.append(f'"{key}" is a number of reps here (not a duration), got {show(value)}')
        elif isinstance(value, int) and key in progress and value > REPS_MAX:
            problems.append(f'"{key}" must be a whole number of reps up to {REPS_MAX}, got {value}')
    up_to = progress.get("up_to")
    if isinstance(reps, int) and isinstance(up_to, int) and up_to < reps:
        problems.append(f'"up_to" must be at least the plan\'s reps ({reps}), got {up_to}')
    return problems


def _hold_problems(given: dict[str, Any], progress: dict[str, Any], hold: object) -> list[str]:
    problems = []
    if "from_max" in given:
        problems.append(
            '"from_max" takes a share of a "max" set of reps; a timed hold has none: remove it'
        )
    up_to = progress.get("up_to")
    if isinstance(hold, int) and isinstance(up_to, int) and up_to < hold:
        problems.append(
            f'"up_to" must be at least the plan\'s hold ({format_span(hold)}), '
            f"got {show(given['up_to'])}"
        )
    return problems


def test_problems(plan: Plan, source: str) -> list[str]:
    """A line for each exercise whose ``from_max`` has no "max" set of the same name in the
    plan to take its share of."""
    tests = {e.name.casefold() for w in plan.workouts for e in w.exercises if e.reps == "max"}
    lines = []
    for w_number, workout in enumerate(plan.workouts, start=1):
        for e_number, exercise in enumerate(workout.exercises, start=1):
            progress = exercise.progress
            if progress is None or progress.from_max is None:
                continue
            if exercise.name.casefold() not in tests:
                place = (
                    f"workout {w_number} ({quote(workout.name)}), "
                    f"exercise {e_number} ({quote(exercise.name)}), progress"
                )
                lines.append(
                    f'{source}: {place}: "from_max" needs a test: an exercise named '
                    f'{quote(exercise.name)} with reps = "max" in this plan'
                )
    return lines
