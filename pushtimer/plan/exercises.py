"""The exercise catalogue the plan editor starts from: every exercise of the shipped plans,
read from those files (so it never disagrees with them), with its description, cues,
tempo, sets, reps or hold, rest and per side. Progress rules are left out: they name
other exercises of their own plan (docs/plan-format.md, "Progress")."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from pushtimer.plan.catalog import plan_files
from pushtimer.plan.errors import PlanError
from pushtimer.plan.tomlfile import read_toml
from pushtimer.resources import plans_dir

KEPT = ("name", "description", "sets", "reps", "hold", "tempo", "rest", "per_side", "cues")
# Used when the shipped plans cannot be read (a broken install): still a plan that runs.
FALLBACK: Mapping[str, Any] = {"name": "Push-up", "sets": 3, "reps": 8}


@functools.cache
def catalogue() -> tuple[Mapping[str, Any], ...]:
    """The shipped plans' exercises, each once (by name, the first found), in plan order."""
    found: dict[str, Mapping[str, Any]] = {}
    for path in plan_files(plans_dir()):
        try:
            data = read_toml(path, str(path))
        except PlanError:
            continue
        for exercise in _exercises(data):
            name = exercise.get("name")
            if isinstance(name, str) and name.casefold() not in found:
                found[name.casefold()] = {k: exercise[k] for k in KEPT if k in exercise}
    return tuple(found.values()) or (FALLBACK,)


def first_exercise() -> Mapping[str, Any]:
    """What a new plan or workout starts with: the catalogue's first exercise."""
    return catalogue()[0]


def _exercises(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    tables: list[Any] = list(data.get("exercise", []))
    for workout in data.get("workout", []):
        if isinstance(workout, Mapping):
            tables += list(workout.get("exercise", []))
    return [table for table in tables if isinstance(table, Mapping)]
