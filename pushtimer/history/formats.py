"""The history in other apps' formats: Strong's CSV and openweight's WorkoutLog JSON
(docs/usage.md, "Moving to other apps").

Both keep what was done: each set's last run (a set gone back to counts once, as the
summary counts it), sets done or partial only (a skipped set did not happen), sessions
oldest first. Each set's tempo is the one the history kept (for sets from before it kept
tempos, the plan's). The planned rest comes from the plan file when it still loads and
still has that workout and exercise; otherwise it is left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pushtimer.history.report import FORMULA_STARTS, instant, status
from pushtimer.history.store import SessionRow, SetRow
from pushtimer.plan.length import paced_tempo, rest_after_set
from pushtimer.plan.model import Exercise, Plan
from pushtimer.printable import printable
from pushtimer.session.tally import held_counted, last_runs

# Strong's export, column for column (the header most workout trackers import).
STRONG_COLUMNS = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
OPENWEIGHT_NAME_MAX = 200  # the schema's maxLength for a workout's and an exercise's name
OPENWEIGHT_TEMPO_MAX = 9  # a phase is one character there: 0-9 or X

PlanLoader = Callable[[str], Plan | None]  # a plan file as it is now, or None


def no_plans(_plan_file: str) -> Plan | None:
    """A loader that finds no plan: the exports then hold the history alone."""
    return None


def _remembered(load: PlanLoader) -> PlanLoader:
    """``load`` asked once per plan file."""
    found: dict[str, Plan | None] = {}

    def cached(plan_file: str) -> Plan | None:
        if plan_file not in found:
            found[plan_file] = load(plan_file)
        return found[plan_file]

    return cached


def kept_sets(row: SessionRow) -> list[SetRow]:
    """The sets (sides) of a session that were done or partial, by each one's last run,
    in the workout's order."""
    runs = last_runs(row.sets, lambda s: (s.exercise_index, s.set_number, s.side))
    kept = [s for s in runs if s.outcome != "skipped"]
    return sorted(kept, key=lambda s: (s.exercise_index, s.set_number, s.side == "right"))


def session_name(row: SessionRow) -> str:
    """``Plan - Workout``, or the one name when both are the same (a quick set)."""
    if row.workout_name == row.plan_name or not row.workout_name:
        return row.plan_name
    return f"{row.plan_name} - {row.workout_name}"


def session_seconds(row: SessionRow) -> float:
    """How long a session lasted: as recorded, or for one that never ended, until its
    last set ended."""
    if row.seconds is not None:
        return max(0.0, row.seconds)
    start = instant(row)
    ends = []
    for done in row.sets:
        try:
            ends.append((datetime.fromisoformat(done.done_at) - start).total_seconds())
        except (ValueError, TypeError):  # (a stamp without offset beside one with)
            continue
    return max([0.0, *ends])


def strong_duration(seconds: float) -> str:
    """A workout's length as Strong writes it: ``1h 5m``, ``1h 0m``, ``12m``, ``0m``
    (to the nearest minute)."""
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def planned_exercise(
    row: SessionRow, done: SetRow, plan: Plan | None
) -> tuple[Exercise, bool] | None:
    """The plan's exercise a set was of, and whether it is the workout's last: when the
    plan still has that workout (by name) and that exercise (by place and name)."""
    if plan is None:
        return None
    workouts = plan.workouts
    index = row.workout_index
    if not (0 <= index < len(workouts) and workouts[index].name == row.workout_name):
        names = [w.name for w in workouts]
        if row.workout_name not in names:
            return None
        index = names.index(row.workout_name)
    workout = workouts[index]
    exercises = workout.exercises
    if not 0 <= done.exercise_index < len(exercises):
        return None
    exercise = exercises[done.exercise_index]
    if exercise.name != done.exercise:
        return None
    return exercise, done.exercise_index == len(exercises) - 1


def set_tempo(done: SetRow, planned: tuple[Exercise, bool] | None, plan: Plan | None) -> str | None:
    """A set of reps' tempo, dashed (``3-1-X-0``): as the history kept it; for a set from
    before it kept tempos, the plan's. None for a hold, a free tempo, or no plan to say."""
    if done.hold_seconds is not None or done.tempo == "free":
        return None
    if done.tempo is not None:
        return done.tempo
    if planned is None or plan is None:
        return None
    try:
        tempo = paced_tempo(planned[0], plan.defaults)
    except ValueError:
        return None
    return None if tempo == "free" else tempo


def _held(done: SetRow) -> int | None:
    """Whole seconds a hold was held; None for a set of reps."""
    if done.hold_seconds is None and done.held_seconds is None:
        return None
    held = held_counted(done.outcome, done.held_seconds)
    return round(held if held is not None else done.seconds)


