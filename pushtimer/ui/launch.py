"""Starting the full screen from the command line: the app with its history writer,
sound, settings and signal handling, and the last lines once it has closed."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, NoReturn

from pushtimer.audio import sound_maker
from pushtimer.printable import say_safely
from pushtimer.served import served
from pushtimer.session.cuelog import open_cue_log
from pushtimer.session.endings import closing_notes
from pushtimer.session.options import SessionOptions

if TYPE_CHECKING:
    from pushtimer.history.store import HistoryStore
    from pushtimer.settings.loader import SettingsFile
    from pushtimer.ui.app import Start


def run_full_screen(
    start: Start | None,
    options: SessionOptions,
    settings: SettingsFile,
    store: HistoryStore | None,
) -> NoReturn:
    """Run the app on ``start`` (None: the plan picker) until it ends, then print what the
    session did and exit with the app's status. Takes ``store`` (the history, open for
    reading; None when it cannot be read) and closes it. When ``options.not_kept`` says
    why, sessions run unrecorded, and the screen says so."""
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.settings.last_quick import last_quick, save_last_quick
    from pushtimer.ui.app import AppSettings, PushtimerApp

    values = settings.settings
    # The picker's quick-set form starts from the last quick set (else [quick]).
    quick_start = None if start else last_quick(options.data_dir, values.quick.values())
    # COLUMNS and LINES, when exported, pin the size Python reports and would hide every
    # resize from the screen; the terminal itself knows its size. (Served to a browser,
    # they are how the page tells the app its size: pushtimer/serve.)
    if not served():
        for name in ("COLUMNS", "LINES"):
            os.environ.pop(name, None)
    with ExitStack() as stack:
        if store is not None:
            stack.callback(store.close)
        log = open_cue_log(stack, options.cue_log)
        # The app starts the writer; there is none when the history cannot be used.
        writer = None if options.not_kept else HistoryWriter(options.data_dir, start=False)
        app = PushtimerApp(
            start=start,
            cue_log=log,
            sound=sound_maker(options.sound, options.voice),
            history=store,
            writer=writer,
            handle_signals=True,
            remember_quick=functools.partial(save_last_quick, options.data_dir),
            settings=AppSettings(
                count_in=values.count_in,
                reminder_every=values.reminder_every,
                big_figure=values.big_figure,
                theme=values.theme,
                plan_defaults=settings.plan_defaults(),
                quick_start=quick_start,
                not_kept=options.not_kept,
                sound_off=options.sound == "off",
            ),
        )
        app.run()
        note = writer.close() if writer is not None else None
    if app.last_session is not None:
        say_safely(app.last_session.outcome())
    passed_over = writer.passed_over if writer else ()
    for line in closing_notes(note, passed_over, log.problem if log else None):
        say_safely(line, err=True)
    code = app.return_code or 0
    if app.signalled:
        # The terminal may be gone, and Textual's input thread with it, which the
        # interpreter would wait for at exit: the history is flushed, so end now.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    sys.exit(code)
