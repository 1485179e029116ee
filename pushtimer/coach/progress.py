"""Progress per exercise, for ``pushtimer progress`` and the history screen's progress view:
the targets now (and why), the sessions with it, its records, and the figures to chart.

An exercise is known by its plan and its name across the whole history, as its records are
(coach/records.py): two exercises of one name in a workout are one line here, with a
target each, told apart by their place ("in Day 1, 2nd Push"). Its figure per session is
the reps done in all its sets, every run counted as the summary counts them, or for a hold
the longest hold a set ended with; a skipped hold held nothing (docs/architecture.md,
"Outcomes").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from msgspec import Struct

from pushtimer.coach.records import Records, final_runs, of_sets, records
from pushtimer.coach.targets import Coaching, Target, Unit, coach, same_plan
from pushtimer.history.report import counted
from pushtimer.history.store import SessionRow, SetRow
from pushtimer.plan.amounts import progresses
from pushtimer.plan.durations import format_span
from pushtimer.plan.model import Plan
from pushtimer.session.tally import ordinal, outcomes_by_set


class Point(Struct, frozen=True):
    """One session with the exercise in it."""

    started: str
    plan: str
    workout: str
    sets_done: int
    sets: int
    reps: int
    held: int  # the longest hold, whole seconds

    def figure(self, unit: Unit) -> int:
        return self.held if unit == "seconds" else self.reps

    def said(self, unit: Unit) -> str:
        """``4 sets done, 48 reps``; ``1 set done, held 45s``."""
        sets = f"{self.sets_done} set{'' if self.sets_done == 1 else 's'} done"
        if unit == "seconds":
            return f"{sets}, held {format_span(self.held)}"
        return f"{sets}, {self.reps} rep{'' if self.reps == 1 else 's'}"


class PlanTarget(Struct, frozen=True):
    """An exercise's target in one workout of a plan."""

    plan: str
    workout: str
    target: Target

    @property
    def where(self) -> str:
        """``Day 1``; ``Day 1, 2nd Push`` for the second exercise of its name there."""
        if not self.target.occurrence:
            return self.workout
        return f"{self.workout}, {ordinal(self.target.occurrence + 1)} {self.target.name}"


class ExerciseProgress(Struct, frozen=True):
    """What ``pushtimer progress`` says about one exercise of one plan."""

    name: str
    plan: str  # the plan's name (a quick set's is "Quick set")
    unit: Unit
    targets: tuple[PlanTarget, ...]  # one per workout it is in, of the plans that progress
    records: Records
    sessions: tuple[Point, ...]  # oldest first

    @property
    def figures(self) -> list[int]:
        return [point.figure(self.unit) for point in self.sessions]

    @property
    def heading(self) -> str:
        """``Wide push-up (Back-focused push-up week)``; a quick set's, named as its plan
        is, once: ``Quick set``."""
        return self.name if self.name == self.plan else f"{self.name} ({self.plan})"


def history_plans(rows: list[SessionRow], load: Callable[[str], Plan | None]) -> list[Coaching]:
    """The targets of each plan file in the history that still loads and progresses
    (``load`` gives None for one that does not), the plan trained last first."""
    found: list[Coaching] = []
    tried: set[str] = set()
    for row in rows:  # newest first
        if row.plan_file in tried:
            continue
        tried.add(row.plan_file)
        plan = load(row.plan_file)
        if plan is None or not progresses(plan):
            continue
        if any(same_plan(row, c.plan, c.plan_file) for c in found):
            continue  # the same plan from another place: its sessions are counted already
        found.append(coach(plan, rows, row.plan_file))
    return found


def progress_report(rows: list[SessionRow], plans: list[Coaching]) -> list[ExerciseProgress]:
    """Every exercise of every plan in the history's sessions that count, the one done
    last first. The same name in two plans is two exercises: a test day's one "max" set
    and a training day's sets of another plan are not one line of progress."""
    kept = counted(rows)
    found: list[tuple[str, str]] = []
    for row in kept:
        for s in reversed(row.sets):
            if (row.plan_name, s.exercise) not in found:
                found.append((row.plan_name, s.exercise))
    return [_exercise(name, plan, kept, plans) for plan, name in found]


def _exercise(
    name: str, plan: str, every: list[SessionRow], plans: list[Coaching]
) -> ExerciseProgress:
    rows = [row for row in every if row.plan_name == plan]
    points = []
    holds = False
    for row in reversed(rows):
        sets = [s for s in row.sets if s.exercise == name]
        if not sets:
            continue
        holds = holds or any(s.hold_seconds is not None for s in sets)
        points.append(_point(row, sets))
    targets = tuple(
        PlanTarget(coaching.plan.name, coaching.plan.workouts[target.workout].name, target)
        for coaching in plans
        if coaching.plan.name == plan
        for target in coaching.targets.values()
        if target.name == name
    )
    return ExerciseProgress(
        name=name,
        plan=plan,
        unit="seconds" if holds else "reps",
        targets=targets,
        records=records(rows, plan, name),
        sessions=tuple(points),
    )


def _point(row: SessionRow, sets: list[SetRow]) -> Point:
    outcomes = outcomes_by_set(final_runs(sets), lambda s: (s.exercise_index, s.set_number))
    return Point(
        started=row.started,
        plan=row.plan_name,
        workout=row.workout_name,
        sets_done=outcomes.count("done"),
        sets=len(outcomes),
        reps=sum(s.reps_done or 0 for s in sets),
        held=of_sets(sets).hold or 0,
    )


def find_exercises(report: list[ExerciseProgress], wanted: str) -> list[ExerciseProgress]:
    """The exercises ``wanted`` names: whole (ignoring case), else those it starts, else
    those it is part of."""
    folded = wanted.strip().casefold()
    for test in (
        lambda n: n == folded,
        lambda n: n.startswith(folded),
        lambda n: folded in n,
    ):
        found = [e for e in report if test(e.name.casefold())]
        if found:
            return found
    return []


def as_json(report: list[ExerciseProgress]) -> dict[str, Any]:
    """``pushtimer progress --json``."""
    return {
        "exercises": [
            {
                "name": e.name,
                "plan": e.plan,
                "unit": e.unit,
                "targets": [
                    {
                        "plan": where.plan,
                        "workout": where.workout,
                        "number": where.target.exercise + 1,
                        "planned": where.target.planned,
                        "target": where.target.value,
                        "up_to": where.target.ceiling,
                        "then": where.target.then,
                        "why": where.target.why,
                    }
                    for where in e.targets
                ],
                "records": {
                    "most_reps_in_a_set": e.records.set,
                    "best_max_set": e.records.max,
                    "longest_hold_seconds": e.records.hold,
                    "most_reps_in_a_session": e.records.session,
                },
                "sessions": [
                    {
                        "started": p.started,
                        "plan": p.plan,
                        "workout": p.workout,
                        "sets_done": p.sets_done,
                        "sets": p.sets,
                        "reps": None if e.unit == "seconds" else p.reps,
                        "longest_hold_seconds": p.held or None,
                    }
                    for p in e.sessions
                ],
            }
            for e in report
        ]
    }
