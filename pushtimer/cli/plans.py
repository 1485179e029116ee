"""The commands about plans themselves: ``validate``, ``plans``, ``show`` and ``schema``."""

from __future__ import annotations

import sys

import click

from pushtimer.cli.common import (
    EXIT_PLAN_ERROR,
    WORKOUT_OPTION,
    chosen_workouts,
    echo_json,
    echo_json_stream,
    load,
    plan_errors,
    settings,
)
from pushtimer.cli.group import cli
from pushtimer.printable import say


@cli.command()
@click.argument("plans", nargs=-1, required=True, metavar="PLAN...")
def validate(plans: tuple[str, ...]) -> None:
    """Check plan files; print every problem, one line each (exit status 2 if any).

    A plan is checked as written: the settings' [defaults] play no part here."""
    from pushtimer.plan.durations import format_clock
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.length import workout_length

    failed = False
    for argument in plans:
        try:
            loaded = load(argument)
        except PlanError as error:
            failed = True
            for line in error.lines:
                say(line, err=True)
            continue
        count = len(loaded.workouts)
        times = ", ".join(
            format_clock(workout_length(w, loaded.defaults).total_seconds) for w in loaded.workouts
        )
        say(f"{argument}: ok, {count} workout{'s' if count != 1 else ''} ({times})")
    if failed:
        sys.exit(EXIT_PLAN_ERROR)


@cli.command()
def plans() -> None:
    """List the shipped plans and your own, with each workout and its length."""
    from pushtimer.outline import plan_outline
    from pushtimer.plan.catalog import find_plans, user_plans_dir
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.loader import load_plan

    defaults = settings().plan_defaults()
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
            for line in plan_outline(loaded):
                say(f"  {line}")


@cli.command()
@click.argument("plan")
@WORKOUT_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
def show(plan: str, workout: str | None, as_json: bool) -> None:
    """Print the timeline of PLAN's workouts: every step with its start and length."""
    from pushtimer.outline import timeline_outline
    from pushtimer.session.timeline import build_timeline, timeline_json

    with plan_errors():
        loaded = load(plan, settings().plan_defaults())
        chosen = chosen_workouts(loaded, plan, workout)
    # One workout's timeline at a time, written and let go: a plan at the size limits has
    # millions of segments in all (docs/performance.md, "Memory").
    timelines = (build_timeline(loaded.workouts[i], loaded.defaults) for i in chosen)
    if as_json:
        echo_json_stream(loaded.name, (timeline_json(t) for t in timelines))
        return
    say(loaded.name)
    for timeline in timelines:
        say("")
        for line in timeline_outline(loaded, timeline):
            say(line)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors and language servers)."""
    from pushtimer.plan.schema import plan_schema

    echo_json(plan_schema())
