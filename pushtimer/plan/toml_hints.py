"""Plain words for the TOML mistakes people make most, each saying what to write instead.

The TOML parser stops at the first syntax error and names it in a programmer's words
("Invalid value", "Expected newline or end of document after a statement"). For the
mistakes docs/plan-format.md lists under "Mistakes in TOML and what to write instead",
``plain_words`` reads the line the parser stopped on and says what to type:

- text without quotes: ``name = Push-up`` -> ``name = "Push-up"``;
- ``True`` or ``False``: ``per_side = True`` -> ``per_side = true``;
- a duration with a unit, unquoted: ``rest = 60s`` -> ``rest = "60s"``, or ``rest = 60``;
- no ``=`` between a key and its value: ``rest 60`` -> ``rest = 60``;
- text, a list or an inline table never closed (naming the line it starts on);
- a key, or a ``[table]``, given twice.

Any other error keeps the parser's words. A line offered as the thing to write is parsed
first, so a hint never shows TOML that is itself wrong; text from the file reaches the
words only through ``quote`` and ``printable`` (no control character reaches a terminal),
cut with "…" past 40 characters. Plans and the settings file are read alike
(``pushtimer.plan.tomlfile``), so both get these words.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pushtimer.plan.durations import parse_duration
from pushtimer.plan.wording import quote
from pushtimer.printable import printable

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_LIMIT = 40  # text from the file longer than this is cut with "…"

# A key as TOML writes it: bare, "quoted" or 'literal' parts, joined by dots.
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_KEY = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_PAIR = re.compile(rf"[ \t]*({_KEY})[ \t]*=[ \t]*(.*)")
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_KEY})[ \t]*\]\]?[ \t]*(?:#.*)?")
_KEY_ALONE = re.compile(rf"[ \t]*{_KEY}[ \t]*")
_COMMENT = re.compile(r"(?:^|[ \t]+)#.*$")
_LIST_ITEM = re.compile(r"[^,\]}#]*")
_NOT_IN_WORDS = re.compile(r"[\"'\[\]{}=]")
_NUMBER = re.compile(r"[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?")
_NEEDS_QUOTES = "text needs quotes"

# A number and a unit of time, as people write them: 60s, 1m30s, 90 s, 2 min, 1 hour.
_UNITS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), "h"),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "m"),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), "s"),
}
_AMOUNT = re.compile(r"([0-9]+(?:\.[0-9]+)?)[ \t]*([A-Za-z]+)[ \t]*")

_INVALID = "Invalid value"
_NO_NEWLINE = "Expected newline or end of document after a statement"
_UNCLOSED = ("Unclosed array", "Unclosed inline table")
_OPEN_TEXT = (
    "Illegal character '\\n'",  # a one-line string that meets the end of its line
    "Found invalid character '\\n'",  # the same in 'literal' text
    "Unterminated string",
    'Expected "\'"',
    "Expected \"'''\"",
)
_DECLARED_TWICE = re.compile(r"Cannot declare \(.*\) twice")
_PROBE = "__pushtimer_where__"  # a key added to the lines before one: where does it land?


def plain_words(message: str, text: str, line: int, column: int) -> str | None:
    """What to write instead, for the parser's ``message`` about ``line``:``column`` (from
    1) of ``text``, or None to keep the parser's words."""
    spot = _Spot.at(message, text, line, column)
    if spot is None:
        return None
    for rule in (_open_text, _open_bracket, _twice, _no_equals, _bare_value):
        words = rule(spot)
        if words is not None:
            return words
    return None


@dataclass(frozen=True)
class _Spot:
    """Where the parser stopped: its message, the text, the line's number (from 1) and
    the line itself, the column (from 1) and the place in the text."""

    message: str
    text: str
    line: int
    here: str
    column: int
    offset: int

    @classmethod
    def at(cls, message: str, text: str, line: int, column: int) -> _Spot | None:
        start = 0
        for _ in range(line - 1):
            start = text.find("\n", start) + 1
            if start == 0:
                return None
        here = _line_at(text, start)
        offset = start + column - 1
        if column < 1 or offset > len(text):
            return None
        return cls(message, text, line, here, column, offset)

    @property
    def line_start(self) -> int:
        return self.offset - (self.column - 1)

    @cached_property
    def state(self) -> _State:
        """What is open where the parser stopped."""
        return _scan(self.text, self.offset)

    @cached_property
    def state_before(self) -> _State:
        """What is open where the parser's line starts."""
        return _scan(self.text, self.line_start)


