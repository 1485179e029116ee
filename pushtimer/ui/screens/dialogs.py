"""Small modal dialogs: confirm quitting, and the rep count of a "max" set."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from pushtimer.ui.widgets.text_line import TextLine


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or Enter says yes, n or Escape says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", show=False),
        Binding("n,escape,q", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, detail: str) -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TextLine(self.question, classes="dialog-title")
            yield TextLine(self.detail)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes, stop (y)", id="yes", variant="error")
                yield Button("No, go on (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class RepCountScreen(ModalScreen[int | None]):
    """Asks how many reps a "max" set came to; Escape goes back to the set."""

    BINDINGS = [Binding("escape", "cancel", "Back to the set")]

    def __init__(self, exercise: str) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TextLine("How many reps?", classes="dialog-title")
            yield TextLine(self.exercise)
            yield Input(placeholder="reps", type="integer", max_length=3, id="reps")
            yield TextLine("Enter to save · Escape to go back to the set", classes="dim")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text.isdigit():
            self.dismiss(int(text))
        else:
            self.notify("Type the number of reps you did.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
