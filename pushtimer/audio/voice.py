"""Spoken cues through a speech program (``espeak-ng``, ``espeak`` or ``say``), if present.

One utterance at a time: while the last one is still being spoken, a new one is left out,
so speech never piles up, and it never holds up the tones (it is started, not awaited).
"""

from __future__ import annotations

import shutil
import subprocess

SPEECH_PROGRAMS = ("espeak-ng", "espeak", "say")


class Voice:
    """Says short phrases through one speech program."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._speaking: subprocess.Popen[bytes] | None = None

    @classmethod
    def find(cls) -> Voice | None:
        """The first speech program on PATH, or None when there is none."""
        for name in SPEECH_PROGRAMS:
            path = shutil.which(name)
            if path is not None:
                return cls(path)
        return None

    def say(self, words: str) -> bool:
        """Start saying ``words``; False when the last phrase is still going (or it failed)."""
        if self._speaking is not None and self._speaking.poll() is None:
            return False
        try:
            self._speaking = subprocess.Popen(
                [self.program, words],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError:
            return False
        return True
