"""Starting a front end: the history opened for reading, then the full screen or plain
line mode. Used by the group (``pushtimer`` alone opens the picker) and by the session
commands; it imports neither, so the command modules form no circle."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from pushtimer.session.options import SessionOptions

if TYPE_CHECKING:
    from pushtimer.coach.targets import Coaching
    from pushtimer.history.store import HistoryStore, SessionRow
    from pushtimer.settings.loader import SettingsFile
    from pushtimer.ui.app import Start


def open_history(options: SessionOptions) -> tuple[HistoryStore | None, SessionOptions]:
    """The history, open for reading; or None when it cannot be used, with the options
    saying why sessions will not be kept (a workout still runs). A lock or a full disk may
    pass: sessions are then recorded as usual, their rows waiting until they can be
    written."""
    from pushtimer.history.errors import HistoryError
    from pushtimer.history.store import HistoryStore

    try:
        return HistoryStore(options.data_dir), options
    except HistoryError as error:
        if error.transient:
            return None, options
        return None, options._replace(not_kept=error.short)


def run_plain_mode(
    index: int,
    options: SessionOptions,
    count_in: float,
    coaching: Coaching,
    rows: list[SessionRow],
) -> NoReturn:
    """Plain line mode (pushtimer/plain/launch.py); ends the process."""
    from pushtimer.plain.launch import run_plain

    run_plain(coaching, index, options, count_in, rows)


def run_full_screen(
    start: Start | None, options: SessionOptions, found: SettingsFile, store: HistoryStore | None
) -> NoReturn:
    """The full screen (pushtimer/ui/launch.py); ends the process."""
    from pushtimer.ui.launch import run_full_screen as launch

    launch(start, options, found, store)
