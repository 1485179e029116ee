"""A plan file opened for editing: its TOML kept as written, changed one value at a time.

The plan editor changes plans through this and nothing else. It is built on tomlkit, which
keeps comments, key order and layout: a document parsed and dumped unchanged is the same
text byte for byte, a changed value is written where it was, and a key set for the first
time goes at the end of its table. Workouts and exercises are addressed by their 0-based
numbers: ``()`` is the plan, ``(0,)`` workout 1, ``(0, 1)`` its exercise 2. A plan in the
one-workout shorthand (top-level ``[[exercise]]`` tables, docs/plan-format.md) is one
workout here, named by the plan; adding a second workout writes it out as ``[[workout]]``
tables. Values are checked by the same checker as ``pushtimer validate``
(:meth:`PlanDocument.problems`), not here: a form may hold a wrong value while a person
types.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Mapping, Sequence
from typing import Any

import msgspec
import tomlkit
from tomlkit.container import Container
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Comment, Item, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from pushtimer.plan.errors import PlanError, Problem
from pushtimer.plan.loader import load_plan_data, load_plan_text
from pushtimer.plan.model import Plan
from pushtimer.plan.tomlfile import toml_from_text
from pushtimer.plan.wording import quote

Path = tuple[int, ...]

# The order keys are written in when an exercise or workout is made here (the shipped plans').
EXERCISE_KEYS = (
    "name",
    "description",
    "sets",
    "reps",
    "hold",
    "tempo",
    "rest",
    "rest_after",
    "per_side",
    "progress",
    "cues",
)
WORKOUT_KEYS = ("name", "day", "description")


class PlanDocument:
    """One plan's TOML, for editing. ``text`` is what was opened; :meth:`dump` what it is now."""

    def __init__(self, text: str, source: str) -> None:
        toml_from_text(text, source)  # the same syntax errors, in the same words, as validate
        try:
            self._doc: TOMLDocument = tomlkit.parse(text)
        except TOMLKitError as error:  # pragma: no cover - the parse above reports these
            raise PlanError.single(source, f"not valid TOML: {error}") from None
        self.text = text
        self.source = source
        self._removed: dict[tuple[Path, str], int] = {}  # (path, key): its place, removed
        self._checked: tuple[str, Plan | PlanError] | None = None  # the last text checked

    @classmethod
    def new(cls, name: str, exercise: Mapping[str, Any], source: str) -> PlanDocument:
        """A plan of one workout ("Day 1") with one exercise, as the shipped plans are laid out."""
        head = tomlkit.document()
        head["name"] = name
        text = tomlkit.dumps(head) + "\n" + workout_text({"name": "Day 1", "day": 1}, exercise)
        return cls(text, source)

    # -- reading -----------------------------------------------------------------------

    def dump(self) -> str:
        return tomlkit.dumps(self._doc)

    @property
    def changed(self) -> bool:
        return self.dump() != self.text

    @property
    def shorthand(self) -> bool:
        """True for a plan of top-level ``[[exercise]]`` tables: one workout, no ``[[workout]]``."""
        return "workout" not in self._doc and isinstance(self._doc.get("exercise"), AoT)

    def workout_count(self) -> int:
        return 1 if self.shorthand else len(self._workouts())

    def exercise_count(self, workout: int) -> int:
        return len(self._exercises(workout))

    def get(self, path: Path, key: str) -> Any:
        """The value of ``key`` (dotted: ``progress.add``) at ``path`` as plain Python, or
        None when it is not set."""
        table: Any = self._table(path)
        for part in key.split("."):
            if not isinstance(table, Mapping) or part not in table:
                return None
            table = table[part]
        return _plain(table)

    def problems(self) -> list[Problem]:
        """What ``validate`` would say about the plan as it is now; empty when it is good.
        Places are the editor's: a shorthand plan's exercises are in workout ``0``."""
        try:
            self.plan()
        except PlanError as error:
            if not error.problems:  # a problem of the whole file (it cannot be, once parsed)
                return [Problem((), None, line) for line in error.lines]
            if self.shorthand:
                return [_in_first_workout(problem) for problem in error.problems]
            return list(error.problems)
        return []

    def plan(self) -> Plan:
        """The plan as it is now; PlanError when it has a problem. Checked once per text:
        a form asks for its problems, and each workout's length, at every key."""
        text = self.dump()
        if self._checked is None or self._checked[0] != text:
            try:
                checked: Plan | PlanError = load_plan_text(text, self.source)
            except PlanError as error:
                checked = error
            self._checked = (text, checked)
        result = self._checked[1]
        if isinstance(result, PlanError):
            raise result
        return result

    def workout_alone(self, workout: int) -> Plan:
        """The plan with only workout ``workout`` in it (and its defaults): its length
        can be told while another workout has a problem. PlanError when it has one."""
        with contextlib.suppress(PlanError):  # a good plan: no second check needed
            plan = self.plan()
            return msgspec.structs.replace(plan, workouts=plan.workouts[workout : workout + 1])
        data = toml_from_text(self.dump(), self.source)
        if not self.shorthand and isinstance(data.get("workout"), list):
            data["workout"] = data["workout"][workout : workout + 1]
        return load_plan_data(data, self.source)

    def place(self, path: Path) -> str:
        """The words ``validate`` uses for a place: ``workout 1 ("Day 1"), exercise 2
        ("Arched push-up")``; empty for the plan."""
        parts = []
        if path and not self.shorthand:
            parts.append(f"workout {path[0] + 1} ({quote(self.label(path[:1]))})")
        if len(path) > 1:
            parts.append(f"exercise {path[1] + 1} ({quote(self.label(path))})")
        return ", ".join(parts)

    def label(self, path: Path) -> str:
        name = self.get(path, "name")
        return name if isinstance(name, str) and name.strip() else "(no name)"

    # -- changing values ---------------------------------------------------------------

    def set(self, path: Path, key: str, value: Any) -> bool:
        """Set ``key`` (dotted for a table inside: ``progress.add``) at ``path``; None
        removes it (and a ``progress`` left empty). A value equal to the one there changes
        nothing, so its layout stays. Returns whether the text changed."""
        if value == self.get(path, key):
            return False
        if self.shorthand and path == (0,) and key == "name":
            path = ()  # the shorthand's one workout is named by the plan
        table: Any = self._table(path)
        head, _, last = key.rpartition(".")
        if head:
            inside = table.get(head)
            if isinstance(inside, Table) or (inside is None and not path and value is not None):
                return self._set_in_table(head, last, value, inside)
            # A key added to or taken from an inline table: the table is written again, in
            # the house layout, on its one line (tomlkit would write ``then = "X"}``).
            inner = dict(self.get(path, head) or {})
            if value is None:
                inner.pop(last, None)
            else:
                inner[last] = value
            if last in inner and value is not None and inner.keys() == table.get(head, {}).keys():
                table[head][last] = _item(value)  # a value changed in place keeps the layout
                return True
            return self.set(path, head, inner or None)
        container = table if isinstance(table, Container) else table.value
        if value is None:
            if last in table:
                # Where it stood, for a value typed again (a field emptied, then filled).
                self._removed[(path, last)] = _place_of(container, last)
                del table[last]
        elif last not in table and (path, last) in self._removed:
            _put_back(container, self._removed.pop((path, last)), last, _item(value))
        else:
            table[last] = _item(value)
        return True

    def _set_in_table(self, head: str, key: str, value: Any, table: Table | None) -> bool:
        """A key of a table of its own (``[defaults]``): set in place; a table the plan
        does not have yet is written before the first workout, as the shipped plans are."""
        if table is None:
            text = f"[{head}]\n{key} = {_item(value).as_string()}\n\n"
            made = tomlkit.parse(text).item(head)
            body = self._doc.body
            first = next(i for i, (_, item) in enumerate(body) if isinstance(item, (AoT, Table)))
            self._doc._insert_at(first, head, made)
            return True
        if value is None:
            if key in table:
                del table[key]
            if not table:
                del self._doc[head]
        else:
            table[key] = _item(value)
        return True

    # -- workouts and exercises as a whole ------------------------------------------------

    def add_exercise(self, workout: int, exercise: Mapping[str, Any], at: int | None = None) -> int:
        """Insert an exercise made from ``exercise``'s keys (at the end when ``at`` is None);
        returns its number."""
        table = _table_from_text(exercise_text(exercise, header="[[exercise]]"), "exercise")
        return self._insert(self._exercises(workout), table, at)

    def duplicate_exercise(self, workout: int, exercise: int) -> int:
        items = self._exercises(workout)
        return self._insert(items, copy.deepcopy(items[exercise]), exercise + 1)

    def delete_exercise(self, workout: int, exercise: int) -> None:
        """Remove an exercise; a workout keeps at least one (delete the workout instead)."""
        items = self._exercises(workout)
        if len(items) <= 1:
            raise ValueError("a workout needs at least one exercise; delete the workout instead")
        del items[exercise]
        self._tidy()

    def move_exercise(self, workout: int, exercise: int, by: int) -> int:
        return self._move(self._exercises(workout), exercise, by)

    def add_workout(self, exercise: Mapping[str, Any], at: int | None = None) -> int:
        """Insert a workout named "Day N" with one exercise; returns its number."""
        self._unfold()
        number = len(self._workouts()) + 1
        text = workout_text({"name": f"Day {number}"}, exercise)
        return self._insert(self._workouts(), _table_from_text(text, "workout"), at)

    def duplicate_workout(self, workout: int) -> int:
        self._unfold()
        items = self._workouts()
        return self._insert(items, copy.deepcopy(items[workout]), workout + 1)

    def delete_workout(self, workout: int) -> None:
        """Remove a workout; a plan keeps at least one."""
        if self.workout_count() <= 1:
            raise ValueError("a plan needs at least one workout")
        del self._workouts()[workout]
        self._tidy()

    def move_workout(self, workout: int, by: int) -> int:
        if self.shorthand:
            return workout
        return self._move(self._workouts(), workout, by)

    # -- inside ------------------------------------------------------------------------

    def _workouts(self) -> AoT:
        found = self._doc.get("workout")
        if not isinstance(found, AoT):
            raise ValueError("this plan has no [[workout]] tables")
        return found

    def _exercises(self, workout: int) -> AoT:
        owner: Any = self._doc if self.shorthand else self._workouts()[workout]
        found = owner.get("exercise")
        if not isinstance(found, AoT):
            raise ValueError("this workout has no [[exercise]] tables")
        return found

    def _table(self, path: Path) -> Any:
        if not path:
            return self._doc
        if self.shorthand:
            return self._doc if len(path) == 1 else self._exercises(0)[path[1]]
        workout = self._workouts()[path[0]]
        return workout if len(path) == 1 else self._exercises(path[0])[path[1]]

    def _insert(self, items: AoT, table: Table, at: int | None) -> int:
        where = len(items) if at is None else max(0, min(at, len(items)))
        items.insert(where, table)
        self._tidy()
        return where

    def _move(self, items: AoT, index: int, by: int) -> int:
        where = max(0, min(index + by, len(items) - 1))
        if where != index:
            table = items[index]
            del items[index]
            items.insert(where, table)
            self._tidy()
        return where

    def _unfold(self) -> None:
        """Turn the shorthand into ``[[workout]]`` tables, so a second workout has a place:
        the exercises go, as they are, under a workout named like the plan."""
        if not self.shorthand:
            return
        exercises = self._doc["exercise"]
        name = self._doc.get("name", "Day 1")
        del self._doc["exercise"]
        workout = _table_from_text(workout_text({"name": _plain(name)}, None), "workout")
        workout["exercise"] = exercises
        self._doc["workout"] = tomlkit.aot()
        self._doc["workout"].append(workout)
        self._tidy()

    def _tidy(self) -> None:
        """A blank line before every ``[[...]]`` header, as in the shipped plans (tomlkit
        writes tables it moves or adds with none), and none added after the last table."""
        tables: list[Table] = []
        if self.shorthand:
            tables += list(self._exercises(0))
        elif "workout" in self._doc:
            for workout in self._workouts():
                tables.append(workout)
                exercises = workout.get("exercise")
                tables += list(exercises) if isinstance(exercises, AoT) else []
        for table in tables[:-1]:
            if not any(isinstance(item, AoT) for _, item in table.value.body):
                _end_with_blank_line(table.value)  # a workout ends with its exercises
        if tables and not self.text.endswith("\n\n"):
            _end_without_blank_line(tables[-1].value)


