"""Plain line mode: a session with no TUI, one line per segment start and countdown beep.

For screen readers, dumb terminals, logs and scripts. Keys come from stdin: Enter or
Space pauses and resumes (or says done in an open set; type the count first for a "max"
set), n skips, b goes back, + and - change a rest, m mutes, q asks whether to stop (d: done
for today, h: something hurts, any other key goes on). Each key is one of the session's
operations (session/live.py). When stdin is not a terminal it is read as it comes; when it
is closed the session runs on without it.

A line says only what the session did: ``-`` says how much came off a rest, or that it
stays (a rest keeps its last 5 s). In a per-side set each line says the side, beside the
phase word as on the full screen's band (``DOWN · LEFT``, ``SWITCH → RIGHT``).

Signals (Ctrl+C, SIGINT, SIGTERM, SIGHUP) end the session between two operations, never in
the middle of one. Never imports Textual or Rich.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TextIO

from pushtimer.plain.terminal import SignalStop, Stopped, Woken
from pushtimer.plan.durations import format_clock, format_span
from pushtimer.printable import printable
from pushtimer.session.endings import (
    EXIT_INTERRUPTED,
    HISTORY_SAVED_AGAIN,
    history_waits,
    stop_reason_for_status,
)
from pushtimer.session.engine import REST_LEAST, REST_STEP
from pushtimer.session.events import (
    CountdownBeep,
    Event,
    SegmentStarted,
    SetEnded,
    StopReason,
    WorkoutFinished,
)
from pushtimer.session.live import LiveSession, read_count
from pushtimer.session.readout import PAIN_ADVICE, rep_words, set_words
from pushtimer.session.tally import held_counted
from pushtimer.session.timeline import PHASE_WORDS, Segment, Side

# Waits for input until the given clock time (None: no deadline); returns what was typed,
# b"" when input has ended, or None when the time came first.
Waiter = Callable[[float | None], bytes | None]


# An escape sequence (an arrow key, a paste, a terminal's answer, or one written into the
# input on purpose): ESC, then CSI's or OSC's parameters up to their end, SS3's one
# character, or one character (Alt and a key). A lone Esc is a key of its own.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|O[\s\S]|[^\x1b])"
    r"|[\x9b\udc9b][0-?]*[ -/]*[@-~]"  # C1's CSI, as UTF-8 or as the raw byte
)


def _keys(typed: str) -> str:
    """The keys in ``typed``, without escape sequences: the digits inside one
    (``\x1b[2J``) are not part of a count."""
    return _ESCAPE_SEQUENCE.sub("", typed)


def glyphs(out: TextIO) -> tuple[str, str]:
    """The dot between a phase and its side and the arrow of a switch (``·``, ``→``), or
    ASCII ones (``-``, ``->``) for an output that cannot show them (a log in ASCII, a
    Windows code page): never an escape such as ``\\xb7`` in the middle of a line."""
    encoding = getattr(out, "encoding", None)
    if encoding is None:  # text kept in memory: any character will do
        return "·", "→"
    try:
        "·→".encode(encoding)
    except (UnicodeError, LookupError):
        return "-", "->"
    return "·", "→"


def stamp(seconds: float) -> str:
    """``00:12``: session time at the start of each line."""
    whole = max(0, int(seconds + 1e-6))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class PlainSession:
    """Runs an engine and prints what happens, a line at a time."""

    def __init__(
        self,
        session: LiveSession,
        out: TextIO,
        wait: Waiter,
        signals: SignalStop | None = None,
        history_problem: Callable[[], str | None] = lambda: None,
        marks: Mapping[int, str] | None = None,
    ) -> None:
        self.session = session
        self.marks = marks or {}  # targets moved from the plan's, by exercise
        self.plan = session.plan
        self.timeline = session.timeline
        self.engine = session.engine
        self._out = out
        self._out_broken = False  # writing failed once: no more lines
        self._wait = wait
        self._signals = signals or SignalStop()
        self._history_problem = history_problem
        self._shown_problem: str | None = None
        self._typed = ""  # digits typed for the rep count of a "max" set
        self._counting = False  # a count is being typed: the max set stands still meanwhile
        self._asking_stop = False  # q was pressed: the next key says why, or goes on
        self._dot, self._arrow = glyphs(out)

    def run(self) -> int:
        """Run to the end; returns the exit status (0, 130 for Ctrl+C or SIGINT, 128 plus
        the signal's number for SIGTERM and SIGHUP)."""
        try:
            self._say(0.0, self._title())
            while not self.engine.finished:
                self._show(self.session.update())
                self._check_signals()
                self._check_history()
                if self.engine.finished:
                    break
                self._wait_and_handle(self.engine.next_deadline())
                self._check_signals()
        except Stopped:
            code = self._signals.code or EXIT_INTERRUPTED
            self._show(self.session.stop(stop_reason_for_status(code)))
            return code
        return 0

    def _check_signals(self) -> None:
        if self._signals.code is not None:
            raise Stopped
        paused = self.session.catch_suspend()
        if paused is not None:
            self._show(paused)
            self._say(self.engine.session_time(), "PAUSED while suspended  (Space to go on)")

    def note_suspend(self) -> None:
        """Ctrl+Z, from the signal handler: the session notes when; the pause is made as of
        then, between two operations, once the process runs again."""
        self.session.note_suspended()

    def note_resume(self) -> None:
        """``fg``, from the signal handler: end a wait for input at once, so the pause is
        made and said now (never in the middle of an operation)."""
        if self._signals.waiting:
            raise Woken

    def _check_history(self) -> None:
        """Say when history writes start failing, and when they work again."""
        problem = self._history_problem()
        if problem == self._shown_problem:
            return
        now = self.engine.session_time()
        if problem is not None:
            self._say(now, history_waits(problem))
        else:
            self._say(now, HISTORY_SAVED_AGAIN)
        self._shown_problem = problem

    # -- input ---------------------------------------------------------------------------

    def _wait_and_handle(self, deadline: float | None) -> None:
        self._signals.waiting = True
        try:
            self._check_signals()
            typed = self._wait(deadline)
        except Woken:
            typed = None
        finally:
            self._signals.waiting = False
        if typed is None:
            return
        if typed == b"":  # no more input
            # An open set nobody can end (a paced max set too, which never runs out).
            if self.engine.segment.kind == "open" and not self.engine.paused:
                self._say(self.engine.session_time(), "No input: ending the open set.")
                self._show(self.session.skip())
            elif self.engine.paused:  # nobody is left to resume it
                self._show(self.session.resume())
            return
        for char in _keys(typed.decode("utf-8", "surrogateescape")):
            self._key(char)
            if self.engine.finished:
                return

    def _key(self, char: str) -> None:
        session = self.session
        if self._asking_stop:
            self._answer_stop(char)
            return
        if char in "0123456789" or (self._typed and char in "\x7f\b"):
            self._typed = self._typed[:-1] if char in "\x7f\b" else self._typed + char
            if self._typed and session.wants_count and not self._counting:
                # The count question opens with the first digit: the set ends where it is,
                # and its time with it, however long the typing takes.
                self._counting = True
                self._show(session.ask())
                self._say(
                    self.engine.session_time(),
                    f"COUNT: {self._typed}… then Enter (the set stands still meanwhile)",
                )
            return
        if char in "\r\n ":
            if self.engine.segment.kind == "open":
                self._done()
            elif char != "\r":
                if self.engine.paused:
                    self._resume()
                else:
                    self._show(session.pause())
                    self._say(self.engine.session_time(), "PAUSED  (Enter or Space to go on)")
            return
        actions: dict[str, Callable[[], list[Event]]] = {
            "n": lambda: self._move(session.skip),
            "b": lambda: self._move(session.back, back=True),
            "+": lambda: self._change_rest(REST_STEP),
            "-": lambda: self._change_rest(-REST_STEP),
            "q": self._ask_stop,
            "m": self._toggle_mute,
        }
        action = actions.get(char.lower())
        if action is not None:
            self._show(action())

    def _move(self, operation: Callable[[], list[Event]], back: bool = False) -> list[Event]:
        """n and b: what the session did, as it did it. Going back from the first step
        begins it again, and says so; work that the key starts through a count-in is named
        before the count; while paused, the lines say the session is still paused."""
        before = self.engine.state()
        events = operation()
        state = self.engine.state()
        now = self.engine.session_time()
        if back and before.step == 0 and not state.finished:
            self._say(now, "BACK: nothing comes before the first step; it begins again")
        if state.count_in is not None and not state.finished:
            # The lines up to the count-in (a set that ended, a rest passed), what comes,
            # then the count-in's beeps.
            first_beep = next(
                (
                    number
                    for number, event in enumerate(events)
                    if isinstance(event, CountdownBeep) and event.count_in
                ),
                len(events),
            )
            self._show(events[:first_beep])
            count = format_span(round(state.count_in))
            side = self._side(state.segment.side)
            self._say(now, f"GET READY{side} {count}  next: {self._set_named(state.segment)}")
            events = events[first_beep:]
        if self.engine.paused and not state.finished:
            self._show(events)
            self._say(now, "Still PAUSED  (Enter or Space to go on)")
            return []
        return events

    def _resume(self, lead: str = "RESUMED", say_where: bool = False) -> None:
        """Go on, saying so (and where, if asked), then the count-in's beeps if one runs."""
        before = self.engine.session_time()
        self._say_resumed(before, self.session.resume(), lead, say_where)

    def _say_resumed(self, before: float, events: list[Event], lead: str, where: bool) -> None:
        state = self.engine.state()
        side = state.segment.side
        which = f" {side} side," if side else ""
        if state.count_in is not None and state.segment.kind == "hold":
            lead += f":{which} the hold goes on after the count"
        elif state.count_in is not None:
            lead += f":{which} rep {state.segment.rep} starts again from the lowering"
        elif where:
            lead += f": {self.segment_line(state.index, state.segment)}"
        self._say(before, lead)
        self._show(events)

    def _ask_stop(self) -> list[Event]:
        """q: the session stands still and asks why (the next key answers)."""
        self._asking_stop = True
        events = self.session.ask()
        self._say(
            self.engine.session_time(),
            "Stop? d: done for today  h: something hurts  any other key: go on",
        )
        return events

    def _answer_stop(self, char: str) -> None:
        self._asking_stop = False
        answers: dict[str, StopReason] = {"d": "quit", "h": "pain"}
        reason = answers.get(char.lower())
        before = self.engine.session_time()
        events = self.session.answer_stop(reason)
        if reason is not None:
            self._show(events)
            if reason == "pain":
                for line in PAIN_ADVICE:
                    self._say(self.engine.session_time(), line)
        elif not self.engine.paused:  # the question had paused it: it goes on
            self._say_resumed(before, events, "Going on", where=True)
        else:
            state = self.engine.state()
            where = self.segment_line(state.index, state.segment)
            self._say(self.engine.session_time(), f"Going on: {where}")

    def _change_rest(self, seconds: int) -> list[Event]:
        """+ and -: say what the session really did to the rest (- never leaves less than
        its last 5 s); nothing happens, and nothing is said, outside a rest."""
        self._show(self.session.update())  # first what is due: the rest may be over
        before = self.engine.state()
        events = self.session.adjust_rest(seconds)
        after = self.engine.state()
        resting = before.segment.kind == "rest" and not before.finished
        if resting and after.index == before.index and after.remaining is not None:
            # The rest's length now against before, both as of the key: what came off or
            # was added, whatever the clock did meanwhile.
            changed = (after.duration or 0.0) - (before.duration or 0.0)
            self._show(events)
            self._say(self.engine.session_time(), rest_change(changed, after.remaining))
            return []
        return events

    def _toggle_mute(self) -> list[Event]:
        muted = self.session.toggle_mute()
        self._say(self.engine.session_time(), "MUTED" if muted else "SOUND ON")
        return []

    def _done(self) -> None:
        if self.session.wants_count:
            if not self._typed and self.engine.segment.pace:
                # A paced max set counted its reps: Enter alone gives that count (a number
                # typed first gives another); its time ends now.
                self._typed = str(self.session.counted)
            try:
                count = read_count(self._typed)
            except ValueError as problem:
                self._say(self.engine.session_time(), f"{problem} Then Enter.")
                self._typed = ""
                return
            self._typed = ""
            if self._counting:
                self._counting = False
                self._show(self.session.answer_count(count))
            else:
                self._show(self.session.done(count))
        else:
            self._show(self.session.done())

    # -- output --------------------------------------------------------------------------

    def _show(self, events: list[Event]) -> None:
        """Print what the session's operations reported (they have recorded it already)."""
        for event in events:
            if isinstance(event, SetEnded):
                self._say(self.engine.session_time(), self._set_line(event))
            elif isinstance(event, WorkoutFinished):
                self._say(self.engine.session_time(), self.session.outcome())
            elif getattr(event, "skipped", False):
                continue  # a stale cue after a stall: reported to the log, not announced
            elif isinstance(event, SegmentStarted):
                self._say(event.planned, self.segment_line(event.index, event.segment))
            elif isinstance(event, CountdownBeep):
                # The word of the segment the beep belongs to (a key may have moved on).
                segment = self.timeline.segments[event.index]
                if event.count_in:
                    word = f"GET READY{self._side(segment.side)}"
                else:
                    word = self._phase(event.index, segment)
                self._say(event.planned, f"{word} {event.remaining}")

    def _say(self, when: float, text: str) -> None:
        if self._out_broken:
            return
        try:
            self._out.write(f"{stamp(when)}  {printable(text)}\n")
            self._out.flush()
        except (OSError, ValueError):
            # No one can read the lines any more (a full disk, a reader gone): the session
            # runs on, and keeps its sets, as it would with the screen turned away.
            self._out_broken = True

    def _title(self) -> str:
        total = format_clock(self.timeline.total_seconds)
        return f"{self.session.title}  ({total}{' + open sets' if self.timeline.has_open else ''})"

    def _side(self, side: Side | None) -> str:
        """`` · LEFT`` beside a phase word in a per-side set; nothing otherwise."""
        return f" {self._dot} {side.upper()}" if side else ""

    def _phase(self, index: int, segment: Segment) -> str:
        """The phase word with the side: ``DOWN · LEFT``, ``SWITCH → RIGHT``, ``REST``."""
        word = PHASE_WORDS[segment.kind]
        if segment.kind == "switch":
            ahead = self.timeline.next_work(index)
            side = ahead.side if ahead is not None else None
            return f"{word} {self._arrow} {side.upper()}" if side else word
        return word + self._side(segment.side)

    def segment_line(self, index: int, segment: Segment) -> str:
        word = self._phase(index, segment)
        length = "" if segment.duration is None else f" {format_span(segment.duration)}"
        if segment.kind == "prepare":
            return f"{word}{length}  first: {self._describe_next(index)}"
        if segment.kind in ("rest", "switch"):
            return f"{word}{length}  next: {self._describe_next(index)}"
        exercise = self.timeline.exercise_of(segment)
        assert exercise is not None
        parts = [set_words(segment, exercise)]  # (the side goes with the phase word)
        parts.append(exercise.name)
        rep = rep_words(segment, exercise)
        if rep is not None:  # lower case inside a line: "rep 5/12"
            parts.append(rep[0].lower() + rep[1:])
        parts.append(f"{word}{length}")
        if segment.rep == 1 and segment.kind == "down" and exercise.reps == "max":
            parts.append("as many reps as you can, paced: Enter when you stop")
        if segment.kind == "open":
            parts.append(
                "as many reps as you can: type the count, then Enter"
                if exercise.reps == "max"
                else f"{exercise.reps} reps at your own pace: Enter when done"
            )
        return "  ".join(parts)

    def _describe_next(self, index: int) -> str:
        segment = self.timeline.next_work(index)
        exercise = None if segment is None else self.timeline.exercise_of(segment)
        if segment is None or exercise is None:
            return "the end"
        mark = self.marks.get(segment.exercise) if segment.exercise is not None else None
        target = f": {mark}" if mark else ""
        return f"{self._set_named(segment)}{target}"

    def _set_named(self, segment: Segment) -> str:
        """``Set 2/4 Wide push-up``, ``Set 1/3 left Side plank``: as a set's ending says."""
        exercise = self.timeline.exercise_of(segment)
        assert exercise is not None
        side = f" {segment.side}" if segment.side else ""
        return f"{set_words(segment, exercise)}{side} {exercise.name}"

    def _set_line(self, ended: SetEnded) -> str:
        """``Done: Set 1/4 Wide push-up, 12 reps in 1:00``; ``Partial: ..., 5 of 12 reps``."""
        exercise = self.timeline.workout.exercises[ended.exercise]
        side = f" {ended.side}" if ended.side else ""
        held = held_counted(ended.outcome, ended.held)  # a skipped hold held nothing
        if held is not None:
            what = f"held {format_span(round(held))} of {format_span(ended.hold_seconds or 0)}"
        elif ended.outcome != "done" and isinstance(ended.reps_target, int):
            what = f"{ended.reps_done} of {ended.reps_target} reps"
        else:
            what = f"{ended.reps_done} rep{'' if ended.reps_done == 1 else 's'}"
        took = format_clock(ended.seconds)
        word = ended.outcome.capitalize()
        return f"{word}: Set {ended.set}/{exercise.sets}{side} {ended.name}, {what} in {took}"


def rest_change(changed: float, left: float) -> str:
    """What + or - did to a rest, ``changed`` seconds, leaving ``left``: ``REST +15s: 0:19
    left``, ``REST -7s: 0:05 left (a rest keeps its last 5 s)``, ``REST stays at 0:04: a
    rest keeps its last 5 s``."""
    now = format_clock(round(left))
    least = f"a rest keeps its last {REST_LEAST:g} s"
    if round(changed) == 0:
        return f"REST stays at {now}: {least}"
    floored = -REST_STEP + 1e-6 < changed < 0  # less than a whole step came off
    return f"REST {round(changed):+d}s: {now} left" + (f" ({least})" if floored else "")
