"""What a session got done, exercise by exercise: the numbers on the summary screen."""

from __future__ import annotations

from msgspec import Struct

from pushtimer.plan.durations import format_clock
from pushtimer.session.events import SetCompleted, WorkoutFinished
from pushtimer.session.timeline import Timeline


class ExerciseTally(Struct, frozen=True):
    """One exercise's completed sets, reps, seconds held (holds) and time under work."""

    name: str
    sets_done: int
    sets_planned: int
    reps: int
    hold_seconds: int
    seconds: float


class SessionTally(Struct, frozen=True):
    """Every exercise the session reached, in workout order, and the totals."""

    exercises: tuple[ExerciseTally, ...]

    @property
    def sets(self) -> int:
        return sum(e.sets_done for e in self.exercises)

    @property
    def reps(self) -> int:
        return sum(e.reps for e in self.exercises)


def tally(timeline: Timeline, completed: list[SetCompleted]) -> SessionTally:
    """Add up completed sets. A set redone after going back counts once (its last run);
    a per-side set counts as one set when its right side is done."""
    latest: dict[tuple[int, int, str | None], SetCompleted] = {}
    for done in completed:
        latest[(done.exercise, done.set, done.side)] = done
    rows = []
    for index, exercise in enumerate(timeline.workout.exercises):
        mine = [done for key, done in latest.items() if key[0] == index]
        if not mine:
            continue
        rows.append(
            ExerciseTally(
                name=exercise.name,
                sets_done=sum(1 for done in mine if done.side != "left"),
                sets_planned=exercise.sets,
                reps=sum(done.reps_done or 0 for done in mine),
                hold_seconds=sum(round(d.seconds) for d in mine if d.hold_seconds is not None),
                seconds=sum(done.seconds for done in mine),
            )
        )
    return SessionTally(tuple(rows))


def outcome(counted: SessionTally, finish: WorkoutFinished | None) -> str:
    """``Workout complete: 6 sets, 72 reps in 12:40`` or ``Stopped: ... done in 3:10``."""
    counts = f"{_count(counted.sets, 'set')}, {_count(counted.reps, 'rep')}"
    took = format_clock(finish.seconds if finish is not None else 0)
    if finish is not None and finish.completed:
        return f"Workout complete: {counts} in {took}"
    return f"Stopped: {counts} done in {took}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
