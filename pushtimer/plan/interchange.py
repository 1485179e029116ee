"""Plans from and to other apps' formats (docs/plan-format.md, "Plans from other apps").

In: an openweight workout template or program (JSON, radupana/openweight) or a Timero
``routines.json`` becomes the TOML text of a pushtimer plan, checked by the plan checker
(``load_plan_text``) before anyone writes it, with a comment at its top naming the file it
came from, its format and what had no place in a plan (weights, RPE, ...). Out: a plan as an
openweight Program, one workout template per workout.

The input is hostile until converted: a regular file of at most 1 MiB (``read_file``),
JSON nested at most 64 deep (checked before parsing), every value type-checked here and
every bound checked by the plan checker. Whatever cannot be read or converted is one line
naming the file (a PlanError), and nothing is returned to write.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import tomlkit
from msgspec import Struct

from pushtimer.plan.document import exercise_text, workout_text
from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import load_plan_text
from pushtimer.plan.model import REPS_MAX, SECONDS_MAX, Defaults, Exercise, Plan, Workout
from pushtimer.plan.tempo import parse_tempo
from pushtimer.plan.tomlfile import read_file
from pushtimer.plan.wording import quote, show

MAX_DEPTH = 64
MAX_WORKOUTS = 50
MAX_EXERCISES = 100
NAME_MAX = 100
DESCRIPTION_MAX = 2000
MAX_CUES = 20
CUE_MAX = 200
NOTES_MAX = 5000  # openweight's longest exercise notes
# An exercise's sets are per side: said in its notes, with the plan's switch time.
PER_SIDE_NOTE = "Each side: every set is done on one side, then the other"
_PER_SIDE = re.compile(
    re.escape(PER_SIDE_NOTE) + r"(?:, with (?:([0-9]{1,3}) s to switch|(no pause) between))?\."
)
OPENWEIGHT_TEMPO = re.compile(r"^[0-9X]-[0-9X]-[0-9X]-[0-9X]$")
_STRUCTURE = re.compile(r'["\\\[\]{}]')
_WEEK_NAME = re.compile(r"\s*week\s+([0-9]{1,3})\s*", re.IGNORECASE)
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,39}")

# What an openweight or Timero key that has no place in a plan is called in the comment.
_LOST_WORDS = {
    "targetWeight": "weights",
    "unit": "weights",
    "weight": "weights",
    "percentage": "percentages",
    "percentageOf": "percentages",
    "targetRPE": "RPE",
    "rpe": "RPE",
    "targetRIR": "RIR",
    "distance": "distance",
    "distanceMeters": "distance",
    "equipment": "equipment",
    "category": "categories",
    "musclesWorked": "muscles worked",
    "supersetId": "supersets",
    "author": "author",
    "tags": "tags",
}


class Imported(Struct, frozen=True):
    """A converted file: the plan's TOML text (checked), the plan it loads as, and the
    format it was read as ("openweight program", "openweight workout template",
    "Timero routines")."""

    text: str
    plan: Plan
    kind: str
    lost: tuple[str, ...] = ()  # what had no place in a plan ("weights", "RPE")


class _Lost:
    """What had no place in the plan, in the order first met, each said once."""

    def __init__(self) -> None:
        self.items: dict[str, None] = {}

    def add(self, what: str) -> None:
        self.items.setdefault(what, None)

    def keys(self, table: Mapping[str, Any], known: set[str]) -> None:
        """Every key of ``table`` not in ``known``: its word, its name if it is one, or
        "other fields" (a key is input too: it is never written as it came)."""
        for key in table:
            if key in known:
                continue
            if key in _LOST_WORDS:
                self.add(_LOST_WORDS[key])
            elif isinstance(key, str) and _KEY.fullmatch(key):
                self.add(key)
            else:
                self.add("other fields")


# -- reading ---------------------------------------------------------------------------


def read_json(path: Path, source: str) -> Any:
    """The JSON value in the file at ``path``: a regular file of at most 1 MiB, UTF-8,
    nested at most MAX_DEPTH deep (checked before parsing, so no parser recursion runs
    away), no NaN or Infinity; each problem a PlanError of one line."""
    data = read_file(path, source, "JSON")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise PlanError.single(
            source, f"is not UTF-8 text (byte {error.start + 1}); JSON must be UTF-8"
        ) from None
    _check_depth(text, source)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise PlanError.single(source, f"not valid JSON: nested deeper than {MAX_DEPTH}") from None
    except json.JSONDecodeError as error:
        where = f"{source}:{error.lineno}:{error.colno}"
        raise PlanError([f"{where}: not valid JSON: {error.msg}"]) from None
    except ValueError as error:  # a number of too many digits, NaN, Infinity
        raise PlanError.single(source, f"not valid JSON: {error}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a plan can use")


def _check_depth(text: str, source: str) -> None:
    """Refuse JSON whose arrays and objects nest deeper than MAX_DEPTH, counting only
    brackets outside strings (one pass over the structural characters)."""
    depth = 0
    in_string = False
    escaped_at = -1
    for found in _STRUCTURE.finditer(text):
        char, at = found.group(), found.start()
        if at == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, at) + 1
                raise PlanError(
                    [f"{source}:{line}: not valid here: JSON nested deeper than {MAX_DEPTH}"]
                )
        elif char in "]}":
            depth -= 1


# -- converting --------------------------------------------------------------------------


def import_into_plans(path: Path, source: str | None = None) -> tuple[Imported, Path]:
    """Import ``path`` and save the plan as a new file in the user's plans folder (named
    from the plan); the imported plan and the file made. Raises PlanError when the file
    cannot be read or converted (nothing written), OSError when the plan cannot be saved."""
    from pushtimer.plan.saving import save_new_plan

    imported = import_file(path, source)
    return imported, save_new_plan(imported.text, imported.plan.name)


def import_file(path: Path, source: str | None = None) -> Imported:
    """Read and convert the file at ``path`` (named in messages as ``source``); the plan
    text returned has passed the plan checker. Raises PlanError with one line."""
    source = source if source is not None else str(path)
    return convert(read_json(path, source), source, path.name)


def convert(data: Any, source: str, file_name: str) -> Imported:
    """Convert parsed JSON: a list is Timero's routines, an object with ``weeks`` an
    openweight program, one with ``exercises`` an openweight workout template."""
    lost = _Lost()
    if isinstance(data, list):
        kind = "Timero routines"
        plan = _from_timero(data, source, file_name, lost)
    elif isinstance(data, dict) and "weeks" in data:
        kind = "openweight program"
        plan = _from_program(data, source, lost)
    elif isinstance(data, dict) and "date" in data and "exercises" in data:
        raise _error(
            source,
            "is an openweight workout log (a session done), not a plan; import a "
            "workout template or a program",
        )
    elif isinstance(data, dict) and "exercises" in data:
        kind = "openweight workout template"
        template = _workout(data, source, "", lost, week=None)
        plan = {"name": template["name"], "workouts": [template]}
    else:
        raise _error(
            source,
            "is neither an openweight workout template or program (an object with "
            '"exercises" or "weeks") nor Timero routines (a list of routines)',
        )
    switches = [
        exercise.pop("switch")
        for workout in plan["workouts"]
        for exercise in workout["exercises"]
        if "switch" in exercise
    ]
    if switches:
        plan["defaults"] = {"switch": switches[0]}
        if len(set(switches)) > 1:
            lost.add(f"switch times other than the first ({switches[0]} s)")
    text = _plan_text(plan, kind, file_name, lost)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _error(source, "has text that is not Unicode (a lone surrogate)") from None
    try:
        loaded = load_plan_text(text, source)
    except PlanError as error:
        more = len(error.lines) - 1
        line = error.lines[0] + (f" (and {more} more problem{'s' * (more > 1)})" if more else "")
        raise PlanError([line]) from None
    return Imported(text, loaded, kind, tuple(lost.items))


def _error(source: str, message: str) -> PlanError:
    return PlanError.single(source, message)


def _from_timero(data: list[Any], source: str, file_name: str, lost: _Lost) -> dict[str, Any]:
    if not data:
        raise _error(source, "has no routines (Timero's routines.json is a list of them)")
    _bound(len(data), MAX_WORKOUTS, "routines", "", source)
    workouts: list[dict[str, Any]] = []
    for number, routine in enumerate(data, start=1):
        place = f"routine {number}"
        if not isinstance(routine, dict) or routine.get("__type__", "Routine") != "Routine":
            raise _error(source, f'{place}: is not a Timero routine ({{"__type__": "Routine"}})')
        name = _name(routine.get("name"), source, place, lost)
        place = f"{place} ({quote(name)})"
        lost.keys(routine, {"__type__", "name", "exercises"})
        items = _list(routine.get("exercises"), source, place, "exercises")
        _bound(len(items), MAX_EXERCISES, "exercises", place, source)
        exercises = []
        for index, item in enumerate(items, start=1):
            where = f"{place}, exercise {index}"
            if not isinstance(item, dict):
                raise _error(source, f"{where}: is not a Timero exercise (an object)")
            exercise: dict[str, Any] = {"name": _name(item.get("name"), source, where, lost)}
            kind = item.get("__type__")
            if kind == "RepetitionExercise":
                repetitions = item.get("repetitions")
                exercise["reps"] = _whole(repetitions, source, where, "repetitions", REPS)
                lost.keys(item, {"__type__", "name", "repetitions"})
            elif kind == "DurationExercise":
                exercise["hold"] = _seconds(
                    item.get("duration"), source, where, "duration", lost, HOLD
                )
                lost.keys(item, {"__type__", "name", "duration"})
            elif kind is None:
                raise _error(
                    source,
                    f'{where}: has no "__type__" (Timero writes "RepetitionExercise" or '
                    '"DurationExercise" there)',
                )
            else:
                raise _error(
                    source,
                    f'{where}: "__type__" must be "RepetitionExercise" or '
                    f'"DurationExercise", got {_shown(kind)}',
                )
            exercises.append(exercise)
        workouts.append({"name": name, "exercises": exercises})
    name = workouts[0]["name"] if len(workouts) == 1 else "Timero routines"
    return {"name": name, "workouts": workouts}


def _from_program(data: dict[str, Any], source: str, lost: _Lost) -> dict[str, Any]:
    name = _name(data.get("name"), source, "program", lost)
    lost.keys(data, {"name", "description", "weeks", "$schema"})
    weeks = _list(data.get("weeks"), source, "program", "weeks")
    plan: dict[str, Any] = {"name": name}
    description = _description(data.get("description"), source, "program", lost)
    if description is not None:
        plan["description"] = description
    workouts: list[dict[str, Any]] = []
    for position, week in enumerate(weeks, start=1):
        place = f"week {position}"
        if not isinstance(week, dict):
            raise _error(source, f"{place}: is not an openweight week (an object)")
        lost.keys(week, {"name", "workouts"})
        label = week.get("name")
        found = _WEEK_NAME.fullmatch(label) if isinstance(label, str) else None
        number = int(found.group(1)) if found else position
        if not isinstance(label, str) or not label.strip():
            label = f"Week {position}"
        templates = _list(week.get("workouts"), source, place, "workouts")
        _bound(len(workouts) + len(templates), MAX_WORKOUTS, "workouts", "program", source)
        for index, template in enumerate(templates, start=1):
            prefix = f"{label}: " if len(weeks) > 1 else ""
            workouts.append(
                _workout(template, source, f"{place}, workout {index}", lost, number, prefix)
            )
    plan["workouts"] = workouts
    return plan


def _workout(
    data: Any, source: str, place: str, lost: _Lost, week: int | None, prefix: str = ""
) -> dict[str, Any]:
    """One openweight workout template as a plan workout (its day: the template's day of
    the week in week ``week``)."""
    if not isinstance(data, dict):
        raise _error(source, f"{place}: is not an openweight workout template (an object)")
    here = place or "template"
    name = _name(data.get("name"), source, here, lost, prefix)
    place = f"{here} ({quote(name)})"
    lost.keys(data, {"name", "notes", "day", "exercises", "$schema"})
    workout: dict[str, Any] = {"name": name}
    day = data.get("day")
    if isinstance(day, int) and not isinstance(day, bool) and 1 <= day <= 7:
        workout["day"] = (week - 1) * 7 + day if week is not None else day
        if workout["day"] > 366:
            del workout["day"]
    elif day is not None:
        lost.add("days outside 1 to 7")
    description = _description(data.get("notes"), source, place, lost)
    if description is not None:
        workout["description"] = description
    items = _list(data.get("exercises"), source, place, "exercises")
    if all(isinstance(i, dict) and _is_int(i.get("order")) for i in items):
        items = sorted(items, key=lambda item: int(item["order"]))
    exercises: list[dict[str, Any]] = []
    for index, item in enumerate(items, start=1):
        exercises += _exercises(item, source, f"{place}, exercise {index}", lost)
        _bound(len(exercises), MAX_EXERCISES, "exercises (one per run of like sets)", place, source)
    workout["exercises"] = exercises
    return workout


class _Set(Struct, frozen=True):
    reps: int | str | None
    hold: int | None
    tempo: str | None
    rest: int | None


def _exercises(data: Any, source: str, place: str, lost: _Lost) -> list[dict[str, Any]]:
    """An openweight exercise template as plan exercises: one per run of sets alike in
    reps (or hold) and tempo, and in rest but for the run's last set."""
    if not isinstance(data, dict):
        raise _error(source, f"{place}: is not an openweight exercise template (an object)")
    about = data.get("exercise")
    if not isinstance(about, dict):
        raise _error(source, f'{place}: "exercise" must be an object with a "name"')
    name = _name(about.get("name"), source, place, lost)
    place = f"{place} ({quote(name)})"
    lost.keys(about, {"name"})
    lost.keys(data, {"exercise", "sets", "notes", "order"})
    description, side, cues = _notes(_description(data.get("notes"), source, place, lost))
    sets = [
        _set(item, source, f"{place}, set {number}", lost)
        for number, item in enumerate(_list(data.get("sets"), source, place, "sets"), start=1)
    ]
    runs: list[list[_Set]] = []
    for one in sets:
        run = runs[-1] if runs else None
        if (
            run is not None
            and (run[0].reps, run[0].hold, run[0].tempo) == (one.reps, one.hold, one.tempo)
            and run[-1].rest == run[0].rest
        ):
            run.append(one)
        else:
            runs.append([one])
    exercises = []
    for run in runs:
        first = run[0]
        exercise: dict[str, Any] = {"name": name}
        if description is not None:
            exercise["description"] = description
        if len(run) > 1:
            exercise["sets"] = len(run)
        exercise["reps"] = first.reps
        exercise["hold"] = first.hold
        exercise["tempo"] = first.tempo
        if len(run) > 1:
            exercise["rest"] = first.rest
        exercise["rest_after"] = run[-1].rest
        exercise["per_side"] = side is not None or None
        exercise["cues"] = cues or None
        # A plan has one switch time: convert() takes it out into [defaults].
        exercise["switch"] = side.switch if side is not None else None
        exercises.append({key: value for key, value in exercise.items() if value is not None})
    return exercises


