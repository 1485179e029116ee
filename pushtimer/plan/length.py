"""A workout's planned length, worked out per set: for lists of plans, ``validate`` and the
plan's own bound (a workout may be planned at most 24 hours). The timeline
(pushtimer/session/timeline.py) lays out the same seconds segment by segment."""

from __future__ import annotations

from msgspec import Struct

from pushtimer.plan.model import Defaults, Exercise, Workout
from pushtimer.plan.tempo import parse_tempo

MAX_WORKOUT_SECONDS = 24 * 3600


class Length(Struct, frozen=True):
    """A workout's length without its segments: for lists of plans and ``validate``."""

    total_seconds: int
    has_open: bool


def workout_length(workout: Workout, defaults: Defaults) -> Length:
    """``build_timeline(...).total_seconds`` and ``.has_open`` (session/timeline.py),
    worked out per set instead of per segment (a plan at the size limits has close to a
    million segments)."""
    total = defaults.prepare
    has_open = False
    last = len(workout.exercises) - 1
    for index, exercise in enumerate(workout.exercises):
        sides = 2 if exercise.per_side else 1
        if exercise.hold is not None:
            work = exercise.hold
        else:
            tempo = parse_tempo(exercise.tempo or defaults.tempo)
            if exercise.reps == "max" or tempo.free or exercise.reps is None:
                work, has_open = 0, True
            else:
                work = exercise.reps * sum(tempo.seconds(defaults.explosive))
        per_set = sides * work + (sides - 1) * defaults.switch
        total += exercise.sets * per_set
        total += sum(
            rest_after_set(exercise, defaults, number, index == last)
            for number in range(1, exercise.sets + 1)
        )
    return Length(total, has_open)


def paced_tempo(exercise: Exercise, defaults: Defaults) -> str | None:
    """The tempo a set of ``exercise`` is paced at, dashed (``3-1-X-0``), "free" when it
    is not paced, None for a hold: what the history keeps of each set."""
    if exercise.hold is not None:
        return None
    tempo = parse_tempo(exercise.tempo or defaults.tempo)
    return "free" if tempo.free else str(tempo)


def rest_after_set(exercise: Exercise, defaults: Defaults, set_number: int, last: bool) -> int:
    if set_number < exercise.sets:
        return defaults.rest if exercise.rest is None else exercise.rest
    if last:
        return 0
    if exercise.rest_after is not None:
        return exercise.rest_after
    return defaults.rest_between_exercises
