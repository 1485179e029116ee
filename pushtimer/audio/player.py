"""The sound player: picks a backend once, then plays cues on a thread of its own.

The session hands it events; it never blocks the caller and never raises into it. The
first backend that works is chosen once at start by a real, short, silent play. When a
chosen backend fails later, the player quietly moves to the next one and plays the cue
there. A cue that waited too long (while a backend was being chosen) is dropped, never
played late.
"""

from __future__ import annotations

import contextlib
import functools
import queue
import threading
import time
from collections.abc import Callable
from typing import Literal

from msgspec import Struct

from pushtimer.audio.backends import (
    PLAYERS,
    Backend,
    BellBackend,
    PlayerBackend,
    SilentBackend,
    SimpleaudioBackend,
)
from pushtimer.audio.cues import cue_sound, cue_words
from pushtimer.audio.sounds import Sound, load_sounds
from pushtimer.audio.voice import Voice
from pushtimer.session.engine import STALE_AFTER
from pushtimer.session.events import Event
from pushtimer.session.timeline import Timeline

Choice = Literal["auto", "simpleaudio", "player", "bell", "off"]
Factory = tuple[str, Callable[[], Backend]]  # (name, maker)
# Told of each cue played: name, backend, when it was asked for, when playback started.
PlayedHook = Callable[[str, str, float, float], None]


def backend_factories(choice: Choice, ring: Callable[[], None]) -> list[Factory]:
    """The backends to try for a ``--sound`` choice, best first; silence always ends it."""
    simple: list[Factory] = [("simpleaudio", SimpleaudioBackend)]
    players: list[Factory] = [(name, functools.partial(PlayerBackend, name)) for name in PLAYERS]
    bell: list[Factory] = [("bell", functools.partial(BellBackend, ring))]
    chosen = {
        "auto": simple + players + bell,
        "simpleaudio": simple,
        "player": players,
        "bell": bell,
        "off": [],
    }[choice]
    return [*chosen, ("silent", SilentBackend)]


class _Cue(Struct, frozen=True):
    sound: str | None
    words: str | None
    asked: float


class SoundPlayer:
    """Plays cue sounds (and, with a Voice, speaks) for a running session."""

    def __init__(
        self,
        factories: list[Factory],
        sounds: dict[str, Sound] | None = None,
        voice: Voice | None = None,
        on_played: PlayedHook | None = None,
    ) -> None:
        self.backend: Backend | None = None
        self.passed_over: list[str] = []  # why earlier backends were not used
        self.notices: list[str] = []  # for the user, once (such as "no voice")
        self._factories = list(factories)
        self._sounds = sounds if sounds is not None else load_sounds()
        self._voice = voice
        self._on_played = on_played
        self._queue: queue.SimpleQueue[_Cue | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- choosing ----------------------------------------------------------------------------

    def choose(self) -> Backend:
        """The first backend that plays a short silence; silence itself if none does."""
        with self._lock:
            if self.backend is None:
                self.backend = self._next_working()
            return self.backend

    def _next_working(self) -> Backend:
        while self._factories:
            name, make = self._factories.pop(0)
            try:
                backend = make()
                backend.probe()
            except Exception as error:  # any failure at all means "try the next one"
                self.passed_over.append(f"{name}: {_why(error)}")
                continue
            return backend
        return SilentBackend()

    # -- playing -----------------------------------------------------------------------------

    def start(self) -> None:
        """Choose a backend and play cues from now on, on a thread of its own."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="pushtimer-sound", daemon=True)
            self._thread.start()

    def cue(self, event: Event, timeline: Timeline, due: float | None = None) -> None:
        """Queue the sound (and words) for ``event``; returns at once. ``due``, on
        ``time.monotonic``'s scale, is when the cue was meant to sound (default: now).
        Muting is the session's (LiveSession.toggle_mute): a muted session hands over
        nothing."""
        sound = cue_sound(event)
        words = cue_words(event, timeline) if self._voice is not None else None
        if sound is not None or words is not None:
            self._queue.put(_Cue(sound, words, time.monotonic() if due is None else due))

    def play_now(self, name: str) -> str:
        """Play one cue right here (for ``sound-check``); returns the backend that played
        it, after any fallback."""
        self._play(name, time.monotonic())
        return self.choose().name

    def close(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout=1.0)
            self._thread = None

    def _run(self) -> None:
        self.choose()
        while (item := self._queue.get()) is not None:
            if time.monotonic() - item.asked > STALE_AFTER:
                continue  # waited while a backend was chosen: too late to mean anything
            if item.sound is not None:
                self._play(item.sound, item.asked)
            if item.words is not None and self._voice is not None:
                self._voice.say(item.words)

    def _play(self, name: str, asked: float) -> None:
        sound = self._sounds.get(name)
        if sound is None:
            return
        backend = self.choose()
        while True:
            try:
                backend.play(sound)
            except Exception as error:  # never into the session: on to the next backend
                with self._lock:
                    self.passed_over.append(f"{backend.name}: {_why(error)}")
                    self.backend = backend = self._next_working()
                continue
            break
        if self._on_played is not None:
            with contextlib.suppress(Exception):
                self._on_played(name, backend.name, asked, time.monotonic())


def _why(error: BaseException) -> str:
    return str(error).strip() or type(error).__name__


class SoundSettings(Struct, frozen=True):
    """Sound as the command line asked for it."""

    choice: Choice = "auto"
    voice: bool = False


NO_VOICE = "No voice: no speech program found (espeak-ng, espeak or say); going on with tones."


def make_player(settings: SoundSettings, ring: Callable[[], None]) -> SoundPlayer:
    """A player for ``settings``; ``ring`` sounds the terminal bell for the bell backend.
    ``notices`` on the result says what the user should hear about (no voice, once)."""
    voice = Voice.find() if settings.voice else None
    # With sound off, no sound is loaded: there is nothing to play.
    sounds: dict[str, Sound] | None = {} if settings.choice == "off" else None
    player = SoundPlayer(backend_factories(settings.choice, ring), sounds, voice=voice)
    if settings.voice and voice is None:
        player.notices.append(NO_VOICE)
    return player
