"""Cue-to-sound latency: from the moment a cue is due to the moment its playback starts.

Runs a real 16-second tempo set on the real clock, waking at each engine deadline the way
the app does, and hands every cue to pushtimer's SoundPlayer (simpleaudio on an ALSA null
device, so it plays for real without hardware). Playback "starts" when simpleaudio has
opened the device and handed it the sound. The baseline, in the same run, calls
simpleaudio directly at each deadline on the same thread: the least any design can cost.

    python benchmarks/sound_latency.py        # goal: every cue starts within 20 ms
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pushtimer.audio.cues import cue_sound
from pushtimer.audio.player import SoundPlayer, backend_factories
from pushtimer.audio.sounds import load_sounds
from pushtimer.plan.quick import quick_plan
from pushtimer.session.clock import MonotonicClock
from pushtimer.session.engine import Engine
from pushtimer.session.events import Event
from pushtimer.session.timeline import Timeline, build_timeline

ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
GOAL_MS = 20.0
Play = Callable[[Event, Timeline, float], None]  # event, its timeline, when it was due


def _null_device() -> None:
    """Re-run this script with ALSA's default device replaced by a null one."""
    if "ALSA_CONFIG_PATH" in os.environ or not ALSA_CONF.exists():
        return
    config = Path(os.environ.get("TMPDIR", "/tmp")) / "pushtimer-null-alsa.conf"
    config.write_text(ALSA_CONF.read_text() + "\npcm.!default { type null }\n")
    os.environ["ALSA_CONFIG_PATH"] = str(config)
    os.execv(sys.executable, [sys.executable, *sys.argv])


def run_session(play: Play) -> None:
    """A quick set of 3 reps at 2-1-1-0 after a 4 s get-ready, cue by cue on time."""
    plan = quick_plan(reps="3", tempo="2-1-1-0", prepare="4")
    timeline = build_timeline(plan.workouts[0], plan.defaults)
    clock = MonotonicClock()
    engine = Engine(timeline, clock)
    origin = clock.now() - engine.session_time()
    while True:
        for event in engine.update():
            play(event, timeline, origin + getattr(event, "planned", 0.0))
        deadline = engine.next_deadline()
        if engine.finished or deadline is None:
            return
        time.sleep(max(0.0, deadline - clock.now()))


def measure_player() -> list[float]:
    lags: list[float] = []

    def played(name: str, backend: str, due: float, started: float) -> None:
        lags.append(started - due)

    player = SoundPlayer(backend_factories("simpleaudio", lambda: None), on_played=played)
    if player.choose().name != "simpleaudio":
        sys.exit(f"simpleaudio cannot play here: {player.passed_over}")
    player.start()
    run_session(lambda event, timeline, due: player.cue(event, timeline, due))
    player.close()
    return lags


def measure_direct() -> list[float]:
    import simpleaudio  # type: ignore[import-untyped]

    sounds = load_sounds()
    lags: list[float] = []

    def play(event: Event, timeline: Timeline, due: float) -> None:
        name = cue_sound(event)
        if name is not None:
            simpleaudio.play_buffer(sounds[name].frames, 1, 2, sounds[name].rate)
            lags.append(time.monotonic() - due)

    run_session(play)
    return lags


def _row(label: str, lags: list[float]) -> str:
    ms = sorted(lag * 1000 for lag in lags)
    p95 = ms[round(0.95 * (len(ms) - 1))]
    return f"{label:<36}{len(ms):>5}{statistics.median(ms):>9.2f}{p95:>9.2f}{ms[-1]:>9.2f}"


def main() -> None:
    _null_device()
    print("Cue-to-sound latency, simpleaudio on an ALSA null device (ms)")
    print(f"{'':<36}{'cues':>5}{'median':>9}{'p95':>9}{'worst':>9}")
    direct = measure_direct()
    print(_row("baseline: direct call in the loop", direct))
    player = measure_player()
    print(_row("pushtimer: SoundPlayer thread", player))
    ratio = statistics.median(player) / max(statistics.median(direct), 1e-6)
    worst = max(player) * 1000
    verdict = "met" if worst < GOAL_MS else f"NOT met by {worst - GOAL_MS:.1f} ms"
    print(f"median vs baseline: {ratio:.1f}x; goal, worst under {GOAL_MS:.0f} ms: {verdict}")


if __name__ == "__main__":
    main()
