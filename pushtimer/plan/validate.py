"""Checks plan data against the model and reports every problem, not just the first.

msgspec stops at the first error of a document, so this walks the model's tables
itself and lets msgspec check each value on its own: unknown keys (with a
did-you-mean), missing keys, types and bounds all come back together, each with
the place it was found (workout 1 ("Day 1"), exercise 2 ("Arched push-up")).
"""

from __future__ import annotations

import difflib
import functools
import re
from typing import Any

import msgspec
from msgspec import Struct
from msgspec import inspect as mi

from pushtimer.plan.durations import parse_duration
from pushtimer.plan.errors import PlanError, Problem
from pushtimer.plan.model import AMOUNT, DURATION, TEMPO, Exercise, Plan
from pushtimer.plan.progress_rules import exercise_problems, untested
from pushtimer.plan.tempo import parse_tempo
from pushtimer.plan.wording import describe, quote, show

_NAME_IN_PLACE = 40
# C0 but the line break (left to each field's own rule), DEL, C1.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_ITEM_PATH = re.compile(r"at `\$\[(\d+)\]")


class _Field(Struct, frozen=True):
    key: str
    annotation: Any
    kind: mi.Type
    required: bool
    core: mi.Type  # the kind under optional and metadata wrappers
    marks: frozenset[str]  # "duration", "tempo": values that need a word of their own


class Place(Struct, frozen=True):
    """Where in the plan a problem is: the words for people, the TOML table path and the
    0-based numbers of the list items on it (workout 1, exercise 2 is ``(0, 1)``)."""

    labels: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    indexes: tuple[int, ...] = ()

    def child(self, label: str, key: str, index: int | None = None) -> Place:
        numbers = self.indexes if index is None else (*self.indexes, index)
        return Place((*self.labels, label), (*self.tables, key), numbers)

    def field(self, key: str | None) -> str | None:
        """The key a problem is about, dotted from the nearest list item's table:
        ``rest``, ``progress.add``, ``defaults.tempo``."""
        inner = self.tables[len(self.indexes) :]
        if key is None:
            return ".".join(inner) or None
        return ".".join((*inner, key))

    def header(self, key: str) -> str:
        return ".".join((*self.tables, key))

    def __str__(self) -> str:
        return ", ".join(self.labels)


class _Report:
    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []
        self.problems: list[Problem] = []

    def add(self, place: Place, message: str, key: str | None = None) -> None:
        """One problem at ``place``, about ``key`` of its table when it is about one."""
        where = f"{place}: " if place.labels else ""
        self.lines.append(f"{self.source}: {where}{message}")
        self.problems.append(Problem(place.indexes, place.field(key), message))

    def error(self) -> PlanError:
        return PlanError(self.lines, self.problems)