class _Side(Struct, frozen=True):
    """An exercise's sets are per side; ``switch``: the seconds between the sides its
    notes name (None: not said)."""

    switch: int | None


def _notes(notes: str | None) -> tuple[str | None, _Side | None, list[str]]:
    """An exercise's notes as ``export`` writes them, taken apart: the description, whether
    its sets are per side (``PER_SIDE_NOTE``, perhaps with the switch time), and its form
    cues (a ``Form: a · b`` paragraph of at most 20 cues of one line each). Anything else
    stays description."""
    if notes is None:
        return None, None, []
    kept: list[str] = []
    side: _Side | None = None
    cues: list[str] = []
    for paragraph in notes.split("\n\n"):
        said = paragraph.removeprefix("Form: ").split(" · ")
        per_side = _PER_SIDE.fullmatch(paragraph)
        if per_side is not None and side is None:
            seconds, no_pause = per_side.groups()
            side = _Side(int(seconds) if seconds else 0 if no_pause else None)
        elif paragraph.startswith("Form: ") and not cues and _cues(said):
            cues = said
        else:
            kept.append(paragraph)
    return "\n\n".join(kept) or None, side, cues


def _cues(cues: list[str]) -> bool:
    return len(cues) <= MAX_CUES and all(0 < len(c) <= CUE_MAX and "\n" not in c for c in cues)


