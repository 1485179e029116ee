"""Odd and foreign history databases: pushtimer writes only to a history it made, leaves
every other file byte for byte as it was (no journal or WAL files beside it either), says
in one line what the file is, and still runs a workout, saying it will not be kept.
Creating the history on first use is safe when two pushtimers start at once."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pushtimer.history.ownership import PUSHTIMER_ID
from pushtimer.history.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, HistoryStore

QUICK = ("quick", "--hold", "1", "--prepare", "0", "--no-sound", "--plain")


def pushtimer(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pushtimer", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "XDG_CONFIG_HOME": str(data.parent / "config")},
    )


def _state(folder: Path) -> tuple[str, list[str]]:
    """The database's bytes (as a digest) and what else is in its folder."""
    path = folder / DB_NAME
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
    return digest, sorted(p.name for p in folder.iterdir() if p.name != "last-quick.json")


def another_programs(path: Path, wal: bool = False) -> None:
    db = sqlite3.connect(path)
    if wal:
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE notes (day TEXT, text TEXT)")
    db.execute("INSERT INTO notes VALUES ('2026-11-20', 'my own data')")
    db.commit()
    db.close()


def another_program_with_our_table_names(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE session (x)")
    db.execute("CREATE TABLE set_done (y)")
    db.execute("PRAGMA user_version = 1")
    db.execute("PRAGMA application_id = 1234")
    db.commit()
    db.close()


def newer_pushtimers(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {PUSHTIMER_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("CREATE TABLE session (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()


FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "another-program": (another_programs, "is not pushtimer's history"),
    "another-program-wal": (lambda p: another_programs(p, wal=True), "is not pushtimer's"),
    "same-table-names": (another_program_with_our_table_names, "is not pushtimer's"),
    "newer-pushtimer": (newer_pushtimers, "was written by a newer pushtimer"),
    "text": (lambda p: p.write_bytes(b"my training diary\n" * 100), "is damaged"),
    "random": (lambda p: p.write_bytes(os.urandom(8192)), "is damaged"),
    "header-only": (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84), "is damaged"),
    "truncated": (
        lambda p: (another_programs(p), p.write_bytes(p.read_bytes()[:1000])),
        "is damaged",
    ),
    "folder": (lambda p: p.mkdir(), "is not a regular file"),
    "fifo": (os.mkfifo, "is not a regular file"),
}


@pytest.mark.realtime
@pytest.mark.parametrize("kind", list(FILES))
def test_a_file_that_is_not_our_history_is_left_as_it_was(kind: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    make, words = FILES[kind]
    make(data / DB_NAME)
    before = _state(data)
    listed = pushtimer(data, "history")
    assert listed.returncode == 2 and words in listed.stderr, listed.stderr
    assert listed.stderr.count("\n") == 1 and "Traceback" not in listed.stderr
    session = pushtimer(data, *QUICK)
    assert session.returncode == 0, session.stderr
    assert f"Not kept: {data / DB_NAME} {words}".split(" (")[0] in session.stdout
    assert "Workout complete" in session.stdout
    assert _state(data) == before


def test_a_history_made_by_an_earlier_pushtimer_is_used_and_marked(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    db.executescript(MIGRATIONS[0] + f"; PRAGMA user_version = {1};")
    db.close()
    store = HistoryStore(tmp_path)
    assert store.sessions() == []
    store.close()
    (mark,) = sqlite3.connect(tmp_path / DB_NAME).execute("PRAGMA application_id").fetchone()
    assert mark == PUSHTIMER_ID


def test_a_new_history_is_marked_as_pushtimers(tmp_path: Path) -> None:
    HistoryStore(tmp_path).close()
    header = (tmp_path / DB_NAME).read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == PUSHTIMER_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no scratch file left


CREATE = "import sys; from pathlib import Path; from pushtimer.history.store import HistoryStore; "
CREATE += "HistoryStore(Path(sys.argv[1])).close()"


@pytest.mark.realtime
def test_two_pushtimers_making_the_history_at_once_both_succeed(tmp_path: Path) -> None:
    for round_ in range(10):
        data = tmp_path / f"round{round_}"
        starts = [
            subprocess.Popen(
                [sys.executable, "-c", CREATE, str(data)], stderr=subprocess.PIPE, text=True
            )
            for _ in range(3)
        ]
        for process in starts:
            _, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
        # No scratch file of ours is left. SQLite's own -wal and -shm may stay when two
        # connections close at the same instant (each sees the other's lock); the next
        # open recovers them.
        left = {p.name for p in data.iterdir()} - {f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
        assert left == {DB_NAME}
        db = sqlite3.connect(data / DB_NAME)
        try:
            assert db.execute("PRAGMA application_id").fetchone() == (PUSHTIMER_ID,)
            assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            db.close()


@contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """``path`` made immutable (even for root, which ignores a file's mode)."""
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.realtime
def test_a_read_only_history_is_left_as_it_was_and_the_workout_runs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    HistoryStore(data).close()
    with _immutable(data / DB_NAME), _immutable(data):
        before = _state(data)
        session = pushtimer(data, *QUICK)
        assert session.returncode == 0 and "Workout complete" in session.stdout
        assert "read-only" in session.stdout + session.stderr
        assert _state(data) == before


@contextmanager
def _tiny_disk(folder: Path, size: str = "64k") -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.realtime
def test_a_full_disk_is_said_and_the_workout_runs(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        HistoryStore(data).close()
        filler = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(filler, b"\0" * 4096):
                pass
        except OSError:  # the disk is full
            pass
        finally:
            os.close(filler)
        before = _state(data)
        listed = pushtimer(data, "history")
        assert listed.returncode == 2 and "the disk is full" in listed.stderr
        session = pushtimer(data, *QUICK)
        assert session.returncode == 0 and "Workout complete" in session.stdout
        assert "Traceback" not in session.stderr
        assert "the disk is full" in session.stdout + session.stderr
        assert _state(data)[0] == before[0]


@pytest.mark.realtime
def test_a_history_on_a_read_only_mount_is_read_and_left_as_it_was(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "disk", size="4m") as disk:
        data = disk / "data"
        assert pushtimer(data, *QUICK).returncode == 0
        remounted = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True)
        if remounted.returncode != 0:
            pytest.skip("cannot remount read-only here")
        before = _state(data)
        listed = pushtimer(data, "history", "--json")
        assert listed.returncode == 0, listed.stderr
        (session,) = json.loads(listed.stdout)["sessions"]
        assert session["status"] == "complete" and len(session["sets"]) == 1
        assert pushtimer(data, "progress").returncode == 0
        assert _state(data) == before
