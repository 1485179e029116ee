"""The words of plan errors: how a value is quoted, and how a key's type is described.

Descriptions are derived from the model's own types and bounds (through
``msgspec.inspect``), so a message can never disagree with what is checked.
"""

from __future__ import annotations

import datetime as dt
import json

from msgspec import inspect as mi

from pushtimer.printable import printable

# Text longer than this is not echoed back whole in a message.
_ECHO_LIMIT = 40
_QUOTE_LIMIT = 60  # a name or key longer than this is cut with "…" where it is quoted
_NUMBER_DIGITS = 20  # a number of more digits is named, not echoed


def quote(text: str) -> str:
    """Text in double quotes, with line breaks, control, bidi and zero-width characters
    escaped, cut with "…" when long (a 100,000-character key is not echoed whole)."""
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    return printable(json.dumps(text, ensure_ascii=False))


def show(value: object) -> str:
    """A value as the plan wrote it, short enough for a one-line message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if len(value) > _ECHO_LIMIT:
            return f"{len(value)} characters of text"
        return quote(value)
    if isinstance(value, int) and abs(value) >= 10**_NUMBER_DIGITS:
        return "a number too long to show"  # (one from an imported file: any length)
    if isinstance(value, float) and len(repr(value)) > _NUMBER_DIGITS:
        return f"{value:.6g}"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)}"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return f"the date/time {value.isoformat()}"
    return type(value).__name__


def describe(kind: mi.Type, table: str = "") -> str:
    """What a value of this type must be, in words: ``a whole number from 1 to 50``.

    ``table`` is the TOML header of a list of tables (``workout.exercise``).
    """
    if isinstance(kind, mi.Metadata):
        extra = kind.extra or {}
        if extra.get("kind") == "duration" and isinstance(kind.type, mi.IntType):
            low, high = kind.type.ge, kind.type.le
            return f'a duration from {low} to {high} seconds, like 90, "90s" or "1m30s"'
        if extra.get("kind") == "amount" and isinstance(kind.type, mi.IntType):
            low, reps = kind.type.ge, extra.get("reps_max")
            return (
                f"a whole number of reps from {low} to {reps}, or for a hold a duration "
                f'from {low} to {kind.type.le} seconds, like 5, "5s" or "1m"'
            )
        if extra.get("kind") == "tempo":
            return 'a tempo like "3-1-1-0", "3110" or "free"'
        return describe(kind.type, table)
    if isinstance(kind, mi.BoolType):
        return "true or false"
    if isinstance(kind, mi.IntType):
        return _whole_number(kind)
    if isinstance(kind, mi.FloatType):
        return f"a number from {kind.ge} to {kind.le}"
    if isinstance(kind, mi.StrType):
        return _text(kind)
    if isinstance(kind, mi.LiteralType):
        return " or ".join(quote(str(v)) for v in kind.values)
    if isinstance(kind, mi.UnionType):
        return " or ".join(describe(t, table) for t in kind.types if not isinstance(t, mi.NoneType))
    if isinstance(kind, (mi.ListType, mi.VarTupleType)):
        return _list(kind, table)
    if isinstance(kind, mi.StructType):
        return "a table"
    return "a value of another kind"  # pragma: no cover - every model type is handled above


def _whole_number(kind: mi.IntType) -> str:
    if kind.ge is not None and kind.le is not None:
        return f"a whole number from {kind.ge} to {kind.le}"
    if kind.ge is not None:
        return f"a whole number of at least {kind.ge}"
    return "a whole number"


def _text(kind: mi.StrType) -> str:
    low, high = kind.min_length or 0, kind.max_length
    size = f"{low} to {high} characters" if high is not None else f"at least {low} characters"
    where = " on one line" if kind.pattern is not None else ""
    return f"text of {size}{where}"


def _list(kind: mi.ListType | mi.VarTupleType, table: str) -> str:
    low, high = kind.min_length or 0, kind.max_length
    if isinstance(kind.item_type, mi.StructType):
        what = f"[[{table}]] tables" if table else "tables"
        count = f"{low} to {high}" if low else f"at most {high}"
        return f"{count} {what}"
    count = f"at most {high} " if high is not None else ""
    return f"a list of {count}items, each {describe(kind.item_type)}"