def _set(data: Any, source: str, place: str, lost: _Lost) -> _Set:
    if not isinstance(data, dict):
        raise _error(source, f"{place}: is not an openweight set (an object)")
    lost.keys(
        data,
        {
            "targetReps", "targetRepsMin", "targetRepsMax", "reps", "durationSeconds",
            "restSeconds", "tempo", "type",
        },
    )  # fmt: skip
    kind = data.get("type")
    reps: int | str | None = None
    if isinstance(kind, str) and kind.casefold() == "amrap":
        reps = "max"
    elif kind is not None:
        lost.add("set types but amrap (a warm-up or drop set is a plain set)")
    if reps is None:
        for key in ("targetReps", "reps"):
            if data.get(key) is not None:
                reps = _whole(data[key], source, place, key, REPS)
                break
        else:
            for key in ("targetRepsMax", "targetRepsMin"):
                if data.get(key) is not None:
                    reps = _whole(data[key], source, place, key, REPS)
                    if data.get("targetRepsMin") != data.get("targetRepsMax"):
                        lost.add("rep ranges (the top of the range is the plan's reps)")
                    break
    hold = None
    if data.get("durationSeconds") is not None:
        if reps is None:
            hold = _seconds(data["durationSeconds"], source, place, "durationSeconds", lost, HOLD)
        else:
            lost.add("durations of sets with reps")
    if reps is None and hold is None:
        raise _error(
            source,
            f"{place}: has no reps or time to plan (targetReps, targetRepsMin/Max, "
            'durationSeconds or type "amrap")',
        )
    tempo = data.get("tempo")
    if tempo is not None and not isinstance(tempo, str):
        raise _error(source, f'{place}: "tempo" must be text like "3-1-1-0", got {_shown(tempo)}')
    if tempo is not None and hold is not None:
        lost.add("tempo of timed sets")
        tempo = None
    rest = data.get("restSeconds")
    rest = None if rest is None else _seconds(rest, source, place, "restSeconds", lost, REST)
    return _Set(reps, hold, tempo, rest)


