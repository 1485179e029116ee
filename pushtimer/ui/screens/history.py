"""The history screen: the streak, reps per week for twelve weeks, and the sessions in a
table that scrolls; d deletes the highlighted session (after a question), a shows or hides
the empty ones."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline

from pushtimer.history.report import (
    counted,
    hidden_line,
    session_day,
    set_outcomes,
    shown_status,
    streak,
    streak_line,
    weekly_reps,
)
from pushtimer.history.store import SessionRow
from pushtimer.history.wallclock import now
from pushtimer.plan.durations import format_clock
from pushtimer.ui.cells import cut
from pushtimer.ui.messages import DeleteSession
from pushtimer.ui.screens.dialogs import ConfirmScreen
from pushtimer.ui.widgets.text_line import TextLine

COLUMNS = ("When", "Workout", "Done", "Part", "Skip", "Reps", "Time", "Status")
WORKOUT_WIDTH = 18  # cut to fit 80 columns; `pushtimer history` shows the plan too


class HistoryScreen(Screen[None]):
    """What was done lately; Escape, q or h goes back."""

    BINDINGS = [
        Binding("escape,q,h", "close", "Back"),
        Binding("d,delete", "delete", "Delete"),
        Binding("a", "toggle_empty", "Show empty"),
        Binding("p", "progress", "Progress", tooltip="targets, records and a chart per exercise"),
    ]

    # Below 16 rows the sessions come first: the weekly chart gives its rows to the table.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (16, "-tall")]

    def __init__(self, rows: list[SessionRow]) -> None:
        super().__init__()
        self.rows = rows
        self.show_empty = False

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield TextLine("History", classes="dialog-title")
            yield TextLine(id="streak")
            yield TextLine(id="weeks-label")
            yield Sparkline([0], id="weeks")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield TextLine(id="hidden", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.show_rows(self.rows)
        self.query_one(DataTable).focus()

    def show_rows(self, rows: list[SessionRow]) -> None:
        """Show ``rows`` (newest first): the app calls this after a delete."""
        self.rows = rows
        today = now().date()
        weeks = weekly_reps(counted(rows), today)
        self.query_one("#streak", TextLine).text = streak_line(streak(rows, today))
        self.query_one(
            "#weeks-label", TextLine
        ).text = f"Reps per week, last 12 weeks: {weeks[-1]} this week, {max(weeks)} at most"
        self.query_one(Sparkline).data = weeks
        table = self.query_one(DataTable)
        table.clear()
        shown = rows if self.show_empty else counted(rows)
        for row in shown:
            sets = set_outcomes(row)
            day = session_day(row)
            table.add_row(
                f"{day.day} {day:%b} {row.started[11:16]}",
                Text(cut(row.workout_name, WORKOUT_WIDTH)),  # literal: a str is markup here
                sets.count("done"),
                sets.count("partial"),
                sets.count("skipped"),
                row.reps,
                "-" if row.seconds is None else format_clock(row.seconds),
                shown_status(row),
                key=str(row.id),
            )
        hidden = None if self.show_empty else hidden_line(rows)
        note = (
            hidden.replace("`pushtimer history --all` shows them", "a shows them") if hidden else ""
        )
        if not shown:
            note = "No sessions yet." + (f" {note}" if note else "")
        self.query_one("#hidden", TextLine).text = note

    def action_progress(self) -> None:
        from pushtimer.coach.progress import history_plans, progress_report
        from pushtimer.plan.loader import load_plan_or_none
        from pushtimer.ui.screens.progress import ProgressScreen

        report = progress_report(self.rows, history_plans(self.rows, load_plan_or_none))
        self.app.push_screen(ProgressScreen(report))

    def action_toggle_empty(self) -> None:
        self.show_empty = not self.show_empty
        self.show_rows(self.rows)

    def action_delete(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        row = next((r for r in self.rows if str(r.id) == key), None)
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.post_message(DeleteSession(row.id))

        when = row.started[:19].replace("T", " ")
        sets = set_outcomes(row)
        self.app.push_screen(
            ConfirmScreen(
                f"Delete session {row.id}, started {when}?",
                f"{row.plan_name}: {row.workout_name}; {sets.count('done')} sets done, "
                f"{row.reps} reps. This cannot be undone.",
                yes="Yes, delete (y)",
                no="No, keep it (n)",
            ),
            answered,
        )

    def action_close(self) -> None:
        self.dismiss(None)
