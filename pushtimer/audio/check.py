"""``pushtimer sound-check``: play every cue in turn and say which way of playing played
it, and what to install when only the bell or silence works."""

from __future__ import annotations

import time
from collections.abc import Callable


def sound_check(
    choice: str,
    ring_bell: Callable[[], None],
    say: Callable[[str], None],
    wait: Callable[[float], None] = time.sleep,
) -> None:
    """Check the ways of playing ``choice`` allows ("auto": every one, in order), saying
    each finding through ``say``; ``wait`` lets each cue finish before the next."""
    from pushtimer.audio.player import SoundPlayer, backend_factories
    from pushtimer.audio.sounds import CUES, load_sounds

    sounds = load_sounds()
    player = SoundPlayer(backend_factories(choice, ring_bell), sounds)  # type: ignore[arg-type]
    chosen = player.choose()
    for reason in player.passed_over:
        say(f"  not used: {reason}")
    for name in CUES:
        backend = player.play_now(name)
        say(f"{name:<7} {backend}")
        wait(sounds[name].seconds + 0.15 if name in sounds else 0.1)
    final = player.choose().name
    after = "" if final == chosen.name else f" (after {chosen.name} failed)"
    say(f"Sound plays through: {final}{after}")
    if choice == "off":
        return
    if final == "bell":
        say("No sound device or player works here: cues ring the terminal bell (not ticks).")
    elif final == "silent":
        say("No sound works here: the timer runs silently.")
    if final in ("bell", "silent") and any("No module named" in r for r in player.passed_over):
        say("For tones: pip install 'pushtimer[sound]', or a player such as paplay or aplay.")
