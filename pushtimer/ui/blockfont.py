"""Block letters and digits that scale with the room they have (docs/architecture.md).

Each glyph is a small bitmap. Drawn at scale ``s``, a bitmap pixel becomes ``s`` columns
wide and ``s`` half-rows tall (a terminal cell is about twice as tall as it is wide, so
half-blocks make square pixels): ``▀``, ``▄`` and ``█`` put two pixel rows in one cell.
Two fonts: ``DIGITS``, 7 pixels tall, for the big figure (7 rows at scale 2, 14 at scale
4), and ``SMALL``, 5 pixels tall (3 rows at scale 1), for the phase word and for figures
where little room is left. Pure functions of the text and the room: the widgets call them
only when either changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity: there are two
class Font:
    """Glyph bitmaps by character: each a tuple of rows, ``#`` for a pixel."""

    height: int  # pixel rows of every glyph
    glyphs: dict[str, tuple[str, ...]]
    gap: int = 1  # blank pixel columns between glyphs

    def knows(self, text: str) -> bool:
        return all(char in self.glyphs for char in text)

    def pixel_width(self, text: str) -> int:
        widths = [len(self.glyphs[char][0]) for char in text]
        return sum(widths) + self.gap * max(0, len(widths) - 1)


def _font(height: int, source: dict[str, str]) -> Font:
    glyphs = {char: tuple(rows.split()) for char, rows in source.items()}
    for char, rows in glyphs.items():
        assert len(rows) == height and len({len(row) for row in rows}) == 1, char
    return Font(height=height, glyphs=glyphs)


DIGITS = _font(
    7,
    {
        "0": ".###. #...# #...# #...# #...# #...# .###.",
        "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
        "2": ".###. #...# ....# ...#. ..#.. .#... #####",
        "3": "####. ....# ....# .###. ....# ....# ####.",
        "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
        "5": "##### #.... ####. ....# ....# #...# .###.",
        "6": "..##. .#... #.... ####. #...# #...# .###.",
        "7": "##### ....# ...#. ..#.. .#... .#... .#...",
        "8": ".###. #...# #...# .###. #...# #...# .###.",
        "9": ".###. #...# #...# .#### ....# ...#. .##..",
        ":": ". . # . # . .",
        " ": ". . . . . . .",
    },
)

SMALL = _font(
    5,
    {
        "A": ".#. #.# ### #.# #.#",
        "B": "##. #.# ##. #.# ##.",
        "C": ".## #.. #.. #.. .##",
        "D": "##. #.# #.# #.# ##.",
        "E": "### #.. ##. #.. ###",
        "F": "### #.. ##. #.. #..",
        "G": ".### #... #.## #..# .###",
        "H": "#.# #.# ### #.# #.#",
        "I": "### .#. .#. .#. ###",
        "J": "..# ..# ..# #.# .#.",
        "K": "#.# #.# ##. #.# #.#",
        "L": "#.. #.. #.. #.. ###",
        "M": "#...# ##.## #.#.# #...# #...#",
        "N": "#..# ##.# #.## #..# #..#",
        "O": ".##. #..# #..# #..# .##.",
        "P": "##. #.# ##. #.. #..",
        "Q": ".##. #..# #..# #.## .###",
        "R": "##. #.# ##. #.# #.#",
        "S": ".## #.. .#. ..# ##.",
        "T": "### .#. .#. .#. .#.",
        "U": "#.# #.# #.# #.# ###",
        "V": "#.# #.# #.# #.# .#.",
        "W": "#...# #...# #.#.# ##.## #...#",
        "X": "#.# #.# .#. #.# #.#",
        "Y": "#.# #.# .#. .#. .#.",
        "Z": "### ..# .#. #.. ###",
        "0": "### #.# #.# #.# ###",
        "1": ".#. ##. .#. .#. ###",
        "2": "### ..# ### #.. ###",
        "3": "### ..# .## ..# ###",
        "4": "#.# #.# ### ..# ..#",
        "5": "### #.. ### ..# ###",
        "6": "### #.. ### #.# ###",
        "7": "### ..# ..# .#. .#.",
        "8": "### #.# ### #.# ###",
        "9": "### #.# ### ..# ###",
        ":": ". # . # .",
        "-": "... ... ### ... ...",
        "+": "... .#. ### .#. ...",
        " ": ". . . . .",  # narrow: words stand 3 pixels apart, letters 1
        "·": ". . # . .",
        # Shapes that say the phase without a word or a colour, and the way to the side.
        "↓": ".###. .###. ##### .###. ..#..",
        "↑": "..#.. .###. ##### .###. .###.",
        "‖": "##.## ##.## ##.## ##.## ##.##",
        "→": "..#.. ...#. ##### ...#. ..#..",
    },
)

_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def rows(font: Font, scale: int) -> int:
    """Terminal rows of a line of ``font`` drawn at ``scale``."""
    return (font.height * scale + 1) // 2


def _pixels(text: str, font: Font, scale: int) -> list[str]:
    """``text`` as rows of pixels (``#`` or ``.``), each pixel repeated ``scale`` times
    both ways."""
    blank = ("." * 3,) * font.height
    pixel_rows: list[str] = []
    for y in range(font.height):
        row = ("." * font.gap).join(font.glyphs.get(char, blank)[y] for char in text)
        pixel_rows.append("".join(pixel * scale for pixel in row))
    return [row for row in pixel_rows for _ in range(scale)]


def _cells(tall: list[str]) -> tuple[str, ...]:
    """Pixel rows as terminal rows: two pixel rows to a row of half blocks."""
    if len(tall) % 2:
        tall = [*tall, "." * len(tall[0])]
    return tuple(
        "".join(_CELLS[(a == "#", b == "#")] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(tall[::2], tall[1::2], strict=True)
    )


@lru_cache(maxsize=64)
def draw(text: str, font: Font, scale: int) -> tuple[str, ...]:
    """``text`` in block letters, one string per terminal row, all the same width.
    Characters the font lacks are drawn as spaces."""
    return _cells(_pixels(text, font, scale))


@lru_cache(maxsize=64)
def draw_runs(runs: tuple[tuple[str, int], ...], font: Font, gap: int) -> tuple[str, ...]:
    """Texts side by side, each ``(text, scale)`` at its own scale, ``gap`` columns
    apart, standing on one line (their bottoms level, to the pixel)."""
    drawn = [_pixels(text, font, scale) for text, scale in runs]
    height = max(len(pixel_rows) for pixel_rows in drawn)
    tall = []
    for y in range(height):
        parts = []
        for pixel_rows in drawn:
            top = height - len(pixel_rows)  # blank above the shorter texts
            parts.append(pixel_rows[y - top] if y >= top else "." * len(pixel_rows[0]))
        tall.append(("." * gap).join(parts))
    return _cells(tall)


def largest_scale(font: Font, text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits in ``width`` x ``height`` cells; 0 when
    it does not fit even at scale 1 (or the font lacks a character)."""
    if not text or not font.knows(text):
        return 0
    return scale_for(font, font.pixel_width(text), width, height)


def scale_for(font: Font, pixels: int, width: int, height: int) -> int:
    """The largest scale at which a line ``pixels`` wide fits in ``width`` x ``height``
    cells (0: not even at scale 1)."""
    if pixels <= 0:
        return 0
    by_width = width // pixels
    by_height = (2 * height) // font.height
    return max(0, min(by_width, by_height))
