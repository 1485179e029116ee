"""What a tab may send its app, checked before it is passed on.

textual-serve takes each text frame of the websocket as the JSON list its page sends and
uses it unchecked: a frame that is not one (not JSON, a resize without numbers, keys that
are not text) raised inside its handler, which printed a traceback on the server's terminal
and ended that tab's session; a size of no sensible number of cells went on to the app.
Here such a frame, and a binary one (the page sends none), is refused with the reason, in
words, and dropped; the session goes on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

MAX_CELLS = 1000  # columns or rows: more than a screen shows, few enough for an app to draw


class Malformed(ValueError):
    """A frame that is not one the page sends; its text says what is wrong with it."""


@dataclass(frozen=True)
class Frame:
    """One thing the page says: ``stdin`` (``text``: keys), ``resize`` (``width`` and
    ``height`` in cells), ``ping`` (``text``: echoed back), ``focus`` or ``blur``."""

    kind: str
    text: str = ""
    width: int = 0
    height: int = 0


def read_frame(raw: str | bytes) -> Frame | None:
    """The frame ``raw`` (a text frame's text, a binary frame's bytes) carries; None for a
    kind the page does not send (ignored, as textual-serve does: a newer page may say
    more). Raises ``Malformed``."""
    if not isinstance(raw, str):
        raise Malformed("binary, where the page sends text")
    try:
        envelope = json.loads(raw)
    except (ValueError, RecursionError):  # (a list nested thousands deep is the second)
        raise Malformed("not JSON") from None
    if not (isinstance(envelope, list) and envelope and isinstance(envelope[0], str)):
        raise Malformed("not a list that starts with its kind")
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin":
        return Frame(kind, text=_keys(data))
    if kind == "resize":
        return Frame(kind, width=_cells(data, "width"), height=_cells(data, "height"))
    if kind == "ping":
        if not isinstance(data, str):
            raise Malformed("a ping without its text")
        return Frame(kind, text=data)
    if kind in ("focus", "blur"):
        return Frame(kind)
    return None


def _keys(data: Any) -> str:
    """Keys are text the app can take as UTF-8 (JSON can carry a lone surrogate)."""
    if not isinstance(data, str):
        raise Malformed("keys that are not text")
    try:
        data.encode("utf-8")
    except UnicodeEncodeError:
        raise Malformed("keys that are not UTF-8") from None
    return data


def _cells(data: Any, name: str) -> int:
    """A resize's ``name`` (width or height): a whole number of cells an app can draw."""
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_CELLS:
        raise Malformed(f"a resize without a {name} of 1 to {MAX_CELLS} cells")
    return value
