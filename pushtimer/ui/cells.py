"""Text cut to a width in terminal cells, where a wide character takes two."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from pushtimer.printable import printable

ELLIPSIS = "…"


def cut(text: str, width: int) -> str:
    """``text`` made printable (pushtimer/printable.py), in at most ``width`` cells, cut
    with "…" when it is longer. A wide character that would be split is left out whole
    (the line is then a cell shorter)."""
    text = printable(text)
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip(" ") + ELLIPSIS
