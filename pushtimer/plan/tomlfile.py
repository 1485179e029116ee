"""Reading a TOML file the way plans and the settings are read: only a regular file, at most
1 MiB, UTF-8, and every problem as one line naming the file (syntax errors with line:col).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

from pushtimer.plan.errors import PlanError
from pushtimer.plan.toml_hints import plain_words
from pushtimer.platforms import open_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_FILE_BYTES = 1024 * 1024
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def read_toml(path: Path, source: str, noun: str = "plan") -> dict[str, Any]:
    """The data of the TOML file at ``path``; messages name it as ``source`` and call it a
    ``noun`` file ("plan", "settings")."""
    return toml_from_bytes(read_file(path, source, noun), source, noun)


def read_file(path: Path, source: str, noun: str = "plan") -> bytes:
    """The bytes of a regular file of at most 1 MiB. A pipe, a device or a socket is
    refused without waiting on it: the file is opened without blocking and what was opened
    is checked (so a file swapped for a FIFO after a look cannot hang the read either;
    ``pushtimer.platforms.open_regular``), and the limit holds while reading, whatever the
    size said."""
    try:
        if path.is_dir():
            raise PlanError.single(source, f"is a folder, not a {noun} file")
        descriptor = open_regular(path)
        if descriptor is None:
            raise PlanError.single(source, "is not a regular file")
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(descriptor)
            if info.st_size > MAX_FILE_BYTES:
                raise PlanError.single(source, _too_big(info.st_size, noun))
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PlanError.single(source, "no such file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise PlanError.single(source, f"cannot be read: {reason.lower()}") from None


def toml_from_bytes(data: bytes, source: str, noun: str = "plan") -> dict[str, Any]:
    """Parse the bytes of a file (UTF-8 TOML, a byte order mark allowed)."""
    if len(data) > MAX_FILE_BYTES:
        raise PlanError.single(source, _too_big(len(data), noun))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise PlanError(
            [f"{source}:{line}:{column}: not UTF-8 text; save the {noun} as UTF-8"]
        ) from None
    return toml_from_text(text.removeprefix("\ufeff"), source)


def toml_from_text(text: str, source: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error keeps the parser's line and column, and for the
    common mistakes says what to write instead (``pushtimer.plan.toml_hints``)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError([_syntax_error(error, text, source)]) from None
    except RecursionError:
        raise PlanError.single(source, "not valid TOML: nested too deeply") from None


def _too_big(size: int, noun: str) -> str:
    return f"is {size:,} bytes; a {noun} file may be at most 1 MiB ({MAX_FILE_BYTES:,} bytes)"


def _syntax_error(error: tomllib.TOMLDecodeError, text: str, source: str) -> str:
    message = str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    found = _AT_LINE.search(message)
    if found:
        line, column = int(found.group(1)), int(found.group(2))
        message = message[: found.start()]
    elif _AT_END.search(message):
        message = _AT_END.sub("", message)
        line = text.count("\n") + 1
        column = len(text) - text.rfind("\n")
    # Messages of newer parsers carry the position on lines of their own: keep the first line.
    message = message.splitlines()[0] if message else "syntax error"
    if line is None or column is None:
        return f"{source}: not valid TOML: {message}"
    words = plain_words(message, text, line, column) or message
    return f"{source}:{line}:{column}: not valid TOML: {words}"
