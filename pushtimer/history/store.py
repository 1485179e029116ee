"""The history database: SQLite in the data folder, one row per session and per set.

A session row is written when a workout starts; a set row is committed the moment the set
is done, so any ending (even kill -9) keeps every finished set. WAL mode lets a second
reader (``pushtimer history`` in another terminal) see sets while a session runs. The
schema version lives in ``PRAGMA user_version`` and each migration moves it up by one.

Only a history pushtimer made is ever written to (history/ownership.py): another
program's database, a damaged file or one from a newer pushtimer is reported and left
exactly as it is; a database another process holds locked is waited for briefly, then
reported.

SQLite's locks on POSIX belong to the process, and closing *any* descriptor of the file
drops them all: so once this process holds a connection to a history, its ownership is
never read again by opening the file; a second store on it is checked through SQLite
(docs/architecture.md, "History writes"). Sessions are ordered by the instant they
started (``started_utc``), never by their local-time text.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct

from pushtimer.history.errors import HistoryError
from pushtimer.history.location import DB_NAME
from pushtimer.history.ownership import PUSHTIMER_ID, create, examine
from pushtimer.session.events import Outcome

BUSY_SECONDS = 2.0  # how long to wait for a lock before saying so
OPEN_RETRY_SECONDS = 0.02

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        plan_file TEXT NOT NULL,
        plan_name TEXT NOT NULL,
        workout_index INTEGER NOT NULL,
        workout_name TEXT NOT NULL,
        workout_day INTEGER,
        plan_days TEXT,
        started TEXT NOT NULL,
        ended TEXT,
        completed INTEGER,
        seconds REAL
    );
    CREATE TABLE set_done (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES session(id),
        exercise_index INTEGER NOT NULL,
        exercise TEXT NOT NULL,
        set_number INTEGER NOT NULL,
        side TEXT,
        reps_target TEXT,
        reps_done INTEGER,
        hold_seconds INTEGER,
        seconds REAL NOT NULL,
        done_at TEXT NOT NULL
    );
    CREATE INDEX set_done_by_session ON set_done(session_id);
    CREATE INDEX session_by_plan ON session(plan_name, started);
    """,
    # 2: what really happened. Each set gets its outcome and the seconds actually held;
    # older rows are judged by the same rule (docs/architecture.md, "Outcomes").
    """
    ALTER TABLE set_done ADD COLUMN outcome TEXT NOT NULL DEFAULT 'done';
    ALTER TABLE set_done ADD COLUMN held_seconds REAL;
    ALTER TABLE session ADD COLUMN stop_reason TEXT;
    UPDATE set_done SET held_seconds = MIN(seconds, hold_seconds)
        WHERE hold_seconds IS NOT NULL;
    UPDATE set_done SET outcome = CASE
        WHEN hold_seconds IS NOT NULL THEN CASE
            WHEN seconds >= hold_seconds - 0.001 THEN 'done'
            WHEN seconds >= 1 THEN 'partial' ELSE 'skipped' END
        WHEN reps_target = 'max' THEN CASE WHEN reps_done > 0 THEN 'done' ELSE 'skipped' END
        WHEN reps_done >= CAST(reps_target AS INTEGER) THEN 'done'
        WHEN reps_done > 0 THEN 'partial'
        ELSE 'skipped' END
    """,
    # 3: sessions in the order they happened. ``started`` is local time with its offset
    # (for display); ``started_utc`` is the same instant in UTC, which sorts as time runs
    # across a DST fall-back or a change of time zone. SQLite's strftime reads the offset.
    """
    ALTER TABLE session ADD COLUMN started_utc TEXT;
    UPDATE session SET started_utc = COALESCE(strftime('%Y-%m-%dT%H:%M:%SZ', started), started);
    CREATE INDEX session_by_instant ON session(started_utc)
    """,
    # 4: the tempo each set was paced at ("3-1-1-0", "free"; NULL for a hold), as it was:
    # a plan edited later does not change it. Older sets have none.
    """
    ALTER TABLE set_done ADD COLUMN tempo TEXT
    """,
)
UTC_OF = "COALESCE(strftime('%Y-%m-%dT%H:%M:%SZ', ?), ?)"  # a stamp with offset, in UTC
SCHEMA_VERSION = len(MIGRATIONS)


