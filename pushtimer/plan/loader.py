"""Reading a plan file: bytes -> TOML -> checked data -> a ``Plan``.

Every way a plan can be wrong ends in a PlanError whose lines name the file;
nothing else escapes from here. ``defaults`` (the settings' ``[defaults]``, see
docs/settings.md) fills in what a plan's own ``[defaults]`` leaves out, before it is
checked, so bounds and messages stay the plan's.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from pushtimer.plan.amounts import at_ceilings
from pushtimer.plan.durations import format_clock
from pushtimer.plan.errors import PlanError, Problem
from pushtimer.plan.length import MAX_WORKOUT_SECONDS, workout_length
from pushtimer.plan.model import Plan
from pushtimer.plan.tomlfile import MAX_FILE_BYTES, read_toml, toml_from_bytes, toml_from_text
from pushtimer.plan.validate import check_plan
from pushtimer.plan.wording import quote

MAX_PLAN_BYTES = MAX_FILE_BYTES

Fallbacks = Mapping[str, Any]  # values for [defaults] keys a plan does not set


def load_plan(path: str | Path, defaults: Fallbacks | None = None) -> Plan:
    """Load and check the plan file at ``path``; the path is named in messages as given."""
    source = str(path)
    return load_plan_data(read_toml(Path(path), source), source, defaults)


def load_plan_or_none(path: str | Path) -> Plan | None:
    """The plan at ``path`` as it is now, or None when it is gone or has problems (for
    the history's plans, which may have moved or changed since)."""
    if not Path(path).is_file():
        return None
    try:
        return load_plan(path)
    except PlanError:
        return None


def load_plan_bytes(data: bytes, source: str, defaults: Fallbacks | None = None) -> Plan:
    """Load a plan from the bytes of a file (UTF-8 TOML)."""
    return load_plan_data(toml_from_bytes(data, source), source, defaults)


def load_plan_text(text: str, source: str, defaults: Fallbacks | None = None) -> Plan:
    """Load a plan from TOML text."""
    return load_plan_data(toml_from_text(text, source), source, defaults)


def load_plan_data(data: dict[str, Any], source: str, defaults: Fallbacks | None = None) -> Plan:
    """Build a plan from already parsed data (as from TOML), folding the shorthand layout."""
    clean = check_plan(_with_fallbacks(data, defaults), source)
    if "exercise" in clean:
        clean["workout"] = [{"name": clean["name"], "exercise": clean.pop("exercise")}]
    try:
        plan = msgspec.convert(clean, type=Plan)
    except msgspec.ValidationError as error:  # pragma: no cover - check_plan reports these first
        raise PlanError.single(source, str(error)) from None
    _check_lengths(plan, source)
    return plan


def _check_lengths(plan: Plan, source: str) -> None:
    """No workout planned longer than 24 hours, nor able to grow longer by its progress:
    within the format's bounds a workout could be planned for weeks, and laying it out
    would take gigabytes."""
    lines = []
    problems = []
    grown = at_ceilings(plan)
    for number, (workout, most) in enumerate(
        zip(plan.workouts, grown.workouts, strict=True), start=1
    ):
        seconds = workout_length(workout, plan.defaults).total_seconds
        grows = workout_length(most, plan.defaults).total_seconds
        if max(seconds, grows) > MAX_WORKOUT_SECONDS:
            place = f"workout {number} ({quote(workout.name)})"
            said = (
                f"is planned at {format_clock(seconds)}"
                if seconds > MAX_WORKOUT_SECONDS
                else f"can grow to {format_clock(grows)} by its progress (set lower up_to values)"
            )
            text = (
                f"{said}; a workout may be "
                f"at most {MAX_WORKOUT_SECONDS // 3600} hours (fewer sets, reps or rests)"
            )
            lines.append(f"{source}: {place}: {text}")
            problems.append(Problem((number - 1,), None, text))
    if lines:
        raise PlanError(lines, problems)


def _with_fallbacks(data: dict[str, Any], defaults: Fallbacks | None) -> dict[str, Any]:
    """``data`` with each key of ``defaults`` set in its [defaults] table where the plan has
    none (a [defaults] that is not a table is left for the checker to report)."""
    if not defaults:
        return data
    table = data.get("defaults", {})
    if not isinstance(table, dict):
        return data
    return {**data, "defaults": {**defaults, **table}}
