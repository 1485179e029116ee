"""The commands about plans themselves: ``validate``, ``plans``, ``show`` and ``schema``."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pushtimer.cli import common
from pushtimer.cli.common import (
    DATA_DIR_OPTION,
    EXIT_PLAN_ERROR,
    WORKOUT_OPTION,
    chosen_workouts,
    echo_json,
    echo_json_stream,
    load_with_source,
    plan_errors,
    settings,
)
from pushtimer.cli.targets import coached, history_of, quiet_rows
from pushtimer.printable import say

if TYPE_CHECKING:
    from datetime import date

    from pushtimer.coach.targets import Coaching
    from pushtimer.history.store import SessionRow
    from pushtimer.plan.model import Plan


@click.command(short_help="Check plan files: every problem, one line each.")
@click.argument("plans", nargs=-1, required=True, metavar="PLAN...")
@DATA_DIR_OPTION
def validate(plans: tuple[str, ...], data_dir: Path | None) -> None:
    """Check plan files; print every problem, one line each (exit status 2 if any).

    A plan is checked as written: the settings' [defaults] play no part here. The
    lengths are those of the targets in effect, where exercises progress."""
    from pushtimer.plan.durations import format_clock
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.length import workout_length

    failed = False
    # Read once, and only if a plan progresses: one read (and one line, if it cannot be
    # read) for every plan named.
    rows = functools.cache(functools.partial(quiet_rows, common.data_dir(data_dir)))
    for argument in plans:
        try:
            loaded, source = load_with_source(argument)
        except PlanError as error:
            failed = True
            for line in error.lines:
                say(line, err=True)
            continue
        loaded = coached(loaded, source, history_of(loaded, rows))[0]
        count = len(loaded.workouts)
        times = ", ".join(
            format_clock(workout_length(w, loaded.defaults).total_seconds) for w in loaded.workouts
        )
        say(f"{argument}: ok, {count} workout{'s' if count != 1 else ''} ({times})")
    if failed:
        sys.exit(EXIT_PLAN_ERROR)


@click.command(short_help="The plans and their workouts, with the one due next.")
@DATA_DIR_OPTION
def plans(data_dir: Path | None) -> None:
    """List the shipped plans and your own, with each workout and its length, and the
    targets that have grown (or stepped back) from the plan's."""
    from pushtimer.history.wallclock import now
    from pushtimer.outline import plan_outline
    from pushtimer.plan.catalog import find_plans, user_plans_dir
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.loader import load_plan

    defaults = settings().plan_defaults()
    rows = quiet_rows(common.data_dir(data_dir))
    today = now().date()
    found = find_plans()
    for origin, title in (("shipped", "Shipped plans"), ("user", "Your plans")):
        entries = [p for p in found if p.origin == origin]
        folder = f"  ({user_plans_dir()})" if origin == "user" else ""
        say(f"{title}{folder}")
        if not entries:
            say("  none yet: save a plan as a .toml file in that folder")
        for entry in entries:
            try:
                loaded = load_plan(entry.path, defaults)
            except PlanError as error:
                count = len(error.lines)
                say(
                    f"  {entry.slug}: has {count} problem{'s' if count != 1 else ''}; "
                    f"see `pushtimer validate {entry.path}`"
                )
                continue
            say(f"  {entry.slug}: {loaded.name}")
            for line in recovery_lines(loaded, rows or [], today):
                say(f"    {line}")
            loaded, coaching = coached(loaded, str(entry.path), rows)
            for line in plan_outline(loaded, coaching):
                say(f"  {line}")


def recovery_lines(plan: Plan, rows: list[SessionRow], today: date) -> list[str]:
    """On a day between a plan's workouts: that it is a recovery day, and the plan's
    ``recovery`` text (wrapped)."""
    import textwrap

    from pushtimer.history.report import recovery_line

    said = recovery_line(rows, plan, today) if rows else None
    if said is None:
        return []
    lines = [f"{said} (starting it early is fine)"]
    if plan.recovery:
        lines += textwrap.wrap(" ".join(plan.recovery.split()), width=72)
    return lines


@click.command(short_help="The timeline of a plan's workouts, step by step.")
@click.argument("plan")
@WORKOUT_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@DATA_DIR_OPTION
def show(plan: str, workout: str | None, as_json: bool, data_dir: Path | None) -> None:
    """Print the timeline of PLAN's workouts: every step with its start and length, at
    the targets in effect where exercises progress (from your history)."""
    from pushtimer.outline import timeline_outline
    from pushtimer.session.timeline import build_timeline, timeline_json

    with plan_errors():
        loaded, source = load_with_source(plan, settings().plan_defaults())
        chosen = chosen_workouts(loaded, plan, workout)
    rows = history_of(loaded, functools.partial(quiet_rows, common.data_dir(data_dir)))
    loaded, coaching = coached(loaded, source, rows)
    if coaching is None:  # no history: each target is the plan's own, and says so
        from pushtimer.coach.targets import coach

        coaching = coach(loaded, [], source)
    # One workout's timeline at a time, written and let go: a plan at the size limits has
    # millions of segments in all (docs/performance.md, "Memory").
    timelines = ((i, build_timeline(loaded.workouts[i], loaded.defaults)) for i in chosen)
    if as_json:
        echo_json_stream(
            loaded.name,
            (timeline_json(t) | targets_json(coaching, i) for i, t in timelines),
        )
        return
    say(loaded.name)
    for index, timeline in timelines:
        say("")
        for line in timeline_outline(loaded, timeline, coaching, index):
            say(line)


def targets_json(coaching: Coaching, workout: int) -> dict[str, object]:
    """``{"targets": [...]}``: the target of each of a workout's exercises that progress."""
    targets = [t for (w, _), t in sorted(coaching.targets.items()) if w == workout]
    return {
        "targets": [
            {
                "exercise": t.name,
                "number": t.exercise + 1,
                "unit": t.unit,
                "planned": t.planned,
                "target": t.value,
                "up_to": t.ceiling,
                "why": t.why,
            }
            for t in targets
        ]
    }


@click.command(short_help="The JSON Schema of the plan format, for editors.")
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors and language servers)."""
    from pushtimer.plan.schema import plan_schema

    echo_json(plan_schema())