class SetRow(Struct, frozen=True):
    """One set (or side) as stored: how it ended, and what was done in it."""

    exercise_index: int
    exercise: str
    set_number: int
    side: str | None
    reps_target: str | None  # "12", "max", or None for a hold
    reps_done: int | None
    hold_seconds: int | None  # the hold planned
    seconds: float
    done_at: str  # when it ended
    outcome: Outcome = "done"
    held_seconds: float | None = None  # seconds actually held
    tempo: str | None = None  # paced at: "3-1-1-0", "free"; None for a hold or an old set


class SessionHead(Struct, frozen=True):
    """A session as it starts: which plan and workout, and when."""

    plan_file: str
    plan_name: str
    workout_index: int
    workout_name: str
    workout_day: int | None
    plan_days: str | None  # the plan's training days, "1,3,5", for streaks
    started: str


class SessionEnd(Struct, frozen=True):
    """How and when a session ended."""

    completed: bool
    seconds: float
    reason: str | None
    ended: str


SET_COLUMNS = (
    "exercise_index, exercise, set_number, side, reps_target, reps_done, hold_seconds,"
    " seconds, done_at, outcome, held_seconds, tempo"
)


class SessionRow(SessionHead, frozen=True, kw_only=True):
    """One session as stored, with its sets. ``completed`` is None when it never ended
    (the process was killed): it is shown as unfinished."""

    id: int
    ended: str | None
    completed: bool | None
    seconds: float | None
    sets: tuple[SetRow, ...]
    stop_reason: str | None = None  # StopReason, for a session stopped early

    @property
    def reps(self) -> int:
        return sum(s.reps_done or 0 for s in self.sets)

    @property
    def empty(self) -> bool:
        """Nothing done or partial: kept, but hidden and never counted."""
        return all(s.outcome == "skipped" for s in self.sets)


# The histories this process holds a connection to, by file (device, inode), and how
# many: while one is held, nothing here opens the file by a descriptor of its own.
_HELD: dict[tuple[int, int], int] = {}
_HELD_LOCK = threading.Lock()