# -- the rules: each gives its words, or None when the error is not its kind ----------------


def _open_text(spot: _Spot) -> str | None:
    """Text whose closing quote is missing."""
    if not spot.message.startswith(_OPEN_TEXT):
        return None
    state = spot.state
    if state.string is None:
        return None
    delimiter, line = state.string
    closing = "quote" if len(delimiter) == 1 else delimiter
    words = f"the text{_starting(line, spot)} is missing its closing {closing}"
    if len(delimiter) == 1:
        fixed = _closed(_line(spot.text, line), delimiter)
        if fixed is not None:
            return f"{words}: {fixed}"
    return words


def _closed(line: str, delimiter: str) -> str | None:
    """``key = "text`` with its quote closed, as shown, when that is a valid line."""
    pair = _PAIR.fullmatch(line)
    if pair is None or not pair.group(2).startswith(delimiter):
        return None
    key, value = pair.group(1), pair.group(2).rstrip() + delimiter
    found = _value_of(key, value)
    if found is None or not isinstance(found[1], str):
        return None
    parts, text = found
    if delimiter == "'":
        return f"{_key_text(parts)} = '{printable(_cut(text))}'"
    return f"{_key_text(parts)} = {quote(_cut(text))}"


def _open_bracket(spot: _Spot) -> str | None:
    """A list (``[``) or inline table (``{``) never closed: at the end of the file, where a
    new ``key = ...`` or ``[table]`` starts, or where the other bracket closes."""
    if spot.offset >= len(spot.text):
        state = spot.state
        if state.string is not None or not state.opened:
            return None
        bracket, line = state.opened[-1]
    else:
        before = spot.state_before
        if before.opened and before.string is None and _starts_statement(spot.here):
            bracket, line = before.opened[-1]
            if bracket == "{":  # TOML 1.1 lets an inline table hold keys on lines of their own
                return None
        elif spot.message in _UNCLOSED:
            state = spot.state
            if state.string is not None or not state.opened:
                return None
            bracket, line = state.opened[-1]
            found = spot.text[spot.offset]
            # Anything else there is more likely a missing comma: the parser's words stay.
            if found not in "\r\n" and found != ("}" if bracket == "[" else "]"):
                return None
        else:
            return None
    what, closing = ("list", "]") if bracket == "[" else ("inline table", "}")
    return f'the {what}{_starting(line, spot)} is missing its closing "{closing}"'


def _starts_statement(line: str) -> bool:
    """Whether a line reads as a ``key = ...`` or a ``[table]`` header."""
    return bool(_PAIR.fullmatch(line) or _HEADER.fullmatch(line))


def _twice(spot: _Spot) -> str | None:
    """A key given twice in one table, or a ``[table]`` declared twice."""
    declared = _DECLARED_TWICE.fullmatch(spot.message) is not None
    if not declared and spot.message != "Cannot overwrite a value":
        return None
    start = spot.state.statement
    first = _line_at(spot.text, start)
    table = _open_table(spot.text[:start])
    if table is None:
        return None
    document, current = table
    if declared:
        header = _HEADER.fullmatch(first)
        if header is None or header.group(1) != "[":
            return None
        parts = _key_parts(header.group(2))
        if parts is None or not isinstance(_walk(document, parts), dict):
            return None
        return f"[{_key_text(parts)}] is given twice; keep one"
    pair = _PAIR.fullmatch(first)
    parts = _key_parts(pair.group(1)) if pair else None
    if parts is None or _walk(current, parts) is _MISSING:
        return None
    return f"{quote(_cut('.'.join(parts)))} is given twice in the same table; keep one"


def _no_equals(spot: _Spot) -> str | None:
    """A key and its value with no ``=`` between them (or a ``:`` instead)."""
    if not spot.message.startswith("Expected '=' after a key"):
        return None
    key = spot.here[: spot.column - 1]
    if _KEY_ALONE.fullmatch(key) is None:
        return None  # not at the start of a line: inside an inline table
    parts = _key_parts(key.strip())
    if parts is None:
        return None
    written = spot.here[spot.column - 1 :].strip().removeprefix(":").strip()
    value = _uncommented(written)
    if not value:
        return f'{quote(_cut(".".join(parts)))} needs "=" and a value after it'
    words = 'a key and its value need "=" between them'
    if "=" in value and not value.startswith("{"):
        return None  # the "=" is there (a key with a space?): the key is what went wrong
    if (found := _value_of(key, written)) is not None:
        return f"{words}: {_key_text(parts)} = {_shown(found[1], value)}"
    fix = _fix(value)
    if fix is None:
        return words
    if fix.words == _NEEDS_QUOTES and re.search(r"\s", value):
        return None  # words after a word: a line of prose, not a key and its value
    if _value_of(key, fix.toml) is None:  # text holding a character TOML refuses (DEL)
        return words
    return f"{words}: {_key_text(parts)} = {fix.shown}{fix.after}"


