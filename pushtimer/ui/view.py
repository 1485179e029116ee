"""Everything the workout screen shows, as plain values computed from the engine's state.

Pure functions (no Textual): the screen hands each widget its part, and a widget redraws
only when its part changed.
"""

from __future__ import annotations

from msgspec import Struct

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.plan.model import Exercise
from pushtimer.plan.tempo import parse_tempo
from pushtimer.session.engine import EngineState
from pushtimer.session.live import LiveSession
from pushtimer.session.readout import reminder_at, reminders_for, shown_seconds
from pushtimer.session.timeline import (
    PHASE_WORDS,
    TEMPO_KINDS,
    WORK_KINDS,
    Segment,
    SegmentKind,
)

TempoPhase = tuple[SegmentKind, int]  # (kind, seconds)


class WorkoutView(Struct, frozen=True):
    """One frame of the workout screen."""

    title: str
    exercise: str
    position: str  # "Set 2/4 · Left · Rep 5/12"
    kind: str  # the segment kind, which picks the colour
    word: str  # GET READY, DOWN, ... or PAUSED
    countdown: str  # "3", "1:30"
    counting_up: bool  # an open set: the number is time so far
    tempo: tuple[TempoPhase, ...]  # the current rep's phases; empty outside tempo sets
    reminder: str
    next_up: str
    progress: float  # 0 to 1 over the workout's timed seconds
    time_left: str
    paused: bool
    hint: str  # what a key would do now, for the moment that needs it


def clock_text(seconds: int) -> str:
    """``3`` under a minute, ``1:30`` from a minute up: large and quick to read."""
    return str(seconds) if seconds < 60 else format_clock(seconds)


def workout_view(session: LiveSession, state: EngineState) -> WorkoutView:
    timeline = session.timeline
    segment = state.segment
    exercise = timeline.exercise_of(segment)
    ahead = timeline.next_work(state.index)
    upcoming = None if ahead is None else (ahead, timeline.exercise_of(ahead))
    resting = segment.kind in ("prepare", "rest")  # the screen looks ahead
    shown_exercise = upcoming if resting and upcoming is not None else (segment, exercise)
    total = timeline.total_seconds
    done = max(0.0, total - state.remaining_total)
    return WorkoutView(
        title=session.title,
        exercise=_exercise_line(segment, shown_exercise),
        position=_position(*shown_exercise, ahead=resting),
        kind=segment.kind,
        word="PAUSED" if state.paused else PHASE_WORDS[segment.kind],
        countdown=clock_text(shown_seconds(state)),
        counting_up=state.remaining is None,
        tempo=_tempo(session, segment, exercise),
        reminder=_reminder(state, shown_exercise[1] if resting else exercise),
        next_up="" if resting else _next_up(session, state.index),
        progress=1.0 if state.finished or total == 0 else min(1.0, done / total),
        time_left=f"{format_clock(int(state.remaining_total + 0.999))} left",
        paused=state.paused,
        hint=_hint(segment, exercise, state.paused),
    )


def _exercise_line(segment: Segment, shown: tuple[Segment, Exercise | None]) -> str:
    exercise = shown[1]
    if exercise is None:
        return "Workout complete"
    if segment.kind == "prepare":
        return f"First: {exercise.name}"
    if segment.kind == "rest":
        return f"Next: {exercise.name}"
    return exercise.name


def _position(segment: Segment, exercise: Exercise | None, ahead: bool = False) -> str:
    """``Set 2/4 · Left · Rep 5/12``; looking ahead (in a rest), ``Set 2/4 · 12 reps``."""
    if exercise is None or segment.set is None:
        return ""
    parts = [f"Set {segment.set}/{exercise.sets}"]
    if segment.side is not None:
        parts.append(segment.side.capitalize())
    if ahead and isinstance(exercise.reps, int):
        parts.append(f"{exercise.reps} reps")
    elif segment.rep is not None and isinstance(exercise.reps, int):
        parts.append(f"Rep {segment.rep}/{exercise.reps}")
    elif segment.kind == "open":
        parts.append("as many as you can" if exercise.reps == "max" else f"{exercise.reps} reps")
    elif exercise.hold is not None:
        parts.append(f"hold {format_span(exercise.hold)}")
    return " · ".join(parts)


def _tempo(
    session: LiveSession, segment: Segment, exercise: Exercise | None
) -> tuple[TempoPhase, ...]:
    if exercise is None or segment.kind not in TEMPO_KINDS:
        return ()
    tempo = parse_tempo(exercise.tempo or session.plan.defaults.tempo)
    seconds = tempo.seconds(session.plan.defaults.explosive)
    return tuple(zip(TEMPO_KINDS, seconds, strict=True))


def _reminder(state: EngineState, exercise: Exercise | None) -> str:
    if state.segment.kind == "switch":
        return "Change sides, and set up the same way as the first."
    return reminder_at(reminders_for(exercise), state.step_elapsed)


def _next_up(session: LiveSession, index: int) -> str:
    """What follows the current step: the next set, or the next exercise."""
    timeline = session.timeline
    current = timeline.segments[index]
    for segment in timeline.segments[index + 1 :]:
        if segment.kind not in WORK_KINDS:
            continue
        if current.kind in WORK_KINDS and (segment.exercise, segment.set, segment.side) == (
            current.exercise,
            current.set,
            current.side,
        ):
            continue
        exercise = timeline.exercise_of(segment)
        assert exercise is not None
        if segment.exercise == current.exercise and current.kind != "prepare":
            side = f" {segment.side}" if segment.side else ""
            return f"Next: set {segment.set}/{exercise.sets}{side}"
        return f"Next: {exercise.name} {_dose(exercise)}"
    return "Next: the end of the workout"


def _dose(exercise: Exercise) -> str:
    """``4x12``, ``3x max``, ``2x 45s hold``, with ``each side`` when per side."""
    if exercise.hold is not None:
        work = f"{exercise.sets}x {format_span(exercise.hold)} hold"
    elif exercise.reps == "max":
        work = f"{exercise.sets}x max"
    else:
        work = f"{exercise.sets}x{exercise.reps}"
    return f"{work} each side" if exercise.per_side else work


def _hint(segment: Segment, exercise: Exercise | None, paused: bool) -> str:
    if paused:
        return "Space to go on"
    if segment.kind == "open" and exercise is not None:
        if exercise.reps == "max":
            return "As many as you can, then Enter to give the count"
        return "At your own pace: Enter when done"
    if segment.kind == "rest":
        return "n skips the rest · + and - change it by 15 s"
    return ""
