"""Reading the history for the commands that only read it, and the targets in effect
(pushtimer/coach) that ``show``, ``plans``, ``validate`` and a session's start share."""

from __future__ import annotations

from collections.abc import Callable
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
    with history_errors():
        return _read(folder) or []


def quiet_rows(folder: Path) -> list[SessionRow] | None:
    """Every session in the history of ``folder``, newest first; None when there is no
    history yet (SQLite is then never loaded: `validate` stays quick) or it cannot be read
    (stderr says why: the plans' own values are used)."""
    from pushtimer.history.errors import HistoryError

    try:
        return _read(folder)
    except HistoryError as error:
        say(f"{error.short or error}; targets as planned", err=True)
        return None


def _read(folder: Path) -> list[SessionRow] | None:
    """The sessions of the history in ``folder``, or None when there is none (known from
    the file name alone). Raises HistoryError."""
    from pushtimer.history.location import DB_NAME

    if not (folder / DB_NAME).exists():
        return None
    from pushtimer.history.store import HistoryStore

    store = HistoryStore(folder, read_only=True)  # (a read-only mount is read all the same)
    try:
        return store.sessions()
    finally:
        store.close()


def coached(plan: Plan, source: str, rows: list[SessionRow] | None) -> tuple[Plan, Coaching | None]:
    """``plan`` with the targets in effect from ``rows`` (the history), and those targets;
    None when there are none to work out (the plan does not progress, or there is no
    history: its own values are the targets)."""
    from pushtimer.plan.amounts import progresses

    if rows is None or not progresses(plan):
        return plan, None
    from pushtimer.coach.targets import coach

    coaching = coach(plan, rows, source)
    return coaching.applied, coaching


def history_of(plan: Plan, read: Callable[[], list[SessionRow] | None]) -> list[SessionRow] | None:
    """The history from ``read`` (``quiet_rows`` of a folder), called only when ``plan``
    progresses."""
    from pushtimer.plan.amounts import progresses

    return read() if progresses(plan) else None
