"""Sessions of a plan written into a real history file, as a session would record them:
for the coach's tests (targets, records, progress)."""

from __future__ import annotations

from pathlib import Path

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.plan.model import Plan


def record(
    folder: Path,
    plan: Plan,
    plan_file: str,
    day: int,
    reps: dict[str, list[int]],
    workout: int = 0,
    pain: bool = False,
    targets: dict[str, int | str] | None = None,
) -> None:
    """One session of ``plan``'s workout on 2026-11-``day``: for each exercise, the reps
    done in each of its sets (a hold: the seconds held), against ``targets`` (by default
    the plan's own). ``pain``: stopped because something hurt, after the last set."""
    store = HistoryStore(folder)
    chosen = plan.workouts[workout]
    started = f"2026-11-{day:02d}T07:30:00+00:00"
    session = store.start_session(
        SessionHead(plan_file, plan.name, workout, chosen.name, chosen.day, None, started)
    )
    for index, exercise in enumerate(chosen.exercises):
        target = (targets or {}).get(exercise.name, exercise.amount or "max")
        for number, done in enumerate(reps.get(exercise.name, []), start=1):
            hold = exercise.hold is not None
            full = (target == "max" and done > 0) or (isinstance(target, int) and done >= target)
            store.add_set(
                session,
                SetRow(
                    exercise_index=index,
                    exercise=exercise.name,
                    set_number=number,
                    side=None,
                    reps_target=None if hold else str(target),
                    reps_done=None if hold else done,
                    hold_seconds=target if hold and isinstance(target, int) else None,
                    seconds=30.0,
                    done_at=started,
                    outcome="done" if full else "partial" if done else "skipped",
                    held_seconds=float(done) if hold else None,
                ),
            )
    store.end_session(session, SessionEnd(not pain, 100.0, "pain" if pain else None, started))
    store.close()