def _identity(path: Path) -> tuple[int, int] | None:
    """The file at ``path`` as the kernel knows it (stat opens no descriptor)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


class HistoryStore:
    """The open history database. ``read_only``: for reading alone; a history that cannot
    be written (a read-only mount) is then read from a copy in memory instead of being
    refused."""

    def __init__(
        self, folder: Path, busy_seconds: float = BUSY_SECONDS, read_only: bool = False
    ) -> None:
        self.path = folder / DB_NAME
        self.busy_seconds = busy_seconds
        self.copy = False  # read from a copy in memory: nothing may be written
        self._identity: tuple[int, int] | None = None
        with _HELD_LOCK:  # no other thread connects while the file is examined
            self._db = self._connect(folder, read_only)
            self._identity = _identity(self.path)
            if self._identity is not None:
                _HELD[self._identity] = _HELD.get(self._identity, 0) + 1
        give_up = time.monotonic() + busy_seconds
        while True:
            try:
                self._prepare()
                return
            except sqlite3.OperationalError as error:
                # Two processes creating the file at once: SQLite refuses the second one's
                # change of journal mode at once, without waiting. Try again, as a lock would.
                if _is_busy(error) and time.monotonic() < give_up:
                    time.sleep(OPEN_RETRY_SECONDS)
                    continue
                self.close()
                raise self._explain(error) from None
            except (sqlite3.DatabaseError, HistoryError) as error:
                self.close()
                if isinstance(error, HistoryError):
                    raise
                raise self._explain(error) from None

    def _connect(self, folder: Path, read_only: bool) -> sqlite3.Connection:
        """A connection to the history, once it is known to be ours (made when missing)."""
        writable = self._claim(folder)
        if not writable and read_only:
            self.copy = True
            return self._read_copy()
        if not writable:
            raise self._refused(READ_ONLY)
        try:
            return sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise HistoryError(f"{self.path}: cannot open the history ({error})") from None

    def _claim(self, folder: Path) -> bool:
        """Make sure the file at ``self.path`` is a history of ours, making a new one when
        there is none; anything else is refused with its one line and never written to.
        Whether it can be written. A file this process already holds a connection to is
        not opened again to be examined (its locks would go): ``_prepare`` checks it through
        SQLite."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if _HELD.get(_identity(self.path) or (-1, -1)):
                verdict = "ours"
            else:
                verdict = examine(self.path, SCHEMA_VERSION)
                if verdict == "missing":
                    self._create()
                    verdict = examine(self.path, SCHEMA_VERSION)
        except (OSError, sqlite3.Error) as error:
            raise self._explain(error) from None
        refusal = REFUSALS.get(verdict)
        if refusal is not None:
            raise self._refused(refusal)
        # WAL needs its -wal and -shm files beside the database: the folder must be
        # writable too. (A file's mode does not stop root; an immutable flag or a
        # read-only mount does, and access() sees those.)
        return os.access(self.path, os.W_OK) and os.access(folder, os.W_OK)

    def _read_copy(self) -> sqlite3.Connection:
        """The history copied into memory from a read-only connection: SQLite reads a WAL
        database on a read-only mount only as an immutable file (no -shm can be made)."""
        uri = self.path.resolve().as_uri()
        failure: sqlite3.Error | None = None
        for way in ("mode=ro", "immutable=1"):
            memory = sqlite3.connect(":memory:", isolation_level=None)
            try:
                with contextlib.closing(
                    sqlite3.connect(f"{uri}?{way}", uri=True, timeout=self.busy_seconds)
                ) as source:
                    source.backup(memory)
                return memory
            except sqlite3.Error as error:
                memory.close()
                failure = error
        assert failure is not None
        raise self._explain(failure)

    def _refused(self, refusal: str) -> HistoryError:
        return HistoryError(
            f"{self.path}: {refusal}; it was left as it is. {ADVICE}",
            short=f"{self.path} {refusal}",
        )

    def _create(self) -> None:
        try:
            create(self.path, _statements(range(SCHEMA_VERSION)), SCHEMA_VERSION)
        except (OSError, sqlite3.Error) as error:
            raise self._explain(error, making=True) from None

    def _prepare(self) -> None:
        """Bring a history of ours up to date (an unmarked one, from an earlier pushtimer,
        gets the mark)."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:  # (a file examined by SQLite alone, or changed since)
            raise self._refused(REFUSALS["newer"])
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: safe against any crash of ours
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate(version)
        if self._db.execute("PRAGMA application_id").fetchone()[0] != PUSHTIMER_ID:
            self._db.execute(f"PRAGMA application_id = {PUSHTIMER_ID}")

    def _explain(self, error: sqlite3.Error | OSError, making: bool = False) -> HistoryError:
        """The one line for ``error``; ``making``: it came while making a new history."""
        text = str(error).lower()
        if isinstance(error, sqlite3.Error) and _is_busy(error):
            return HistoryError(
                f"{self.path}: the history is locked by another program (still so after "
                f"{self.busy_seconds:g} s); try again when it is done",
                transient=True,
            )
        if "full" in text or getattr(error, "errno", None) == errno.ENOSPC or _no_room(self.path):
            return HistoryError(
                f"{self.path}: cannot be written: the disk is full",
                transient=True,
                short=f"{self.path} cannot be written: the disk is full",
            )
        if "disk i/o" in text:
            return HistoryError(f"{self.path}: cannot be written ({text})", transient=True)
        if "readonly" in text or "read-only" in text or _denied(error):
            return self._refused(READ_ONLY)
        if making:
            reason = (getattr(error, "strerror", None) or str(error)).lower()
            return self._refused(f"cannot be made here ({reason})")
        if isinstance(error, OSError):
            reason = (error.strerror or str(error)).lower()
            return HistoryError(f"{self.path}: cannot open the history ({reason})")
        return self._refused(f"is damaged ({text})")

    def _migrate(self, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while this one waited for the lock.
                if self._db.execute("PRAGMA user_version").fetchone()[0] > number:
                    self._db.execute("COMMIT")
                    continue
                for statement in _statements([number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with _HELD_LOCK:
            self._db.close()
            if self._identity is not None and _HELD.get(self._identity):
                _HELD[self._identity] -= 1
                if not _HELD[self._identity]:
                    del _HELD[self._identity]
            self._identity = None

    # -- writing -------------------------------------------------------------------------------

    def _write(self, sql: str, values: tuple[object, ...]) -> int:
        if self.copy:
            raise self._refused(READ_ONLY)
        try:
            cursor = self._db.execute(sql, values)
        except sqlite3.Error as error:
            raise self._explain(error) from None
        return cursor.lastrowid or 0

    def start_session(self, head: SessionHead) -> int:
        """A new session row, committed at once; returns its id."""
        return self._write(
            "INSERT INTO session (plan_file, plan_name, workout_index, workout_name,"
            " workout_day, plan_days, started, started_utc)"
            f" VALUES (?, ?, ?, ?, ?, ?, ?, {UTC_OF})",
            (
                head.plan_file,
                head.plan_name,
                head.workout_index,
                head.workout_name,
                head.workout_day,
                head.plan_days,
                head.started,
                head.started,
                head.started,
            ),
        )

    def add_set(self, session_id: int, row: SetRow) -> None:
        """One set that ended, committed at once."""
        self._write(
            f"INSERT INTO set_done (session_id, {SET_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session_id, *msgspec.structs.astuple(row)),
        )

    def end_session(self, session_id: int, ending: SessionEnd) -> None:
        self._write(
            "UPDATE session SET ended = ?, completed = ?, seconds = ?, stop_reason = ?"
            " WHERE id = ?",
            (ending.ended, int(ending.completed), ending.seconds, ending.reason, session_id),
        )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes inside are kept all together or not at all."""
        if self.copy:
            raise self._refused(READ_ONLY)
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._explain(error) from None
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise self._explain(error) from None
            raise

    def delete_session(self, session_id: int) -> bool:
        """Remove a session and its sets for good; False when there is no such session."""
        with self.transaction():
            self._db.execute("DELETE FROM set_done WHERE session_id = ?", (session_id,))
            gone = self._db.execute("DELETE FROM session WHERE id = ?", (session_id,)).rowcount
        return gone > 0

    # -- reading -------------------------------------------------------------------------------

    def sessions(self) -> list[SessionRow]:
        """Every session, newest first (by the instant it started, whatever the time
        zone or clock change since), each with its sets. Two queries, whatever the number
        of sessions."""
        try:
            heads = self._db.execute(
                "SELECT id, plan_file, plan_name, workout_index, workout_name, workout_day,"
                " plan_days, started, ended, completed, seconds, stop_reason FROM session"
                " ORDER BY started_utc DESC, id DESC"
            ).fetchall()
            sets: dict[int, list[SetRow]] = {head[0]: [] for head in heads}
            for session_id, *done in self._db.execute(
                f"SELECT session_id, {SET_COLUMNS} FROM set_done ORDER BY id"
            ):
                sets[session_id].append(SetRow(*done))
        except sqlite3.Error as error:
            raise self._explain(error) from None
        return [_session_row(head, sets[head[0]]) for head in heads]


