"""Sound cues: the WAV files, the backends that play them, and which event sounds how.

Never imports Textual or Rich; a front end passes in how to ring the terminal bell.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pushtimer.audio.player import SoundPlayer

# ``--sound`` choices; here so the command line can offer them without loading the backends.
SOUND_CHOICES = ("auto", "simpleaudio", "player", "bell", "off")


def sound_maker(choice: str, voice: bool) -> Callable[[Callable[[], None]], SoundPlayer]:
    """Given how to ring the bell, makes the player ``choice`` and ``voice`` ask for. The
    player's module (ctypes for ALSA, about 25 ms) is imported only then: the full screen
    makes it after its first frame."""

    def make(ring_bell: Callable[[], None]) -> SoundPlayer:
        from pushtimer.audio.player import SoundSettings, make_player

        settings = SoundSettings(choice=choice, voice=voice)  # type: ignore[arg-type]
        return make_player(settings, ring_bell)

    return make


def ring_terminal_bell() -> None:
    """The bell where no full screen draws (plain mode, sound-check): only into a
    terminal, never into a log."""
    if sys.stdout.isatty():
        sys.stdout.write("\a")
        sys.stdout.flush()
