"""The session engine: which segment is running now, and what to cue (docs/architecture.md).

A pure state machine over a timeline and a clock. Its state is always derived from the
clock: the current segment's planned start in *active* seconds (session time less the
time spent paused), never from counting ticks. A segment starts at the previous one's
planned end, so a late wake-up never shifts the schedule; after a stall the engine walks
forward to the right segment, reporting the cues it passed as skipped.

Callers ask ``next_deadline()`` when something next happens, sleep until then, and call
``update()``; every operation returns the events it caused, in order.
"""

from __future__ import annotations

import msgspec
from msgspec import Struct

from pushtimer.session.clock import Clock
from pushtimer.session.events import (
    CountdownBeep,
    Event,
    Outcome,
    SegmentStarted,
    SetEnded,
    StopReason,
    TempoTick,
    WorkoutFinished,
)
from pushtimer.session.timeline import TEMPO_KINDS, WORK_KINDS, Segment, Step, Timeline

STALE_AFTER = 0.25  # a cue this late is reported as skipped, not played
BACK_WINDOW = 2.0  # "back" within this long of a step's start goes to the step before
REST_STEP = 15  # seconds that + and - add to or take from a rest
REST_LEAST = 5.0  # seconds of a rest that - always leaves
COUNTDOWN_KINDS = frozenset({"prepare", "rest", "switch", "hold"})
COUNTDOWN_FROM = 3
# Work that a resume counts back into: a tempo rep starts again from its first phase, a
# hold goes on where it stopped (docs/architecture.md, "Count-in").
COUNT_IN_KINDS = frozenset({*TEMPO_KINDS, "hold"})
# Work that a key starts (n out of a rest or into the next set, b to a set's start, a
# skipped switch) counts in first: nothing begins unannounced. An open set too.
KEY_COUNT_IN_KINDS = frozenset({*COUNT_IN_KINDS, "open"})
PACED_CATCH_UP = 60.0  # seconds of a paced set's cues reported after a stall, at most
HELD_AT_LEAST = 1.0  # seconds of a hold that make a stopped hold partial, not skipped


class EngineState(Struct, frozen=True):
    """What is true now, for a screen or a status line."""

    index: int
    segment: Segment
    step: int
    elapsed: float  # in the current segment
    step_elapsed: float  # in the current step (a whole set side, a rest, ...)
    remaining: float | None  # None for an open segment
    duration: float | None  # the segment's length now, with rest changes
    session_elapsed: float  # active seconds since the start
    remaining_total: float  # timed seconds left in the workout, open segments not counted
    paused: bool
    finished: bool
    count_in: float | None = None  # seconds left of a count-in after a resume, if one runs


