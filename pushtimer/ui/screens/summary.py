"""The end of a session: what really happened, exercise by exercise (sets done, partial
and skipped, reps against the target, seconds held), and how long it took."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.session.live import LiveSession
from pushtimer.session.readout import PAIN_ADVICE
from pushtimer.session.tally import ExerciseTally, headline, sets_line
from pushtimer.ui.widgets.text_line import TextLine


class SummaryScreen(Screen[None]):
    """ "Workout complete" only when every set was done; otherwise what happened.

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
        counted = self.session.tally()
        took = format_clock(finish.seconds if finish else 0)
        with Vertical(id="summary"):
            yield TextLine(headline(counted, finish), classes="summary-title")
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
                yield TextLine("No set started.", classes="summary-row")
            yield TextLine(f"{sets_line(counted.total)} in {took}", classes="summary-total")
            if finish is not None and finish.reason == "pain":
                for line in PAIN_ADVICE:
                    yield TextLine(line, classes="summary-advice")
            elif not counted.total.done and not counted.total.partial:
                yield TextLine(
                    "Nothing was done, so this session does not count for your streak.",
                    classes="dim",
                )
            elif finish is not None and not finish.completed:
                yield TextLine("What you did is kept in your history.", classes="dim")
        yield Footer()

    def action_leave(self) -> None:
        if self.leave_app:
            self.app.exit(0)
        else:
            self.dismiss(None)


_HEADER = f"{'Sets':>5}  {'Part':>4}  {'Skip':>4}  {'Reps':>7}  {'Held':>11}  {'Time':>6}"


def _row_figures(row: ExerciseTally) -> str:
    """The figures under ``_HEADER``: done of planned sets, partial and skipped ones, reps
    done of the target (a hold: seconds held of those planned), and time."""
    c = row.counts
    sets = f"{c.done}/{c.sets_planned}"
    if row.is_hold:
        reps, held = "", f"{format_span(round(c.held))}/{format_span(c.hold_target)}"
    else:
        reps = f"{c.reps}/{c.reps_target}" if c.reps_target else str(c.reps)
        held = ""
    return (
        f"{sets:>5}  {c.partial or '':>4}  {c.skipped or '':>4}  {reps:>7}  {held:>11}  "
        f"{format_clock(row.seconds):>6}"
    )
