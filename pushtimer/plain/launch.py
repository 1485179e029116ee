"""Starting plain line mode from the command line: sound, the history writer, signals
and stdin's keys around a PlainSession, and the last lines once it has ended."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, NoReturn

from pushtimer.audio import ring_terminal_bell, sound_maker
from pushtimer.printable import say, say_safely
from pushtimer.session.cuelog import open_cue_log
from pushtimer.session.options import SessionOptions
from pushtimer.startup import release_collection

if TYPE_CHECKING:
    from pushtimer.plan.model import Plan


def run_plain(
    plan: Plan, source: str, index: int, options: SessionOptions, count_in: float
) -> NoReturn:
    """Run workout ``index`` of ``plan`` in plain line mode until it ends, then exit with
    its status."""
    from pushtimer.history.recorder import SessionRecorder
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.plain.session import PlainSession
    from pushtimer.plain.terminal import SignalStop, StdinWaiter, stop_on_signals, terminal_keys
    from pushtimer.session.clock import MonotonicClock
    from pushtimer.session.live import LiveSession

    release_collection()  # held by the console script for the start (pushtimer/startup.py)
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
        writer = HistoryWriter(options.data_dir)
        recorder = SessionRecorder(writer, plan, source, index)
        session = LiveSession(
            plan, index, clock, log, listeners=[recorder], sound=player.cue, count_in=count_in
        )
        plain = PlainSession(session, sys.stdout, waiter, signals, lambda: writer.problem)
        stack.enter_context(terminal_keys(plain.note_suspend, plain.note_resume))
        code = plain.run()
        note = writer.close()  # still under the signal handlers: a second signal waits
    if note is not None:
        say_safely(note, err=True)
    if log is not None and log.problem is not None:
        say_safely(log.problem, err=True)
    sys.exit(code)
