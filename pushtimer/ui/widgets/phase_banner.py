"""The phase on a full-width band: its word (and the seconds of a tempo phase) large, with
a shape beside it, on the phase's colour; in a per-side set the side too (``DOWN · LEFT``,
``SWITCH → RIGHT``).

The band's colours are the theme's ``$phase-<kind>`` and ``$phase-<kind>-text``, painted
with the text (a CSS class per phase would make Textual match the stylesheet again at every
phase, a few milliseconds each). Where the band is 3 rows or more, the word is drawn in
block letters, every phase's word at one scale: the largest at which the widest of them
(``MAIN_REFERENCE``) fits, so the word keeps its size from DOWN to BOTTOM and from 10 s to
9 s, and the big figure can be held to three times its height (``word_rows``). Where the
band is narrow and tall (a phone upright), the word goes on two lines (``↓ DOWN`` over
``2``) if that makes it larger. The side goes beside the word, or under it, in block
letters as large as fit (plain text where none do); in a per-side exercise the room for it
is kept through the whole exercise, rests before its sets too (``sided``). Below 3 rows,
one line of text. Without colour (NO_COLOR)
the band is filled with a pattern of its own, so the phase still shows from the corner of
an eye.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pushtimer.ui.blockfont import SMALL, draw, draw_runs, rows, scale_for

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
# The widest a phase's word is, with its shape and the seconds of a tempo phase (↓ DOWN 12,
# GET READY and ‖ PAUSED are narrower); the widest line of it on two lines (BOTTOM over 12,
# ↓ DOWN over 12, GET over READY, ‖ over PAUSED); and the widest side. Each is drawn at the
# scale at which these fit.
MAIN_REFERENCE = "BOTTOM 00"
WRAPPED_REFERENCE = "BOTTOM"
SIDE_REFERENCE = "→ RIGHT"
MARGIN = 2  # columns of the band kept clear of the block letters, both sides together


@dataclass(frozen=True)
class BandLayout:
    """How a band of a given size is drawn: the word's scale (0: one line of text), on
    two lines or one; the side's scale (0: plain text), under the word or beside it."""

    word: int
    side: int = 0
    below: bool = False
    wrapped: bool = False

    @property
    def word_rows(self) -> int:
        """Rows the phase word's letters take: 1 as a line of text."""
        return rows(SMALL, self.word) if self.word else 1


@lru_cache(maxsize=32)
def band_layout(
    width: int,
    height: int,
    sided: bool,
    main_pixels: int = SMALL.pixel_width(MAIN_REFERENCE),
    wrapped_pixels: int = SMALL.pixel_width(WRAPPED_REFERENCE),
) -> BandLayout:
    """The layout of a band ``width`` x ``height`` (the room inside its margin): the word as
    large as fits, on one line or two; with a side, the largest word that leaves room for
    it (beside it, else under it, else as plain text), then the side as large as fits."""
    if height < 3:
        return BandLayout(0)
    one = _layout(width, height, sided, main_pixels, lines=1)
    two = _layout(width, height, sided, wrapped_pixels, lines=2)
    return two if two.word > one.word else one


def _layout(width: int, height: int, sided: bool, pixels: int, lines: int) -> BandLayout:
    """The best layout with the word on ``lines`` lines, each ``pixels`` wide at scale 1."""
    wrapped = lines > 1
    for word in range(scale_for(SMALL, pixels, width, height), 0, -1):
        word_columns = pixels * word
        word_rows = lines * rows(SMALL, word) + lines - 1  # a blank row between lines
        if word_rows > height:
            continue
        if not sided:
            return BandLayout(word, wrapped=wrapped)
        for side in range(word, 0, -1):
            beside = word_columns + _gap(word) + _SIDE_PIXELS * side <= width
            if beside and not wrapped:
                return BandLayout(word, side)
            under = word_rows + 1 + rows(SMALL, side) <= height
            if under and _SIDE_PIXELS * side <= width:
                return BandLayout(word, side, below=True, wrapped=wrapped)
        if word_columns + 2 + len(SIDE_REFERENCE) <= width and not wrapped:
            return BandLayout(word)
        if word_rows + 1 <= height:
            return BandLayout(word, below=True, wrapped=wrapped)
    return BandLayout(0)


