"""What screens tell the app: small messages that bubble up. The app answers by calling
methods on screens (downward); no screen imports the app."""

from __future__ import annotations

from textual.message import Message

from pushtimer.coach.targets import Coaching
from pushtimer.plan.model import Plan


class WorkoutChosen(Message):
    """Start a session of ``plan``'s workout number ``workout`` (from 0), recorded in the
    history as coming from ``plan_file``."""

    def __init__(
        self, plan: Plan, workout: int, plan_file: str, coaching: Coaching | None = None
    ) -> None:
        super().__init__()
        self.plan = plan  # with the targets in effect
        self.workout = workout
        self.plan_file = plan_file
        self.coaching = coaching


class SessionMoved(Message):
    """An operation changed the running session: redraw it and set the next wake-up (or
    show the summary, when it ended)."""


class MuteToggled(Message):
    """The running session's cues were muted or unmuted."""

    def __init__(self, muted: bool) -> None:
        super().__init__()
        self.muted = muted


class DeleteSession(Message):
    """Remove a session from the history (the person has confirmed)."""

    def __init__(self, session_id: int) -> None:
        super().__init__()
        self.session_id = session_id
