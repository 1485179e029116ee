"""Reading the history for the commands that only read it, and the targets in effect
(pushtimer/coach) that ``show``, ``plans``, ``validate`` and a session's start share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pushtimer.cli.common import history_errors
from pushtimer.printable import say

if TYPE_CHECKING:
    from pushtimer.coach.targets import Coaching
    from pushtimer.history.store import SessionRow
    from pushtimer.plan.model import Plan


def history_rows(folder: Path) -> list[SessionRow]:
    """Every session in the history of ``folder``, newest first (none when it has no
    history yet: reading never creates one). A history that cannot be read ends the
    command with its one line."""
    from pushtimer.history.location import DB_NAME
    from pushtimer.history.store import HistoryStore

    if not (folder / DB_NAME).exists():
        return []
    with history_errors():
        store = HistoryStore(folder)
        try:
            return store.sessions()
        finally:
            store.close()


def coached(plan: Plan, source: str, folder: Path) -> tuple[Plan, Coaching | None]:
    """``plan`` with the targets in effect from the history in ``folder``, and those
    targets; None when there are none to work out (the plan does not progress, or there is
    no history yet: its own values are the targets). When the history cannot be read, the
    plan's own values are used and stderr says why."""
    from pushtimer.history.location import DB_NAME
    from pushtimer.plan.amounts import progresses

    if not progresses(plan) or not (folder / DB_NAME).exists():
        return plan, None  # (and SQLite is never loaded: `validate` stays quick)
    from pushtimer.coach.targets import coach
    from pushtimer.history.errors import HistoryError
    from pushtimer.history.store import HistoryStore

    try:
        store = HistoryStore(folder)
        try:
            rows = store.sessions()
        finally:
            store.close()
    except HistoryError as error:
        say(f"{error.short or error}; targets as planned", err=True)
        return plan, None
    coaching = coach(plan, rows, source)
    return coaching.applied, coaching