def _cell(text: str) -> str:
    """Text as a CSV cell on one line that a spreadsheet shows as text, never runs as a
    formula (as ``pushtimer history --csv`` does)."""
    shown = printable(text)
    return "'" + shown if shown.startswith(FORMULA_STARTS) else shown


def strong_csv(rows: list[SessionRow], load: PlanLoader = no_plans) -> str:
    """Strong's CSV: one row per set (side) done or partial, oldest session first, under
    the header ``STRONG_COLUMNS``. ``rows`` newest first, as the history gives them."""
    load = _remembered(load)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_COLUMNS)
    for row in reversed(rows):
        plan = load(row.plan_file)
        date = datetime.fromisoformat(row.started).strftime("%Y-%m-%d %H:%M:%S")
        duration = strong_duration(session_seconds(row))
        workout_notes = status(row) + (f" ({row.stop_reason})" if row.stop_reason else "")
        order: dict[int, int] = {}
        for done in kept_sets(row):
            order[done.exercise_index] = order.get(done.exercise_index, 0) + 1
            held = _held(done)
            notes: list[str] = [done.outcome]
            if done.side:
                notes.append(f"{done.side} side")
            if done.reps_target == "max":
                notes.append("max set")
            tempo = set_tempo(done, planned_exercise(row, done, plan), plan)
            if tempo:
                notes.append(f"tempo {tempo}")
            writer.writerow(
                (
                    date,
                    _cell(session_name(row)),
                    duration,
                    _cell(done.exercise),
                    order[done.exercise_index],
                    0,
                    done.reps_done or 0,
                    0,
                    0 if held is None else held,
                    _cell(", ".join(notes)),
                    _cell(workout_notes),
                    "",
                )
            )
    return out.getvalue()


def _openweight_tempo(tempo: str | None) -> str | None:
    """A dashed tempo as openweight writes one (each phase 0-9 or X), or None."""
    if tempo is None:
        return None
    phases = tempo.split("-")
    if len(phases) != 4 or any(p != "X" and int(p) > OPENWEIGHT_TEMPO_MAX for p in phases):
        return None
    return tempo


def _openweight_set(row: SessionRow, done: SetRow, plan: Plan | None) -> dict[str, Any]:
    """One set (side) as an openweight SetLog."""
    planned = planned_exercise(row, done, plan)
    found: dict[str, Any] = {}
    held = _held(done)
    if held is not None:
        found["durationSeconds"] = max(0, held)
    else:
        found["reps"] = max(0, done.reps_done or 0)
        if done.reps_target == "max":
            found["type"] = "amrap"
        elif done.reps_target is not None and done.reps_target.isdigit():
            found["targetReps"] = int(done.reps_target)
    tempo = _openweight_tempo(set_tempo(done, planned, plan))
    if tempo is not None:
        found["tempo"] = tempo
    if planned is not None and plan is not None and done.side != "left":
        exercise, last = planned
        found["restSeconds"] = rest_after_set(exercise, plan.defaults, done.set_number, last)
    notes = [f"{done.side} side"] if done.side else []
    if done.outcome == "partial":
        notes.append("partial: ended early")
    if notes:
        found["notes"] = ", ".join(notes)
    return found


def openweight_log(row: SessionRow, plan: Plan | None = None) -> dict[str, Any] | None:
    """A session as an openweight WorkoutLog; None for an empty one (openweight wants at
    least one exercise of at least one set)."""
    exercises: list[dict[str, Any]] = []
    last_index: int | None = None
    for done in kept_sets(row):
        if done.exercise_index != last_index:
            name = done.exercise[:OPENWEIGHT_NAME_MAX] or "Exercise"
            exercises.append({"exercise": {"name": name, "equipment": "bodyweight"}, "sets": []})
            last_index = done.exercise_index
        exercises[-1]["sets"].append(_openweight_set(row, done, plan))
    if not exercises:
        return None
    log: dict[str, Any] = {
        "date": instant(row).isoformat(),
        "name": session_name(row)[:OPENWEIGHT_NAME_MAX],
        "durationSeconds": round(session_seconds(row)),
        "exercises": exercises,
    }
    if row.completed is not True:
        log["notes"] = status(row) + (f" ({row.stop_reason})" if row.stop_reason else "")
    return log


def openweight_logs(rows: list[SessionRow], load: PlanLoader = no_plans) -> list[dict[str, Any]]:
    """Every session that is not empty as an openweight WorkoutLog, oldest first.
    ``rows`` newest first, as the history gives them."""
    load = _remembered(load)
    logs = (openweight_log(row, load(row.plan_file)) for row in reversed(rows))
    return [log for log in logs if log is not None]