def _bare_value(spot: _Spot) -> str | None:
    """A value written without quotes (``Push-up``, ``60s``) or as ``True``/``False``: as
    a ``key = value`` or as an item of a list."""
    if spot.message not in (_INVALID, _NO_NEWLINE):
        return None
    state = spot.state
    if state.string is not None:
        return None
    if state.opened:
        if spot.message != _INVALID:
            return None
        item = _LIST_ITEM.match(spot.here, spot.column - 1)
        if item is None or spot.here.count('"', item.end()) % 2:
            return None  # words then a closing quote: the opening one is what is missing
        fix = _fix(item.group().strip())
        if fix is None or _value_of("item", f"[{fix.toml}]") is None:
            return None
        return f"{fix.words}: {fix.shown}{fix.after}"
    pair = _PAIR.fullmatch(spot.here)
    if pair is None or state.statement != spot.line_start or spot.column - 1 < pair.start(2):
        return None
    key = pair.group(1)
    parts = _key_parts(key)
    fix = _fix(_uncommented(pair.group(2)))
    if parts is None or fix is None or _value_of(key, fix.toml) is None:
        return None
    return f"{fix.words}: {_key_text(parts)} = {fix.shown}{fix.after}"


@dataclass(frozen=True)
class _Fix:
    """A value written without quotes, put right: the words for the mistake, the TOML to
    write, that TOML as shown, and what may follow the example."""

    words: str
    toml: str
    shown: str
    after: str = ""


def _fix(value: str) -> _Fix | None:
    """What an unquoted value should be written as; None for what is not a bare word
    (a word starts with a letter or a digit and holds no quote, bracket or "=": anything
    else is more likely another mistake, such as a stray character)."""
    if not value or not value[0].isalnum() or _NOT_IN_WORDS.search(value):
        return None
    if _NUMBER.fullmatch(value):
        return None  # 04, 1__0: a number TOML does not take, not text
    if value.lower() in ("true", "false"):
        return _Fix("write true or false in lower case", value.lower(), value.lower())
    amounts = _AMOUNT.findall(value)
    if _AMOUNT.sub("", value) == "" and all(unit.lower() in _UNITS for _, unit in amounts):
        written = "".join(number + _UNITS[unit.lower()] for number, unit in amounts)
        try:
            after = f", or write {parse_duration(written)}"
        except ValueError:
            after = ""  # 1.5m, 30s1m: the seconds are not plain to work out
        words = "a duration with a unit needs quotes"
        return _Fix(words, json.dumps(written), quote(_cut(written)), after)
    return _Fix(_NEEDS_QUOTES, json.dumps(value, ensure_ascii=False), quote(_cut(value)))


# -- the file's text: where strings, lists and statements are -------------------------------


@dataclass(frozen=True)
class _State:
    """What is open at a place in the text: the lists and inline tables (each bracket
    with its line), a string (its delimiter and line), and where the statement being
    read starts."""

    opened: list[tuple[str, int]]
    string: tuple[str, int] | None
    statement: int


_OUTSIDE = re.compile(r"[\"'#\n\[\]{}]")
_INSIDE = {
    '"': re.compile(r'["\\\n]'),
    '"""': re.compile(r'["\\\n]'),
    "'": re.compile(r"['\n]"),
    "'''": re.compile(r"['\n]"),
}


