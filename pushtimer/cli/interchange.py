"""``pushtimer import`` and ``pushtimer export``: plans from and to other apps' formats
(docs/plan-format.md, "Plans from other apps")."""

from __future__ import annotations

from pathlib import Path

import click

from pushtimer.cli.common import echo_json, load, plan_errors
from pushtimer.printable import say


@click.command("import", short_help="Make a plan from an openweight or Timero file.")
@click.argument("file")
def import_plan(file: str) -> None:
    """Turn FILE, an openweight workout template or program (JSON) or a Timero
    routines.json, into a plan in your plans folder (a new file, named from the plan).
    The plan is checked first; what has no place in a plan (weights, RPE, ...) is named
    here and in a comment at its top. A file that cannot be read or converted is one line, exit
    status 2, and nothing is written."""
    from pushtimer.plan.catalog import user_plans_dir
    from pushtimer.plan.durations import format_clock
    from pushtimer.plan.interchange import import_into_plans
    from pushtimer.plan.length import workout_length

    if not file.strip():
        say("pushtimer import: give the file to import, e.g. ~/Downloads/routines.json", err=True)
        raise SystemExit(2)
    try:
        with plan_errors():
            imported, target = import_into_plans(Path(file), file)
    except OSError as error:
        place = error.filename or user_plans_dir()
        say(f"{place}: cannot be written: {error.strerror or error}", err=True)
        raise SystemExit(2) from None
    plan = imported.plan
    say(f"Imported {imported.kind}: {target}")
    if imported.lost:
        say(f"Not kept (no place in a pushtimer plan): {', '.join(imported.lost)}.")
    count = len(plan.workouts)
    times = ", ".join(
        format_clock(workout_length(w, plan.defaults).total_seconds) for w in plan.workouts
    )
    say(f"{target}: ok, {count} workout{'s' if count != 1 else ''} ({times})")


@click.command(short_help="Write a plan in another app's format (openweight).")
@click.argument("plan")
@click.option(
    "--format",
    "form",
    type=click.Choice(["openweight"]),
    default="openweight",
    show_default=True,
    help="openweight: a Program (JSON), one workout template per workout.",
)
def export(plan: str, form: str) -> None:
    """Write PLAN (a file, or the name of one of your plans or a shipped one) on stdout
    in another app's format: an openweight Program, the plan's workouts as workout
    templates (a week per seven days where every workout has a day number). Per-side
    sets and form cues go into the exercise's notes; what has no place at all (progress
    rules, the recovery text) is named on stderr."""
    from pushtimer.plan.interchange import openweight_losses, openweight_program

    with plan_errors():
        loaded = load(plan)
    echo_json(openweight_program(loaded))
    losses = openweight_losses(loaded)
    if losses:  # on stderr: stdout is the JSON alone, to redirect into a file
        say("Not all of the plan fits openweight's format:", err=True)
        for loss in losses:
            say(f"  - {loss}", err=True)