_SIDE_PIXELS = SMALL.pixel_width(SIDE_REFERENCE)


def _gap(scale: int) -> int:
    """Columns between the word and the side beside it: a space at the word's scale."""
    return 3 * scale


class PhaseBanner(Widget):
    """``shape`` (↓, ↑, ‖ or nothing), ``word``, ``number`` and ``side`` (``· LEFT``,
    ``→ RIGHT`` or nothing) on the band of ``kind``. ``sided``: room is kept for a side."""

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
    side: reactive[str] = reactive("")
    sided: reactive[bool] = reactive(False)

    def watch_sided(self, sided: bool) -> None:
        self.set_class(sided, "-sided")  # the stylesheet may give the band more rows

    @property
    def text(self) -> str:
        """The band as one line: ``↓ DOWN 3s · LEFT``."""
        number = f"{self.number}s" if self.number else ""
        return " ".join(part for part in (self.shape, self.word, number, self.side) if part)

    @property
    def lettering(self) -> BandLayout:
        """How the band's letters are laid out at its present size."""
        main = self._main
        one = max(SMALL.pixel_width(MAIN_REFERENCE), SMALL.pixel_width(main))
        two = max(SMALL.pixel_width(line) for line in (WRAPPED_REFERENCE, *_wrap(main)))
        sided = self.sided or bool(self.side)
        return band_layout(self.size.width - MARGIN, self.size.height, sided, one, two)

    @property
    def word_rows(self) -> int:
        """Rows the phase word takes at the band's present size (1 as a line of text)."""
        return self.lettering.word_rows

    @property
    def _main(self) -> str:
        return " ".join(part for part in (self.shape, self.word, self.number) if part)

    def render(self) -> Content:
        width, height = self.size.width, self.size.height
        block = _block(self._main, self.side, self.lettering) or [self.text]
        pattern = PATTERNS.get(self.kind, "") if self.app.no_color else ""
        text = "\n".join(_place(block, width, height, pattern))
        return Content.styled(text, phase_style(self.app.theme_variables, self.kind))


def _block(main: str, side: str, layout: BandLayout) -> list[str]:
    """The word (and the side) in block letters as ``layout`` says; empty where the band
    is a line of text."""
    if not layout.word or not SMALL.knows(main + side):
        return []
    if layout.wrapped:
        first, *rest = (draw(line, SMALL, layout.word) for line in _wrap(main))
        word = tuple(_centred([*first, *(row for block in rest for row in ("", *block))]))
    else:
        word = draw(main, SMALL, layout.word)
    if not side:
        return list(word)
    if layout.side and not layout.below:
        runs = ((main, layout.word), (side, layout.side))
        return list(draw_runs(runs, SMALL, _gap(layout.word)))
    if not layout.below:  # plain text beside the word, on its middle row
        middle, blank = len(word) // 2, " " * len(side)
        return [f"{line}  {side if y == middle else blank}" for y, line in enumerate(word)]
    side = side.removeprefix("· ")  # on a line of its own: no "·" to part it from the word
    if not layout.side:
        return _centred([*word, side])
    return _centred([*word, "", *draw(side, SMALL, layout.side)])  # a blank row between


def _wrap(main: str) -> tuple[str, ...]:
    """The word on two lines, parted at its last space (``↓ DOWN`` over ``2``, ``GET`` over
    ``READY``); a single word stays one line."""
    head, _, tail = main.rpartition(" ")
    return (head, tail) if head else (main,)


def _centred(lines: list[str]) -> list[str]:
    """Lines of different widths, each centred in the widest."""
    inner = max(len(line) for line in lines)
    return [(" " * ((inner - len(line)) // 2) + line).ljust(inner) for line in lines]


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
