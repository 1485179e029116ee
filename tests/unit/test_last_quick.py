"""The last quick set, kept in the data folder: written whole, read back, and anything
broken, foreign or out of bounds ignored (never a crash, never a wait)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import msgspec
import pytest

from pushtimer.plan.quick import QuickValues
from pushtimer.settings.last_quick import LAST_QUICK_NAME, last_quick, save_last_quick
from pushtimer.settings.model import QuickSettings

BASE = QuickSettings(sets=2, tempo="2-0-1-0", rest=45, prepare=7).values()
USED = QuickValues(
    reps="8", hold=None, sets="3", tempo="3-1-1-0", rest="1m", per_side=True, prepare="0"
)


def test_kept_and_read_back_with_the_settings_prepare(tmp_path: Path) -> None:
    save_last_quick(tmp_path / "new", USED)  # the folder is made
    assert json.loads((tmp_path / "new" / LAST_QUICK_NAME).read_text()) == {
        "reps": "8",
        "hold": None,
        "sets": "3",
        "tempo": "3-1-1-0",
        "rest": "1m",
        "per_side": True,
    }
    assert last_quick(tmp_path / "new", BASE) == msgspec.structs.replace(USED, prepare="7")
    assert [p.name for p in (tmp_path / "new").iterdir()] == [LAST_QUICK_NAME]  # no leftovers


def test_a_hold_keeps_the_settings_tempo_for_when_reps_come_back(tmp_path: Path) -> None:
    hold = QuickValues(
        reps=None, hold="45s", sets="2", tempo=None, rest=None, per_side=False, prepare="5"
    )
    save_last_quick(tmp_path, hold)
    started = last_quick(tmp_path, BASE)
    assert (started.reps, started.hold, started.sets) == (None, "45s", "2")
    assert (started.tempo, started.rest, started.prepare) == ("2-0-1-0", "45", "7")


def test_nothing_kept_yet_is_the_base(tmp_path: Path) -> None:
    assert last_quick(tmp_path, BASE) is BASE
    assert last_quick(tmp_path / "no" / "folder", BASE) is BASE


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        b'{"reps": "8"}',  # keys missing
        b'{"reps": 8, "hold": null, "sets": "3", "tempo": null, "rest": null, "per_side": false}',
        b'{"reps": "8", "hold": null, "sets": "3", "tempo": null, "rest": null, "per_side": false,'
        b' "colour": "red"}',
        b'{"reps": "0", "hold": null, "sets": "3", "tempo": null, "rest": null, "per_side": false}',
        b'{"reps": null, "hold": null, "sets": "3", "tempo": null, "rest": null, "per_side": false}',
        b'{"reps": "8", "hold": null, "sets": "3", "tempo": "3-1", "rest": null, "per_side": false}',
        b'{"reps": "8", "hold": null, "sets": "\xc2\xb2", "tempo": null, "rest": null, "per_side": false}',
        b" " * 10_000,
    ],
)
def test_a_broken_or_foreign_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    (tmp_path / LAST_QUICK_NAME).write_bytes(content)
    assert last_quick(tmp_path, BASE) is BASE


def test_a_folder_in_its_place_is_ignored(tmp_path: Path) -> None:
    (tmp_path / LAST_QUICK_NAME).mkdir()
    assert last_quick(tmp_path, BASE) is BASE
    save_last_quick(tmp_path, USED)  # cannot replace a folder: nothing raised
    assert [p.name for p in tmp_path.iterdir()] == [LAST_QUICK_NAME]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_its_place_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / LAST_QUICK_NAME)
    assert last_quick(tmp_path, BASE) is BASE  # at once: opening it would wait for a writer


def test_an_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    save_last_quick(blocker / "data", USED)  # the folder cannot be made: nothing raised
    assert not (blocker / "data").exists()
