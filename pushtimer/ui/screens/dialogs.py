"""Small modal dialogs: why a session stops, a yes/no question, and the rep count of a
"max" set."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input

from pushtimer.printable import printable
from pushtimer.session.events import StopReason
from pushtimer.session.live import read_count
from pushtimer.ui.widgets.text_line import TextLine


class StopScreen(ModalScreen[StopReason | None]):
    """q in a session: stop because you are done for today (d), because something hurts
    (h), or go on (g or Escape)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]  # three buttons need 60
    # Below 11 rows the question and its three answers only, with no frame: down to 20x6.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (11, "-tall")]
    BINDINGS = [
        Binding("d", "answer('quit')", "Done for today"),
        Binding("h", "answer('pain')", "It hurts"),
        # Space too: the paused screen behind says "Space to go on".
        Binding("g,escape,q,space", "answer(None)", "Go on", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TextLine("Stop this workout?", classes="dialog-title")
            yield TextLine(
                "Finished sets are kept, and this one as far as it got.", id="stop-detail"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Done for today (d)", id="quit", variant="primary")
                yield Button("It hurts (h)", id="pain", variant="error")
                yield Button("Go on (g)", id="go-on", variant="success")
        yield Footer()  # this question's keys, not those of the screen behind

    def on_mount(self) -> None:
        self.query_one("#go-on", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(None if event.button.id == "go-on" else event.button.id)

    def action_answer(self, reason: str | None) -> None:
        self.dismiss("pain" if reason == "pain" else "quit" if reason == "quit" else None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or Enter says yes, n or Escape says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape,q", "answer(False)", "No"),
    ]

    def __init__(
        self, question: str, detail: str, yes: str = "Yes (y)", no: str = "No (n)"
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TextLine(self.question, classes="dialog-title")
            yield TextLine(self.detail)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.no, id="no", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class RepCountScreen(ModalScreen[int | None]):
    """Asks how many reps a "max" set came to, filled in with the reps a paced set counted
    (``start``) to accept or correct; Escape goes back to the set."""

    BINDINGS = [Binding("escape", "cancel", "Back to the set")]

    def __init__(self, exercise: str, start: int | None = None) -> None:
        super().__init__()
        self.exercise = exercise
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TextLine("How many reps?", classes="dialog-title")
            yield TextLine(self.exercise)
            value = "" if self.start is None else str(self.start)
            yield Input(value, placeholder="reps", type="integer", max_length=3, id="reps")
            yield TextLine("Enter to save · Escape to go back to the set", classes="dim")
        yield Footer()

    def on_mount(self) -> None:
        """The count counted is there to accept with Enter, or to type over."""
        reps = self.query_one("#reps", Input)
        reps.focus()
        reps.select_all()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(read_count(event.value))
        except ValueError as problem:
            self.notify(printable(str(problem)), severity="warning", markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
