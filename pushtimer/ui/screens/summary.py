"""The end of a session: what was done, exercise by exercise, and how long it took."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.session.live import LiveSession
from pushtimer.session.tally import ExerciseTally
from pushtimer.ui.widgets.text_line import TextLine


class SummaryScreen(Screen[None]):
    """ "Workout complete" (or "Stopped early") with sets and reps per exercise.

    q or Enter leaves: back to the picker, or out of the app when it was opened on a plan.
    """

    BINDINGS = [Binding("q,enter,escape", "leave", "Leave")]

    def __init__(
        self, session: LiveSession, leave_app: bool, notes: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.leave_app = leave_app
        self.notes = notes or {}  # by exercise: "new best (was 21)"

    def compose(self) -> ComposeResult:
        finish = self.session.finish
        complete = finish is not None and finish.completed
        counted = self.session.tally()
        with Vertical(id="summary"):
            yield TextLine(
                "Workout complete" if complete else "Stopped early", classes="summary-title"
            )
            yield TextLine(self.session.title, id="summary-plan")
            rows = counted.exercises
            width = max([len(row.name) for row in rows] + [len("Exercise")])
            if rows:
                yield TextLine(f"{'Exercise':<{width}}  {_HEADER}", classes="summary-head")
            for row in rows:
                note = f"  {self.notes[row.name]}" if row.name in self.notes else ""
                yield TextLine(
                    f"{row.name:<{width}}  {_row_figures(row)}{note}", classes="summary-row"
                )
            if not rows:
                yield TextLine("No sets finished.", classes="summary-row")
            took = format_clock(finish.seconds if finish else 0)
            sets, reps = counted.sets, counted.reps
            yield TextLine(
                f"Total: {sets} set{'s' if sets != 1 else ''}, "
                f"{reps} rep{'s' if reps != 1 else ''} in {took}",
                classes="summary-total",
            )
            if not complete:
                yield TextLine("Sets you finished are kept.", classes="dim")
        yield Footer()

    def action_leave(self) -> None:
        if self.leave_app:
            self.app.exit(0)
        else:
            self.dismiss(None)


_HEADER = f"{'Sets':>5}  {'Reps':>5}  {'Held':>7}  {'Time':>7}"


def _row_figures(row: ExerciseTally) -> str:
    """The figures under ``_HEADER``: a hold shows time held instead of reps."""
    sets = f"{row.sets_done}/{row.sets_planned}"
    reps = "" if row.hold_seconds else str(row.reps)
    held = format_span(row.hold_seconds) if row.hold_seconds else ""
    return f"{sets:>5}  {reps:>5}  {held:>7}  {format_clock(row.seconds):>7}"
