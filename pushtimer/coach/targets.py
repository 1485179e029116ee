"""The target in effect for every exercise that progresses, from the plan and the history
of that plan file (docs/plan-format.md, "Progress").

The past sessions of the plan are walked oldest first, skipping empty ones (nothing done)
unless they were stopped because something hurt.
For each session where the exercise appeared, the target then in effect is judged:

- every planned set (both sides of a per-side set) *done* at the target: **met**, and the
  target rises by ``add``, up to ``up_to``;
- otherwise **missed**; two misses in a row lower it by ``add`` (and start the count again);
- stopped because something hurt while the exercise was the last one worked on: **pain**,
  lowered by ``add`` at once;

and it is never lowered below where it started: the plan's value, or, with ``from_max``,
that share of the latest test (the best "max" set of a session with one, of the exercise
of the same name in the plan), which starts it again after every test.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Literal

from msgspec import Struct

from pushtimer.history.store import SessionRow, SetRow
from pushtimer.plan.amounts import Place, ceiling, progresses, with_amounts
from pushtimer.plan.durations import format_span
from pushtimer.plan.model import Exercise, Plan, Workout
from pushtimer.session.tally import last_runs

Result = Literal["met", "missed", "pain", "test"]
Unit = Literal["reps", "seconds"]


class Step(Struct, frozen=True):
    """What one session did to a target: the target it was judged at, how it went, the
    target after it, and the best set (reps, or seconds held)."""

    started: str
    target: int
    result: Result
    after: int
    best: float


class Target(Struct, frozen=True):
    """The target in effect for one exercise, and why."""

    workout: int
    exercise: int
    name: str
    sets: int
    unit: Unit
    planned: int  # the plan's own reps or hold seconds
    value: int  # the target in effect
    ceiling: int  # up_to, or the format's bound
    add: int
    then: str | None
    from_max: float | None
    steps: tuple[Step, ...]  # every session that moved or judged it, oldest first

    @property
    def changed(self) -> bool:
        return self.value != self.planned

    @property
    def at_ceiling(self) -> bool:
        return self.value >= self.ceiling

    @property
    def topped(self) -> bool:
        """The last session met the target at the ceiling: time for ``then``."""
        last = self.steps[-1] if self.steps else None
        return last is not None and last.result == "met" and last.target >= self.ceiling

    def amount(self, value: int | None = None) -> str:
        """``13 reps``, ``25s``."""
        number = self.value if value is None else value
        if self.unit == "seconds":
            return format_span(number)
        return f"{number} rep" if number == 1 else f"{number} reps"

    def short(self, value: int | None = None) -> str:
        """``4x13``, ``2x25s``: the sets at a target (the one in effect by default)."""
        number = self.value if value is None else value
        return f"{self.sets}x{format_span(number) if self.unit == 'seconds' else number}"

    @property
    def mark(self) -> str:
        """``(+1)``, ``(-2)``, ``(+5s)``; empty when the target is the plan's."""
        change = self.value - self.planned
        if not change:
            return ""
        sign = "+" if change > 0 else "-"
        size = format_span(abs(change)) if self.unit == "seconds" else str(abs(change))
        return f"({sign}{size})"

    @property
    def arrow(self) -> str:
        """``12 -> 13 reps`` where the target differs from the plan, else ``12 reps``."""
        if not self.changed:
            return self.amount()
        if self.unit == "seconds":
            return f"{format_span(self.planned)} -> {format_span(self.value)}"
        return f"{self.planned} -> {self.amount()}"

    @property
    def why(self) -> str:
        """Why the target is what it is, in one line."""
        if not self.steps:
            if self.from_max is not None:
                return "as planned until your first test"
            return "as planned: no session with it yet"
        last = self.steps[-1]
        day = last.started[:10]
        if last.result == "test":
            return f"from your test on {day} (best set {round(last.best)})"
        if last.result == "pain":
            return f"stopped because it hurt on {day}: back to {self.amount(last.after)}"
        if last.result == "met":
            if self.topped:
                then = f": time for {self.then}" if self.then else ""
                return f"met {self.amount(last.target)} on {day}, at the ceiling{then}"
            return f"met {self.amount(last.target)} on {day}: up to {self.amount(last.after)}"
        if last.after < last.target:
            return f"missed {self.amount(last.target)} twice in a row: back to {self.amount()}"
        if _misses(self.steps) % 2:  # a lowering (or the floor) starts the count again
            return f"missed {self.amount(last.target)} on {day}: the same again"
        return f"missed {self.amount(last.target)} twice in a row, but it stays where it started"


