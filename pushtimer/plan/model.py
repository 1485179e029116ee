"""The plan format as typed models: what a plan file may hold, with every bound.

These msgspec Structs are the single source of truth for the format: the validator
walks them to report problems, the loader builds them, and ``pushtimer schema``
derives the JSON Schema from them. Keys are the TOML keys.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from pushtimer.plan.durations import DURATION_PATTERN
from pushtimer.plan.tempo import TEMPO_PATTERN
from pushtimer.plan.wording import quote

# Marks for the validator (``extra``) and the schema (``extra_json_schema``).
DURATION = "duration"
TEMPO = "tempo"
AMOUNT = "amount"  # reps for a reps exercise, a duration for a hold
# Text shown on one line: no line breaks or control characters (C0, DEL, C1). A description
# may have line breaks, nothing else. ``(?![\s\S])`` is "end of text" in both Python and
# JSON Schema regexes (``$`` would let a trailing newline through).
ONE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*(?![\s\S])"
LINES = r"^[^\x00-\x09\x0b-\x1f\x7f-\x9f]*(?![\s\S])"


def _seconds(low: int, high: int, description: str) -> Meta:
    return Meta(
        ge=low,
        le=high,
        description=description,
        extra={"kind": DURATION},
        extra_json_schema={"x-duration-pattern": DURATION_PATTERN},
    )


Name = Annotated[str, Meta(min_length=1, max_length=100, pattern=ONE_LINE)]
Description = Annotated[
    str,
    Meta(
        min_length=1, max_length=2000, pattern=LINES, description="Free text shown with the name."
    ),
]
Cue = Annotated[str, Meta(min_length=1, max_length=200, pattern=ONE_LINE)]
TempoText = Annotated[
    str,
    Meta(
        description=(
            'Seconds for lowering, pause at the bottom, pushing up, pause at the top: "3-1-1-0" '
            'or "3110"; a phase may be X (explosive); "free" means no pacing.'
        ),
        extra={"kind": TEMPO},
        extra_json_schema={"pattern": TEMPO_PATTERN, "examples": ["3-1-1-0", "3110", "2-0-X-0"]},
    ),
]
SECONDS_MAX = 3600  # the longest rest, get-ready or hold
Rest = Annotated[int, _seconds(0, SECONDS_MAX, 'Rest in seconds (90) or as text ("90s", "1m30s").')]
Prepare = Annotated[int, _seconds(0, SECONDS_MAX, "Get-ready countdown before the first set.")]
Switch = Annotated[int, _seconds(0, 120, "Pause between the left and right side of a set.")]
Hold = Annotated[int, _seconds(1, SECONDS_MAX, "A timed hold instead of reps, in seconds.")]
REPS_MAX = 500
Reps = Annotated[int, Meta(ge=1, le=REPS_MAX)] | Literal["max"]
Sets = Annotated[int, Meta(ge=1, le=50, description="How many sets.")]
Day = Annotated[
    int, Meta(ge=1, le=366, description="Day number, for ordering and the next-day suggestion.")
]
Explosive = Annotated[int, Meta(ge=1, le=10, description="Seconds an X tempo phase lasts.")]


Amount = Annotated[
    int,
    Meta(
        ge=1,
        le=3600,
        extra={"kind": AMOUNT, "reps_max": REPS_MAX},
        extra_json_schema={"x-duration-pattern": DURATION_PATTERN},
    ),
]
Share = Annotated[float, Meta(ge=0.1, le=1.0)]


class Progress(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """How an exercise's target grows from session to session (docs/plan-format.md,
    "Progress"): met raises it by ``add`` up to ``up_to``, two misses in a row or a stop
    because something hurts lower it by ``add``, never below where it started."""

    add: Annotated[
        Amount, Meta(description='Reps added when a target is met; for a hold, seconds ("5s").')
    ]
    up_to: Annotated[
        Amount | None,
        Meta(description="The most the target grows to (reps, or for a hold a duration)."),
    ] = None
    then: Annotated[
        Name | None, Meta(description="The harder variation to move to once up_to is met.")
    ] = None
    from_max: Annotated[
        Share | None,
        Meta(
            description=(
                'Start from this share (0.1 to 1.0) of the latest "max" set of the same '
                "exercise in the plan (a test day)."
            )
        ),
    ] = None


class Defaults(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Values every workout of the plan uses unless an exercise says otherwise."""

    prepare: Prepare = 10
    rest: Rest = 60
    rest_between_exercises: Rest = 90
    switch: Switch = 5
    tempo: TempoText = "3-1-1-0"
    explosive: Explosive = 1


