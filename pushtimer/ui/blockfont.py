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
        " ": ".. .. .. .. ..",
        # Shapes that say the phase without a word or a colour.
        "↓": ".###. .###. ##### .###. ..#..",
        "↑": "..#.. .###. ##### .###. .###.",
        "‖": "##.## ##.## ##.## ##.## ##.##",
    },
)

_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@lru_cache(maxsize=64)
def draw(text: str, font: Font, scale: int) -> tuple[str, ...]:
    """``text`` in block letters, one string per terminal row, all the same width.
    Characters the font lacks are drawn as spaces."""
    blank = ("." * 3,) * font.height
    pixel_rows: list[str] = []
    for y in range(font.height):
        row = ("." * font.gap).join(font.glyphs.get(char, blank)[y] for char in text)
        pixel_rows.append("".join(pixel * scale for pixel in row))
    tall = [row for row in pixel_rows for _ in range(scale)]
    if len(tall) % 2:
        tall.append("." * len(tall[0]) if tall else "")
    return tuple(
        "".join(_CELLS[(a == "#", b == "#")] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(tall[::2], tall[1::2], strict=True)
    )


def largest_scale(font: Font, text: str, width: int, height: int) -> int:
    """The largest scale at which ``text`` fits in ``width`` x ``height`` cells; 0 when
    it does not fit even at scale 1 (or the font lacks a character)."""
    if not text or not font.knows(text):
        return 0
    pixels = font.pixel_width(text)
    by_width = width // pixels
    by_height = (2 * height) // font.height
    return max(0, min(by_width, by_height))
