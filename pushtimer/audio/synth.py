"""The cue sounds, made from code: ``python -m pushtimer.audio.synth [FOLDER]`` writes them.

Standard library only (``wave`` and ``math``), so anyone can regenerate ``sounds/`` and get
the same bytes. Every sound is 16-bit mono at 44.1 kHz, with a smooth attack and release so
nothing clicks: ``down`` falls, ``up`` rises, ``tick`` is a short soft click-like beep, and
``done`` is a little three-note figure.
"""

from __future__ import annotations

import math
import sys
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 44_100
PEAK = 32_767
# Pitches in hertz (equal temperament, A4 = 440).
C5, E5, G5, A5, C6, E6 = 523.25, 659.26, 783.99, 880.0, 1046.5, 1318.51
A4, G4, E4 = 440.0, 392.0, 329.63

Frequency = Callable[[float], float]  # seconds into the note -> hertz


def _note(
    seconds: float,
    frequency: Frequency,
    volume: float,
    attack: float = 0.005,
    release: float = 0.03,
    overtone: float = 0.0,
) -> list[float]:
    """One note whose pitch may glide (``frequency`` of time), shaped by a raised-cosine
    attack and release; ``overtone`` mixes in the octave for a brighter tone."""
    count = round(seconds * RATE)
    samples = []
    phase = 0.0
    for index in range(count):
        t = index / RATE
        phase += 2 * math.pi * frequency(t) / RATE
        value = math.sin(phase) + overtone * math.sin(2 * phase)
        left = (count - index) / RATE
        if t < attack:
            value *= 0.5 - 0.5 * math.cos(math.pi * t / attack)
        if left < release:
            value *= 0.5 - 0.5 * math.cos(math.pi * left / release)
        samples.append(volume * value / (1 + overtone))
    return samples


def _steady(hertz: float) -> Frequency:
    return lambda t: hertz


def _glide(start: float, end: float, seconds: float) -> Frequency:
    """A pitch sweep that sounds even: exponential from ``start`` to ``end``."""
    return lambda t: start * (end / start) ** min(1.0, t / seconds)


def _silence(seconds: float) -> list[float]:
    return [0.0] * round(seconds * RATE)


def _tick() -> list[float]:
    return _note(0.035, _steady(1760.0), 0.35, attack=0.002, release=0.025)


def _go() -> list[float]:
    return _note(0.09, _steady(E5), 0.6, overtone=0.3) + _note(
        0.16, _steady(A5), 0.65, overtone=0.3
    )


def _down() -> list[float]:
    return _note(0.32, _glide(C6, A4, 0.32), 0.6, release=0.06)


def _up() -> list[float]:
    return _note(0.2, _glide(A4, C6, 0.2), 0.6, release=0.04)


def _hold() -> list[float]:
    vibrato = lambda t: G4 * (1 + 0.01 * math.sin(2 * math.pi * 6 * t))  # noqa: E731
    return _note(0.4, vibrato, 0.6, attack=0.02, release=0.08, overtone=0.5)


def _switch() -> list[float]:
    beep = _note(0.07, _steady(G5), 0.6, release=0.02, overtone=0.2)
    return beep + _silence(0.05) + _note(0.07, _steady(C6), 0.6, release=0.02, overtone=0.2)


def _rest() -> list[float]:
    return _note(0.18, _steady(E5), 0.5, release=0.05) + _note(0.26, _steady(E4 * 1.5), 0.45)


def _done() -> list[float]:
    return (
        _note(0.14, _steady(C5), 0.6, overtone=0.3)
        + _note(0.14, _steady(E5), 0.6, overtone=0.3)
        + _note(0.45, _steady(G5), 0.6, release=0.25, overtone=0.3)
    )


# Every cue, in the order ``sound-check`` plays them.
SOUNDS: dict[str, Callable[[], list[float]]] = {
    "tick": _tick,
    "go": _go,
    "down": _down,
    "up": _up,
    "hold": _hold,
    "switch": _switch,
    "rest": _rest,
    "done": _done,
}


def pcm_frames(samples: list[float]) -> bytes:
    """16-bit little-endian PCM frames."""
    out = bytearray()
    for value in samples:
        out += max(-PEAK, min(PEAK, round(value * PEAK))).to_bytes(2, "little", signed=True)
    return bytes(out)


def write_sounds(folder: Path) -> list[Path]:
    """Write every cue as ``folder/NAME.wav``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in SOUNDS.items():
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(pcm_frames(make()))
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("sounds")
    for path in write_sounds(target):
        print(path)
