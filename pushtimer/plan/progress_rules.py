"""The rules of an exercise's ``progress`` table that depend on the exercise it is in.

``add`` and ``up_to`` are reps for a reps exercise and durations for a hold, so their
bounds and words differ by kind; ``up_to`` may not be below the plan's own value; a "max"
set (a test) does not progress; ``from_max`` takes a share of a "max" set of reps, so it
needs such a test in the plan (docs/plan-format.md, "Progress").
"""

from __future__ import annotations

from typing import Any, TypeGuard, TypeVar

from pushtimer.plan.amounts import HOLD_MAX
from pushtimer.plan.durations import format_span, parse_duration
from pushtimer.plan.model import REPS_MAX
from pushtimer.plan.wording import show

Place = TypeVar("Place")  # where an exercise is, as the checker says it


def exercise_problems(raw: dict[str, Any], clean: dict[str, Any]) -> list[str]:
    """What is wrong with ``raw["progress"]`` given the rest of the exercise, one message
    each (said as from inside the progress table). ``clean`` is the checked exercise.
    Each value is judged from the table as written, so these come with every other problem
    of the table; a value its own check refused (reported already) is not judged again."""
    given = raw.get("progress")
    if not isinstance(given, dict):
        return []
    if "hold" in clean:
        return _hold_problems(given, clean["hold"])
    if "reps" not in clean:
        return []  # neither (or a broken one): reported already, the kind is unknown
    reps = clean.get("reps")
    if reps == "max":
        return [
            'cannot grow a "max" set: it is a test of as many reps as you can; give "reps" '
            'a number to grow from (and "from_max" to start from a share of the test)'
        ]
    problems = []
    for key in ("add", "up_to"):
        value, amount = given.get(key), _amount(given.get(key))
        if isinstance(value, str) and amount is not None:
            problems.append(f'"{key}" is a number of reps here (not a duration), got {show(value)}')
        elif isinstance(value, int) and amount is not None and REPS_MAX < amount <= HOLD_MAX:
            problems.append(f'"{key}" must be a whole number of reps up to {REPS_MAX}, got {value}')
    up_to = given.get("up_to")
    if isinstance(reps, int) and _is_count(up_to) and 1 <= up_to < reps:
        problems.append(f'"up_to" must be at least the plan\'s reps ({reps}), got {up_to}')
    return problems


def _hold_problems(given: dict[str, Any], hold: object) -> list[str]:
    problems = []
    if "from_max" in given:
        problems.append(
            '"from_max" takes a share of a "max" set of reps; a timed hold has none: remove it'
        )
    up_to = _amount(given.get("up_to"))
    if isinstance(hold, int) and up_to is not None and 1 <= up_to < hold:
        problems.append(
            f'"up_to" must be at least the plan\'s hold ({format_span(hold)}), '
            f"got {show(given['up_to'])}"
        )
    return problems


def _is_count(value: object) -> TypeGuard[int]:
    """A whole number (TOML's true and false are not counts)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _amount(value: object) -> int | None:
    """A whole number, or a duration as text, as a number; None for anything else."""
    if _is_count(value):
        return value
    if isinstance(value, str):
        try:
            return parse_duration(value)
        except ValueError:
            return None
    return None


def untested(exercises: list[tuple[Place, dict[str, Any]]]) -> list[tuple[Place, str]]:
    """The place and name of each exercise (given with its place, as written) whose
    ``from_max`` has no "max" set of the same name (case aside) in the plan to take its
    share of."""
    tests = {
        item["name"].casefold()
        for _, item in exercises
        if item.get("reps") == "max" and isinstance(item.get("name"), str)
    }
    return [
        (place, item["name"])
        for place, item in exercises
        if _grows_from_a_test(item) and item["name"].casefold() not in tests
    ]


def _grows_from_a_test(item: dict[str, Any]) -> bool:
    """A named exercise of reps with a ``from_max`` that is itself right (anything else
    about it has a problem of its own)."""
    progress = item.get("progress")
    share = progress.get("from_max") if isinstance(progress, dict) else None
    return (
        isinstance(share, (int, float))
        and not isinstance(share, bool)
        and 0.1 <= share <= 1.0
        and _is_count(item.get("reps"))
        and isinstance(item.get("name"), str)
    )
