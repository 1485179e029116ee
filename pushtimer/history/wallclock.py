"""The date and time of day, for history rows and streaks.

``PUSHTIMER_FAKE_NOW`` (an ISO 8601 date and time such as ``2026-11-20T08:00``) pins it;
it exists so tests and demonstrations can record sessions on chosen days.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

FAKE_NOW = "PUSHTIMER_FAKE_NOW"


def now() -> datetime:
    """The local time now (or the pinned one), with its UTC offset."""
    pinned = os.environ.get(FAKE_NOW)
    if pinned:
        moment = datetime.fromisoformat(pinned)
        return moment if moment.tzinfo is not None else moment.astimezone()
    return datetime.now().astimezone()


def stamp(ago: float = 0.0) -> str:
    """``2026-11-20T08:00:00+01:00``: how history stores a moment (``ago`` seconds back)."""
    return (now() - timedelta(seconds=ago)).isoformat(timespec="seconds")
