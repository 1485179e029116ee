"""Which sound (and, with --voice, which words) each engine event gets (README, "Sound").

Segment kinds map to their own sounds; countdown beeps and tempo ticks are ``tick``; a
finished workout is ``done``. Pauses at the bottom and top are silent, and so is a cue the
engine reports as skipped (stale after a stall): it is never played late.
"""

from __future__ import annotations

from pushtimer.session.events import (
    CountdownBeep,
    Event,
    SegmentStarted,
    TempoTick,
    WorkoutFinished,
)
from pushtimer.session.timeline import WORK_KINDS, SegmentKind, Timeline

KIND_SOUNDS: dict[SegmentKind, str] = {
    "open": "go",
    "down": "down",
    "up": "up",
    "hold": "hold",
    "switch": "switch",
    "rest": "rest",
}


def cue_sound(event: Event) -> str | None:
    """The name of the sound for ``event``, or None for silence."""
    if isinstance(event, SegmentStarted):
        return None if event.skipped else KIND_SOUNDS.get(event.segment.kind)
    if isinstance(event, CountdownBeep | TempoTick):
        return None if event.skipped else "tick"
    if isinstance(event, WorkoutFinished):
        return "done" if event.completed else None
    return None


def cue_words(event: Event, timeline: Timeline) -> str | None:
    """What a voice says: the exercise and set as each set (or side) begins, "switch
    sides", "rest" and "done"."""
    if isinstance(event, WorkoutFinished):
        return "done" if event.completed else None
    if not isinstance(event, SegmentStarted) or event.skipped:
        return None
    segment = event.segment
    if segment.kind == "switch":
        return "switch sides"
    if segment.kind == "rest":
        return "rest"
    before = timeline.segments[event.index - 1] if event.index > 0 else None
    starts_set = (
        before is None
        or before.kind not in WORK_KINDS
        or (before.exercise, before.set, before.side)
        != (segment.exercise, segment.set, segment.side)
    )
    if segment.kind in WORK_KINDS and starts_set:
        exercise = timeline.exercise_of(segment)
        if exercise is None:
            return None
        side = f", {segment.side} side" if segment.side else ""
        return f"{exercise.name}, set {segment.set}{side}"
    return None
