"""The plan editor's fields: which key each one edits, what it is called, and how the text
typed into it becomes a TOML value (docs/plan-format.md, "The plan editor").

A typed value is kept as typed when it is not what the field wants ("ten" for sets), so
the checker reports it beside the field in ``validate``'s words; an empty optional field
removes its key."""

from __future__ import annotations

import re
from typing import Any, Literal

from msgspec import Struct

Kind = Literal["text", "lines", "paragraph", "int", "duration", "share", "bool", "tempo"]
_WHOLE = re.compile(r"\d{1,9}")
_SHARE = re.compile(r"\d?\.\d+|1(\.0*)?|0")


class FormField(Struct, frozen=True):
    key: str  # dotted for a table inside: progress.add
    label: str
    kind: Kind
    hint: str = ""  # the placeholder: what to type
    required: bool = False


PLAN_FIELDS = (
    FormField("name", "Name", "text", "what the plan is called", required=True),
    FormField("description", "About", "paragraph", "what it is for (optional)"),
    FormField("defaults.prepare", "Get ready", "duration", "seconds before the first set: 10"),
    FormField("defaults.rest", "Rest", "duration", "seconds between sets: 60, or 1m30s"),
    FormField("defaults.rest_between_exercises", "Rest after", "duration", "between exercises: 90"),
    FormField("defaults.switch", "Switch", "duration", "between the sides: 5"),
    FormField("defaults.tempo", "Tempo", "tempo", "3-1-1-0, or free"),
)
WORKOUT_FIELDS = (
    FormField("name", "Name", "text", "Day 1", required=True),
    FormField("day", "Day", "int", "day number, for ordering (optional)"),
    FormField("description", "About", "paragraph", "(optional)"),
)
EXERCISE_FIELDS = (
    FormField("name", "Name", "text", "Wide push-up", required=True),
    FormField("description", "About", "paragraph", "(optional)"),
    FormField("sets", "Sets", "int", "1"),
    # "reps" and "hold" are edited through the kind and the amount (see KINDS).
    FormField("tempo", "Tempo", "tempo", "the plan's: leave empty"),
    FormField("rest", "Rest", "duration", "the plan's: leave empty"),
    FormField("rest_after", "Rest after", "duration", "after the last set (optional)"),
    FormField("per_side", "Each side", "bool"),
    FormField("cues", "Cues", "lines", "one reminder to a line"),
    FormField("progress.add", "Grow by", "duration", "reps (or 5s) when met"),
    FormField("progress.up_to", "Up to", "duration", "the most it grows to"),
    FormField("progress.then", "Then", "text", "the harder exercise after"),
    FormField("progress.from_max", "From max", "share", "0.6: a share of a max set"),
)

# An exercise counts reps, or as many reps as you can, or holds for a time.
ExerciseKind = Literal["reps", "max", "hold"]
KINDS: tuple[tuple[str, ExerciseKind], ...] = (
    ("Reps", "reps"),
    ("As many as you can (max)", "max"),
    ("Timed hold", "hold"),
)
DEFAULT_AMOUNT: dict[ExerciseKind, int] = {"reps": 8, "hold": 30, "max": 0}

TEMPO_PRESETS: tuple[tuple[str, str], ...] = (
    ("3-1-1-0 (3 s lowering)", "3-1-1-0"),
    ("4-1-1-0 (4 s lowering)", "4-1-1-0"),
    ("2-0-1-0 (steady)", "2-0-1-0"),
    ("3-1-X-1 (explosive up)", "3-1-X-1"),
    ("free (no pacing)", "free"),
)


def value_of(field: FormField, text: str) -> Any:
    """The TOML value for what is typed into ``field`` (None: remove the key)."""
    if field.kind == "lines":
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines or None
    stripped = text.strip() if field.kind != "paragraph" else text.strip("\n")
    if not stripped.strip():
        return "" if field.required else None
    if field.kind in ("int", "duration") and _WHOLE.fullmatch(stripped):
        return int(stripped)
    if field.kind == "share" and _SHARE.fullmatch(stripped):
        return float(stripped)
    return stripped


def text_of(value: Any) -> str:
    """What a field shows for the value in the file."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def kind_of(exercise: dict[str, Any]) -> ExerciseKind:
    if exercise.get("hold") is not None:
        return "hold"
    return "max" if exercise.get("reps") == "max" else "reps"
