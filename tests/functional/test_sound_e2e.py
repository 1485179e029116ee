"""Sound for real: simpleaudio on an ALSA null device, and a machine with no device at all.

``sound-check`` plays every cue at its real length, so these wait on the wall clock
(marked ``realtime``). CI sets PUSHTIMER_REQUIRE_SIMPLEAUDIO=1 so they can never be skipped.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pushtimer.audio.sounds import CUES

pytestmark = pytest.mark.realtime

ALSA_CONF = Path("/usr/share/alsa/alsa.conf")
HAVE_SIMPLEAUDIO = importlib.util.find_spec("simpleaudio") is not None and ALSA_CONF.exists()
REQUIRED = os.environ.get("PUSHTIMER_REQUIRE_SIMPLEAUDIO") == "1"
needs_simpleaudio = pytest.mark.skipif(
    not HAVE_SIMPLEAUDIO and not REQUIRED, reason="simpleaudio (the sound extra) is not installed"
)


def _alsa_config(tmp_path: Path, default_pcm: str) -> Path:
    """The system ALSA configuration with the default device replaced."""
    path = tmp_path / "asound.conf"
    path.write_text(ALSA_CONF.read_text() + f"\npcm.!default {{ {default_pcm} }}\n")
    return path


def _sound_check(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ALSA_CONFIG_PATH=str(config))
    return subprocess.run(
        [sys.executable, "-m", "pushtimer", "sound-check", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


@needs_simpleaudio
def test_simpleaudio_plays_every_cue_on_the_null_device(tmp_path: Path) -> None:
    result = _sound_check(_alsa_config(tmp_path, "type null"))
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[: len(CUES)] == [f"{name:<7} simpleaudio" for name in CUES]
    assert lines[-1] == "Sound plays through: simpleaudio"


@needs_simpleaudio
def test_with_no_sound_device_it_says_what_it_fell_back_to_and_alsa_stays_quiet(
    tmp_path: Path,
) -> None:
    result = _sound_check(_alsa_config(tmp_path, "type hw card 97"), "--sound", "simpleaudio")
    assert result.returncode == 0
    assert result.stderr == ""  # no "ALSA lib ..." lines, no traceback
    assert result.stdout.splitlines()[0].startswith("  not used: simpleaudio: ")
    assert "Sound plays through: silent" in result.stdout
    assert "No sound works here: the timer runs silently." in result.stdout
