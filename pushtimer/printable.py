"""Text on its way to a terminal: the one function every piece of outside text passes.

Plan fields, file names, settings, history rows and messages that quote any of them reach
a terminal only through ``printable`` (or ``say``, which uses it): control characters (C0,
DEL, C1), bidi controls and zero-width characters become visible escapes (``\\x1b``,
``\\u202e``), so a shared plan cannot retitle the window, write the clipboard, move the
cursor or reorder what a line seems to say (docs/architecture.md, "Hostile input").
Rich markup is a front end's matter: the full screen shows text as Content, never markup.
"""

from __future__ import annotations

import contextlib
import re
import sys
import unicodedata

# Bidi controls (embeddings, overrides, isolates and marks) and zero-width characters,
# with the Unicode line and paragraph separators: invisible, yet they change what a line
# shows.
_INVISIBLE = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u200c\u200d\u2060\ufeff\u2028\u2029"
)


# A file name that is not UTF-8 reaches Python with each odd byte as a lone surrogate
# (U+DC80-U+DCFF, "surrogateescape"): shown as the byte it stands for. Other lone
# surrogates cannot be encoded at all.
def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Every character ``printable`` escapes: controls (C0, DEL, C1), the invisible ones above
# and lone surrogates. (A pattern, not a table of each: a table of the surrogates alone
# held 600 KB for the life of every session.)
ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff]")
_ESCAPED_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + _INVISIBLE + "\ud800-\udfff]")


def printable(text: str, lines: bool = False) -> str:
    """``text`` with every control, bidi and zero-width character as a visible escape;
    with ``lines``, line breaks stay (text of several lines)."""
    if text.isprintable():  # the common case, checked in C: nothing to escape
        return text
    return (_ESCAPED_BUT_NEWLINE if lines else ESCAPED).sub(_escape, text)


def cells(text: str) -> int:
    """How many terminal cells ``text`` (printable) takes: a wide character (CJK, most
    emoji) two, a combining mark none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def fit(text: str, width: int, cut: bool = True) -> str:
    """``text`` made printable and padded with spaces to ``width`` cells, so columns line
    up whatever the text holds; with ``cut``, a longer text is cut to ``width`` with "…".
    A headless front end's counterpart of the full screen's ``ui/cells.cut``."""
    text = printable(text)
    if cut and cells(text) > width:
        kept, used = [], 0
        for char in text:
            used += cells(char)
            if used > width - 1:
                break
            kept.append(char)
        text = "".join(kept).rstrip(" ") + "…"
    return text + " " * max(0, width - cells(text))


# What JSON's own escaping leaves raw: DEL, C1 and the invisible characters (JSON escapes C0;
# msgspec refuses lone surrogates).
_JSON_RAW = re.compile("[\x7f-\x9f" + _INVISIBLE + "]")


def json_safe(data: bytes) -> bytes:
    """UTF-8 JSON with every character ``printable`` escapes written as ``\\uXXXX``, so
    the document stays safe when printed to a terminal and means the same."""
    if data.isascii() and b"\x7f" not in data:  # the common case, checked in C
        return data
    text = _JSON_RAW.sub(lambda found: f"\\u{ord(found.group()):04x}", data.decode("utf-8"))
    return text.encode("utf-8")


def say(text: str, err: bool = False, nl: bool = True, lines: bool = False) -> None:
    """A line on stdout (stderr with ``err``), made printable: a line break inside it (a
    file name may hold one) is escaped, so no name can forge a line of output. ``lines``:
    text of several lines, whose breaks stay."""
    stream = sys.stderr if err else sys.stdout
    stream.write(printable(text, lines=lines) + ("\n" if nl else ""))
    stream.flush()


def say_safely(text: str, err: bool = False) -> None:
    """A last line after a session: the terminal may be gone by now, and that is fine."""
    with contextlib.suppress(OSError, ValueError):
        say(text, err=err)
