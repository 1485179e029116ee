"""Readable text outlines of plans and timelines, for ``pushtimer show`` and ``pushtimer plans``.

Plain text on purpose: these commands print and exit, so they skip the cost of Rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.plan.length import Length, workout_length
from pushtimer.plan.model import Exercise, Plan
from pushtimer.plan.tempo import parse_tempo
from pushtimer.printable import fit
from pushtimer.session.timeline import Segment, Timeline

if TYPE_CHECKING:
    from pushtimer.coach.targets import Coaching, Target

_WIDTH = 44


def describe_exercise(exercise: Exercise, default_tempo: str, target: Target | None = None) -> str:
    """``4 x 12 reps, tempo 3-1-1-0`` or ``3 x 30s hold, each side``; with the mark of a
    target that differs from the plan: ``4 x 13 reps (+1), tempo 3-1-1-0``."""
    mark = f" {target.mark}" if target is not None and target.mark else ""
    if exercise.hold is not None:
        work = f"{format_span(exercise.hold)} hold{mark}"
    elif exercise.reps == "max":
        work = "max reps"
    else:
        tempo = parse_tempo(exercise.tempo or default_tempo)
        pace = "unpaced" if tempo.free else f"tempo {tempo}"
        work = f"{_reps(exercise.reps)}{mark}, {pace}"
    side = ", each side" if exercise.per_side else ""
    return f"{exercise.sets} x {work}{side}"


def workout_totals(length: Length | Timeline) -> str:
    """``12:40`` or ``12:40 + open sets``."""
    total = format_clock(length.total_seconds)
    return f"{total} + open sets" if length.has_open else total


def timeline_outline(
    plan: Plan, timeline: Timeline, coaching: Coaching | None = None, workout_index: int = 0
) -> list[str]:
    """The timeline grouped by exercise and set: one line per step. Where an exercise
    progresses, a line under it says its target and why."""
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
            target = None
            if coaching is not None and first.exercise is not None:
                target = coaching.of(workout_index, first.exercise)
            described = describe_exercise(exercise, plan.defaults.tempo, target)
            lines.append(f"        {exercise.name}: {described}")
            if target is not None:
                lines.append(f"          target {target.arrow}: {target.why}")
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


def plan_outline(plan: Plan, coaching: Coaching | None = None) -> list[str]:
    """Each workout of a plan with its total time, one line each; under it, each target
    that differs from the plan (``Wide push-up 4x13 (+1)``)."""
    lines = []
    for number, workout in enumerate(plan.workouts, start=1):
        length = workout_length(workout, plan.defaults)
        lines.append(f"{number:>3}. {fit(workout.name, 40, cut=False)} {workout_totals(length):>8}")
        changed = [] if coaching is None else target_marks(plan, coaching, number - 1)
        if changed:
            lines.append(f"       targets: {', '.join(changed)}")
    return lines


def target_marks(plan: Plan, coaching: Coaching, workout: int) -> list[str]:
    """``Wide push-up 4x13 (+1)`` for each exercise of a workout whose target differs
    from the plan (``plan`` has the targets in effect)."""
    marks = []
    for index, exercise in enumerate(plan.workouts[workout].exercises):
        target = coaching.of(workout, index)
        if target is not None and target.changed:
            marks.append(f"{exercise.name} {target.short()} {target.mark}")
    return marks


def _reps(count: object) -> str:
    """``12 reps``, ``1 rep``."""
    return f"{count} rep" if count == 1 else f"{count} reps"
