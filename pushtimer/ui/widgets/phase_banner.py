"""The phase on a full-width band: its word (and the seconds of a tempo phase) large, with
a shape beside it, on the phase's colour.

The band's colours are the theme's ``$phase-<kind>`` and ``$phase-<kind>-text``, painted
with the text (a CSS class per phase would make Textual match the stylesheet again at every
phase, a few milliseconds each). Where the band is 3 rows or more,
the word is drawn in block letters as large as fit, else on one line. Without colour
(NO_COLOR) the band is filled with a pattern of its own, so the phase still shows from the
corner of an eye.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pushtimer.ui.blockfont import SMALL, draw, largest_scale

# Phase -> the pattern of its band when there is no colour.
PATTERNS = {
    "prepare": "!",
    "down": "↓",
    "bottom": "_",
    "up": "↑",
    "top": "‾",
    "hold": "=",
    "open": "»",
    "switch": "↔",
    "rest": "·",
    "paused": "‖",
}
PATTERN_EVERY = 4  # columns between two marks of a pattern


class PhaseBanner(Widget):
    """``shape`` (↓, ↑, ‖ or nothing), ``word`` and ``number`` on the band of ``kind``."""

    DEFAULT_CSS = """
    PhaseBanner {
        height: 3;
        text-style: bold;
    }
    """

    word: reactive[str] = reactive("")
    number: reactive[str] = reactive("")  # the seconds of a tempo phase, beside its word
    shape: reactive[str] = reactive("")
    kind: reactive[str] = reactive("")

    @property
    def text(self) -> str:
        """The band as one line: ``↓ DOWN 3s``."""
        number = f"{self.number}s" if self.number else ""
        return " ".join(part for part in (self.shape, self.word, number) if part)

    def render(self) -> Content:
        width, height = self.size.width, self.size.height
        big = "  ".join(part for part in (self.shape, self.word, self.number) if part)
        scale = largest_scale(SMALL, big, width - 2, height) if height >= 3 else 0
        block = list(draw(big, SMALL, scale)) if scale else [self.text]
        pattern = PATTERNS.get(self.kind, "") if self.app.no_color else ""
        text = "\n".join(_place(block, width, height, pattern))
        return Content.styled(text, phase_style(self.app.theme_variables, self.kind))


def phase_style(variables: dict[str, str], kind: str) -> str:
    """``bold <text colour> on <band colour>`` of phase ``kind`` in the theme."""
    band, text = variables.get(f"phase-{kind}"), variables.get(f"phase-{kind}-text")
    return f"bold {text} on {band}" if band and text else "bold reverse"


def _place(block: list[str], width: int, height: int, pattern: str) -> list[str]:
    """``block`` centred in ``width`` x ``height``; the rest blank, or marked with
    ``pattern`` (one cell kept clear around the block, so it stays readable)."""
    block = [line[:width] for line in block[:height]]
    top = (height - len(block)) // 2
    inner = max((len(line) for line in block), default=0)
    left = (width - inner) // 2
    rows = []
    for y in range(height):
        line = [" "] * width
        if pattern:
            for x in range((y * 2) % PATTERN_EVERY, width, PATTERN_EVERY):
                line[x] = pattern
        index = y - top
        if 0 <= index < len(block):
            clear_from, clear_to = max(0, left - 1), min(width, left + inner + 1)
            line[clear_from:clear_to] = " " * (clear_to - clear_from)
            text = block[index]
            line[left : left + len(text)] = text
        rows.append("".join(line))
    return rows
