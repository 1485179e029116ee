"""How a session ends, in words and numbers both front ends use (docs/architecture.md,
"One session flow"): the exit status a signal asks for and the stop reason recorded for
it, the line while history writes wait, and the lines said on stderr once it is over."""

from __future__ import annotations

import signal
from collections.abc import Iterable

from pushtimer.session.events import StopReason

EXIT_INTERRUPTED = 130  # Ctrl+C or SIGINT, as shells report it
HISTORY_SAVED_AGAIN = "History: saved again; nothing was lost."


def exit_status(signum: int) -> int:
    """130 for SIGINT (Ctrl+C), 128 plus the number for another (SIGTERM 143, SIGHUP 129)."""
    return EXIT_INTERRUPTED if signum == signal.SIGINT else 128 + signum


def stop_reason(signum: int) -> StopReason:
    """What the history records for a session a signal ended."""
    return "interrupt" if signum == signal.SIGINT else "signal"


def stop_reason_for_status(code: int) -> StopReason:
    return "interrupt" if code == EXIT_INTERRUPTED else "signal"


def history_waits(problem: str) -> str:
    """While history writes wait (a locked database, a full disk): why, and that the sets
    are not lost."""
    return f"History waits: {problem}. Sets are kept here and saved when it frees."


def closing_notes(
    writer_note: str | None, passed_over: Iterable[str], log_problem: str | None
) -> list[str]:
    """The lines for stderr once a session is over: what the history writer could not do
    (and where the sets it kept went), files it passed over, a cue log it could not write."""
    lines = [] if writer_note is None else [writer_note]
    lines += list(passed_over)
    if log_problem is not None:
        lines.append(log_problem)
    return lines
