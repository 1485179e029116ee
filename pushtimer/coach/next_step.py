"""What a session did to its targets, said after it: what was met, the targets for next
time, and, at ``up_to``, the variation to move to."""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from pushtimer.coach.records import FIRST_MAX, new_records
from pushtimer.coach.targets import Coaching, Target
from pushtimer.history.recorder import set_row
from pushtimer.history.store import SessionRow
from pushtimer.history.wallclock import stamp
from pushtimer.session.events import SetEnded, WorkoutFinished
from pushtimer.session.live import LiveSession


def judged(
    coaching: Coaching, workout: int, ended: Iterable[SetEnded], finish: WorkoutFinished | None
) -> Coaching:
    """The targets once this session (workout ``workout``, its sets as they ended) is in
    the history too."""
    chosen = coaching.plan.workouts[workout]
    now = stamp()
    row = SessionRow(
        plan_file=coaching.plan_file,
        plan_name=coaching.plan.name,
        workout_index=workout,
        workout_name=chosen.name,
        workout_day=chosen.day,
        plan_days=None,
        started=now,
        id=0,
        ended=now,
        completed=finish is not None and finish.completed,
        seconds=None if finish is None else finish.seconds,
        sets=tuple(set_row(event, now) for event in ended),
        stop_reason=None if finish is None else finish.reason,
    )
    return coaching.after(row)


class Closing(Struct, frozen=True):
    """What is said after a session, beyond its figures."""

    notes: dict[str, str]  # by exercise, short: "new record", "first max set"
    records: list[str]  # "New record, Wide push-up: most reps in a set 14 (was 13)"
    steps: list[str]  # "Wide push-up: 4x13 met; next time 14 reps"


def closing_words(
    coaching: Coaching | None,
    session: LiveSession,
    rows: list[SessionRow],
    session_id: int | None,
) -> Closing:
    """After a session: the records it set, and a line for each target it judged, with
    the target for next time."""
    beaten = new_records(session.ended, rows, session_id, session.plan.name)
    notes = {
        name: FIRST_MAX if said == [FIRST_MAX] else "new record" for name, said in beaten.items()
    }
    lines = [
        f"New record, {name}: {phrase}"
        for name, said in beaten.items()
        for phrase in said
        if phrase != FIRST_MAX
    ]
    if coaching is None or not coaching.targets:
        return Closing(notes, lines, [])
    after = judged(coaching, session.workout, session.ended, session.finish)
    return Closing(notes, lines, next_steps(coaching, after, session.workout))


def next_steps(before: Coaching, after: Coaching, workout: int) -> list[str]:
    """A line for each target this session judged: ``Wide push-up: 4x13 met; next time 14
    reps``; and for each target of another workout that a test in it set: ``Push-up (Day
    3: strength sets): from this test, 4x12``."""
    lines = []
    for (w, e), old in sorted(before.targets.items()):
        new = after.of(w, e)
        if new is None or len(new.steps) == len(old.steps):
            continue
        if w == workout and new.steps[-1].result != "test":
            lines.append(f"{new.label}: {_step_line(old, new)}")
        else:
            where = before.plan.workouts[w].name
            lines.append(f"{new.label} ({where}): from this test, {new.short()}")
    return lines


def _step_line(old: Target, new: Target) -> str:
    sets = old.short()
    result = new.steps[-1].result
    if result == "pain":
        if new.value < old.value:
            return f"next time {new.amount()}, a step back (it hurt)"
        return f"next time {new.amount()} again, once it no longer hurts"
    if result == "met":
        if new.value > old.value:
            return f"{sets} met; next time {new.amount()}"
        if new.then:
            return f"{sets} met at the top of this plan: time to move on to {new.then}"
        return f"{sets} met at the top of this plan; keep it there"
    if new.value < old.value:
        return f"missed twice in a row; next time {new.amount()}"
    return f"not met this time; next time {new.amount()} again"
