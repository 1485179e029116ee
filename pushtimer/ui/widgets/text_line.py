"""A line of text shown exactly as given: plan text never goes through markup."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pushtimer.printable import printable


class TextLine(Widget):
    """Literal text that wraps to the width; redraws only when the text changes, and
    takes no room while empty. The screen is laid out again only when the new text may
    take another number of rows (a layout costs milliseconds: "Rep 5/12" becoming
    "Rep 6/12" must not pay for one)."""

    DEFAULT_CSS = """
    TextLine {
        height: auto;
    }
    TextLine.-empty {
        display: none;
    }
    """

    text: reactive[str] = reactive("")

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.set_reactive(TextLine.text, text)
        self.set_class(not text, "-empty", update=False)  # styled when mounted

    def watch_text(self, old: str, text: str) -> None:
        self.set_class(not text, "-empty")
        rows = self._rows(old)
        if rows is None or rows != self._rows(text):
            self.refresh(layout=True)

    def _rows(self, text: str) -> int | None:
        """Rows ``text`` takes at the present width; None when that is not plain (a line
        wider than the widget wraps by words, or the widget has no width yet)."""
        width = self.size.width
        lines = text.split("\n")
        if width <= 0 or any(cell_len(line) > width for line in lines):
            return None
        return len(lines) if text else 0

    def render(self) -> Content:
        return Content(printable(self.text, lines=True))


class StatusLine(Widget):
    """One line that changes often (every second): it keeps its width, so a change
    repaints the line alone and never lays out the screen again."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    """

    text: reactive[str] = reactive("")

    def render(self) -> Content:
        return Content(self.text)
