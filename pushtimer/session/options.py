"""What a live session takes besides its plan: the cue log, the sound, and where the
history goes. The command line makes it; both front ends start a session from it."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class SessionOptions(NamedTuple):
    cue_log: str | None  # a file for one JSON line per segment start (diagnostics)
    sound: str  # one of pushtimer.audio.SOUND_CHOICES
    voice: bool
    data_dir: Path
    # Why sessions will not be kept, when the history cannot be used at all (not
    # pushtimer's, damaged, newer, read-only): the session runs and says so.
    not_kept: str | None = None
