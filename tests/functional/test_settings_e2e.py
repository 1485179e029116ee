"""The settings in real sessions: plain mode as a real process, with a settings file and
with flags that beat it. Marked ``realtime``: each session is stopped (or ends) within a
second or two, and the processes of a test run side by side."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pushtimer.audio.player import NO_VOICE
from pushtimer.settings.last_quick import LAST_QUICK_NAME
from tests.functional.tmux import PUSHTIMER, Terminal, needs_tmux

pytestmark = pytest.mark.realtime


def start(
    tmp_path: Path, name: str, settings: str, *args: str, path: str | None = None
) -> subprocess.Popen[str]:
    """``pushtimer --config FILE --data-dir DIR ARGS --plain`` in a folder of its own."""
    folder = tmp_path / name
    folder.mkdir()
    config = folder / "config.toml"
    config.write_text(settings, encoding="utf-8")
    command = [sys.executable, "-m", "pushtimer", "--config", str(config)]
    command += ["--data-dir", str(folder / "data"), *args, "--plain"]
    # SESSION names the session to the programs it runs (a stand-in player notes it).
    env = dict(os.environ, PATH=path, SESSION=name) if path is not None else None
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def read_until(process: subprocess.Popen[str], text: str) -> list[str]:
    """Lines of output (without their time stamps) up to and with the first holding
    ``text``."""
    assert process.stdout is not None
    lines: list[str] = []
    while not lines or text not in lines[-1]:
        line = process.stdout.readline()
        assert line, f"ended before {text!r}: {lines}"
        lines.append(line.rstrip("\n")[7:] if line[:2].isdigit() else line.rstrip("\n"))
    return lines


def stop(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=10)
    return err


QUICK_SETTINGS = '[quick]\nsets = 2\ntempo = "1-0-0-0"\nrest = 1\nprepare = "1s"\n'


def test_quick_takes_the_settings_and_flags_beat_them(tmp_path: Path) -> None:
    from_file = start(tmp_path, "file", QUICK_SETTINGS, "quick", "1")
    flags = ["--sets", "1", "--tempo", "2-0-0-0", "--prepare", "0"]
    from_flags = start(tmp_path, "flags", QUICK_SETTINGS, "quick", "1", *flags)
    # prepare 1 + rep 1 + rest 1 + rep 1
    assert read_until(from_file, "GET READY") == [
        "Quick set  (0:04)",
        "GET READY 1s  first: Set 1/2 Quick set",
    ]
    assert read_until(from_flags, "DOWN") == [
        "Quick set  (0:02)",
        "Set 1/1  Quick set  rep 1/1  DOWN 2s",
    ]
    for process in (from_file, from_flags):
        stop(process)
    # Each started quick set is kept for the quick-set form (prepare is the settings').
    kept = json.loads((tmp_path / "flags" / "data" / LAST_QUICK_NAME).read_text())
    assert kept == {
        "reps": "1",
        "hold": None,
        "sets": "1",
        "tempo": "2-0-0-0",
        "rest": "1",
        "per_side": False,
    }


SHORT_SET = ["quick", "1", "--tempo", "1-0-0-0", "--prepare", "0"]  # a short quick set


def test_sound_and_voice_flags_beat_the_file(tmp_path: Path) -> None:
    """A stand-in ``paplay`` (the only program on PATH) notes every sound it is given and
    which session asked (by the name its environment carries: the asking process may be
    gone by the time the last cue's player starts): the real player backend runs it for
    the start-up probe and every cue. No speech program is on PATH, so asking for a voice
    gives its notice."""
    bin_dir, played = _stand_in_player(tmp_path)
    settings = 'sound = "off"\nvoice = true\n'
    file_only = start(tmp_path, "file", settings, *SHORT_SET, path=str(bin_dir))
    flags = start(
        tmp_path,
        "flags",
        settings,
        *SHORT_SET,
        "--sound",
        "player",
        "--no-voice",
        path=str(bin_dir),
    )
    out, err = file_only.communicate(timeout=20)
    assert (file_only.returncode, err) == (0, "")
    assert out.splitlines()[0] == NO_VOICE  # voice = true, from the file
    out, err = flags.communicate(timeout=20)
    assert (flags.returncode, err) == (0, "")
    assert NO_VOICE not in out
    # Only the session told --sound player played anything: sound = "off" held for the other.
    asked = [line.split() for line in played.read_text().splitlines()]
    assert {session for session, _ in asked} == {"flags"}
    assert len(asked) >= 2 and asked[-1][1].endswith("done.wav")


def test_no_sound_before_the_command_silences_its_session(tmp_path: Path) -> None:
    """``pushtimer --no-sound quick ...`` (as `pushtimer serve --no-sound` starts its
    tabs' apps) beats the file's sound; the same session without it plays."""
    bin_dir, played = _stand_in_player(tmp_path)
    settings = 'sound = "player"\n'
    quiet = start(tmp_path, "quiet", settings, "--no-sound", *SHORT_SET, path=str(bin_dir))
    loud = start(tmp_path, "loud", settings, *SHORT_SET, path=str(bin_dir))
    for process in (quiet, loud):
        out, err = process.communicate(timeout=20)
        assert (process.returncode, err) == (0, ""), out
    assert {line.split()[0] for line in played.read_text().splitlines()} == {"loud"}


def _stand_in_player(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding only a stand-in ``paplay`` that notes which session asked (by the
    name its environment carries) and what, in the file returned with it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    played = tmp_path / "played.txt"
    player = bin_dir / "paplay"
    player.write_text(f'#!/bin/sh\necho "$SESSION $1" >> "{played}"\n')
    player.chmod(0o755)
    return bin_dir, played


@pytest.mark.parametrize(("count_in", "beeps"), [(2, ["GET READY 2", "GET READY 1"]), (0, [])])
def test_plain_mode_counts_in_after_a_pause_as_the_settings_say(
    tmp_path: Path, count_in: int, beeps: list[str]
) -> None:
    process = start(
        tmp_path,
        "session",
        f"count_in = {count_in}\n",
        "quick",
        "2",
        "--tempo",
        "3-0-0-0",
        "--prepare",
        "0",
        "--no-sound",
    )
    assert process.stdin is not None
    read_until(process, "rep 1/2  DOWN 3s")
    process.stdin.write(" ")
    process.stdin.flush()
    read_until(process, "PAUSED")
    process.stdin.write(" ")
    process.stdin.flush()
    lines = read_until(process, beeps[-1] if beeps else "RESUMED")
    assert [line for line in lines if line.startswith("GET READY ")] == beeps
    assert stop(process) == ""


@needs_tmux
def test_the_picker_in_a_real_terminal_starts_its_form_from_the_last_quick_set(
    tmp_path: Path,
) -> None:
    """The whole way from the files to the screen: the command reads the settings and the
    last quick set, the form shows them, and what it starts is kept for next time."""
    data = tmp_path / "data"
    data.mkdir()
    (data / LAST_QUICK_NAME).write_text(
        '{"reps": "7", "hold": null, "sets": "3", "tempo": "2-0-1-0", "rest": "1m30s",'
        ' "per_side": false}'
    )
    config = tmp_path / "config.toml"
    config.write_text("[quick]\nsets = 5\nprepare = 4\n[defaults]\nprepare = 0\n")
    terminal = Terminal("settings-picker")
    try:
        terminal.start(PUSHTIMER, "--config", str(config), "--data-dir", str(data))
        terminal.wait("choose a workout")  # the quick set is at the end of the list
        for _ in range(5):  # the list takes its keys once it has the focus
            terminal.keys("End")
            try:
                terminal.wait("Pace one exercise", 1)
                break
            except AssertionError:
                continue
        terminal.keys("Enter")
        terminal.wait("Tempo")
        form = terminal.screen()
        assert "Reps      7" in form and "Sets      3" in form and "2-0-1-0" in form
        terminal.keys("BSpace")
        terminal.wait("Reps      12, or max")  # the field is empty: its placeholder shows
        terminal.type("9")
        terminal.wait("Reps      9")  # as a person would see it before pressing Enter
        terminal.keys("Enter")
        terminal.wait("GET READY")  # the settings' [quick] prepare: 4 s
        assert "Set 1/3 · 9 reps" in terminal.screen()
    finally:
        terminal.close()
    kept = json.loads((data / LAST_QUICK_NAME).read_text())
    assert (kept["reps"], kept["sets"], kept["rest"]) == ("9", "3", "1m30s")
