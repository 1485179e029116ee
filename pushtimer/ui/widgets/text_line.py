"""A line of text shown exactly as given: plan text never goes through markup."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class TextLine(Widget):
    """Literal text that wraps to the width; redraws only when the text changes, and
    takes no room while empty."""

    DEFAULT_CSS = """
    TextLine {
        height: auto;
    }
    TextLine.-empty {
        display: none;
    }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.set_reactive(TextLine.text, text)
        self.set_class(not text, "-empty")

    def watch_text(self, text: str) -> None:
        self.set_class(not text, "-empty")

    def render(self) -> Content:
        return Content(self.text)


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
