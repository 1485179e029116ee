"""What a person reads off a running session, and when any of it next changes.

A screen shows whole seconds: a countdown rounds up (3, 2, 1, then the next phase), an
open set counts up from 0, and the form reminder turns over every ``REMINDER_SECONDS``.
``seconds_to_next_change`` says how long until the first of those moves, so a screen
redraws exactly when what it shows changes and never polls.
"""

from __future__ import annotations

import math

from pushtimer.plan.model import Exercise
from pushtimer.session.engine import EngineState
from pushtimer.session.timeline import Segment

REMINDER_SECONDS = 6.0
# Shown after an exercise's own cues, in every session: the general advice for push-ups.
GENERAL_REMINDERS: tuple[str, ...] = (
    "Keep your back straight from head to heels.",
    "Breathe out on the way up.",
    "Stop at once if anything hurts: sharp pain is a signal, not a challenge.",
)
# Shown when a session is stopped because something hurts.
PAIN_ADVICE: tuple[str, ...] = (
    "Stop now. Sharp pain is a signal, not a challenge: never push through it.",
    "Rest until it no longer hurts.",
    "Come back on an easier version, such as push-ups on your knees.",
)
_EPSILON = 1e-6  # float slack, so 3.0000000001 s left still reads as 3


def shown_seconds(state: EngineState) -> int:
    """The number on the big countdown: seconds left rounded up (of the count-in while one
    runs), or seconds so far in an open set."""
    if state.count_in is not None:
        return max(0, math.ceil(state.count_in - _EPSILON))
    if state.remaining is None:
        return math.floor(state.elapsed + _EPSILON)
    return max(0, math.ceil(state.remaining - _EPSILON))


def reminders_for(exercise: Exercise | None) -> tuple[str, ...]:
    """An exercise's own cues, then the general reminders."""
    own = exercise.cues if exercise is not None else ()
    return (*own, *GENERAL_REMINDERS)


def reminder_at(
    reminders: tuple[str, ...], step_elapsed: float, every: float = REMINDER_SECONDS
) -> str:
    """The reminder showing ``step_elapsed`` seconds into a step, each shown ``every`` s."""
    if not reminders:
        return ""
    turn = math.floor(step_elapsed / every + _EPSILON)
    return reminders[turn % len(reminders)]


def seconds_to_next_change(state: EngineState, every: float = REMINDER_SECONDS) -> float | None:
    """Active seconds until the countdown or the reminder (turning every ``every`` s) next
    changes; None when nothing moves (paused or finished). Segment boundaries are the
    engine's ``next_deadline``."""
    if state.paused or state.finished:
        return None
    if state.count_in is not None:  # only the count-in's seconds move
        return state.count_in - (shown_seconds(state) - 1)
    if state.remaining is None:
        count = state.elapsed - math.floor(state.elapsed + _EPSILON)
        until_count = 1.0 - count
    else:
        shown = shown_seconds(state)
        until_count = state.remaining - (shown - 1) if shown > 0 else math.inf
    turn = state.step_elapsed / every
    until_turn = (math.floor(turn + _EPSILON) + 1 - turn) * every
    soonest = min(until_count, until_turn)
    return None if math.isinf(soonest) else max(0.0, soonest)


def set_words(segment: Segment, exercise: Exercise) -> str:
    """``Set 2/4``: the set a segment belongs to, as both front ends say it."""
    return f"Set {segment.set}/{exercise.sets}"


def rep_words(segment: Segment, exercise: Exercise) -> str | None:
    """``Rep 5/12`` in a set of reps, ``Rep 7`` in a paced max set (its reps are counted,
    not planned); None where no rep runs (a hold, an open set, a rest)."""
    if segment.rep is None:
        return None
    if isinstance(exercise.reps, int):
        return f"Rep {segment.rep}/{exercise.reps}"
    return f"Rep {segment.rep}"
