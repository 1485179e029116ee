"""``pushtimer progress``: per exercise, the target now and why, the last sessions, the
records, and a chart of each session's figure over time."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pushtimer.cli import common
from pushtimer.cli.common import DATA_DIR_OPTION, EXIT_USAGE, echo_json
from pushtimer.cli.targets import history_rows
from pushtimer.printable import say

if TYPE_CHECKING:
    from pushtimer.coach.progress import ExerciseProgress

LAST_SESSIONS = 5
CHART_WIDTH = 72


@click.command(short_help="Targets, records and a chart per exercise.")
@click.argument("exercise", required=False)
@click.option("--json", "as_json", is_flag=True, help="Everything, every session, as JSON.")
@DATA_DIR_OPTION
def progress(exercise: str | None, as_json: bool, data_dir: Path | None) -> None:
    """How each exercise is going (or EXERCISE's: a name, or the start of one): the target
    now and why, the last sessions, records, and a chart of reps per session (for a hold,
    its longest hold)."""
    from pushtimer.coach.progress import as_json as json_document
    from pushtimer.coach.progress import find_exercises, history_plans, progress_report
    from pushtimer.plan.loader import load_plan_or_none

    rows = history_rows(common.data_dir(data_dir))
    report = progress_report(rows, history_plans(rows, load_plan_or_none))
    if exercise is not None:
        found = find_exercises(report, exercise)
        if not found:
            names = "; ".join(e.heading for e in report) or "none yet"
            say(f"pushtimer: no exercise {exercise!r} in your history (it has: {names})", err=True)
            sys.exit(EXIT_USAGE)
        report = found
    if as_json:
        echo_json(json_document(report))
        return
    if not report:
        say("No sessions yet: progress shows once you have trained.")
        return
    width = min(CHART_WIDTH, shutil.get_terminal_size((80, 24)).columns - 2)
    for number, item in enumerate(report):
        if number:
            say("")
        for line in exercise_lines(item, width):
            say(line)


def exercise_lines(item: ExerciseProgress, width: int) -> list[str]:
    """One exercise's part of ``pushtimer progress``."""
    from pushtimer.coach.chart import chart_text, day_label

    lines = [item.heading]
    for where in item.targets:
        target = where.target
        mark = f" {target.mark}" if target.mark else ""
        lines.append(f"  target now: {target.short()}{mark} in {where.where}")
        lines.append(f"    {target.why}")
    last = item.sessions[-LAST_SESSIONS:]
    lines.append(f"  last sessions ({len(item.sessions)} in all):")
    for point in reversed(last):
        lines.append(f"    {day_label(point.started):>6}  {point.said(item.unit)}")
    held = item.records.lines()
    if held:
        lines.append(f"  records: {'; '.join(held)}")
    chart = chart_text(item, width)
    if chart is not None:
        lines += ["", *chart.splitlines()]
    return lines
