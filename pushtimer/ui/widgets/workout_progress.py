"""How far through the workout: a bar over its timed seconds, and the time left.

Drawn as segments of its own, a character at a time for the time left. Rich keeps the
length of every short string it measures in a cache of 4096 (``rich.cells.cached_cell_len``),
and a line drawn as text is measured whole and word by word: with the time left in it,
three new strings a second, about 50 KB a minute until the cache was full (70 minutes'
worth). Single characters and bars of each length are a set that stays small.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

BOLD = Style(bold=True)
DIM = Style(dim=True)
SUFFIX = " left"


class WorkoutProgress(Widget):
    """``━━━━━━━━╺━━━━━━━━━━  9:12 left``."""

    DEFAULT_CSS = """
    WorkoutProgress {
        height: 1;
    }
    """

    fraction: reactive[float] = reactive(0.0)
    time_left: reactive[str] = reactive("")

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.visual_style.rich_style
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        label = f"  {self.time_left}"
        bar_width = max(0, width - len(label))
        filled = round(bar_width * min(1.0, max(0.0, self.fraction)))
        segments = [
            Segment("━" * filled, base + BOLD),
            Segment("━" * (bar_width - filled), base + DIM),
            *_label(label, base),
        ]
        return Strip(segments).crop(0, width).extend_cell_length(width, base)


def _label(label: str, style: Style) -> list[Segment]:
    """The time left, a segment per character but for the words after it (a time is
    ``12:05`` or ``1:02:05``, then " left")."""
    head, left, tail = label.rpartition(SUFFIX)
    text, rest = (head, left + tail) if left else (label, "")
    return [Segment(char, style) for char in text] + ([Segment(rest, style)] if rest else [])
