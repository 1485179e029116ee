"""The history keeps its locks and its order: a second store in the same process and readers
in other processes never take the running writer's WAL away; sessions come back in the
order they happened across a DST fall-back and a change of time zone, old histories
included; a history that cannot be written is still read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pushtimer.history.errors import HistoryError
from pushtimer.history.ownership import PUSHTIMER_ID
from pushtimer.history.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryStore,
    SessionHead,
    SetRow,
)

READ_AND_CLOSE = (
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1])\n"
    "print(db.execute('SELECT count(*) FROM set_done').fetchone()[0])\n"
    "db.close()\n"
)


def _head(started: str, workout: str = "Day 1") -> SessionHead:
    return SessionHead("p.toml", "Plan", 0, workout, None, None, started)


def _set(number: int) -> SetRow:
    return SetRow(0, "Push-up", number, None, "5", 5, None, 10.0, "2026-11-20T08:01:00+01:00")


def _read_elsewhere(folder: Path) -> int:
    """Sets counted by another process, which opens, reads and closes the history."""
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_CLOSE, str(folder / DB_NAME)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return int(done.stdout)


def _deleted_files_held() -> list[str]:
    fds = Path(f"/proc/{os.getpid()}/fd")
    if not fds.is_dir():
        pytest.skip("no /proc here")
    links = []
    for fd in fds.iterdir():
        try:
            links.append(str(fd.readlink()))
        except OSError:
            continue
    return [link for link in links if DB_NAME in link and link.endswith("(deleted)")]


def test_a_second_store_and_other_readers_never_take_the_writers_wal(tmp_path: Path) -> None:
    """The bug: examining the file by a descriptor of its own dropped this process's
    locks, so a reader elsewhere closed as if last, and deleted the WAL in use."""
    writer = HistoryStore(tmp_path)
    session = writer.start_session(_head("2026-11-20T08:00:00+01:00"))
    try:
        for number in range(1, 5):
            writer.add_set(session, _set(number))
            reader = HistoryStore(tmp_path)  # (the screen's reading store, the coach)
            assert len(reader.sessions()[0].sets) == number
            reader.close()
            assert _read_elsewhere(tmp_path) == number
            assert (tmp_path / f"{DB_NAME}-wal").exists()
            assert _deleted_files_held() == []
    finally:
        writer.close()
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT count(*) FROM set_done").fetchone() == (4,)


def test_a_store_opened_again_in_the_process_still_refuses_a_newer_history(
    tmp_path: Path,
) -> None:
    first = HistoryStore(tmp_path)
    try:
        other = sqlite3.connect(tmp_path / DB_NAME)
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        other.close()
        with pytest.raises(HistoryError, match="newer pushtimer"):
            HistoryStore(tmp_path)
    finally:
        first.close()


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # Tokyo at 08:00, then New York an hour later: 19:00 the evening before, local.
        ("2026-12-02T08:00:00+09:00", "2026-12-01T19:00:00-05:00"),
        # New York across the fall-back: 01:30 EDT, then 01:10 EST forty minutes later.
        ("2026-11-01T01:30:00-04:00", "2026-11-01T01:10:00-05:00"),
    ],
    ids=["time-zone-change", "dst-fall-back"],
)
def test_sessions_come_back_in_the_order_they_happened(
    tmp_path: Path, earlier: str, later: str
) -> None:
    store = HistoryStore(tmp_path)
    store.start_session(_head(earlier, "Day 1"))
    store.start_session(_head(later, "Day 3"))
    rows = store.sessions()
    assert [(r.workout_name, r.started) for r in rows] == [("Day 3", later), ("Day 1", earlier)]


def test_an_old_history_is_adopted_in_the_order_its_sessions_happened(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    db.executescript(";".join(MIGRATIONS[:2]) + "; PRAGMA user_version = 2;")
    db.execute(f"PRAGMA application_id = {PUSHTIMER_ID}")
    stamps = [  # in the order they happened, each an hour after the one before
        ("Day 1", "2026-12-01T23:30:00+00:00"),
        ("Day 3", "2026-12-02T09:30:00+09:00"),
        ("Day 5", "2026-12-01T20:30:00-05:00"),
    ]
    for name, started in stamps:
        db.execute(
            "INSERT INTO session (plan_file, plan_name, workout_index, workout_name, started)"
            " VALUES ('p.toml', 'Plan', 0, ?, ?)",
            (name, started),
        )
        db.execute(
            "INSERT INTO set_done (session_id, exercise_index, exercise, set_number,"
            " reps_target, reps_done, seconds, done_at) VALUES (last_insert_rowid(), 0,"
            " 'Push-up', 1, '5', 5, 10.0, ?)",
            (started,),
        )
    db.close()
    rows = HistoryStore(tmp_path).sessions()
    assert [r.workout_name for r in rows] == ["Day 5", "Day 3", "Day 1"]
    assert [r.started for r in rows] == [started for _, started in reversed(stamps)]
    assert all(len(r.sets) == 1 for r in rows)  # nothing lost
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert db.execute("SELECT started_utc FROM session ORDER BY id").fetchall() == [
        ("2026-12-01T23:30:00Z",),
        ("2026-12-02T00:30:00Z",),
        ("2026-12-02T01:30:00Z",),
    ]


def test_a_history_that_cannot_be_written_is_read_from_a_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = HistoryStore(data)
    store.add_set(store.start_session(_head("2026-11-20T08:00:00+01:00")), _set(1))
    store.close()
    data.chmod(0o555)
    (data / DB_NAME).chmod(0o444)
    if os.access(data, os.W_OK):  # root: a file's mode stops nothing
        pytest.skip("root ignores modes here; the read-only mount test covers this")
    with pytest.raises(HistoryError, match="read-only"):
        HistoryStore(data)
    reader = HistoryStore(data, read_only=True)
    assert reader.copy and len(reader.sessions()[0].sets) == 1
    with pytest.raises(HistoryError, match="read-only"):
        reader.start_session(_head("2026-11-21T08:00:00+01:00"))


def test_a_stamp_can_be_dated_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A max set's row is dated at the key that ended it, not at the count typed later."""
    from pushtimer.history.wallclock import FAKE_NOW, stamp

    monkeypatch.setenv(FAKE_NOW, "2026-11-20T08:00:30+01:00")
    assert stamp() == "2026-11-20T08:00:30+01:00"
    assert stamp(20.4) == "2026-11-20T08:00:09+01:00"
