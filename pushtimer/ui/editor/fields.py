"""One field of the plan editor: its label, the widget to type in, and the problem the
checker has with it, shown right under it in ``validate``'s words."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from pushtimer.plan.form_fields import TEMPO_PRESETS, FormField, text_of, value_of
from pushtimer.printable import printable
from pushtimer.ui.widgets.text_line import TextLine
from pushtimer.ui.widgets.tick import Tick


class FieldRow(Vertical):
    """A labelled field for ``spec.key``; ``value`` is read and written as TOML values."""

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
    }
    """

    def __init__(self, spec: FormField, value: Any) -> None:
        super().__init__(classes="editor-field")
        self.spec = spec
        self.start = value
        self._shown = self._text_for(value)  # the text the field was given
        self._edited = False

    def compose(self) -> ComposeResult:
        spec = self.spec
        with Horizontal(classes="editor-line"):
            yield Label(spec.label, classes="editor-label")
            yield self._editor()
        if spec.kind == "tempo":
            yield Select(
                [(label, value) for label, value in TEMPO_PRESETS],
                prompt="Presets",
                compact=True,
                classes="tempo-presets",
            )
        yield TextLine(classes="problems editor-problem")

    def _editor(self) -> Widget:
        spec = self.spec
        if spec.kind == "bool":
            label = "left, then right" if spec.key == "per_side" else spec.label
            return Tick(label, bool(self.start), compact=True, classes="editor-input")
        if spec.kind in ("lines", "paragraph"):
            area = TextArea(
                self._shown,
                soft_wrap=True,
                show_line_numbers=False,
                compact=True,
                placeholder=spec.hint,
                classes="editor-input editor-area",
            )
            return area
        return Input(
            self._shown,
            placeholder=spec.hint,
            compact=True,
            classes="editor-input",
        )

    @staticmethod
    def _text_for(value: Any) -> str:
        return printable(text_of(value), lines=True)

    def _text(self) -> str:
        widget = self.query_one(".editor-input")
        if isinstance(widget, Checkbox):
            return "yes" if widget.value else ""
        if isinstance(widget, TextArea):
            return widget.text
        assert isinstance(widget, Input)
        return widget.value

    def edited(self) -> bool:
        """Whether the field holds text other than it was given, now or before: only a
        change made in it is written to the plan (not the field being filled in)."""
        if not self._edited and self._text() != self._shown:
            self._edited = True
        return self._edited

    def show(self, text: str) -> None:
        """Put ``text`` in the field as the plan has it now (not as a change)."""
        self._shown = text
        self._edited = False
        widget = self.query_one(".editor-input")
        if isinstance(widget, Input):
            widget.value = text

    @property
    def value(self) -> Any:
        """The TOML value of what the field holds (None: no key)."""
        widget = self.query_one(".editor-input")
        if isinstance(widget, Checkbox):
            return True if widget.value else None
        if isinstance(widget, TextArea):
            return value_of(self.spec, widget.text)
        assert isinstance(widget, Input)
        return value_of(self.spec, widget.value)

    def focus_input(self) -> None:
        self.query_one(".editor-input").focus()

    def set_text(self, text: str) -> None:
        """Put ``text`` in the field as if typed (a tempo preset)."""
        widget = self.query_one(".editor-input")
        if isinstance(widget, Input):
            widget.value = text

    def show_problem(self, text: str) -> None:
        self.query_one(".editor-problem", TextLine).text = text