# What a file that is not a history of ours is, in the line that refuses it.
REFUSALS = {
    "foreign": "is not pushtimer's history (another program's database)",
    "damaged": "is damaged, or not a database",
    "newer": f"was written by a newer pushtimer (this one knows schema {SCHEMA_VERSION})",
    "odd": "is not a regular file",
}
ADVICE = "Move it aside, or choose another folder with --data-dir."
READ_ONLY = "is read-only (the file or its folder cannot be written)"


def _statements(migrations: Iterable[int]) -> list[str]:
    """The SQL statements of ``MIGRATIONS[n]`` for each ``n``, in order."""
    return [
        statement
        for number in migrations
        for statement in MIGRATIONS[number].split(";")
        if statement.strip()
    ]


def _no_room(path: Path) -> bool:
    """Less than a page or two free where the history is (SQLite says "disk I/O error"
    when it cannot grow its shared-memory file)."""
    try:
        usage = shutil.disk_usage(path.parent)
    except OSError:
        return False
    return usage.total > 0 and usage.free < 16 * 1024  # (/proc and the like: no size at all)


def _denied(error: BaseException) -> bool:
    return getattr(error, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS)


def _is_busy(error: sqlite3.Error) -> bool:
    text = str(error)
    return "locked" in text or "busy" in text


def _session_row(head: tuple[Any, ...], sets: list[SetRow]) -> SessionRow:
    """A row of ``SELECT id, <SessionHead's fields>, ended, completed, seconds,
    stop_reason``, with its sets."""
    id_, *start, ended, completed, seconds, stop_reason = head
    return SessionRow(
        *start,
        id=id_,
        ended=ended,
        completed=None if completed is None else bool(completed),
        seconds=seconds,
        sets=tuple(sets),
        stop_reason=stop_reason,
    )
