"""What a session got done, exercise by exercise: the numbers on the summary screen and the
one line printed after a session (docs/architecture.md, "Outcomes").

A set redone after going back counts once, by its last run; a per-side set is ``done``
when both sides are, ``skipped`` when neither side got anything done, else ``partial``.
Reps and seconds held count every run: they were really done (and the history counts them
the same way). A skipped side did nothing, so the fraction of a second a hold ran before
it was skipped is not held (``held_counted``: the export and progress use it too). Sets
the session never reached are in the planned count only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Protocol, TypeVar

from msgspec import Struct

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.plan.model import Exercise
from pushtimer.session.events import Outcome, SetEnded, WorkoutFinished
from pushtimer.session.timeline import Timeline

Row = TypeVar("Row")


def last_runs(rows: Iterable[Row], key: Callable[[Row], Hashable]) -> list[Row]:
    """Each set side's last run, in the order those runs ended."""
    latest: dict[Hashable, Row] = {}
    for row in rows:
        latest.pop(key(row), None)
        latest[key(row)] = row
    return list(latest.values())


def held_counted(outcome: Outcome, held: float | None) -> float | None:
    """The seconds a hold side counts as held: none for a skipped side (ended in its first
    second, which the engine does not count as holding), else what it held. None for a
    side of reps."""
    if held is None:
        return None
    return 0.0 if outcome == "skipped" else held


def set_outcome(sides: list[Outcome], per_side: bool) -> Outcome:
    """One set's outcome from its sides' (a per-side set needs both sides done)."""
    if sides and all(o == "done" for o in sides) and len(sides) == (2 if per_side else 1):
        return "done"
    return "skipped" if all(o == "skipped" for o in sides) else "partial"


class SetSide(Protocol):
    """What a set side tells about itself: a side (None if the set has none) and its
    outcome. Both SetEnded and the history's SetRow are one."""

    @property
    def side(self) -> str | None: ...

    @property
    def outcome(self) -> Outcome: ...


Side_ = TypeVar("Side_", bound=SetSide)


def outcomes_by_set(runs: Iterable[Side_], set_of: Callable[[Side_], Hashable]) -> list[Outcome]:
    """Each set's outcome, from the last runs of its sides (``set_of`` names the set a side
    belongs to); a set with a side is a per-side set."""
    by_set: dict[Hashable, list[Side_]] = {}
    for run in runs:
        by_set.setdefault(set_of(run), []).append(run)
    return [
        set_outcome([s.outcome for s in sides], any(s.side for s in sides))
        for sides in by_set.values()
    ]


class Counts(Struct, frozen=True):
    """Sets by outcome, reps and seconds held, against what was planned."""

    sets_planned: int = 0
    done: int = 0
    partial: int = 0
    skipped: int = 0
    reps: int = 0
    reps_target: int | None = 0  # None when a "max" set has no target
    held: float = 0.0
    hold_target: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.sets_planned + other.sets_planned,
            self.done + other.done,
            self.partial + other.partial,
            self.skipped + other.skipped,
            self.reps + other.reps,
            None
            if self.reps_target is None or other.reps_target is None
            else self.reps_target + other.reps_target,
            self.held + other.held,
            self.hold_target + other.hold_target,
        )


class ExerciseTally(Struct, frozen=True):
    """One exercise: its counts, and the active seconds its sets took. ``occurrence``:
    how many exercises of its name come before it in the workout."""

    name: str
    counts: Counts
    seconds: float
    is_hold: bool
    occurrence: int = 0

    @property
    def label(self) -> str:
        return labelled(self.name, self.occurrence)


def labelled(name: str, occurrence: int) -> str:
    """``Push``; ``Push (2nd)`` for the second exercise of that name in a workout."""
    return f"{name} ({ordinal(occurrence + 1)})" if occurrence else name


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"


