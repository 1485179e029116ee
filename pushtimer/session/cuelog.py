"""``--cue-log FILE``: one JSON line per segment start, flushed as it happens (diagnostics).

``t`` is measured by the real clock (session seconds when the line was written); ``planned``
is when the segment was due, with pauses and rest changes taken into account. The lateness
of a cue is ``t - planned``. A last line has kind ``"finish"``.
"""

from __future__ import annotations

import io
import json
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from pushtimer.session.events import Event, SegmentStarted, WorkoutFinished


def open_cue_log(stack: ExitStack, path: str | None) -> CueLog | None:
    """The cue log ``--cue-log`` names, open for the length of ``stack``; None for none.
    (The command line has checked it can be written; if it cannot be opened after all, the
    log says why at the end and the session goes on.)"""
    if path is None:
        return None
    try:
        out: TextIO = Path(path).expanduser().open("w", encoding="utf-8")
    except OSError as error:
        log = CueLog(io.StringIO())
        log.give_up(error)
        return log
    log = CueLog(out)
    stack.callback(log.close)  # closed quietly: a full disk is said, never raised
    return log


class CueLog:
    """Writes the cue lines of a session to an open text file. A write that fails (a full
    disk) ends the log, never the session: ``problem`` then says why."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self.problem: str | None = None

    def close(self) -> None:
        """Close the file; what could not be written by then is said in ``problem``."""
        try:
            self._out.close()
        except (OSError, ValueError) as error:
            self.give_up(error)

    def give_up(self, error: Exception) -> None:
        """Write no more, and say why at the end (the first reason given)."""
        if self.problem is None:
            reason = getattr(error, "strerror", None) or str(error)
            self.problem = f"pushtimer: the cue log stopped: {reason.lower()}"

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
        if self.problem is not None:
            return
        try:
            self._out.write(json.dumps(line) + "\n")
            self._out.flush()
        except (OSError, ValueError) as error:
            self.give_up(error)
