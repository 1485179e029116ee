"""The history database: schema and migration, sets visible at once, and the corrupt,
locked and too-new cases, which are reported and never touch the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pushtimer.history import store as store_module
from pushtimer.history.errors import HistoryError
from pushtimer.history.store import DB_NAME, SCHEMA_VERSION, HistoryStore, SetRow


def _set(number: int, reps: int = 10) -> SetRow:
    return SetRow(0, "Wide push-up", number, None, "12", reps, None, 30.0, "2026-11-20T08:01:00")


def test_a_new_history_has_the_schema_and_its_version(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data")
    store.close()
    db = sqlite3.connect(tmp_path / "data" / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"session", "set_done"}


def test_a_version_0_file_is_migrated(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / DB_NAME).execute("CREATE TABLE unrelated (x)").connection.close()
    store = HistoryStore(tmp_path)
    session = store.start_session("p.toml", "Plan", 0, "Day 1", 1, "1,3,5")
    store.add_set(session, _set(1))
    assert [row.plan_days for row in store.sessions()] == ["1,3,5"]


def test_each_set_is_visible_to_another_reader_before_the_session_ends(tmp_path: Path) -> None:
    writer = HistoryStore(tmp_path)
    session = writer.start_session("p.toml", "Plan", 0, "Day 1", None)
    writer.add_set(session, _set(1))
    writer.add_set(session, _set(2, reps=8))
    reader = HistoryStore(tmp_path)
    (row,) = reader.sessions()
    assert (row.completed, row.ended, row.reps, row.sets_done) == (None, None, 18, 2)
    writer.end_session(session, completed=False, seconds=75.5)
    (row,) = reader.sessions()
    assert (row.completed, row.seconds) == (False, 75.5)


@pytest.mark.parametrize(
    "content",
    [b"this is my training diary\n" * 50, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "bad-header"],
)
def test_a_corrupt_file_is_reported_and_left_byte_for_byte(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(content)
    with pytest.raises(HistoryError) as caught:
        HistoryStore(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}: not a usable history database (")
    assert "it was left as it is" in message and "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no -wal, no -journal


def test_a_locked_history_is_waited_for_then_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 0.05)
    store = HistoryStore(tmp_path)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(HistoryError, match="locked by another program"):
        store.start_session("p.toml", "Plan", 0, "Day 1", None)
    other.execute("COMMIT")
    assert store.start_session("p.toml", "Plan", 0, "Day 1", None) == 1  # free again: works


def test_a_history_from_a_newer_pushtimer_is_left_alone(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(HistoryError, match="written by a newer pushtimer"):
        HistoryStore(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before
