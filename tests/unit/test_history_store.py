"""The history database: schema and migrations (old rows judged by the outcome rule), sets
visible at once, delete, creation raced by two processes, and the corrupt, locked and
too-new cases, which are reported and never touch the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pushtimer.history.errors import HistoryError
from pushtimer.history.ownership import PUSHTIMER_ID
from pushtimer.history.store import (
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryStore,
    SessionEnd,
    SessionHead,
    SetRow,
)

HEAD = SessionHead("p.toml", "Plan", 0, "Day 1", 1, "1,3,5", "2026-11-20T08:00:00+01:00")


def _set(number: int, reps: int = 10) -> SetRow:
    return SetRow(0, "Wide push-up", number, None, "12", reps, None, 30.0, "2026-11-20T08:01:00")


def test_a_new_history_has_the_schema_and_its_version(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "data")
    store.close()
    db = sqlite3.connect(tmp_path / "data" / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"session", "set_done"}


def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("CREATE TABLE unrelated (x)")
    db.commit()
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(HistoryError, match="not pushtimer's history"):
        HistoryStore(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no -wal, no -shm


def test_version_1_rows_get_outcomes_by_the_same_rule(tmp_path: Path) -> None:
    """A history written before outcomes: full reps are done, fewer partial, none skipped;
    a hold is done at its full time, partial after a second, and keeps the time held."""
    db = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    db.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    db.execute(
        "INSERT INTO session (plan_file, plan_name, workout_index, workout_name, started,"
        " completed) VALUES ('p', 'Plan', 0, 'Day', '2026-11-20T08:00:00', 1)"
    )
    old_sets = [  # reps_target, reps_done, hold_seconds, seconds
        ("12", 12, None, 60.0),
        ("12", 5, None, 25.0),
        ("12", 0, None, 2.0),
        ("max", 17, None, 40.0),
        ("max", 0, None, 3.0),
        (None, None, 45, 45.0),
        (None, None, 45, 20.5),
        (None, None, 45, 0.4),
    ]
    for number, (target, done, hold, seconds) in enumerate(old_sets, 1):
        db.execute(
            "INSERT INTO set_done (session_id, exercise_index, exercise, set_number,"
            " reps_target, reps_done, hold_seconds, seconds, done_at)"
            " VALUES (1, 0, 'E', ?, ?, ?, ?, ?, 'x')",
            (number, target, done, hold, seconds),
        )
    db.close()
    (row,) = HistoryStore(tmp_path).sessions()
    assert [s.outcome for s in row.sets] == [
        "done", "partial", "skipped", "done", "skipped", "done", "partial", "skipped"
    ]  # fmt: skip
    assert [s.held_seconds for s in row.sets][5:] == [45.0, 20.5, 0.4]
    assert {s.tempo for s in row.sets} == {None}  # not known then: formats ask the plan
    assert (row.stop_reason, row.empty) == (None, False)


def test_each_set_is_visible_to_another_reader_before_the_session_ends(tmp_path: Path) -> None:
    writer = HistoryStore(tmp_path)
    session = writer.start_session(HEAD)
    writer.add_set(session, _set(1))
    writer.add_set(session, _set(2, reps=8))
    reader = HistoryStore(tmp_path)
    (row,) = reader.sessions()
    assert (row.completed, row.ended, row.reps, len(row.sets)) == (None, None, 18, 2)
    writer.end_session(session, SessionEnd(False, 75.5, "signal", "2026-11-20T08:02:00"))
    (row,) = reader.sessions()
    assert (row.completed, row.seconds, row.stop_reason) == (False, 75.5, "signal")
    assert row.ended == "2026-11-20T08:02:00" and row.started == HEAD.started


def test_delete_removes_a_session_and_its_sets(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path)
    first, second = store.start_session(HEAD), store.start_session(HEAD)
    store.add_set(first, _set(1))
    store.add_set(second, _set(1))
    assert store.delete_session(first) and not store.delete_session(first)
    assert [row.id for row in store.sessions()] == [second]
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("SELECT session_id FROM set_done").fetchall() == [(second,)]


def _create(folder: str) -> str:
    try:
        HistoryStore(Path(folder)).close()
    except HistoryError as error:
        return str(error)
    return "ok"


def test_two_processes_creating_the_history_at_once_both_succeed(tmp_path: Path) -> None:
    from concurrent.futures import ProcessPoolExecutor

    for attempt in range(6):
        folder = tmp_path / str(attempt)
        with ProcessPoolExecutor(2) as pool:
            assert list(pool.map(_create, [str(folder)] * 2)) == ["ok", "ok"]
        (row,) = sqlite3.connect(folder / DB_NAME).execute("PRAGMA user_version").fetchall()
        assert row == (SCHEMA_VERSION,)


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
    assert message.startswith(f"{path}: is damaged, or not a database; ")
    assert "it was left as it is" in message and "\n" not in message
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no -wal, no -journal


def test_a_locked_history_is_waited_for_then_reported(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path, busy_seconds=0.05)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(HistoryError, match="locked by another program") as caught:
        store.start_session(HEAD)
    assert caught.value.transient
    other.execute("COMMIT")
    assert store.start_session(HEAD) == 1  # free again: works


def test_a_history_from_a_newer_pushtimer_is_left_alone(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA application_id = {PUSHTIMER_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(HistoryError, match="was written by a newer pushtimer"):
        HistoryStore(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before
