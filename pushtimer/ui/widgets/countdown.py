"""The countdown: big ``Digits`` where there is room, one line of text where there is not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits

from pushtimer.ui.widgets.text_line import TextLine


class Countdown(Widget):
    """Seconds left (or, in an open set, seconds so far). The stylesheet shows the digits
    or the line, by the size of the terminal."""

    DEFAULT_CSS = """
    Countdown {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        yield Digits("", id="digits")
        yield TextLine(id="count-line")

    def show(self, value: str, counting_up: bool) -> None:
        digits = self.query_one(Digits)
        if digits.value != value:
            digits.update(value)
        unit = "s" if ":" not in value else ""
        self.query_one(TextLine).text = f"{value}{unit} {'so far' if counting_up else 'left'}"