class Coaching(Struct, frozen=True):
    """A plan as written, the file it came from, and the targets of its exercises that
    progress, by (workout, exercise) from 0."""

    plan: Plan
    plan_file: str
    targets: dict[Place, Target]
    history: tuple[SessionRow, ...] = ()  # the plan's sessions that count, newest first

    def of(self, workout: int, exercise: int) -> Target | None:
        return self.targets.get((workout, exercise))

    def marks(self, workout: int) -> dict[int, str]:
        """By exercise of ``workout``, each target that moved from the plan's, as the
        workout screen and plain mode mark it: ``12 -> 13 reps``."""
        return {e: t.arrow for (w, e), t in self.targets.items() if w == workout and t.changed}

    @property
    def applied(self) -> Plan:
        """The plan with every target in effect in place of its own value."""
        changed = {place: t.value for place, t in self.targets.items() if t.changed}
        return with_amounts(self.plan, changed)

    def after(self, row: SessionRow) -> Coaching:
        """The targets once ``row`` (a session just ended) is in the history too."""
        return coach(self.plan, [row, *self.history], self.plan_file)


def coach(plan: Plan, rows: list[SessionRow], plan_file: str) -> Coaching:
    """The targets of ``plan``'s exercises that progress, from ``rows`` (the history,
    newest first, as the store gives it) of the plan at ``plan_file``."""
    if not progresses(plan):
        return Coaching(plan, plan_file, {})
    mine = [row for row in reversed(rows) if _counts(row) and same_plan(row, plan, plan_file)]
    targets = {}
    for w, workout in enumerate(plan.workouts):
        for e, exercise in enumerate(workout.exercises):
            if exercise.progress is not None and exercise.amount is not None:
                targets[w, e] = _walk(plan, w, e, mine)
    return Coaching(plan, plan_file, targets, tuple(reversed(mine)))


def _counts(row: SessionRow) -> bool:
    """A session that judges targets: something was done in it, or it was stopped because
    something hurt (even on the first rep: that is never an accident)."""
    return not row.empty or (row.stop_reason == "pain" and bool(row.sets))


def same_plan(row: SessionRow, plan: Plan, plan_file: str) -> bool:
    """A session of this plan file: recorded from it, or from a file of the same name
    holding a plan of the same name (moved, or pushtimer installed elsewhere)."""
    if row.plan_file == plan_file:
        return True
    return row.plan_name == plan.name and PurePath(row.plan_file).name == PurePath(plan_file).name


def _walk(plan: Plan, w: int, e: int, rows: list[SessionRow]) -> Target:
    workout = plan.workouts[w]
    exercise = workout.exercises[e]
    progress = exercise.progress
    assert progress is not None and exercise.amount is not None
    top = ceiling(exercise)
    floor = target = exercise.amount
    misses = 0
    steps: list[Step] = []
    for row in rows:
        if progress.from_max is not None:
            test = _test(row, exercise.name)
            if test is not None:
                floor = target = min(top, max(1, int(progress.from_max * test + 0.5)))
                misses = 0
                steps.append(Step(row.started, target, "test", target, test))
        if not _is_workout(row, plan, workout, w):
            continue
        sets = [s for s in row.sets if s.exercise == exercise.name]
        if not sets:
            continue
        before = target
        best = max(_done(s) for s in sets)
        if row.stop_reason == "pain" and row.sets[-1].exercise == exercise.name:
            result: Result = "pain"
            target, misses = max(floor, target - progress.add), 0
        elif _met(sets, exercise, target):
            result, misses = "met", 0
            target = min(top, target + progress.add)
        else:
            result, misses = "missed", misses + 1
            if misses == 2:
                target, misses = max(floor, target - progress.add), 0
        steps.append(Step(row.started, before, result, target, best))
    return Target(
        workout=w,
        exercise=e,
        name=exercise.name,
        sets=exercise.sets,
        unit="seconds" if exercise.hold is not None else "reps",
        planned=exercise.amount,
        value=target,
        ceiling=top,
        add=progress.add,
        then=progress.then,
        from_max=progress.from_max,
        steps=tuple(steps),
    )


def _is_workout(row: SessionRow, plan: Plan, workout: Workout, index: int) -> bool:
    """The session was of this workout: by its name, or by its place when the plan has
    no workout of the recorded name any more (renamed)."""
    if row.workout_name == workout.name:
        return True
    return row.workout_index == index and all(w.name != row.workout_name for w in plan.workouts)


def _test(row: SessionRow, name: str) -> int | None:
    """The best "max" set of ``name`` done in this session, if it had one."""
    folded = name.casefold()
    counts = [
        s.reps_done
        for s in row.sets
        if s.reps_target == "max"
        and s.exercise.casefold() == folded
        and s.outcome == "done"
        and s.reps_done
    ]
    return max(counts, default=None)


def _done(row: SetRow) -> float:
    """Reps done in a set, or seconds held."""
    if row.hold_seconds is not None:
        return row.held_seconds or 0.0
    return float(row.reps_done or 0)


def _met(sets: list[SetRow], exercise: Exercise, target: int) -> bool:
    """Every planned set (each side) done, at ``target`` or better, by its last run."""
    runs = last_runs(sets, lambda s: (s.set_number, s.side))
    needed = exercise.sets * (2 if exercise.per_side else 1)
    return len(runs) >= needed and all(
        s.outcome == "done" and _done(s) >= target - 0.001 for s in runs
    )


def _misses(steps: Iterable[Step]) -> int:
    """Misses in a row at the end of ``steps``."""
    count = 0
    for step in reversed(tuple(steps)):
        if step.result != "missed":
            break
        count += 1
    return count
