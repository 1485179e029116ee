"""How far through the workout: a bar over its timed seconds, and the time left."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class WorkoutProgress(Widget):
    """``━━━━━━━━╺━━━━━━━━━━  9:12 left``."""

    DEFAULT_CSS = """
    WorkoutProgress {
        height: 1;
    }
    """

    fraction: reactive[float] = reactive(0.0)
    time_left: reactive[str] = reactive("")

    def render(self) -> Content:
        label = f"  {self.time_left}"
        width = max(0, self.size.width - len(label))
        filled = round(width * min(1.0, max(0.0, self.fraction)))
        bar = Content.styled("━" * filled, "bold") + Content.styled("━" * (width - filled), "dim")
        return bar + label
