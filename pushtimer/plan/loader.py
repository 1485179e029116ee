"""Reading a plan file: bytes -> TOML -> checked data -> a ``Plan``.

Every way a plan can be wrong ends in a PlanError whose lines name the file;
nothing else escapes from here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import msgspec

from pushtimer.plan.errors import PlanError
from pushtimer.plan.model import Plan
from pushtimer.plan.validate import check_plan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MAX_PLAN_BYTES = 1024 * 1024
_AT_LINE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def load_plan(path: str | Path) -> Plan:
    """Load and check the plan file at ``path``; the path is named in messages as given."""
    source = str(path)
    return load_plan_bytes(_read(Path(path), source), source)


def load_plan_bytes(data: bytes, source: str) -> Plan:
    """Load a plan from the bytes of a file (UTF-8 TOML)."""
    if len(data) > MAX_PLAN_BYTES:
        raise PlanError.single(source, _too_big(len(data)))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise PlanError(
            [f"{source}:{line}:{column}: not UTF-8 text; save the plan as UTF-8"]
        ) from None
    return load_plan_text(text.removeprefix("\ufeff"), source)


def load_plan_text(text: str, source: str) -> Plan:
    """Load a plan from TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanError([_syntax_error(error, text, source)]) from None
    except RecursionError:
        raise PlanError.single(source, "not valid TOML: nested too deeply") from None
    return load_plan_data(data, source)


def load_plan_data(data: dict[str, Any], source: str) -> Plan:
    """Build a plan from already parsed data (as from TOML), folding the shorthand layout."""
    clean = check_plan(data, source)
    if "exercise" in clean:
        clean["workout"] = [{"name": clean["name"], "exercise": clean.pop("exercise")}]
    try:
        return msgspec.convert(clean, type=Plan)
    except msgspec.ValidationError as error:  # pragma: no cover - check_plan reports these first
        raise PlanError.single(source, str(error)) from None


def _read(path: Path, source: str) -> bytes:
    try:
        if path.is_dir():
            raise PlanError.single(source, "is a folder, not a plan file")
        size = path.stat().st_size
        if size > MAX_PLAN_BYTES:
            raise PlanError.single(source, _too_big(size))
        with path.open("rb") as handle:
            return handle.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        raise PlanError.single(source, "no such file") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise PlanError.single(source, f"cannot be read: {reason.lower()}") from None


def _too_big(size: int) -> str:
    return f"is {size:,} bytes; a plan file may be at most 1 MiB ({MAX_PLAN_BYTES:,} bytes)"


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
    if line is None:
        return f"{source}: not valid TOML: {message}"
    return f"{source}:{line}:{column}: not valid TOML: {message}"