class Exercise(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """One exercise of a workout: its sets, and either reps or a timed hold."""

    name: Annotated[Name, Meta(description="What the exercise is called.")]
    description: Description | None = None
    sets: Sets = 1
    reps: Annotated[
        Reps | None,
        Meta(description='Reps per set (1 to 500), or "max" for as many as possible.'),
    ] = None
    hold: Hold | None = None
    tempo: TempoText | None = None
    rest: Rest | None = None
    rest_after: Annotated[
        Rest | None, Meta(description="Rest after the last set, before the next exercise.")
    ] = None
    per_side: Annotated[
        bool, Meta(description="Each set is done left, then right, with a switch between.")
    ] = False
    cues: Annotated[
        tuple[Cue, ...], Meta(max_length=20, description="Form reminders shown during the set.")
    ] = ()
    progress: Annotated[
        Progress | None, Meta(description="How the target grows from session to session.")
    ] = None

    @property
    def amount(self) -> int | None:
        """The planned reps or hold seconds a target grows from (None for a "max" set)."""
        return self.hold if self.hold is not None else self.reps if self.reps != "max" else None


class Workout(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """One session of a plan (a day), with its exercises in order."""

    name: Annotated[Name, Meta(description="What the workout is called.")]
    day: Day | None = None
    description: Description | None = None
    exercises: Annotated[tuple[Exercise, ...], Meta(min_length=1, max_length=100)] = msgspec.field(
        name="exercise"
    )


class Plan(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """A pushtimer workout plan: one or more workouts (days) of exercises."""

    # After loading, the single-workout shorthand (top-level [[exercise]] tables) has been
    # folded into ``workouts`` by the loader, so ``exercises`` is always empty there.

    name: Annotated[Name, Meta(description="What the plan is called.")]
    description: Description | None = None
    recovery: Annotated[
        Description | None,
        Meta(description="Shown on the days between workouts of a plan with day numbers."),
    ] = None
    defaults: Defaults = msgspec.field(default_factory=Defaults)
    workouts: Annotated[tuple[Workout, ...], Meta(max_length=50)] = msgspec.field(
        default=(), name="workout"
    )
    exercises: Annotated[tuple[Exercise, ...], Meta(max_length=100)] = msgspec.field(
        default=(), name="exercise"
    )


def find_workout(plan: Plan, choice: str) -> int:
    """The index of the workout that ``--workout`` names: a number from 1, or a name.

    A name matches whole (ignoring case), or as the start of exactly one workout name.
    Raises LookupError with a message that lists the choices.
    """
    text = choice.strip()
    if not text:
        raise LookupError("--workout needs a number or a name")
    if text.isascii() and text.isdigit():
        number = int(text) if len(text) < 10 else 0
        if 1 <= number <= len(plan.workouts):
            return number - 1
    else:
        folded = text.casefold()
        names = [w.name.casefold() for w in plan.workouts]
        if folded in names:
            return names.index(folded)
        starts = [i for i, name in enumerate(names) if name.startswith(folded)]
        if len(starts) == 1:
            return starts[0]
    listed = "; ".join(f"{i} {quote(w.name)}" for i, w in enumerate(plan.workouts, start=1))
    raise LookupError(f"no workout {quote(choice)}; this plan has: {listed}")
