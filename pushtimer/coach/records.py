"""Records per exercise of a plan, by their names across the whole history: most reps in a
set, the best "max" set, the longest hold and most reps in one session; and the ones a
session beats. (The same name in two plans is two exercises, as in ``pushtimer progress``:
a quick set of 30 is no record of a plan's sets of 12.)

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


def of_sets(sets: Iterable[SetRow]) -> Records:
    """The figures of one session's sets of one exercise."""
    reps = [s.reps_done for s in sets if s.reps_done]
    with_target = [s.reps_done for s in sets if s.reps_done and s.reps_target != "max"]
    tests = [s.reps_done for s in sets if s.reps_done and s.reps_target == "max"]
    held = [int(s.held_seconds) for s in sets if s.held_seconds and s.held_seconds >= 1]
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
            and (kind != "session" or len(sets) > 1)  # one set: its own record says it
        ]
        if beaten:
            notes[name] = beaten
        elif now.max is not None and before.max is None:
            notes[name] = [FIRST_MAX]
    return notes
