"""The phase word (GET READY, DOWN, UP, REST...) on a band of its own colour."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class PhaseBanner(Widget):
    """The word for what to do now; its CSS class (``phase-down``...) picks the colour,
    and ``-paused`` marks a paused session."""

    word: reactive[str] = reactive("")
    kind: reactive[str] = reactive("")
    paused: reactive[bool] = reactive(False)

    def render(self) -> Content:
        return Content(self.word)

    def watch_kind(self, old: str, new: str) -> None:
        self.remove_class(f"phase-{old}")
        self.add_class(f"phase-{new}")

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
