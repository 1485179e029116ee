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

# What a set really was (docs/architecture.md, "Outcomes"): ``done`` reached its end (a
# rep set its last rep, a hold its full time, an open set "done" with a count), ``partial``
# ended early after at least one completed rep or one second held, ``skipped`` ended before.
Outcome = Literal["done", "partial", "skipped"]
OUTCOMES: tuple[Outcome, ...] = ("done", "partial", "skipped")
# Why a session ended before its end: q then "done for today" or "something hurts",
# Ctrl+C or SIGINT, or SIGTERM, SIGHUP or a closed terminal.
StopReason = Literal["quit", "pain", "interrupt", "signal"]


class SegmentStarted(Struct, frozen=True):
    """A segment began: the cue for a phase, a rest, a switch and so on."""

    index: int
    segment: Segment
    planned: float
    skipped: bool = False


class CountdownBeep(Struct, frozen=True):
    """One of the last three seconds of a prepare, rest, switch or hold, or of the count-in
    back into work after a pause (``count_in``)."""

    index: int
    remaining: int
    planned: float
    skipped: bool = False
    count_in: bool = False


class TempoTick(Struct, frozen=True):
    """A whole second inside a tempo phase of 2 s or more (after its start)."""

    index: int
    second: int
    planned: float
    skipped: bool = False


class SetEnded(Struct, frozen=True):
    """One set (or one side of a per-side set) ended, by any path, with its outcome.

    ``reps_done`` counts completed reps (None for a hold); ``held`` is the seconds actually
    held (None for reps), against the planned ``hold_seconds``."""

    exercise: int
    name: str
    set: int
    side: Side | None
    reps_target: int | Literal["max"] | None
    reps_done: int | None
    hold_seconds: int | None
    held: float | None
    seconds: float
    outcome: Outcome
    # Seconds from the set's end to this report: a max set ends at the key that asked how
    # many, and is reported when the count is given; a set ended while paused, at the pause.
    ago: float = 0.0


class WorkoutFinished(Struct, frozen=True):
    """The session ended: ``completed`` when the end of the timeline was reached, else
    stopped early for ``reason``."""

    completed: bool
    planned: float
    seconds: float
    reason: StopReason | None = None


Event = SegmentStarted | CountdownBeep | TempoTick | SetEnded | WorkoutFinished
