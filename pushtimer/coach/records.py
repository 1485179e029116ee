"""Records per exercise of a plan, by their names across the whole history: most reps in a
set, the best "max" set, the longest hold and most reps in one session; and the ones a
session beats. (The same name in two plans is two exercises, as in ``pushtimer progress``:
a quick set of 30 is no record of a plan's sets of 12.)

A record is of a movement, so within one plan a name is one record: the plan's workouts
share it, and so do two exercises of one name in a workout (a ladder of "Push" 2 reps,
then "Push" 1 rep holds "most reps in a set: 2" and "most reps in a session: 3"), though
each of those has a target of its own (coach/targets.py).

Records count what each set ended with: its final run. A run cut short by going back
(``b``) counts for the reps done, in the summary and the history, but not for records,
so a set of 7 gone back to after 2 reps is 7 in a set and 7 towards the session, not 9.
Only sessions that count (something done) hold records. "Most reps in a set" is of the
sets with a target; a "max" set has its own record.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from pushtimer.history.recorder import set_row
from pushtimer.history.store import SessionRow, SetRow
from pushtimer.plan.durations import format_span
from pushtimer.session.events import SetEnded
from pushtimer.session.tally import held_counted, last_runs

KINDS = ("set", "max", "hold", "session")
TITLES = {
    "set": "most reps in a set",
    "max": "best max set",
    "hold": "longest hold",
    "session": "most reps in a session",
}


class Records(Struct, frozen=True):
    """The records of one exercise; None where it has none of that kind."""

    set: int | None = None
    max: int | None = None
    hold: int | None = None  # whole seconds
    session: int | None = None

    def get(self, kind: str) -> int | None:
        value: int | None = getattr(self, kind)
        return value

    def lines(self) -> list[str]:
        """``most reps in a set: 14`` for each record held."""
        return [
            f"{TITLES[kind]}: {shown(kind, value)}"
            for kind in KINDS
            if (value := self.get(kind)) is not None
        ]


def shown(kind: str, value: int) -> str:
    """``14``, or ``1m5s`` for a hold."""
    return format_span(value) if kind == "hold" else str(value)


def final_runs(sets: Iterable[SetRow]) -> list[SetRow]:
    """What each set side of a session ended with: its last run. Sets are told apart by
    their exercise's place too, since two exercises of one name both have a set 1."""
    return last_runs(sets, lambda s: (s.exercise_index, s.set_number, s.side))


def of_sets(sets: Iterable[SetRow]) -> Records:
    """The figures of one session's sets of one exercise, by each set's final run."""
    runs = final_runs(sets)
    reps = [s.reps_done for s in runs if s.reps_done]
    with_target = [s.reps_done for s in runs if s.reps_done and s.reps_target != "max"]
    tests = [s.reps_done for s in runs if s.reps_done and s.reps_target == "max"]
    held = [int(h) for s in runs if (h := held_counted(s.outcome, s.held_seconds) or 0) >= 1]
    return Records(
        set=max(with_target, default=None),
        max=max(tests, default=None),
        hold=max(held, default=None),
        session=sum(reps) or None,
    )


def best_of(many: Iterable[Records]) -> Records:
    """The best of each kind."""
    best: dict[str, int] = {}
    for one in many:
        for kind in KINDS:
            value = one.get(kind)
            if value is not None:
                best[kind] = max(best.get(kind, value), value)
    return Records(**best)


def records(rows: list[SessionRow], plan: str, name: str, leave_out: int | None = None) -> Records:
    """The records of exercise ``name`` of plan ``plan`` in the sessions that count (but
    ``leave_out``)."""
    return best_of(
        of_sets([s for s in row.sets if s.exercise == name])
        for row in rows
        if not row.empty and row.id != leave_out and row.plan_name == plan
    )


FIRST_MAX = "first max set"


def new_records(
    ended: Iterable[SetEnded], rows: list[SessionRow], session_id: int | None, plan: str
) -> dict[str, list[str]]:
    """For each exercise of a session (its sets as they ended) the records it beat:
    ``most reps in a set 14 (was 13)``; a first "max" set is ``first max set``. A first
    time at anything else is no record yet."""
    by_name: dict[str, list[SetRow]] = {}
    for event in ended:
        by_name.setdefault(event.name, []).append(set_row(event, ""))
    notes: dict[str, list[str]] = {}
    for name, sets in by_name.items():
        now, before = of_sets(sets), records(rows, plan, name, leave_out=session_id)
        beaten = [
            f"{TITLES[kind]} {shown(kind, value)} (was {shown(kind, old)})"
            for kind in KINDS
            if (value := now.get(kind)) is not None
            and (old := before.get(kind)) is not None
            and value > old
            and (kind != "session" or len(final_runs(sets)) > 1)  # one set: its record says it
        ]
        if beaten:
            notes[name] = beaten
        elif now.max is not None and before.max is None:
            notes[name] = [FIRST_MAX]
    return notes
