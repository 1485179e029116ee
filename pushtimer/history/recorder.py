"""Writes a running session into the history as it happens: a LiveSession listener.

The session row goes in when the workout starts, each set the moment it is done, and the
ending (finished, or stopped early) when the engine reports it. A write that fails (the
database locked for longer than the store waits) is kept and tried again with the next one,
so a busy moment loses nothing; ``problem`` says what went wrong, for the screen to show.
"""

from __future__ import annotations

from pushtimer.history.errors import HistoryError
from pushtimer.history.store import HistoryStore, SetRow
from pushtimer.history.wallclock import stamp
from pushtimer.plan.model import Plan
from pushtimer.session.events import Event, SetCompleted, WorkoutFinished
from pushtimer.session.timeline import Timeline


class SessionRecorder:
    """Records one session; call it with each event (it is a LiveSession listener)."""

    def __init__(self, store: HistoryStore, plan: Plan, plan_file: str, workout: int) -> None:
        chosen = plan.workouts[workout]
        self.store = store
        days = sorted({w.day for w in plan.workouts if w.day is not None})
        self.session_id = store.start_session(
            plan_file,
            plan.name,
            workout,
            chosen.name,
            chosen.day,
            ",".join(map(str, days)) or None,
        )
        self.problem: str | None = None
        self._waiting: list[SetRow] = []

    def __call__(self, event: Event, timeline: Timeline) -> None:
        if isinstance(event, SetCompleted):
            target = None if event.reps_target is None else str(event.reps_target)
            self._waiting.append(
                SetRow(
                    exercise_index=event.exercise,
                    exercise=event.name,
                    set_number=event.set,
                    side=event.side,
                    reps_target=target,
                    reps_done=event.reps_done,
                    hold_seconds=event.hold_seconds,
                    seconds=round(event.seconds, 3),
                    done_at=stamp(),
                )
            )
            self._flush()
        elif isinstance(event, WorkoutFinished):
            self._flush()
            try:
                self.store.end_session(self.session_id, event.completed, round(event.seconds, 3))
            except HistoryError as error:
                self.problem = str(error)

    def _flush(self) -> None:
        try:
            while self._waiting:
                self.store.add_set(self.session_id, self._waiting[0])
                self._waiting.pop(0)
        except HistoryError as error:
            self.problem = str(error)
