"""The cue sounds as loaded from ``sounds/``: read once, kept in memory."""

from __future__ import annotations

import functools
import wave
from pathlib import Path

from msgspec import Struct

from pushtimer.resources import sounds_dir

CUES = ("tick", "go", "down", "up", "hold", "switch", "rest", "done")


class Sound(Struct, frozen=True):
    """One cue: its file (for system players) and its PCM frames (for in-process play)."""

    name: str
    path: Path
    frames: bytes
    rate: int
    channels: int
    width: int  # bytes per sample

    @property
    def seconds(self) -> float:
        return len(self.frames) / (self.rate * self.channels * self.width)


def read_sound(path: Path) -> Sound:
    with wave.open(str(path), "rb") as source:
        return Sound(
            name=path.stem,
            path=path,
            frames=source.readframes(source.getnframes()),
            rate=source.getframerate(),
            channels=source.getnchannels(),
            width=source.getsampwidth(),
        )


@functools.cache
def load_sounds(folder: Path | None = None) -> dict[str, Sound]:
    """Every cue by name; a missing or unreadable file leaves that cue silent."""
    base = folder or sounds_dir()
    sounds = {}
    for name in CUES:
        try:
            sounds[name] = read_sound(base / f"{name}.wav")
        except (OSError, EOFError, wave.Error):
            continue
    return sounds
