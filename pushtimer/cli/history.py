"""``pushtimer history``: the table, CSV and JSON of past sessions, the same in Strong's
and openweight's formats, and ``history delete``."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import click

from pushtimer.cli import common
from pushtimer.cli.common import COUNT, DATA_DIR_OPTION, DAY, EXIT_USAGE, echo_json, history_errors
from pushtimer.cli.targets import history_rows
from pushtimer.printable import say

FORMATS = ("csv", "json", "strong", "openweight")


@click.group(
    invoke_without_command=True, short_help="Your sessions: what was done, partial or skipped."
)
@click.option("--csv", "as_csv", is_flag=True, help="One row per set, with a header row.")
@click.option("--json", "as_json", is_flag=True, help="Every session with its sets, as JSON.")
@click.option(
    "--format",
    "out_format",
    type=click.Choice(FORMATS),
    help="csv and json: as --csv and --json; strong: Strong's CSV (a row per set done or "
    "partial); openweight: a JSON list of openweight WorkoutLogs (one per session).",
)
@click.option(
    "--since",
    type=DAY,
    metavar="YYYY-MM-DD",
    help="Only sessions started on or after this day, from its midnight where you are now "
    "(the table shows each session at the time where it was recorded).",
)
@click.option("--limit", type=COUNT, default=20, show_default=True, help="Sessions in the table.")
@click.option("--all", "show_all", is_flag=True, help="Show empty sessions (no set done) too.")
@DATA_DIR_OPTION
@click.pass_context
def history(
    ctx: click.Context,
    as_csv: bool,
    as_json: bool,
    out_format: str | None,
    since: Any,
    limit: int,
    show_all: bool,
    data_dir: Path | None,
) -> None:
    """Your sessions, newest first, with sets done, partial and skipped, reps, time and the
    current streak. Sessions with no set done or partial are left out of the table unless
    --all.

    \b
    pushtimer history delete ID     remove one session (asks first; --yes does not)
    """
    from pushtimer.history.report import as_csv as csv_text
    from pushtimer.history.report import as_json as json_document
    from pushtimer.history.report import (
        counted,
        hidden_line,
        instant,
        streak,
        streak_line,
        table_lines,
    )
    from pushtimer.history.wallclock import now

    if ctx.invoked_subcommand is not None:
        return
    # --csv and --json are --format csv and --format json.
    chosen = {name for name, asked in (("csv", as_csv), ("json", as_json)) if asked}
    chosen |= {out_format} if out_format else set()
    if len(chosen) > 1:
        raise click.UsageError("choose one of --csv, --json and --format")
    out_format = min(chosen, default=None)
    every = history_rows(common.data_dir(data_dir))
    # From the start of that day where the person is now: the sessions are walked by the
    # instant they started, so those kept are the newest ones, whatever zone each was in.
    rows = [row for row in every if instant(row) >= since.astimezone()] if since else every
    today = now().date()
    if out_format in ("strong", "openweight"):
        from pushtimer.history.formats import openweight_logs, strong_csv
        from pushtimer.plan.loader import load_plan_or_none

        if out_format == "strong":
            say(strong_csv(rows, load_plan_or_none), nl=False, lines=True)
        else:
            echo_json(openweight_logs(rows, load_plan_or_none))
    elif out_format == "csv":
        say(csv_text(rows), nl=False, lines=True)
    elif out_format == "json":
        echo_json(json_document(rows, today, streak_days=streak(every, today)))
    else:
        shown = rows if show_all else counted(rows)
        if since and not rows and every:  # (the history is not empty: the day left all out)
            say(f"No sessions since {since:%Y-%m-%d}: `pushtimer history` shows them all.")
        elif shown or not rows:
            for line in table_lines(shown[:limit], terminal_width()):
                say(line)
        if len(shown) > limit:
            say(f"... and {len(shown) - limit} older: `--limit {len(shown)}` shows them.")
        if not show_all and (hidden := hidden_line(rows)):
            say(hidden)
        say(streak_line(streak(every, today)))  # the streak, whatever is shown


def terminal_width() -> int:
    """Columns for a table: the terminal's, or COLUMNS (which wins, and is what a pipe has
    to go by), else 80."""
    return shutil.get_terminal_size().columns


@history.command("delete")
@click.argument("session_id", type=COUNT, metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@DATA_DIR_OPTION
def history_delete(session_id: int, yes: bool, data_dir: Path | None) -> None:
    """Remove session ID (the number in `pushtimer history --json`) and its sets for good."""
    from pushtimer.history.report import table_lines
    from pushtimer.history.store import HistoryStore

    folder = common.data_dir(data_dir)
    row = next((r for r in history_rows(folder) if r.id == session_id), None)
    if row is None:
        say(f"pushtimer: no session {session_id} in the history ({folder})", err=True)
        sys.exit(EXIT_USAGE)
    say("\n".join(table_lines([row], terminal_width())), lines=True)
    if not yes:  # no answer at all (no input) is a no
        click.confirm("Delete this session for good?", abort=True)
    with history_errors():
        store = HistoryStore(folder)
        try:
            store.delete_session(session_id)
        finally:
            store.close()
    say(f"Deleted session {session_id}.")
