"""Writes a running session into the history as it happens: a LiveSession listener.

The session's start goes to the writer when the workout starts, each set the moment it
ends (with its outcome), and the ending (reached, or stopped and why) when the engine
reports it. Every time is taken when the thing happened, not when the row is written: the
writer (history/writer.py) may hold rows back while the database is busy.
"""

from __future__ import annotations

from pushtimer.history.store import SessionEnd, SessionHead, SetRow
from pushtimer.history.wallclock import stamp
from pushtimer.history.writer import HistoryWriter
from pushtimer.plan.length import paced_tempo
from pushtimer.plan.model import Plan
from pushtimer.session.events import Event, SetEnded, WorkoutFinished
from pushtimer.session.timeline import Timeline


class SessionRecorder:
    """Records one session; call it with each event (it is a LiveSession listener)."""

    def __init__(self, writer: HistoryWriter, plan: Plan, plan_file: str, workout: int) -> None:
        chosen = plan.workouts[workout]
        self.writer = writer
        # The tempo each exercise's sets are paced at, kept with each set.
        self._tempos = [paced_tempo(exercise, plan.defaults) for exercise in chosen.exercises]
        days = sorted({w.day for w in plan.workouts if w.day is not None})
        self._session = writer.begin(
            SessionHead(
                plan_file=plan_file,
                plan_name=plan.name,
                workout_index=workout,
                workout_name=chosen.name,
                workout_day=chosen.day,
                plan_days=",".join(map(str, days)) or None,
                started=stamp(),
            )
        )

    @property
    def session_id(self) -> int | None:
        """The session's id in the database, once its start is written."""
        return self.writer.session_id(self._session)

    def __call__(self, event: Event, timeline: Timeline) -> None:
        if isinstance(event, SetEnded):
            tempo = self._tempos[event.exercise]
            self.writer.add_set(self._session, set_row(event, stamp(event.ago), tempo))
        elif isinstance(event, WorkoutFinished):
            self.writer.end(
                self._session,
                SessionEnd(event.completed, round(event.seconds, 3), event.reason, stamp()),
            )


def set_row(event: SetEnded, done_at: str, tempo: str | None = None) -> SetRow:
    """A set that ended, as the history stores it (``tempo``: what it was paced at)."""
    return SetRow(
        exercise_index=event.exercise,
        exercise=event.name,
        set_number=event.set,
        side=event.side,
        reps_target=None if event.reps_target is None else str(event.reps_target),
        reps_done=event.reps_done,
        hold_seconds=event.hold_seconds,
        seconds=round(event.seconds, 3),
        done_at=done_at,
        outcome=event.outcome,
        held_seconds=None if event.held is None else round(event.held, 3),
        tempo=tempo,
    )
