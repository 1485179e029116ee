"""The history writer: rows written in order on their own thread, waiting out a lock held
by another connection (the warning set, then cleared), saved aside when the lock outlasts
the exit, and added back by the next writer. A real SQLite file throughout."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from pushtimer.history.store import DB_NAME, HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.history.writer import UNSAVED, WRITE_BUSY_SECONDS, HistoryWriter

HEAD = SessionHead("p.toml", "Plan", 0, "Day 1", None, None, "2026-11-20T08:00:00+01:00")
END = SessionEnd(False, 95.0, "signal", "2026-11-20T08:02:00+01:00")


def _set(number: int) -> SetRow:
    return SetRow(0, "Wide push-up", number, None, "12", 12, None, 30.0, f"t{number}")


def _lock(folder: Path) -> sqlite3.Connection:
    """Another program holding the history locked for writing."""
    HistoryStore(folder).close()
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def _sessions(folder: Path) -> list[tuple[int, list[int], str | None]]:
    store = HistoryStore(folder)
    try:
        return [(r.id, [s.set_number for s in r.sets], r.stop_reason) for r in store.sessions()]
    finally:
        store.close()


def test_rows_are_written_in_order(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path)
    session = writer.begin(HEAD)
    for number in (1, 2, 3):
        writer.add_set(session, _set(number))
    writer.end(session, END)
    assert writer.close() is None
    assert _sessions(tmp_path) == [(1, [1, 2, 3], "signal")]
    assert writer.session_id(session) == 1


def test_a_lock_holds_rows_back_in_order_and_the_warning_clears(tmp_path: Path) -> None:
    other = _lock(tmp_path)
    changes: list[str | None] = []
    warned = threading.Event()

    def changed(problem: str | None) -> None:
        changes.append(problem)
        if problem is not None:
            warned.set()

    writer = HistoryWriter(tmp_path, on_change=changed, retry_seconds=0.01)
    started = time.monotonic()
    session = writer.begin(HEAD)
    writer.add_set(session, _set(1))
    writer.add_set(session, _set(2))
    # Handing rows over never waits on the lock (one write waits WRITE_BUSY_SECONDS on it).
    assert time.monotonic() - started < WRITE_BUSY_SECONDS
    # The warning comes after the first write has waited that long: on a loaded machine,
    # later than that; the rows wait meanwhile.
    assert warned.wait(5)
    assert not writer.wait_idle(0.05) and writer.waiting == 3
    assert writer.problem is not None and "locked by another program" in writer.problem
    other.execute("COMMIT")
    assert writer.wait_idle(5)
    assert writer.problem is None
    assert changes == [changes[0], None] and changes[0] is not None
    writer.end(session, END)
    assert writer.close() is None
    assert _sessions(tmp_path) == [(1, [1, 2], "signal")]


def test_rows_still_locked_at_exit_are_kept_aside_then_added_next_time(tmp_path: Path) -> None:
    other = _lock(tmp_path)
    writer = HistoryWriter(tmp_path, retry_seconds=0.01)
    session = writer.begin(HEAD)
    writer.add_set(session, _set(1))
    writer.end(session, END)
    note = writer.close(0.2)
    assert note is not None and "1 set waited too long" in note and str(tmp_path / UNSAVED) in note
    (kept,) = (tmp_path / UNSAVED).glob("*.json")
    other.execute("COMMIT")
    other.close()
    assert _sessions(tmp_path) == []
    later = HistoryWriter(tmp_path)
    later.add_set(later.begin(HEAD), _set(7))
    assert later.close() is None
    assert _sessions(tmp_path) == [(2, [7], None), (1, [1], "signal")]
    assert not kept.exists() and list((tmp_path / UNSAVED).iterdir()) == []


def test_rows_after_a_session_start_already_written_are_added_to_it(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path, retry_seconds=0.01)
    session = writer.begin(HEAD)
    writer.add_set(session, _set(1))
    assert writer.wait_idle(5)
    other = _lock(tmp_path)
    writer.add_set(session, _set(2))
    writer.end(session, END)
    assert writer.close(0.1) is not None
    other.execute("COMMIT")
    HistoryWriter(tmp_path).close()  # any later writer adds what was kept
    assert _sessions(tmp_path) == [(1, [1, 2], "signal")]


def test_a_file_that_is_not_a_history_is_never_written_and_rows_are_kept(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"my diary\n" * 100)
    writer = HistoryWriter(tmp_path)
    writer.add_set(writer.begin(HEAD), _set(1))
    note = writer.close()
    assert note is not None and "is damaged, or not a database" in note
    assert (tmp_path / DB_NAME).read_bytes() == b"my diary\n" * 100
    assert len(list((tmp_path / UNSAVED).glob("*.json"))) == 1


def test_close_twice_and_writing_after_close(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path)
    assert writer.close() is None and writer.close() is None
    with pytest.raises(RuntimeError, match="closed"):
        writer.begin(HEAD)


def test_start_is_safe_to_call_again_after_the_thread_has_ended(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"my diary\n" * 100)  # the thread ends at once
    writer = HistoryWriter(tmp_path)
    for _ in range(100):
        if writer.problem is not None:
            break
        time.sleep(0.01)
    writer.start()
    assert writer.close() is None  # nothing was handed over


def test_only_files_a_writer_saved_are_claimed_from_unsaved(tmp_path: Path) -> None:
    # A FIFO named as a writer names its files once stalled the writer on reading it.
    folder = tmp_path / UNSAVED
    folder.mkdir()
    fifo = folder / "20261120T080000-123.json"
    os.mkfifo(fifo)
    (folder / "notes.json").write_text("{}")  # somebody's own files
    (folder / "stray.txt").write_text("mine")
    (folder / "20261120T080001-124.json").mkdir()
    (folder / "20261120T080002-125.tmp").write_text("")  # a writer saving now: not said
    writer = HistoryWriter(tmp_path)
    writer.add_set(writer.begin(HEAD), _set(1))
    assert writer.close() is None
    assert _sessions(tmp_path) == [(1, [1], None)]
    assert writer.passed_over == [
        f"History: left {folder / name} alone: {kind} pushtimer did not save"
        " (nothing of yours is lost; move it out of that folder to end this line)"
        for name, kind in (
            ("20261120T080000-123.json", "a FIFO"),
            ("20261120T080001-124.json", "a folder"),
            ("notes.json", "a file"),
            ("stray.txt", "a file"),
        )
    ]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # all left as they were
    assert (folder / "notes.json").read_text() == "{}"


def test_rows_that_waited_too_long_always_say_why(tmp_path: Path) -> None:
    writer = HistoryWriter(tmp_path, start=False)
    writer.add_set(writer.begin(HEAD), _set(1))
    note = writer.close(0)  # no time at all: the rows were only short of it
    assert note is not None
    reasons = "the time given to write them at exit ran out|the history was still being opened"
    assert re.search(rf"1 set waited too long \(({reasons})\)", note), note
