"""What the engine reports as a session runs. The UI, plain mode, sound, the cue log and
history all consume these.

Times called ``planned`` are session seconds (from the session's start, pauses included)
at which the thing was due; ``skipped`` marks a cue that was already stale (over 250 ms
late) when the engine got to it: it is reported, never played.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from pushtimer.session.timeline import Segment, Side


class SegmentStarted(Struct, frozen=True):
    """A segment began: the cue for a phase, a rest, a switch and so on."""

    index: int
    segment: Segment
    planned: float
    skipped: bool = False


class CountdownBeep(Struct, frozen=True):
    """One of the last three seconds of a prepare, rest, switch or hold."""

    index: int
    remaining: int
    planned: float
    skipped: bool = False


class TempoTick(Struct, frozen=True):
    """A whole second inside a tempo phase of 2 s or more (after its start)."""

    index: int
    second: int
    planned: float
    skipped: bool = False


class SetCompleted(Struct, frozen=True):
    """One set (or one side of a per-side set) is done. ``reps_done`` is None for a hold."""

    exercise: int
    name: str
    set: int
    side: Side | None
    reps_target: int | Literal["max"] | None
    reps_done: int | None
    hold_seconds: int | None
    seconds: float


class WorkoutFinished(Struct, frozen=True):
    """The session ended: ``completed`` is False when the user quit."""

    completed: bool
    planned: float
    seconds: float


Event = SegmentStarted | CountdownBeep | TempoTick | SetCompleted | WorkoutFinished
