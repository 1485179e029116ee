"""Sessions of a plan written into a real history file, as a session would record them:
for the coach's tests (targets, records, progress)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.plan.model import Exercise, Plan

Value = TypeVar("Value")
# A set's reps done (a hold: seconds held), or its runs when it was gone back to (b): an
# earlier run short of the target was cut short (partial); one at the target or more was
# done, and gone back to from the rest after it.
Done = int | tuple[int, ...]
# An exercise's name, or its index in the workout: mixed in one table, and a dict of names
# alone must do (a Mapping's keys are invariant).
Key = Any


def record(
    folder: Path,
    plan: Plan,
    plan_file: str,
    day: int,
    reps: Mapping[Key, Sequence[Done]],
    workout: int = 0,
    pain: bool = False,
    targets: Mapping[Key, int | str] | None = None,
) -> None:
    """One session of ``plan``'s workout on 2026-11-``day``: for each exercise, the reps
    done in each of its sets (a hold: the seconds held), against ``targets`` (by default
    the plan's own). Both are keyed by the exercise's name, or by its index in the workout
    (one of two exercises of one name). ``pain``: stopped because something hurt, after
    the last set."""
    store = HistoryStore(folder)
    chosen = plan.workouts[workout]
    started = f"2026-11-{day:02d}T07:30:00+00:00"
    session = store.start_session(
        SessionHead(plan_file, plan.name, workout, chosen.name, chosen.day, None, started)
    )
    for index, exercise in enumerate(chosen.exercises):
        target = _of(targets or {}, index, exercise.name, exercise.amount or "max")
        for number, done in enumerate(_of(reps, index, exercise.name, ()), start=1):
            for run in done if isinstance(done, tuple) else (done,):
                store.add_set(session, _set_row(exercise, index, number, target, run, started))
    store.end_session(session, SessionEnd(not pain, 100.0, "pain" if pain else None, started))
    store.close()


def _of(table: Mapping[Key, Value], index: int, name: str, default: Value) -> Value:
    """An exercise's entry: by its index, else by its name."""
    return table.get(index, table.get(name, default))


def _set_row(
    exercise: Exercise, index: int, number: int, target: int | str, done: int, when: str
) -> SetRow:
    hold = exercise.hold is not None
    full = (target == "max" and done > 0) or (isinstance(target, int) and done >= target)
    return SetRow(
        exercise_index=index,
        exercise=exercise.name,
        set_number=number,
        side=None,
        reps_target=None if hold else str(target),
        reps_done=None if hold else done,
        hold_seconds=target if hold and isinstance(target, int) else None,
        seconds=30.0,
        done_at=when,
        outcome="done" if full else "partial" if done else "skipped",
        held_seconds=float(done) if hold else None,
    )
