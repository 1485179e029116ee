"""The history screen: the streak, reps per week for twelve weeks, and recent sessions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Sparkline

from pushtimer.history.report import streak, streak_line, table_lines, weekly_reps
from pushtimer.history.store import SessionRow
from pushtimer.history.wallclock import now
from pushtimer.ui.widgets.text_line import TextLine

RECENT = 15


class HistoryScreen(Screen[None]):
    """What was done lately; Escape, q or h goes back."""

    BINDINGS = [Binding("escape,q,h", "close", "Back")]

    def __init__(self, rows: list[SessionRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        today = now().date()
        weeks = weekly_reps(self.rows, today)
        with Vertical(id="history"):
            yield TextLine("History", classes="dialog-title")
            yield TextLine(streak_line(streak(self.rows, today)), id="streak")
            yield TextLine(
                f"Reps per week, last 12 weeks: {weeks[-1]} this week, {max(weeks)} at most",
                id="weeks-label",
            )
            yield Sparkline(weeks, id="weeks")
            yield TextLine("\n".join(table_lines(self.rows[:RECENT])), id="sessions")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
