"""Time for the session: a ``Clock`` protocol, the real monotonic clock, and a fake for tests.

Everything in pushtimer measures time through a Clock, so tests move time by hand and
never sleep.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds: only differences between two readings mean anything."""

    def now(self) -> float: ...


class MonotonicClock:
    """The real clock: ``time.monotonic``."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self._now += seconds

    def set(self, when: float) -> None:
        self.advance(when - self._now)
