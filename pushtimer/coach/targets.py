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
that share of the latest test (the best "max" set of a session with one, of any
exercise of the same name in the plan, case aside), which starts it again after every
test. A session that both tests and trains the exercise is judged at the target it ran at
before its test starts the target again.

Two exercises of one name in a workout are two exercises, each with a target of its own:
the k-th "Push" of the plan's workout is matched to the sets of the k-th exercise recorded
as "Push" in a session (``sets_of``). Matching by name and occurrence, not by index, keeps
an exercise's history when another is inserted or renamed elsewhere in the workout.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import Literal

from msgspec import Struct

from pushtimer.coach.records import final_runs
from pushtimer.history.store import SessionRow, SetRow
from pushtimer.plan.amounts import Place, ceiling, progresses, with_amounts
from pushtimer.plan.durations import format_span
from pushtimer.plan.model import Exercise, Plan, Workout
from pushtimer.session.tally import held_counted, labelled

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
    occurrence: int = 0  # exercises of the same name before it in its workout

    @property
    def label(self) -> str:
        """``Push``; ``Push (2nd)`` for the second of that name in its workout."""
        return labelled(self.name, self.occurrence)

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
    nth = occurrence(workout, e)
    top = ceiling(exercise)
    floor = target = exercise.amount
    misses = 0
    steps: list[Step] = []
    for row in rows:
        # The session's own sets first: they ran at the target in effect when it started,
        # even when a test in the same session then starts the target again.
        sets = sets_of(row, exercise.name, nth) if _is_workout(row, plan, workout, w) else []
        if sets:
            before, runs = target, final_runs(sets)
            result = _result(row, runs, exercise, target)
            if result == "met":
                target, misses = min(top, target + progress.add), 0
            elif result == "pain" or misses == 1:  # a pain stop, or the second miss in a row
                target, misses = max(floor, target - progress.add), 0
            else:
                misses = 1
            steps.append(Step(row.started, before, result, target, max(map(_done, runs))))
        if progress.from_max is not None and (test := _test(row, exercise.name)) is not None:
            floor = target = min(top, max(1, int(progress.from_max * test + 0.5)))
            misses = 0
            steps.append(Step(row.started, target, "test", target, test))
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
        occurrence=nth,
    )


def occurrence(workout: Workout, index: int) -> int:
    """How many exercises of the same name come before exercise ``index`` of ``workout``:
    0 for the first "Push", 1 for the second."""
    name = workout.exercises[index].name
    return sum(1 for other in workout.exercises[:index] if other.name == name)


def sets_of(row: SessionRow, name: str, nth: int) -> list[SetRow]:
    """The sets ``row`` recorded of the ``nth`` (from 0) exercise named ``name`` in its
    workout: those of the ``nth`` exercise index recorded under that name, in workout
    order. Empty when the session did not reach it."""
    indexes = sorted({s.exercise_index for s in row.sets if s.exercise == name})
    if nth >= len(indexes):
        return []
    return [s for s in row.sets if s.exercise_index == indexes[nth] and s.exercise == name]


def _result(row: SessionRow, runs: list[SetRow], exercise: Exercise, target: int) -> Result:
    """How a session went for an exercise, from the last run of each of its set sides:
    ``pain`` when it was stopped because it hurt while this exercise was the last one
    worked on, else ``met`` or ``missed``."""
    if row.stop_reason == "pain" and row.sets[-1].exercise_index == runs[0].exercise_index:
        return "pain"
    return "met" if _met(runs, exercise, target) else "missed"


def _is_workout(row: SessionRow, plan: Plan, workout: Workout, index: int) -> bool:
    """The session was of this workout: by its name, or by its place when the plan has
    no workout of the recorded name any more (renamed)."""
    if row.workout_name == workout.name:
        return True
    return row.workout_index == index and all(w.name != row.workout_name for w in plan.workouts)


def _test(row: SessionRow, name: str) -> int | None:
    """The best "max" set done in this session of any exercise named ``name`` (case
    aside), by what each set ended with; None if it had none."""
    folded = name.casefold()
    counts = [
        s.reps_done
        for s in final_runs(row.sets)
        if s.reps_target == "max"
        and s.exercise.casefold() == folded
        and s.outcome == "done"
        and s.reps_done
    ]
    return max(counts, default=None)


def _done(row: SetRow) -> float:
    """Reps done in a set, or seconds held."""
    if row.hold_seconds is not None:
        return held_counted(row.outcome, row.held_seconds) or 0.0
    return float(row.reps_done or 0)


def _met(runs: list[SetRow], exercise: Exercise, target: int) -> bool:
    """Every planned set (each side) done, at ``target`` or better, by its last run."""
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
