"""The end of a session: what really happened, exercise by exercise (sets done, partial
and skipped, reps against the target, seconds held), and how long it took."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.scalar import Scalar
from textual.screen import Screen
from textual.widgets import DataTable, Footer

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.session.live import LiveSession
from pushtimer.session.readout import PAIN_ADVICE
from pushtimer.session.tally import ExerciseTally, headline, sets_line
from pushtimer.ui.cells import cut
from pushtimer.ui.widgets.text_line import TextLine

FIGURES = ("Sets", "Part", "Skip", "Reps", "Held", "Time")
NOTE = "Note"
NAME_MIN = 10  # the name column is cut to fit down to this; below it the table scrolls


class SummaryScreen(Screen[None]):
    """ "Workout complete" only when every set was done; otherwise what happened.

    q, Enter or Escape leaves: back to the picker, or out of the app when it was opened
    on a plan. The table of exercises scrolls (arrow keys, Page Up/Down) when it does not
    fit.
    """

    BINDINGS = [
        Binding("q,escape", "leave", "Leave"),
        # The table has the focus and would take Enter for itself.
        Binding("enter", "leave", "Leave", show=False, priority=True),
    ]
    AUTO_FOCUS = ""  # on_mount focuses the table without scrolling the headline away
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    def __init__(
        self,
        session: LiveSession,
        leave_app: bool,
        notes: dict[str, str] | None = None,
        lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.leave_app = leave_app
        self.notes = notes or {}  # by exercise: "new record: best max set 25 (was 21)"
        # Under the figures: the records set and the targets for next time
        # ("New record, Wide push-up: ...", "Wide push-up: 4x13 met; next time 14 reps").
        self.lines = lines or []

    def compose(self) -> ComposeResult:
        finish = self.session.finish
        counted = self.session.tally()
        took = format_clock(finish.seconds if finish else 0)
        with Vertical(id="summary"):
            yield TextLine(headline(counted, finish), classes="summary-title")
            yield TextLine(self.session.title, id="summary-plan")
            if counted.exercises:
                yield SummaryTable(counted.exercises, self.notes)
            else:
                yield TextLine("No set started.", classes="summary-row")
            yield TextLine(f"{sets_line(counted.total)} in {took}", classes="summary-total")
            for line in self.lines:
                yield TextLine(line, classes="summary-step")
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

    def on_mount(self) -> None:
        for table in self.query(SummaryTable):  # the arrow keys scroll it
            self.set_focus(table, scroll_visible=False)

    def action_leave(self) -> None:
        if self.leave_app:
            self.app.exit(0)
        else:
            self.dismiss(None)


class SummaryTable(DataTable[Text]):
    """The exercises, one row each, read-only: the name, then the figures right-aligned,
    then a record's note if any exercise has one.

    The name column takes what the figures leave of the width, names cut with "…" to it
    (measured in cells), and is fitted again whenever the table's width changes; below
    ``NAME_MIN`` cells the table scrolls sideways instead."""

    def __init__(self, rows: tuple[ExerciseTally, ...], notes: dict[str, str]) -> None:
        super().__init__(
            id="summary-table",
            cursor_type="none",
            show_cursor=False,
            zebra_stripes=True,
            fixed_columns=1,  # the name stays in sight while the figures scroll sideways
        )
        self.names = [row.label for row in rows]
        self.figures = [_figures(row) for row in rows]
        # A record is of a movement: said once, on the first row of its name.
        noted = [notes.get(row.name, "") if not row.occurrence else "" for row in rows]
        self.notes = noted if any(noted) else None  # no record: no column
        self.name_width: int | None = None
        self.styles.max_height = 1 + len(rows)  # until it is laid out and fitted

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Lay the table out for its width, if that changes the name column, and let it be
        no taller than its rows (the lines under it follow it)."""
        room = self.scrollable_content_region.width
        if not room:
            return  # not laid out yet: a resize follows
        others = self._others_width()
        longest = max(cell_len("Exercise"), *(cell_len(name) for name in self.names))
        width = min(longest, max(NAME_MIN, room - others - 2 * self.cell_padding))
        if width != self.name_width:
            self._fill(width)
        sideways = width + 2 * self.cell_padding + others > room
        bar = self.styles.scrollbar_size_horizontal if sideways else 0
        height = Scalar.from_number(1 + len(self.names) + bar)
        if self.styles.max_height != height:
            self.styles.max_height = height

    def _others_width(self) -> int:
        """The cells every column but the name's takes, with the space around each."""
        columns = [(label, [row[i] for row in self.figures]) for i, label in enumerate(FIGURES)]
        if self.notes is not None:
            columns.append((NOTE, self.notes))
        return sum(
            max(cell_len(label), *(cell_len(cell) for cell in cells)) + 2 * self.cell_padding
            for label, cells in columns
        )

    def _fill(self, width: int) -> None:
        self.name_width = width
        top = self.scroll_y
        self.clear(columns=True)
        self.add_column(Text("Exercise"), width=width, key="name")
        for label in FIGURES:
            self.add_column(Text(label, justify="right"), key=label.lower())
        if self.notes is not None:
            self.add_column(Text(NOTE), key="note")
        for index, name in enumerate(self.names):
            cells = [Text(cut(name, width), no_wrap=True, end="")]
            cells += [Text(figure, justify="right", end="") for figure in self.figures[index]]
            if self.notes is not None:
                cells.append(Text(self.notes[index], no_wrap=True, end=""))
            self.add_row(*cells)
        self.scroll_y = top


def _figures(row: ExerciseTally) -> tuple[str, str, str, str, str, str]:
    """The figures under ``FIGURES``: done of planned sets, partial and skipped ones, reps
    done of the target (a hold: seconds held of those planned), and time."""
    c = row.counts
    sets = f"{c.done}/{c.sets_planned}"
    if row.is_hold:
        reps, held = "", f"{format_span(round(c.held))}/{format_span(c.hold_target)}"
    else:
        reps = f"{c.reps}/{c.reps_target}" if c.reps_target else str(c.reps)
        held = ""
    part, skip = str(c.partial or ""), str(c.skipped or "")
    return sets, part, skip, reps, held, format_clock(round(row.seconds))  # as held rounds