def _in_first_workout(problem: Problem) -> Problem:
    """A shorthand plan's exercise places, ``(e,)``, as the editor's ``(0, e)``."""
    if problem.path:
        return Problem((0, *problem.path), problem.key, problem.text)
    return problem


def _end_with_blank_line(body: Container) -> None:
    """Make the key/values of a table (before any table inside it) end with an empty line."""
    items = body.body
    end = next((i for i, (_, item) in enumerate(items) if isinstance(item, (AoT, Table))), None)
    end = len(items) if end is None else end
    before = items[end - 1][1] if end else None
    if isinstance(before, (Whitespace, Comment)):
        return  # a blank line or a comment there already: the file's own layout
    # tomlkit keeps a map from keys to places in the body: shift what comes after.
    places = body._map
    for key, place in places.items():
        if isinstance(place, tuple):
            places[key] = tuple(p + 1 if p >= end else p for p in place)
        elif place >= end:
            places[key] = place + 1
    items.insert(end, (None, Whitespace("\n")))


def _place_of(body: Container, key: str) -> int:
    return next(i for i, (k, _) in enumerate(body.body) if k is not None and k.key == key)


def _put_back(body: Container, place: int, key: str, item: Item) -> None:
    """Set ``key`` at ``place`` in the table, where it was before it was removed (before
    any table inside, such as a workout's exercises), so the line comes back where it was."""
    items = body.body
    inner = next((i for i, (_, it) in enumerate(items) if isinstance(it, (AoT, Table))), None)
    end = len(items) if inner is None else inner
    if place >= end or place >= len(items):
        body.append(key, item)  # (the table has changed too much: at its end)
        return
    body._insert_at(place, key, item)


