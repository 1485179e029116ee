"""A plan with some exercises' reps or hold seconds set to other values: the targets in
effect (pushtimer/coach), or the most each target may grow to."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from pushtimer.plan.model import REPS_MAX, Exercise, Plan

HOLD_MAX = 3600
Place = tuple[int, int]  # (workout, exercise), each from 0


def with_amounts(plan: Plan, amounts: Mapping[Place, int]) -> Plan:
    """``plan`` with the reps (or hold seconds) of each exercise in ``amounts`` replaced."""
    if not amounts:
        return plan
    workouts = []
    for w, workout in enumerate(plan.workouts):
        exercises = tuple(
            _with_amount(exercise, amounts[w, e]) if (w, e) in amounts else exercise
            for e, exercise in enumerate(workout.exercises)
        )
        changed = exercises != workout.exercises
        workouts.append(
            msgspec.structs.replace(workout, exercises=exercises) if changed else workout
        )
    return msgspec.structs.replace(plan, workouts=tuple(workouts))


def _with_amount(exercise: Exercise, amount: int) -> Exercise:
    if exercise.hold is not None:
        return msgspec.structs.replace(exercise, hold=amount)
    return msgspec.structs.replace(exercise, reps=amount)


def progresses(plan: Plan) -> bool:
    """Whether any exercise of ``plan`` has a ``progress`` table (only then is a history
    read for its targets)."""
    return any(e.progress is not None for w in plan.workouts for e in w.exercises)


def ceiling(exercise: Exercise) -> int:
    """The most an exercise's target can grow to: its ``up_to``, else the format's bound."""
    assert exercise.progress is not None
    if exercise.progress.up_to is not None:
        return exercise.progress.up_to
    return HOLD_MAX if exercise.hold is not None else REPS_MAX


def at_ceilings(plan: Plan) -> Plan:
    """``plan`` with every exercise that progresses at the most it can grow to."""
    return with_amounts(
        plan,
        {
            (w, e): ceiling(exercise)
            for w, workout in enumerate(plan.workouts)
            for e, exercise in enumerate(workout.exercises)
            if exercise.progress is not None and exercise.amount is not None
        },
    )