class Engine:
    """Runs one workout's timeline against a clock."""

    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        if not timeline.segments:
            raise ValueError("a timeline without segments cannot be run")
        self.timeline = timeline
        self._clock = clock
        self._segments = timeline.segments
        self._steps: list[Step] = list(timeline.steps())
        self._step_of = [0] * len(self._segments)
        for number, step in enumerate(self._steps):
            for index in range(step.first, step.last):
                self._step_of[index] = number
        # Planned seconds from each segment's end to the workout's end (rest changes apart).
        self._after = [0.0] * len(self._segments)
        for index in range(len(self._segments) - 2, -1, -1):
            following = self._segments[index + 1].duration or 0
            self._after[index] = self._after[index + 1] + following
        self._origin = clock.now()
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._last_update = self._origin  # clock time the state was last brought up to
        self._index = 0
        self._segment_start = 0.0  # active seconds
        self._step_start = 0.0
        self._last_cue = 0.0  # offset in the segment of the last cue reported
        self._extra: dict[int, float] = {}  # rest changes, by segment index
        self._count_in_end: float | None = None  # active time a running count-in ends
        self._count_in_beeps: list[int] = []  # its beeps still to come, in seconds before its end
        self._count_in_owed = False  # a key moved into work while paused: count in on resume
        self._finished = False
        first = self._segments[0]
        if first.pace:  # a paced max set first: its first lowering
            first = self._paced_phase(0.0)[0]
        self._pending: list[Event] = [SegmentStarted(0, first, 0.0)]

    # -- reading -----------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def segment(self) -> Segment:
        return self._segments[self._index]

    def step_at(self, index: int) -> Step:
        """The step that segment ``index`` belongs to (a set side, a rest, ...)."""
        return self._steps[self._step_of[index]]

    def session_time(self) -> float:
        """Seconds since the session started, pauses included (the cue log's ``t``)."""
        return self._clock.now() - self._origin

    def state(self) -> EngineState:
        now = active = self._active()
        count_in = None
        if self._count_in_end is not None:  # the segment stands still until it ends
            count_in = max(0.0, self._count_in_end - now)
            active = max(now, self._count_in_end)
        duration = self._duration(self._index)
        elapsed = max(0.0, active - self._segment_start)
        if duration is not None:
            elapsed = min(elapsed, duration)
        remaining = None if duration is None else max(0.0, duration - elapsed)
        later = self._after[self._index] + sum(
            extra for index, extra in self._extra.items() if index > self._index
        )
        total_left = 0.0 if self._finished else (remaining or 0.0) + later
        segment = self.segment
        if segment.pace:  # a paced max set shows the phase of the rep it is in
            segment, elapsed = self._paced_phase(elapsed)
            duration = float(segment.duration or 0)
            remaining = max(0.0, duration - elapsed)
        return EngineState(
            index=self._index,
            segment=segment,
            step=self._step_of[self._index],
            elapsed=elapsed,
            step_elapsed=max(0.0, active - self._step_start),
            remaining=remaining,
            duration=duration,
            session_elapsed=now,
            remaining_total=total_left,
            paused=self.paused,
            finished=self._finished,
            count_in=count_in,
        )

    def next_deadline(self) -> float | None:
        """Clock time of the next cue or boundary; None while paused, open or finished."""
        if self._finished or self.paused:
            return None
        base = self._origin + self._paused_total
        if self._count_in_end is not None:
            left = self._count_in_beeps[0] if self._count_in_beeps else 0
            return base + self._count_in_end - left
        if self.segment.pace:
            ahead = self._paced_cues(self._last_cue, self._last_cue + self.segment.rep_seconds)
            return base + self._segment_start + ahead[0][0]
        duration = self._duration(self._index)
        if duration is None:
            return None
        offsets = [o for o, _ in self._cues(self._index, duration) if o > self._last_cue]
        offset = offsets[0] if offsets else duration
        return base + self._segment_start + offset

    # -- time passing ----------------------------------------------------------------------

    def update(self) -> list[Event]:
        """Catch up with the clock: report every cue and boundary passed since last time."""
        events, self._pending = self._pending, []
        if self._finished:
            return events  # paused, it catches up to the moment of the pause, then stays
        active = self._active()
        self._last_update = self._now()
        if self._count_in_end is not None and not self._end_count_in(active, events):
            return events
        while not self._finished:
            if self.segment.pace:
                self._paced_update(active, events)
                break
            duration = self._duration(self._index)
            reached = active - self._segment_start
            if duration is not None:
                reached = min(reached, duration)
            for offset, cue in self._cues(self._index, duration):
                if self._last_cue < offset <= reached:
                    events.append(self._cue_event(cue, offset, active))
                    self._last_cue = offset
            if duration is None or active < self._segment_start + duration:
                break
            end = self._segment_start + duration
            closes_step = self._index == self._steps[self._step_of[self._index]].last - 1
            if closes_step and self.segment.kind in WORK_KINDS:
                self._end_step(end, None, "done", events)  # a set side ran to its end
            self._enter(self._index + 1, end, active, events)
        return events

    # -- operations ------------------------------------------------------------------------

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def pause(self, at: float | None = None) -> list[Event]:
        """Stop the clock now, or as of clock time ``at`` if that was earlier (a process
        suspended with Ctrl+Z is paused as of the moment it stopped)."""
        if not self._finished and not self.paused:
            now = self._clock.now()
            self._paused_at = now if at is None else max(self._last_update, min(at, now))
        return self.update()

    def resume(self, count_in: float = 0.0) -> list[Event]:
        """Go on. With ``count_in`` seconds, work counts back in first: a tempo rep starts
        again from its first phase after them, a hold goes on where it stopped."""
        if self._paused_at is not None:
            self._paused_total += self._clock.now() - self._paused_at
            self._paused_at = None
            counts_in = self.segment.kind in COUNT_IN_KINDS or bool(self.segment.pace)
            owed, self._count_in_owed = self._count_in_owed, False
            if count_in > 0 and not self._finished and (counts_in or owed):
                self._begin_count_in(count_in)
        return self.update()

    def skip(self, count_in: float = 0.0) -> list[Event]:
        """End the current step now (a set side counts the reps done) and start the next;
        work that starts so counts in for ``count_in`` seconds first."""
        events = self.update()
        if self._finished:
            return events
        active = self._active()
        step = self._steps[self._step_of[self._index]]
        self._end_step_early(active, events)
        self._enter(step.last, active, active, events)
        self._count_in_by_key(count_in, events)
        return events

    def back(self, count_in: float = 0.0) -> list[Event]:
        """Restart the current step, or the one before when pressed within 2 s of a start;
        work that starts so counts in for ``count_in`` seconds first."""
        events = self.update()
        if self._finished:
            return events
        active = self._active()
        self._end_step_early(active, events, keep_if_nothing=False)
        number = self._step_of[self._index]
        if active - self._step_start < BACK_WINDOW and number > 0:
            number -= 1
        step = self._steps[number]
        for index in range(step.first, step.last):
            self._extra.pop(index, None)
        self._enter(step.first, active, active, events, restart=True)
        self._count_in_by_key(count_in, events)
        return events

    def _count_in_by_key(self, seconds: float, events: list[Event]) -> None:
        """After a key moved the session into work: GET READY for ``seconds`` before it
        (its SegmentStarted is said again when the count-in ends, as after a resume)."""
        if seconds <= 0 or self._finished or self.segment.kind not in KEY_COUNT_IN_KINDS:
            return
        # The work's start is said when the count-in ends, not now (its sound would cue a
        # lowering no one is in position for).
        if events and isinstance(events[-1], SegmentStarted) and events[-1].index == self._index:
            events.pop()
        if self.paused:  # it counts in when the session goes on, once
            self._count_in_owed = True
            return
        self._begin_count_in(seconds)
        events.extend(self.update())

    def adjust_rest(self, seconds: float) -> list[Event]:
        """Lengthen or shorten the current rest. Shortening never leaves less than
        ``REST_LEAST`` seconds of it (a rest already shorter than that stays as it is)."""
        events = self.update()
        if self._finished or self.segment.kind != "rest":
            return events
        active = self._active()
        elapsed = active - self._segment_start
        base = float(self.segment.duration or 0)
        remaining = base + self._extra.get(self._index, 0.0) - elapsed
        left = remaining + seconds
        if seconds < 0:
            left = min(remaining, max(left, REST_LEAST))
        self._extra[self._index] = left + elapsed - base
        self._last_cue = max(self._last_cue, elapsed)  # no beeps for seconds already gone
        events.extend(self.update())
        return events

    def done(self, reps: int | None = None) -> list[Event]:
        """End an open segment ("max" sets need the rep count). Does nothing otherwise."""
        events = self.update()
        if self._finished or self.segment.kind != "open":
            return events
        exercise = self.timeline.exercise_of(self.segment)
        needs_count = exercise is not None and exercise.reps == "max"
        if needs_count and (reps is None or reps < 0):
            raise ValueError("a max set needs the number of reps done")
        active = self._active()
        # A "max" set keeps its count (0 of them is nothing done); a set at your own pace
        # said done did all its reps.
        count = reps if needs_count else None
        outcome: Outcome = "skipped" if count == 0 else "done"
        self._end_step(active, count, outcome, events)
        self._enter(self._index + 1, active, active, events)
        return events

    def quit(self, reason: StopReason = "quit") -> list[Event]:
        """End the session now: the set in progress ends as partial or skipped, and every
        set that ended before stays as it was."""
        events = self.update()
        if not self._finished:
            active = self._active()
            self._end_step_early(active, events)
            self._finished = True
            events.append(WorkoutFinished(False, self._wall(active), active, reason))
        return events

    # -- inner workings --------------------------------------------------------------------

    def _now(self) -> float:
        """The clock time the state stands at: now, or the moment of the pause."""
        return self._paused_at if self._paused_at is not None else self._clock.now()

    def _active(self) -> float:
        return self._now() - self._origin - self._paused_total

    def _wall(self, active: float) -> float:
        return active + self._paused_total

    def _duration(self, index: int) -> float | None:
        duration = self._segments[index].duration
        if duration is None:
            return None
        return duration + self._extra.get(index, 0.0)

    def _cues(self, index: int, duration: float | None) -> list[tuple[float, int]]:
        """(offset in the segment, number) of each beep or tick, in time order.

        The number is the seconds left for a countdown beep, or the second of a tick.
        """
        segment = self._segments[index]
        if duration is None:
            return []
        if segment.kind in COUNTDOWN_KINDS:
            return [
                (duration - left, left)
                for left in range(COUNTDOWN_FROM, 0, -1)
                if duration - left > 0
            ]
        return [(float(second), second) for second in _ticks(segment.kind, duration)]

    def _cue_event(self, number: int, offset: float, active: float) -> Event:
        due = self._segment_start + offset
        planned, stale = self._wall(due), active - due > STALE_AFTER
        if self.segment.kind in COUNTDOWN_KINDS:
            return CountdownBeep(self._index, number, planned, stale)
        return TempoTick(self._index, number, planned, stale)

    def _enter(
        self, index: int, start: float, active: float, events: list[Event], restart: bool = False
    ) -> None:
        """Begin segment ``index`` at active time ``start`` (or finish past the end).

        ``restart`` begins its step afresh even when it is the step already running."""
        if index >= len(self._segments):
            self._index = len(self._segments) - 1
            self._finished = True
            events.append(WorkoutFinished(True, self._wall(start), start))
            return
        self._count_in_end = None
        self._count_in_owed = False
        if restart or self._step_of[index] != self._step_of[self._index]:
            self._step_start = start
        self._index = index
        self._segment_start = start
        self._last_cue = 0.0
        stale = active - start > STALE_AFTER
        segment = self._segments[index]
        if segment.pace:
            segment = self._paced_phase(0.0)[0]
        events.append(SegmentStarted(index, segment, self._wall(start), stale))

    def _begin_count_in(self, seconds: float) -> None:
        """Hold the segment still for ``seconds`` from now (they do not count as work)."""
        active = self._active()
        at = active if self._count_in_end is None else self._count_in_end
        end = active + seconds
        self._step_start += end - at
        if self.segment.kind == "hold":
            self._segment_start += end - at
        elif self.segment.pace:  # the rep begins again from its lowering
            done = self._paced_reps(at)
            self._segment_start = end - done * self.segment.rep_seconds
            self._last_cue = float(done * self.segment.rep_seconds)
        else:  # the rep begins again: reps count once their last phase ends
            while self._index > 0 and self._same_rep(self._index - 1, self._index):
                self._index -= 1
            self._segment_start = end
            self._last_cue = 0.0
        self._count_in_end = end
        self._count_in_beeps = [left for left in range(COUNTDOWN_FROM, 0, -1) if left <= seconds]

    def _same_rep(self, earlier: int, index: int) -> bool:
        a, b = self._segments[earlier], self._segments[index]
        return a.kind in TEMPO_KINDS and (a.exercise, a.set, a.side, a.rep) == (
            b.exercise,
            b.set,
            b.side,
            b.rep,
        )

    def _end_count_in(self, active: float, events: list[Event]) -> bool:
        """Report the count-in's beeps up to now; True once it is over (the segment then
        starts again, with its cue)."""
        end = self._count_in_end
        assert end is not None
        while self._count_in_beeps and end - self._count_in_beeps[0] <= active:
            left = self._count_in_beeps.pop(0)
            stale = active - (end - left) > STALE_AFTER
            planned = self._wall(end - left)
            events.append(CountdownBeep(self._index, left, planned, stale, count_in=True))
        if active < end:
            return False
        self._count_in_end = None
        stale = active - end > STALE_AFTER
        segment = self.segment
        if segment.pace:
            segment = self._paced_phase(end - self._segment_start)[0]
        events.append(SegmentStarted(self._index, segment, self._wall(end), stale))
        return True

    # -- paced max sets: an open segment whose reps are paced by the tempo ---------------

    def reps_so_far(self) -> int:
        """Whole reps done in the set running now (a paced max set counts them)."""
        return self._reps_done_so_far() if self.segment.kind in WORK_KINDS else 0

    def _paced_reps(self, active: float) -> int:
        """Reps of the paced set ended by ``active``: each counts once its last phase ends."""
        elapsed = max(0.0, active - self._segment_start)
        return int(elapsed // self.segment.rep_seconds)

    def _paced_phase(self, elapsed: float) -> tuple[Segment, float]:
        """The phase a paced set is in ``elapsed`` seconds after its start, as a segment of
        its own (kind, rep, duration), and the seconds into it."""
        segment = self.segment
        rep_seconds = segment.rep_seconds
        rep = int(max(0.0, elapsed) // rep_seconds)
        into = max(0.0, elapsed) - rep * rep_seconds
        start, number = 0, 0
        while number < len(segment.pace) - 1 and into >= start + segment.pace[number][1]:
            start += segment.pace[number][1]
            number += 1
        kind, seconds = segment.pace[number]
        phase = msgspec.structs.replace(segment, kind=kind, duration=seconds, rep=rep + 1, pace=())
        return phase, into - start

    def _paced_cues(self, after: float, upto: float) -> list[tuple[float, int]]:
        """(offset in the set, number) of a paced set's cues in (``after``, ``upto``]: a
        phase's start has number 0, a tick inside a phase its second (as for any rep)."""
        rep_seconds = self.segment.rep_seconds
        cues: list[tuple[float, int]] = []
        rep = int(after // rep_seconds)
        while rep * rep_seconds <= upto:
            start = rep * rep_seconds
            for kind, seconds in self.segment.pace:
                marks = [(float(start), 0)]
                marks += [(float(start + second), second) for second in _ticks(kind, seconds)]
                cues += [(offset, n) for offset, n in marks if after < offset <= upto]
                start += seconds
            rep += 1
        return cues

    def _paced_update(self, active: float, events: list[Event]) -> None:
        """Report a paced set's phase starts and ticks up to ``active``. After a long
        stall only the last rep's are reported (as skipped), not hours of them."""
        reached = max(0.0, active - self._segment_start)
        after = max(self._last_cue, reached - max(PACED_CATCH_UP, 2 * self.segment.rep_seconds))
        for offset, number in self._paced_cues(after, reached):
            due = self._segment_start + offset
            planned, stale = self._wall(due), active - due > STALE_AFTER
            if number == 0:
                phase = self._paced_phase(offset)[0]
                events.append(SegmentStarted(self._index, phase, planned, stale))
            else:
                events.append(TempoTick(self._index, number, planned, stale))
        self._last_cue = max(self._last_cue, reached)

    def _reps_done_so_far(self) -> int:
        """Whole reps completed in the current step: a rep counts once its last phase has
        ended, so those before the current rep. An open set counts none."""
        if self.segment.pace:
            return self._paced_reps(self._active())
        rep = self.segment.rep
        return 0 if rep is None else rep - 1

    def _end_step_early(
        self, end: float, events: list[Event], keep_if_nothing: bool = True
    ) -> None:
        """Report the set side in progress (if the current step is one) as ended before its
        end: ``partial`` after a completed rep or a second held, else ``skipped``. With
        ``keep_if_nothing`` False (going back), a side with nothing done is not reported:
        it is simply begun again."""
        if self.segment.kind not in WORK_KINDS:
            return
        exercise = self.timeline.exercise_of(self.segment)
        assert exercise is not None
        reps = None if exercise.hold is not None else self._reps_done_so_far()
        held = end - self._step_start
        something = (reps or 0) > 0 if reps is not None else held >= HELD_AT_LEAST
        if something or keep_if_nothing:
            self._end_step(end, reps, "partial" if something else "skipped", events)

    def _end_step(
        self, end: float, reps: int | None, outcome: Outcome, events: list[Event]
    ) -> None:
        """Report the current step, a set side, as ended at active time ``end``. ``reps`` is
        the count completed (a rep set that ran to its end completed all of them)."""
        segment = self.segment
        exercise = self.timeline.exercise_of(segment)
        assert exercise is not None and segment.exercise is not None and segment.set is not None
        seconds = end - self._step_start
        if exercise.hold is not None:
            reps_done, held = None, min(float(exercise.hold), seconds)
        else:
            full = exercise.reps if isinstance(exercise.reps, int) else 0
            reps_done, held = (full if reps is None else reps), None
        events.append(
            SetEnded(
                exercise=segment.exercise,
                name=exercise.name,
                set=segment.set,
                side=segment.side,
                reps_target=exercise.reps,
                reps_done=reps_done,
                hold_seconds=exercise.hold,
                held=held,
                seconds=seconds,
                outcome=outcome,
                ago=max(0.0, self._clock.now() - (self._origin + self._paused_total + end)),
            )
        )


def _ticks(kind: str, seconds: float) -> range:
    """The whole seconds inside a tempo phase that tick (a 3 s lowering: 1 and 2); none in
    a phase under 2 s or in anything else."""
    return range(1, int(seconds)) if kind in TEMPO_KINDS and seconds >= 2 else range(0)