def _end_without_blank_line(body: Container) -> None:
    items = body.body
    while items and isinstance(items[-1][1], Whitespace) and not items[-1][1].s.strip():
        items.pop()


def _plain(value: Any) -> Any:
    """A tomlkit value as plain Python (lists and dicts of str, int, float, bool)."""
    if isinstance(value, Item):
        return value.unwrap()
    return value


def _item(value: Any) -> Item:
    """A value written as the shipped plans write it: a list of more than one item one to a
    line, indented by two; a table (progress) inline, ``{ add = 1, up_to = 15 }``."""
    if isinstance(value, Mapping):
        inner = ", ".join(f"{key} = {_item(v).as_string()}" for key, v in value.items())
        return _parsed(f"{{ {inner} }}")
    if isinstance(value, Sequence) and not isinstance(value, str):
        texts = [_item(v).as_string() for v in value]
        if len(texts) > 1:
            return _parsed("[\n" + "".join(f"  {text},\n" for text in texts) + "]")
        return _parsed(f"[{', '.join(texts)}]")
    item: Item = tomlkit.item(value)
    return item


def _parsed(text: str) -> Item:
    found = tomlkit.parse(f"value = {text}\n").item("value")
    assert isinstance(found, Item)
    return found


def _keyed(values: Mapping[str, Any], order: Sequence[str]) -> list[tuple[str, Any]]:
    known = [(key, values[key]) for key in order if values.get(key) is not None]
    return known + [(k, v) for k, v in values.items() if k not in order and v is not None]


def exercise_text(exercise: Mapping[str, Any], header: str) -> str:
    lines = [header]
    for key, value in _keyed(exercise, EXERCISE_KEYS):
        lines.append(f"{key} = {_item(value).as_string()}")
    return "\n".join(lines) + "\n"


def workout_text(workout: Mapping[str, Any], exercise: Mapping[str, Any] | None) -> str:
    lines = ["[[workout]]"]
    for key, value in _keyed(workout, WORKOUT_KEYS):
        lines.append(f"{key} = {_item(value).as_string()}")
    text = "\n".join(lines) + "\n"
    if exercise is not None:
        text += "\n" + exercise_text(exercise, header="[[workout.exercise]]")
    return text


def _table_from_text(text: str, key: str) -> Table:
    """The first table of ``[[key]]`` in ``text``, laid out as written there."""
    found = tomlkit.parse(text)[key]
    assert isinstance(found, AoT)
    table = found[0]
    assert isinstance(table, Table)
    return table
