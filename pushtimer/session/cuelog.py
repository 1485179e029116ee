"""``--cue-log FILE``: one JSON line per segment start, flushed as it happens (diagnostics).

``t`` is measured by the real clock (session seconds when the line was written); ``planned``
is when the segment was due, with pauses and rest changes taken into account. The lateness
of a cue is ``t - planned``. A last line has kind ``"finish"``.
"""

from __future__ import annotations

import json
from typing import TextIO

from pushtimer.session.events import Event, SegmentStarted, WorkoutFinished


class CueLog:
    """Writes the cue lines of a session to an open text file."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def record(self, event: Event, now: float) -> None:
        if isinstance(event, SegmentStarted):
            line: dict[str, object] = {
                "t": round(now, 4),
                "segment": event.index,
                "kind": event.segment.kind,
                "planned": round(event.planned, 4),
            }
            if event.skipped:
                line["skipped"] = True
        elif isinstance(event, WorkoutFinished):
            line = {
                "t": round(now, 4),
                "segment": None,
                "kind": "finish",
                "planned": round(event.planned, 4),
                "completed": event.completed,
            }
        else:
            return
        self._out.write(json.dumps(line) + "\n")
        self._out.flush()