def _scan(text: str, end: int) -> _State:
    """What is open at ``end``, reading TOML's strings, comments, brackets and table
    headers from the start. Stops early at a one-line string that meets the end of its
    line: it was never closed."""
    opened: list[tuple[str, int]] = []
    string: tuple[str, int] | None = None
    line, statement, header, place = 1, 0, False, 0
    while place < end:
        if string is None:
            found = _OUTSIDE.search(text, place, end)
            if found is None:
                break
            place, char = found.start(), found.group()
            if char == "\n":
                line, header = line + 1, False
                if not opened:
                    statement = place + 1
                place += 1
            elif char == "#":
                stop = text.find("\n", place, end)
                place = end if stop < 0 else stop
            elif char in "\"'":
                delimiter = char * 3 if text.startswith(char * 3, place) else char
                string = (delimiter, line)
                place += len(delimiter)
            elif header:
                place += 1
            elif char in "[{":
                if char == "[" and not opened and _line_before(text, place).strip() == "":
                    header = True  # [table] or [[table]]: not a list
                else:
                    opened.append((char, line))
                place += 1
            else:
                if opened:
                    opened.pop()
                place += 1
            continue
        delimiter = string[0]
        found = _INSIDE[delimiter].search(text, place, end)
        if found is None:
            break
        place, char = found.start(), found.group()
        if char == "\n":
            if len(delimiter) == 1:
                return _State(opened, string, statement)
            line, place = line + 1, place + 1
        elif char == "\\":
            if text.startswith("\n", place + 1):
                line += 1
            place += 2
        elif text.startswith(delimiter, place):
            place += len(delimiter)
            if len(delimiter) == 3:  # up to two more quotes belong to the text
                for _ in range(2):
                    if text.startswith(char, place):
                        place += 1
            string = None
        else:
            place += 1
    return _State(opened, string, statement)


def _line_before(text: str, place: int) -> str:
    return text[text.rfind("\n", 0, place) + 1 : place]


def _line(text: str, number: int) -> str:
    """Line ``number`` (from 1) of the text."""
    start = 0
    for _ in range(number - 1):
        start = text.find("\n", start) + 1
    return _line_at(text, start)


def _line_at(text: str, start: int) -> str:
    stop = text.find("\n", start)
    return text[start : len(text) if stop < 0 else stop].removesuffix("\r")


def _starting(line: int, spot: _Spot) -> str:
    return "" if line == spot.line else f" that starts on line {line}"


def _uncommented(value: str) -> str:
    return _COMMENT.sub("", value).strip()


# -- TOML parsed to check what is offered ------------------------------------------------


def _parse(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


def _key_parts(key: str) -> list[str] | None:
    """The parts of a key as TOML reads it: ``"a" . b`` -> ``["a", "b"]``."""
    data: Any = _parse(f"{key} = 0")
    parts = []
    while isinstance(data, dict) and len(data) == 1:
        name, data = next(iter(data.items()))
        parts.append(name)
    return parts if parts and data == 0 else None


def _value_of(key: str, value: str) -> tuple[list[str], Any] | None:
    """The key's parts and the value, when ``key = value`` is one valid line."""
    parts = _key_parts(key)
    found: Any = _parse(f"{key} = {value}")
    if parts is None or found is None:
        return None
    for part in parts:
        if not isinstance(found, dict) or part not in found:
            return None
        found = found[part]
    return parts, found


_MISSING = object()


def _walk(table: Any, parts: list[str]) -> Any:
    for part in parts:
        if not isinstance(table, dict) or part not in table:
            return _MISSING
        table = table[part]
    return table


def _open_table(before: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The document up to a statement, and the table that statement goes in (the last
    ``[table]`` or ``[[table]]`` opened): found by adding a key and seeing where it lands."""
    document = _parse(f"{before}\n{_PROBE} = 0\n")
    if document is None:
        return None
    tables: list[dict[str, Any]] = [document]
    while tables:
        table = tables.pop()
        if _PROBE in table:
            del table[_PROBE]
            return document, table
        for value in table.values():
            if isinstance(value, dict):
                tables.append(value)
            elif isinstance(value, list) and value and isinstance(value[-1], dict):
                tables.append(value[-1])
    return None  # pragma: no cover - the key lands in some table


# -- shown in a message ------------------------------------------------------------------


def _cut(text: str) -> str:
    return text if len(text) <= _LIMIT else text[: _LIMIT - 1] + "…"


def _key_text(parts: list[str]) -> str:
    """A key as TOML writes it, each part bare when it can be, else quoted."""
    return ".".join(_cut(part) if _BARE.fullmatch(part) else quote(_cut(part)) for part in parts)


def _shown(value: Any, written: str) -> str:
    """A value for a ``key = value`` line: text quoted and escaped, other values as
    written (made printable, cut)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(_cut(value))
    return printable(_cut(written))