def check_plan(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Check parsed TOML against the plan format.

    Returns the data with every duration turned into whole seconds, ready for
    ``msgspec.convert``; raises PlanError with one line per problem.
    """
    report = _Report(source)
    clean = _check_table(data, Plan, Place(), report)
    _check_layout(data, report)
    _check_tests(data, report)
    if report.lines or clean is None:
        raise report.error()
    return clean


def _check_tests(data: dict[str, Any], report: _Report) -> None:
    """Each ``from_max`` needs a "max" set of the same name in the plan (a test)."""
    exercises: list[tuple[Place, dict[str, Any]]] = []
    for place, table in _tables(data, "exercise", Place()):
        exercises.append((place, table))
    for w_place, workout in _tables(data, "workout", Place()):
        exercises += _tables(workout, "exercise", w_place)
    for place, name in untested(exercises):
        report.add(
            place.child("progress", "progress"),
            f'"from_max" needs a test: an exercise named {quote(name)} with reps = "max" '
            "in this plan",
        )


def _tables(data: dict[str, Any], key: str, place: Place) -> list[tuple[Place, dict[str, Any]]]:
    """The tables of a list of tables as written, each with its place."""
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [
        (place.child(_label(key, number, item), key, number - 1), item)
        for number, item in enumerate(items, start=1)
        if isinstance(item, dict)
    ]


def _label(key: str, number: int, item: dict[str, Any]) -> str:
    """``exercise 2 ("Arched push-up")``: a table of a list, by its number and name."""
    label = f"{key} {number}"
    name = item.get("name")
    if isinstance(name, str):
        short = name if len(name) <= _NAME_IN_PLACE else name[: _NAME_IN_PLACE - 1] + "…"
        label += f" ({quote(short)})"
    return label


def check_table(data: dict[str, Any], model: type[msgspec.Struct], source: str) -> dict[str, Any]:
    """Check parsed TOML against any model written like the plan's (the settings are one):
    the same words, bounds and did-you-mean. Returns the data with durations in whole
    seconds; raises PlanError with one line per problem."""
    report = _Report(source)
    clean = _check_table(data, model, Place(), report)
    if report.lines or clean is None:
        raise report.error()
    return clean


@functools.cache
def _fields(cls: type[msgspec.Struct]) -> dict[str, _Field]:
    kinds = {f.encode_name: f.type for f in mi.type_info(cls).fields}  # type: ignore[attr-defined]
    return {
        f.encode_name: _Field(
            f.encode_name,
            f.type,
            kinds[f.encode_name],
            f.required,
            _core(kinds[f.encode_name]),
            frozenset(_marks(kinds[f.encode_name])),
        )
        for f in msgspec.structs.fields(cls)
    }


def _check_table(
    data: dict[str, Any], cls: type[msgspec.Struct], place: Place, report: _Report
) -> dict[str, Any] | None:
    fields = _fields(cls)
    clean: dict[str, Any] = {}
    ok = True
    guesses: set[str] = set()
    for key, value in data.items():
        field = fields.get(key)
        if field is None:
            guess = _guess(key, fields)
            report.add(place, _unknown_key(key, guess), key)
            guesses.add(guess or "")
            ok = False
            continue
        good, result = _check_value(field, value, place, report)
        if good:
            clean[key] = result
        ok = ok and good
    for field in fields.values():
        # A misspelt key has been reported already with its suggestion; don't pile on.
        if field.required and field.key not in data and field.key not in guesses:
            what = describe(field.kind, place.header(field.key))
            report.add(place, f'missing key "{field.key}" ({what})', field.key)
            ok = False
    if cls is Exercise:
        ok = _check_exercise(data, guesses, place, report) and ok
        for problem in exercise_problems(data, clean):
            report.add(place.child("progress", "progress"), problem)
            ok = False
    return clean if ok else None


def _check_value(
    field: _Field, value: object, place: Place, report: _Report
) -> tuple[bool, object]:
    kind = field.core
    if isinstance(kind, mi.StructType):
        if not isinstance(value, dict):
            what = f"a table ([{place.header(field.key)}])"
            report.add(place, f'"{field.key}" must be {what}, got {show(value)}', field.key)
            return False, None
        table = _check_table(value, kind.cls, place.child(field.key, field.key), report)
        return table is not None, table
    if isinstance(kind, (mi.ListType, mi.VarTupleType)) and isinstance(
        kind.item_type, mi.StructType
    ):
        return _check_tables(field, kind, kind.item_type.cls, value, place, report)
    return _check_leaf(field, value, place, report)


def _check_tables(
    field: _Field,
    kind: mi.ListType | mi.VarTupleType,
    cls: type[msgspec.Struct],
    value: object,
    place: Place,
    report: _Report,
) -> tuple[bool, object]:
    low, high = kind.min_length or 0, kind.max_length
    if not isinstance(value, list) or len(value) < low or (high is not None and len(value) > high):
        what = describe(kind, place.header(field.key))
        report.add(place, f'"{field.key}" must be {what}, got {show(value)}', field.key)
        return False, None
    items: list[dict[str, Any] | None] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            what = f"a [[{place.header(field.key)}]] table"
            report.add(
                place, f'"{field.key}" item {number} must be {what}, got {show(item)}', field.key
            )
            items.append(None)
            continue
        label = _label(field.key, number, item)
        inner = place.child(label, field.key, number - 1)
        items.append(_check_table(item, cls, inner, report))
    good = all(item is not None for item in items)
    return good, items


def _check_leaf(field: _Field, value: object, place: Place, report: _Report) -> tuple[bool, object]:
    controls = _control_characters(field.key, value)
    for line in controls:
        report.add(place, line, field.key)
    if controls:
        return False, None
    marks = field.marks
    typed = value
    try:
        if marks & {DURATION, AMOUNT} and isinstance(value, str):
            typed = parse_duration(value)
        typed = msgspec.convert(typed, type=field.annotation)
    except (ValueError, msgspec.ValidationError) as error:
        report.add(place, _leaf_message(field, value, str(error)), field.key)
        return False, None
    if TEMPO in marks and isinstance(typed, str):
        try:
            parse_tempo(typed)
        except ValueError as error:
            report.add(place, f'"{field.key}" {error}', field.key)
            return False, None
    return True, typed


def _control_characters(key: str, value: object) -> list[str]:
    """A message for each text (the value, or each item of a list) with a control
    character in it (C0, DEL, C1). Such text could drive the terminal it is shown on
    (docs/plan-format.md, "Text"). A line break is left to the field's own rule: one line,
    or several in a description."""
    texts = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    lines = []
    for number, text in enumerate(texts):
        found = _CONTROL.search(text) if isinstance(text, str) else None
        if found is not None:
            item = f" item {number + 1}" if isinstance(value, list) else ""
            lines.append(
                f'"{key}"{item} has a control character ({_escape_of(found.group())}, '
                f"character {found.start() + 1}); text must be printable"
            )
    return lines


def _escape_of(char: str) -> str:
    return f"U+{ord(char):04X}"


def _leaf_message(field: _Field, value: object, error: str) -> str:
    kind = field.core
    item = _ITEM_PATH.search(error)
    if item and isinstance(value, list) and isinstance(kind, (mi.ListType, mi.VarTupleType)):
        index = int(item.group(1))
        what = describe(kind.item_type)
        return f'"{field.key}" item {index + 1} must be {what}, got {show(value[index])}'
    return f'"{field.key}" must be {describe(field.kind)}, got {show(value)}'


def _check_exercise(data: dict[str, Any], guesses: set[str], place: Place, report: _Report) -> bool:
    # A misspelt "reps" has been reported already with its suggestion; don't pile on.
    has_reps = "reps" in data or "reps" in guesses
    has_hold = "hold" in data or "hold" in guesses
    if has_reps and has_hold:
        report.add(
            place, 'has both "reps" and "hold"; an exercise is either reps or a timed hold', "hold"
        )
        return False
    if not has_reps and not has_hold:
        report.add(
            place,
            'needs "reps" (a whole number from 1 to 500, or "max") or "hold" (a duration)',
            "reps",
        )
        return False
    if has_hold and "tempo" in data:
        report.add(
            place, '"tempo" paces reps and has no effect on a timed hold; remove it', "tempo"
        )
        return False
    return True


def _check_layout(data: dict[str, Any], report: _Report) -> None:
    has_workouts, has_exercises = "workout" in data, "exercise" in data
    if has_workouts and has_exercises:
        report.add(
            Place(),
            "has both [[workout]] tables and top-level [[exercise]] tables; use one layout: "
            "put the exercises under a [[workout]] (as [[workout.exercise]]), or drop the "
            "[[workout]] tables for a single-workout plan",
        )
    elif not has_workouts and not has_exercises:
        report.add(
            Place(),
            "has no workouts: add [[workout]] tables with [[workout.exercise]] tables under "
            "them, or [[exercise]] tables for a single-workout plan",
        )
    elif has_workouts and data["workout"] == []:
        report.add(Place(), '"workout" is empty: add at least one [[workout]] table')
    elif has_exercises and data["exercise"] == []:
        report.add(Place(), '"exercise" is empty: add at least one [[exercise]] table')


def _guess(key: str, fields: dict[str, _Field]) -> str | None:
    close = difflib.get_close_matches(key.lower().replace("-", "_"), list(fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(key: str, guess: str | None) -> str:
    message = f"unknown key {quote(key)}"
    if guess:
        message += f" (did you mean {quote(guess)}?)"
    return message


def _core(kind: mi.Type) -> mi.Type:
    """The type under an optional (``X | None``) and under descriptive metadata."""
    if isinstance(kind, mi.UnionType):
        rest = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        if len(rest) == 1:
            return _core(rest[0])
    if isinstance(kind, mi.Metadata):
        return _core(kind.type)
    return kind


def _marks(kind: mi.Type) -> set[str]:
    if isinstance(kind, mi.Metadata):  # the mark, and those of the type under it
        mark = (kind.extra or {}).get("kind")
        return _marks(kind.type) | ({str(mark)} if mark else set())
    if isinstance(kind, mi.UnionType):
        return set().union(*(_marks(t) for t in kind.types))
    return set()
