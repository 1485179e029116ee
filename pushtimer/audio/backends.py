"""Ways to make a sound, best first: simpleaudio in-process, a system player, the terminal
bell, silence. Each ``play`` starts playback and returns at once; it raises when the
backend cannot play, and the SoundPlayer then moves on to the next one."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from pushtimer.audio.sounds import Sound

PLAYERS = ("paplay", "pw-play", "aplay", "afplay")
PROBE_RATE = 44_100
# The silent play that tests a backend at start: 20 ms of 16-bit mono.
PROBE_SILENCE = bytes(2 * round(PROBE_RATE * 0.02))
PROBE_TIMEOUT = 3.0


class BackendFailed(Exception):
    """This backend cannot play (now or any more)."""


class Backend(Protocol):
    """Something that can start playing a Sound."""

    name: str

    def probe(self) -> None:
        """Play a short silence for real; raise if that fails."""

    def play(self, sound: Sound) -> None:
        """Start playing ``sound`` without waiting for it; raise if it cannot."""


class SimpleaudioBackend:
    """In-process playback through simpleaudio (the ``sound`` extra): the lowest latency."""

    name = "simpleaudio"

    def __init__(self) -> None:
        # (Imported here: ctypes costs memory a session without sound never needs.)
        from pushtimer.audio.alsa import silence_alsa

        silence_alsa()  # before libasound first runs, so it never prints
        import simpleaudio  # (typed as Any: pyproject's mypy overrides)

        self._module: Any = simpleaudio
        self._playing: Any = None

    def probe(self) -> None:
        self._module.play_buffer(PROBE_SILENCE, 1, 2, PROBE_RATE).wait_done()

    def play(self, sound: Sound) -> None:
        if self._playing is not None and self._playing.is_playing():
            self._playing.stop()  # a new cue cuts the old one short, so they never pile up
        self._playing = self._module.play_buffer(
            sound.frames, sound.channels, sound.width, sound.rate
        )


class PlayerBackend:
    """A sound program found on PATH, started per cue with its output thrown away."""

    def __init__(self, program: str) -> None:
        path = shutil.which(program)
        if path is None:
            raise BackendFailed(f"{program} is not installed")
        self.name = program
        self._path = path
        self._running: list[subprocess.Popen[bytes]] = []

    def _start(self, file: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [self._path, str(file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl+C in the terminal is for pushtimer, not the player
        )

    def probe(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            silence = Path(folder) / "silence.wav"
            with wave.open(str(silence), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(PROBE_RATE)
                out.writeframes(PROBE_SILENCE)
            try:
                code = self._start(silence).wait(PROBE_TIMEOUT)
            except subprocess.TimeoutExpired as error:
                raise BackendFailed(f"{self.name} did not finish") from error
            if code != 0:
                raise BackendFailed(f"{self.name} exited with status {code}")

    def play(self, sound: Sound) -> None:
        still = []
        for process in self._running:
            code = process.poll()
            if code is None:
                still.append(process)
            elif code != 0:
                raise BackendFailed(f"{self.name} exited with status {code}")
        self._running = still
        self._running.append(self._start(sound.path))


class BellBackend:
    """The terminal bell, rung by the front end (through the app while it draws). Every cue
    but the soft tick rings it: over SSH it is often the only sound there is."""

    name = "bell"

    def __init__(self, ring: Callable[[], None]) -> None:
        self._ring = ring

    def probe(self) -> None:
        return None

    def play(self, sound: Sound) -> None:
        if sound.name != "tick":
            self._ring()


class SilentBackend:
    """No sound at all: what is left when nothing else works, or with --no-sound."""

    name = "silent"

    def probe(self) -> None:
        return None

    def play(self, sound: Sound) -> None:
        return None
