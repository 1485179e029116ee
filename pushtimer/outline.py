"""Readable text outlines of plans and timelines, for ``pushtimer show`` and ``pushtimer plans``.

Plain text on purpose: these commands print and exit, so they skip the cost of Rich.
"""

from __future__ import annotations

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.plan.length import Length, workout_length
from pushtimer.plan.model import Exercise, Plan
from pushtimer.plan.tempo import parse_tempo
from pushtimer.printable import fit
from pushtimer.session.timeline import Segment, Timeline

_WIDTH = 44


def describe_exercise(exercise: Exercise, default_tempo: str) -> str:
    """``4 x 12 reps, tempo 3-1-1-0`` or ``3 x 30s hold, each side``."""
    if exercise.hold is not None:
        work = f"{format_span(exercise.hold)} hold"
    elif exercise.reps == "max":
        work = "max reps"
    else:
        tempo = parse_tempo(exercise.tempo or default_tempo)
        pace = "unpaced" if tempo.free else f"tempo {tempo}"
        work = f"{_reps(exercise.reps)}, {pace}"
    side = ", each side" if exercise.per_side else ""
    return f"{exercise.sets} x {work}{side}"


def workout_totals(length: Length | Timeline) -> str:
    """``12:40`` or ``12:40 + open sets``."""
    total = format_clock(length.total_seconds)
    return f"{total} + open sets" if length.has_open else total


def timeline_outline(plan: Plan, timeline: Timeline) -> list[str]:
    """The timeline grouped by exercise and set: one line per step."""
    workout = timeline.workout
    sets = sum(e.sets * (2 if e.per_side else 1) for e in workout.exercises)
    lines = [
        f"{workout.name}: {workout_totals(timeline)}, {sets} set{'s' if sets != 1 else ''} of work"
    ]
    shown_exercise: int | None = None
    for step in timeline.steps():
        first = timeline.segments[step.first]
        exercise = timeline.exercise_of(first)
        if exercise is not None and first.exercise != shown_exercise and first.kind != "rest":
            shown_exercise = first.exercise
            lines.append(
                f"        {exercise.name}: {describe_exercise(exercise, plan.defaults.tempo)}"
            )
        seconds = sum(s.duration or 0 for s in timeline.segments[step.first : step.last])
        label = _step_label(first, exercise)
        length = "open" if first.kind == "open" else format_span(seconds)
        lines.append(f"{format_clock(first.start):>7} {fit(label, _WIDTH, cut=False)}{length:>8}")
    return lines


def _step_label(segment: Segment, exercise: Exercise | None) -> str:
    if segment.kind == "prepare":
        return "Get ready"
    if segment.kind == "switch":
        return "  Switch sides"
    if segment.kind == "rest":
        return "  Rest"
    assert exercise is not None and segment.set is not None
    side = f" {segment.side}" if segment.side else ""
    header = f"  Set {segment.set}/{exercise.sets}{side}"
    if segment.kind == "hold":
        return f"{header}: hold"
    if segment.kind == "open":
        what = "as many reps as you can" if exercise.reps == "max" else _reps(exercise.reps)
        return f"{header}: {what}, until you say done"
    return f"{header}: {_reps(exercise.reps)}"


def plan_outline(plan: Plan) -> list[str]:
    """Each workout of a plan with its total time, one line each."""
    lines = []
    for number, workout in enumerate(plan.workouts, start=1):
        length = workout_length(workout, plan.defaults)
        lines.append(f"{number:>3}. {fit(workout.name, 40, cut=False)} {workout_totals(length):>8}")
    return lines


def _reps(count: object) -> str:
    """``12 reps``, ``1 rep``."""
    return f"{count} rep" if count == 1 else f"{count} reps"
