"""The big figure: the rep number or the seconds left, in block digits as large as fit.

It takes the room the layout leaves it and draws its value in ``blockfont.DIGITS`` (or the
smaller font when little room is left, or one line of text when not even that fits). The
scale is chosen for the wider of its value and ``00`` (a number: a rep, or seconds under a
minute) or ``0:00`` (a time of minutes), so the figure keeps its size from rep 1 to 99 and
through a countdown of minutes. Where the height decides (most terminals) a number and a
time are drawn the same size; where the width does (a phone upright, a narrow pane) a
number is drawn as large as a number fits, not held to the width of a time.
Standing under a phase band, it is never more than three times as tall as the band's word
(``WORD_TIMES``), so from across a room the word that says what to do is not dwarfed by
the count. It redraws only when its value, its size or the band's word changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pushtimer.ui.blockfont import DIGITS, SMALL, draw, largest_scale
from pushtimer.ui.widgets.phase_banner import PhaseBanner

NUMBER_REFERENCE = "00"  # a number is sized as if it were at least this wide
TIME_REFERENCE = "0:00"  # and a time of minutes as if at least this
WORD_TIMES = 3  # the figure is at most this many times as tall as the phase word


def figure_lines(value: str, width: int, height: int) -> tuple[str, ...]:
    """``value`` in the largest block digits that fit ``width`` x ``height``: the 5x7
    digits (the most legible) wherever they fit, else the small ones; empty when neither
    fits."""
    for font in (DIGITS, SMALL):
        if not font.knows(value):
            continue
        reference = TIME_REFERENCE if ":" in value else NUMBER_REFERENCE
        widest = value if font.pixel_width(value) > font.pixel_width(reference) else reference
        scale = largest_scale(font, widest, width, height)
        if scale:
            return draw(value, font, scale)
    return ()


class BigFigure(Widget):
    """``value`` in block digits, or ``line`` (one line of text) where they do not fit.
    With a PhaseBanner beside it (in the same container), at most ``WORD_TIMES`` times as
    tall as the band's word."""

    DEFAULT_CSS = """
    BigFigure {
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    value: reactive[str] = reactive("")
    line: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._band: PhaseBanner | None = None

    def on_mount(self) -> None:
        parent = self.parent
        if parent is not None:
            self._band = next(iter(parent.query_children(PhaseBanner)), None)
        if self._band is not None:
            # The band's word may change size with no change to the figure's own size.
            self.watch(self._band, "sided", self._band_changed, init=False)

    def _band_changed(self) -> None:
        self.refresh()

    @property
    def most_rows(self) -> int:
        """The rows the figure may take: its height, or less beside a band's word."""
        height = self.size.height
        if self._band is None:
            return height
        return min(height, WORD_TIMES * self._band.word_rows)

    def _lines(self) -> tuple[str, ...]:
        return figure_lines(self.value, self.size.width, self.most_rows)

    def render(self) -> Content:
        lines = self._lines()
        return Content("\n".join(lines) if lines else self.line)

    @property
    def rows(self) -> int:
        """How many rows the figure takes now (1 as a line of text)."""
        return len(self._lines()) or 1
