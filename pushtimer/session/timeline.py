"""A workout as an ordered list of timed segments (docs/plan-format.md, "The timeline").

This is the contract behind ``pushtimer show``, the engine and the benchmarks:
a pure function from a workout and the plan's defaults to segments with
cumulative start times.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from msgspec import Struct

from pushtimer.plan.length import rest_after_set
from pushtimer.plan.model import Defaults, Exercise, Workout
from pushtimer.plan.tempo import parse_tempo

SegmentKind = Literal["prepare", "down", "bottom", "up", "top", "hold", "open", "switch", "rest"]
Side = Literal["left", "right"]

TEMPO_KINDS: tuple[SegmentKind, ...] = ("down", "bottom", "up", "top")
# The word shown and spoken for each kind of segment.
PHASE_WORDS: dict[SegmentKind, str] = {
    "prepare": "GET READY",
    "down": "DOWN",
    "bottom": "BOTTOM",
    "up": "UP",
    "top": "TOP",
    "hold": "HOLD",
    "open": "GO",
    "switch": "SWITCH",
    "rest": "REST",
}
# Segments that are the work of a set (one side of it), as opposed to the pauses between.
WORK_KINDS: frozenset[SegmentKind] = frozenset({*TEMPO_KINDS, "hold", "open"})


class Segment(Struct, frozen=True):
    """One stretch of the workout. ``duration`` is None for an open segment (ends on "done").

    ``exercise`` is the index of the exercise in the workout; ``set`` and ``rep`` count
    from 1. A rest or switch belongs to the set it follows.
    """

    kind: SegmentKind
    start: int
    duration: int | None
    exercise: int | None = None
    set: int | None = None
    side: Side | None = None
    rep: int | None = None
    # A paced "max" set (open, with a tempo): one rep's phases, repeated until "done".
    pace: tuple[tuple[SegmentKind, int], ...] = ()

    @property
    def rep_seconds(self) -> int:
        """Seconds of one paced rep (0: not paced)."""
        return sum(seconds for _, seconds in self.pace)

    @property
    def end(self) -> int:
        return self.start + (self.duration or 0)


class Step(Struct, frozen=True):
    """What a person sees as one step: one side of one set, or a prepare, switch or rest.

    Covers ``segments[first:last]`` of its timeline.
    """

    first: int
    last: int


class Timeline(Struct, frozen=True):
    """The segments of one workout with its totals."""

    workout: Workout
    segments: tuple[Segment, ...]
    total_seconds: int
    has_open: bool

    def exercise_of(self, segment: Segment) -> Exercise | None:
        return None if segment.exercise is None else self.workout.exercises[segment.exercise]

    def next_work(self, index: int) -> Segment | None:
        """The first segment of work after segment ``index`` (what a rest leads to)."""
        for segment in self.segments[index + 1 :]:
            if segment.kind in WORK_KINDS:
                return segment
        return None

    def steps(self) -> Iterator[Step]:
        """Group segments into steps: consecutive work segments of the same set and side
        form one step; every prepare, switch and rest is a step of its own."""
        first = 0
        for index in range(1, len(self.segments) + 1):
            if index == len(self.segments) or not _same_step(
                self.segments[index - 1], self.segments[index]
            ):
                yield Step(first, index)
                first = index


def _same_step(before: Segment, after: Segment) -> bool:
    return (
        before.kind in WORK_KINDS
        and after.kind in WORK_KINDS
        and (before.exercise, before.set, before.side) == (after.exercise, after.set, after.side)
    )


def build_timeline(workout: Workout, defaults: Defaults) -> Timeline:
    """Lay out ``workout`` as segments, following the timeline rules to the letter."""
    builder = _Builder()
    builder.add("prepare", defaults.prepare)
    last = len(workout.exercises) - 1
    for index, exercise in enumerate(workout.exercises):
        for set_number in range(1, exercise.sets + 1):
            sides: tuple[Side | None, ...] = ("left", "right") if exercise.per_side else (None,)
            for side in sides:
                if side == "right":
                    builder.add("switch", defaults.switch, index, set_number)
                _add_work(builder, exercise, defaults, index, set_number, side)
            builder.add(
                "rest",
                rest_after_set(exercise, defaults, set_number, index == last),
                index,
                set_number,
            )
    return Timeline(
        workout=workout,
        segments=tuple(builder.segments),
        total_seconds=builder.clock,
        has_open=builder.has_open,
    )


def _add_work(
    builder: _Builder,
    exercise: Exercise,
    defaults: Defaults,
    index: int,
    set_number: int,
    side: Side | None,
) -> None:
    if exercise.hold is not None:
        builder.add("hold", exercise.hold, index, set_number, side)
        return
    tempo = parse_tempo(exercise.tempo or defaults.tempo)
    if exercise.reps == "max" and not tempo.free:
        phases = tuple(zip(TEMPO_KINDS, tempo.seconds(defaults.explosive), strict=True))
        # As many as you can, each rep paced like any other: open-ended, ended by "done".
        builder.add_open(index, set_number, side, tuple((k, s) for k, s in phases if s > 0))
        return
    if exercise.reps == "max" or tempo.free or exercise.reps is None:
        builder.add_open(index, set_number, side)
        return
    phases = tuple(zip(TEMPO_KINDS, tempo.seconds(defaults.explosive), strict=True))
    for rep in range(1, exercise.reps + 1):
        for kind, seconds in phases:
            builder.add(kind, seconds, index, set_number, side, rep)


class _Builder:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.clock = 0
        self.has_open = False

    def add(
        self,
        kind: SegmentKind,
        seconds: int,
        exercise: int | None = None,
        set_number: int | None = None,
        side: Side | None = None,
        rep: int | None = None,
    ) -> None:
        if seconds <= 0:
            return  # a zero-length segment is left out
        self.segments.append(Segment(kind, self.clock, seconds, exercise, set_number, side, rep))
        self.clock += seconds

    def add_open(
        self,
        exercise: int,
        set_number: int,
        side: Side | None,
        pace: tuple[tuple[SegmentKind, int], ...] = (),
    ) -> None:
        segment = Segment("open", self.clock, None, exercise, set_number, side, pace=pace)
        self.segments.append(segment)
        self.has_open = True


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """One workout as ``pushtimer show --json`` prints it (docs/plan-format.md, "The timeline")."""
    names = [exercise.name for exercise in timeline.workout.exercises]
    return {
        "name": timeline.workout.name,
        "day": timeline.workout.day,
        "total_seconds": timeline.total_seconds,
        "has_open": timeline.has_open,
        "segments": [
            {
                "kind": s.kind,
                "start": s.start,
                "duration": s.duration,
                "exercise": None if s.exercise is None else names[s.exercise],
                "set": s.set,
                "side": s.side,
                "rep": s.rep,
            }
            for s in timeline.segments
        ],
    }