class SessionTally(Struct, frozen=True):
    """Every exercise the session reached, in workout order, and the whole workout's plan."""

    exercises: tuple[ExerciseTally, ...]
    total: Counts  # planned figures cover the whole workout, reached or not

    @property
    def sets(self) -> int:
        return self.total.done

    @property
    def reps(self) -> int:
        return self.total.reps

    @property
    def all_done(self) -> bool:
        return self.total.done == self.total.sets_planned


def planned(exercise: Exercise) -> Counts:
    """What ``exercise`` asks for, nothing done yet."""
    sides = 2 if exercise.per_side else 1
    reps = exercise.reps
    target = (reps * exercise.sets * sides if isinstance(reps, int) else None) if reps else 0
    hold = (exercise.hold or 0) * exercise.sets * sides
    return Counts(sets_planned=exercise.sets, reps_target=target, hold_target=hold)


def tally(timeline: Timeline, ended: list[SetEnded]) -> SessionTally:
    """Add up the sets that ended (see the module's docstring for the counting rules)."""
    runs = last_runs(ended, lambda e: (e.exercise, e.set, e.side))
    rows, total = [], Counts()
    for index, exercise in enumerate(timeline.workout.exercises):
        plan = planned(exercise)
        total += plan
        mine = [e for e in runs if e.exercise == index]
        if not mine:
            continue
        every_run = [e for e in ended if e.exercise == index]
        outcomes = outcomes_by_set(mine, lambda e: e.set)
        done = Counts(
            done=outcomes.count("done"),
            partial=outcomes.count("partial"),
            skipped=outcomes.count("skipped"),
            reps=sum(e.reps_done or 0 for e in every_run),
            held=sum(held_counted(e.outcome, e.held) or 0.0 for e in every_run),
        )
        total += done
        seconds = sum(e.seconds for e in every_run)
        before = sum(other.name == exercise.name for other in timeline.workout.exercises[:index])
        is_hold = exercise.hold is not None
        rows.append(ExerciseTally(exercise.name, plan + done, seconds, is_hold, before))
    return SessionTally(tuple(rows), total)


def sets_line(counts: Counts) -> str:
    """``3 of 7 sets done, 1 partial, 2 skipped; 40 of 84 reps; held 45s of 1m30s``."""
    parts = [f"{counts.done} of {_count(counts.sets_planned, 'set')} done"]
    parts += [
        f"{n} {word}" for n, word in ((counts.partial, "partial"), (counts.skipped, "skipped")) if n
    ]
    figures = []
    if counts.reps or counts.reps_target:
        figures.append(
            _count(counts.reps, "rep")
            if not counts.reps_target
            else f"{counts.reps} of {_count(counts.reps_target, 'rep')}"
        )
    if counts.hold_target:
        figures.append(
            f"held {format_span(round(counts.held))} of {format_span(counts.hold_target)}"
        )
    return "; ".join([", ".join(parts), *figures])


def headline(counted: SessionTally, finish: WorkoutFinished | None) -> str:
    """``Workout complete`` only when the end was reached with every set done; else what
    happened: ``Finished, not every set done`` or ``Stopped``."""
    if finish is not None and finish.completed:
        return "Workout complete" if counted.all_done else "Finished, not every set done"
    return "Stopped"


def outcome(counted: SessionTally, finish: WorkoutFinished | None) -> str:
    """The line printed after a session: ``Workout complete: 6 sets, 72 reps in 12:40``,
    or the headline with the sets by outcome (``Stopped: 3 of 7 sets done, 1 partial...``)."""
    took = format_clock(finish.seconds if finish is not None else 0)
    title = headline(counted, finish)
    if title == "Workout complete":
        total = counted.total
        figures = [_count(total.done, "set")]
        if total.reps:
            figures.append(_count(total.reps, "rep"))
        if total.hold_target:
            figures.append(f"held {format_span(round(total.held))}")
        return f"{title}: {', '.join(figures)} in {took}"
    return f"{title}: {sets_line(counted.total)} in {took}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
