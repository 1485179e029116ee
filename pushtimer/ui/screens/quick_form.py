"""The quick-set form: reps or a hold, sets, tempo, rest, each side; checked like a plan.

It starts from the values it is given: the last quick set's, else the settings' [quick],
else the built-in ones (docs/settings.md)."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label

from pushtimer.plan.errors import PlanError
from pushtimer.plan.model import Plan
from pushtimer.plan.quick import QUICK_SOURCE, QuickValues
from pushtimer.settings.model import QuickSettings
from pushtimer.ui.widgets.text_line import TextLine
from pushtimer.ui.widgets.tick import Tick

_PLACE = re.compile(rf'^{re.escape(QUICK_SOURCE)}: (exercise 1 \("[^"]*"\): )?')
# (id, label, placeholder)
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("reps", "Reps", "12, or max"),
    ("hold", "or hold", "seconds, e.g. 45"),
    ("sets", "Sets", "1"),
    ("tempo", "Tempo", "3-1-1-0, or free"),
    ("rest", "Rest", "seconds between sets"),
)


class QuickFormScreen(ModalScreen[tuple[Plan, QuickValues] | None]):
    """Returns the checked one-exercise plan with the values it was made from, or None when
    cancelled. ``start`` holds the values it shows first (None: the built-in ones)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # -short: no row for the key bar

    def __init__(self, start: QuickValues | None = None) -> None:
        super().__init__()
        self.start = start or QuickSettings().values()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="quick-form"):
            yield TextLine("Quick set", classes="dialog-title")
            for field, label, placeholder in FIELDS:
                value = getattr(self.start, field) or ""
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(value, placeholder=placeholder, id=field, compact=True)
            yield Tick(
                "Each side (left, then right)",
                self.start.per_side,
                id="per-side",
                compact=True,
            )
            yield TextLine(id="problems", classes="problems")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()  # the form's keys, not the picker's behind it

    def on_mount(self) -> None:
        self.query_one("#reps", Input).focus()

    def on_input_changed(self) -> None:
        self._problems([])  # what was wrong is being put right

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _value(self, field: str) -> str | None:
        text = self.query_one(f"#{field}", Input).value.strip()
        return text or None

    def _submit(self) -> None:
        hold = self._value("hold")
        values = QuickValues(
            reps=None if hold else self._value("reps"),
            hold=hold,
            sets=self._value("sets") or "1",
            tempo=None if hold else self._value("tempo"),
            rest=self._value("rest"),
            per_side=self.query_one("#per-side", Checkbox).value,
            prepare=self.start.prepare,  # not in the form: the settings' or built-in
        )
        try:
            plan = values.plan()
        except ValueError as error:
            self._problems([str(error)])
        except PlanError as error:
            self._problems([_PLACE.sub("", line) for line in error.lines])
        else:
            self.dismiss((plan, values))

    def _problems(self, lines: list[str]) -> None:
        self.query_one("#problems", TextLine).text = "\n".join(lines)
