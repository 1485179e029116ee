"""Starting plain line mode from the command line: sound, the history writer, signals
and stdin's keys around a PlainSession, and the last lines once it has ended."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, NoReturn

from pushtimer.audio import ring_terminal_bell, sound_maker
from pushtimer.printable import say, say_safely
from pushtimer.session.cuelog import open_cue_log
from pushtimer.session.endings import closing_notes
from pushtimer.session.options import SessionOptions
from pushtimer.startup import release_collection

if TYPE_CHECKING:
    from pushtimer.coach.targets import Coaching
    from pushtimer.history.store import SessionRow


def run_plain(
    coaching: Coaching,
    index: int,
    options: SessionOptions,
    count_in: float,
    rows: list[SessionRow],
) -> NoReturn:
    """Run workout ``index`` of the plan (at the targets in effect) in plain line mode
    until it ends, say the records it set and the targets for next time, then exit with
    its status. ``rows``: the history before it, newest first."""
    from pushtimer.coach.next_step import closing_words
    from pushtimer.history.recorder import SessionRecorder
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.plain.session import PlainSession
    from pushtimer.plain.terminal import SignalStop, StdinWaiter, stop_on_signals, terminal_keys
    from pushtimer.session.clock import MonotonicClock
    from pushtimer.session.live import LiveSession

    release_collection()  # held by the console script for the start (pushtimer/startup.py)
    plan, source = coaching.applied, coaching.plan_file
    marks = coaching.marks(index)
    clock = MonotonicClock()
    signals = SignalStop()
    with ExitStack() as stack:
        stack.enter_context(stop_on_signals(signals))
        log = open_cue_log(stack, options.cue_log)
        player = sound_maker(options.sound, options.voice)(ring_terminal_bell)
        for notice in player.notices:
            say(notice)
        player.start()
        stack.callback(player.close)
        waiter = StdinWaiter(clock)
        stack.callback(waiter.close)
        if options.not_kept:
            say(f"Not kept: {options.not_kept}")
            writer = None
        else:
            writer = HistoryWriter(options.data_dir)
        listeners = [SessionRecorder(writer, plan, source, index)] if writer else []
        session = LiveSession(
            plan, index, clock, log, listeners=listeners, sound=player.cue, count_in=count_in
        )
        problem = (lambda: writer.problem) if writer else (lambda: None)
        plain = PlainSession(session, sys.stdout, waiter, signals, problem, marks)
        stack.enter_context(terminal_keys(plain.note_suspend, plain.note_resume))
        code = plain.run()
        if writer is not None:  # an unrecorded session is compared with nothing
            said = closing_words(coaching, session, rows, None)
            for line in said.records:
                say_safely(line)
            if said.steps:
                say_safely("Next time:")
            for step in said.steps:
                say_safely(f"  {step}")
        # Still under the signal handlers: a second signal waits.
        note = writer.close() if writer else None
    passed_over = writer.passed_over if writer else ()
    for line in closing_notes(note, passed_over, log.problem if log else None):
        say_safely(line, err=True)
    sys.exit(code)