# -- values ------------------------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (dict, list)):
        if not value:
            return "an empty object" if isinstance(value, dict) else "an empty list"
        return "an object" if isinstance(value, dict) else "a list"
    return show(value) if value is not None else "nothing"


def _list(value: Any, source: str, place: str, key: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _error(
            source, f'{place}: "{key}" must be a list of at least one, got {_shown(value)}'
        )
    return value


def _bound(count: int, most: int, what: str, place: str, source: str) -> None:
    if count > most:
        where = f"{place}: " if place else ""
        raise _error(source, f"{where}has {count} {what}; a plan may have at most {most}")


def _name(value: Any, source: str, place: str, lost: _Lost, prefix: str = "") -> str:
    """A name as text; one over 100 characters is cut (and said to be). Control
    characters are left for the plan checker to refuse, in its words."""
    if not isinstance(value, str) or not value:
        raise _error(source, f'{place}: "name" must be text, got {_shown(value)}')
    return _cut(prefix + value, NAME_MAX, "names longer than 100 characters (cut)", lost)


def _description(value: Any, source: str, place: str, lost: _Lost) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _error(source, f"{place}: notes must be text, got {_shown(value)}")
    return _cut(value, DESCRIPTION_MAX, "notes longer than 2000 characters (cut)", lost)


def _cut(text: str, most: int, said: str, lost: _Lost) -> str:
    if len(text) <= most:
        return text
    lost.add(said)
    return text[: most - 1] + "…"


# What a count may be, as the plan's checker bounds it: said in the file's own key names.
REPS = (1, REPS_MAX)
HOLD = (1, SECONDS_MAX)
REST = (0, SECONDS_MAX)


def _whole(value: Any, source: str, place: str, key: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    whole = _is_int(value) or (
        isinstance(value, float) and math.isfinite(value) and value.is_integer()
    )
    if whole and low <= int(value) <= high:
        return int(value)
    raise _error(
        source,
        f'{place}: "{key}" must be a whole number from {low} to {high}, got {_shown(value)}',
    )


def _seconds(
    value: Any, source: str, place: str, key: str, lost: _Lost, bounds: tuple[int, int]
) -> int:
    if isinstance(value, float) and math.isfinite(value) and not value.is_integer():
        lost.add("fractions of seconds (rounded)")
        value = max(1, round(value))
    return _whole(value, source, place, key, bounds)


# -- writing the plan --------------------------------------------------------------------


def _plan_text(plan: Mapping[str, Any], kind: str, file_name: str, lost: _Lost) -> str:
    head = tomlkit.document()
    head["name"] = plan["name"]
    if "description" in plan:
        head["description"] = plan["description"]
    if "defaults" in plan:
        head["defaults"] = plan["defaults"]
    comment = [f"# Imported by `pushtimer import` from {quote(file_name)} ({kind})."]
    if lost.items:
        comment += _wrapped("# Not kept (no place in a pushtimer plan): ", list(lost.items))
    parts = ["\n".join(comment) + "\n" + tomlkit.dumps(head)]
    for workout in plan["workouts"]:
        text = workout_text({k: v for k, v in workout.items() if k != "exercises"}, None)
        for exercise in workout["exercises"]:
            text += "\n" + exercise_text(exercise, header="[[workout.exercise]]")
        parts.append(text)
    return "\n".join(parts)


def _wrapped(lead: str, words: Sequence[str], width: int = 88) -> list[str]:
    lines = [lead.rstrip()]
    for number, word in enumerate(words):
        piece = word + ("." if number == len(words) - 1 else ",")
        if len(lines[-1]) + 1 + len(piece) > width and lines[-1] != lead.rstrip():
            lines.append("#  ")
        lines[-1] += " " + piece
    return lines


# -- export --------------------------------------------------------------------------------


def openweight_program(plan: Plan) -> dict[str, Any]:
    """The plan as an openweight Program: with day numbers on every workout, a week per
    seven days (each workout's ``day`` its day of that week), else one week of them all.
    Sets carry ``targetReps``, ``type: "amrap"`` (a "max" set) or ``durationSeconds``,
    ``restSeconds`` (the rest after the set, as the plan times it) and ``tempo`` where
    openweight's notation can say it (one character a phase)."""
    weeks: dict[int, list[dict[str, Any]]] = {}
    dated = all(workout.day is not None for workout in plan.workouts)
    for workout in plan.workouts:
        day = workout.day if dated else None
        week = (day - 1) // 7 + 1 if day is not None else 1
        template = _template(plan, workout, None if day is None else (day - 1) % 7 + 1)
        weeks.setdefault(week, []).append(template)
    program: dict[str, Any] = {"name": plan.name}
    if plan.description:
        program["description"] = plan.description
    program["weeks"] = [
        {"name": f"Week {number}", "workouts": weeks[number]} for number in sorted(weeks)
    ]
    return program


def _template(plan: Plan, workout: Workout, day: int | None) -> dict[str, Any]:
    template: dict[str, Any] = {"name": workout.name}
    if day is not None:
        template["day"] = day
    if workout.description:
        template["notes"] = workout.description
    last = len(workout.exercises) - 1
    template["exercises"] = [
        _exercise_template(plan, exercise, index == last)
        for index, exercise in enumerate(workout.exercises)
    ]
    return template


def _exercise_template(plan: Plan, exercise: Exercise, last: bool) -> dict[str, Any]:
    defaults = plan.defaults
    rest = exercise.rest if exercise.rest is not None else defaults.rest
    after = exercise.rest_after if exercise.rest_after is not None else None
    after = defaults.rest_between_exercises if after is None else after
    one: dict[str, Any] = {}
    if exercise.hold is not None:
        one["durationSeconds"] = exercise.hold
    elif exercise.reps == "max":
        one["type"] = "amrap"
    else:
        one["targetReps"] = exercise.reps
    if exercise.hold is None:
        tempo = openweight_tempo(exercise.tempo or defaults.tempo)
        if tempo is not None:
            one["tempo"] = tempo
    sets = []
    for number in range(1, exercise.sets + 1):
        item = dict(one)
        if number < exercise.sets:
            item["restSeconds"] = rest
        elif not last:
            item["restSeconds"] = after
        sets.append(item)
    made: dict[str, Any] = {"exercise": {"name": exercise.name}, "sets": sets}
    notes = [exercise.description] if exercise.description else []
    if exercise.per_side:
        notes.append(per_side_note(defaults.switch))
    if exercise.cues:
        notes.append("Form: " + " · ".join(exercise.cues))
    if notes:
        made["notes"] = "\n\n".join(notes)[:NOTES_MAX]
    return made


def per_side_note(switch: int) -> str:
    """ "Each side: every set is done on one side, then the other, with 10 s to switch."
    (an exercise's notes, as openweight has no per-side sets)."""
    pause = f"with {switch} s to switch" if switch else "with no pause between"
    return f"{PER_SIDE_NOTE}, {pause}."


def openweight_losses(plan: Plan) -> list[str]:
    """What ``openweight_program`` cannot say of ``plan``, in words for the person who
    exports it, each said once and naming the exercises it concerns."""
    by_what: dict[str, list[str]] = {}

    def lost(what: str, name: str = "") -> None:
        names = by_what.setdefault(what, [])
        if name and name not in names:
            names.append(name)

    if plan.recovery:
        lost("the recovery text: left out")
    usual = Defaults()
    if plan.defaults.prepare != usual.prepare:
        lost(f"the get-ready time (prepare = {plan.defaults.prepare} s): left out")
    if plan.defaults.explosive != usual.explosive:
        lost(f"the time of an X tempo phase (explosive = {plan.defaults.explosive} s): left out")
    for workout in plan.workouts:
        for exercise in workout.exercises:
            if exercise.per_side:
                lost("per-side sets: said in the exercise's notes", exercise.name)
            if exercise.cues:
                lost("form cues: kept as the exercise's notes", exercise.name)
            if exercise.progress is not None:
                lost("progress rules: left out", exercise.name)
            tempo = exercise.tempo or plan.defaults.tempo
            paced = exercise.hold is None and parse_tempo(tempo).phases is not None
            if paced and openweight_tempo(tempo) is None:
                lost(f"tempo {quote(tempo)}: left out, a phase of 10 s or more", exercise.name)
    return [what + _which(names) for what, names in by_what.items()]


def _which(names: list[str]) -> str:
    """`` (Push-up, Plank)``; past three names, how many: `` (6 exercises)``."""
    if not names:
        return ""
    return f" ({', '.join(names) if len(names) <= 3 else f'{len(names)} exercises'})"


def openweight_tempo(text: str) -> str | None:
    """A plan's tempo in openweight's notation (``3-1-X-0``), or None where it cannot be
    said there: "free", or a phase of 10 seconds or more."""
    try:
        said = str(parse_tempo(text))
    except ValueError:
        return None
    return said if OPENWEIGHT_TEMPO.fullmatch(said) else None


__all__ = [
    "Imported",
    "convert",
    "import_file",
    "import_into_plans",
    "openweight_losses",
    "openweight_program",
    "openweight_tempo",
]
