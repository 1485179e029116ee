"""The history database: SQLite in the data folder, one row per session and per set.

A session row is written when a workout starts; a set row is committed the moment the set
is done, so any ending (even kill -9) keeps every finished set. WAL mode lets a second
reader (``pushtimer history`` in another terminal) see sets while a session runs. The
schema version lives in ``PRAGMA user_version`` and each migration moves it up by one.

A file that is not a database is reported and left exactly as it is; a database another
process holds locked is waited for briefly, then reported.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from msgspec import Struct

from pushtimer.history.errors import HistoryError
from pushtimer.history.wallclock import stamp

DB_NAME = "history.sqlite3"
BUSY_SECONDS = 2.0  # how long to wait for a lock before saying so

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
)
SCHEMA_VERSION = len(MIGRATIONS)


class SetRow(Struct, frozen=True):
    """One completed set (or side) as stored."""

    exercise_index: int
    exercise: str
    set_number: int
    side: str | None
    reps_target: str | None  # "12", "max", or None for a hold
    reps_done: int | None
    hold_seconds: int | None
    seconds: float
    done_at: str


class SessionRow(Struct, frozen=True):
    """One session as stored, with its sets. ``completed`` is None when it never ended
    (the process was killed): it is shown as unfinished."""

    id: int
    plan_file: str
    plan_name: str
    workout_index: int
    workout_name: str
    workout_day: int | None
    plan_days: str | None  # the plan's training days, "1,3,5", for streaks
    started: str
    ended: str | None
    completed: bool | None
    seconds: float | None
    sets: tuple[SetRow, ...]

    @property
    def reps(self) -> int:
        return sum(s.reps_done or 0 for s in self.sets)

    @property
    def sets_done(self) -> int:
        return sum(1 for s in self.sets if s.side != "left")


class HistoryStore:
    """The open history database."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise HistoryError(f"{self.path}: cannot open the history ({error})") from None
        try:
            # Read before writing anything: a file that is not ours stays as it is.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(
                    f"{self.path}: written by a newer pushtimer (schema {version}; this one "
                    f"knows {SCHEMA_VERSION}); it was left as it is"
                )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: safe against any crash of ours
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate(version)
        except (sqlite3.DatabaseError, HistoryError) as error:
            self._db.close()
            if isinstance(error, HistoryError):
                raise
            raise self._explain(error) from None

    def _explain(self, error: sqlite3.Error) -> HistoryError:
        text = str(error)
        if "locked" in text or "busy" in text:
            return HistoryError(
                f"{self.path}: the history is locked by another program (still so after "
                f"{BUSY_SECONDS:.0f} s); try again when it is done"
            )
        return HistoryError(
            f"{self.path}: not a usable history database ({text}); it was left as it is. "
            "Move it aside to start a new history."
        )

    def _migrate(self, version: int) -> None:
        for number in range(version, SCHEMA_VERSION):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self._db.close()

    # -- writing -------------------------------------------------------------------------------

    def _write(self, sql: str, values: tuple[object, ...]) -> int:
        try:
            cursor = self._db.execute(sql, values)
        except sqlite3.Error as error:
            raise self._explain(error) from None
        return cursor.lastrowid or 0

    def start_session(
        self,
        plan_file: str,
        plan_name: str,
        workout_index: int,
        workout_name: str,
        workout_day: int | None,
        plan_days: str | None = None,
    ) -> int:
        """A new session row, committed at once; returns its id."""
        return self._write(
            "INSERT INTO session (plan_file, plan_name, workout_index, workout_name,"
            " workout_day, plan_days, started) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (plan_file, plan_name, workout_index, workout_name, workout_day, plan_days, stamp()),
        )

    def add_set(self, session_id: int, row: SetRow) -> None:
        """One completed set, committed at once."""
        self._write(
            "INSERT INTO set_done (session_id, exercise_index, exercise, set_number, side,"
            " reps_target, reps_done, hold_seconds, seconds, done_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                row.exercise_index,
                row.exercise,
                row.set_number,
                row.side,
                row.reps_target,
                row.reps_done,
                row.hold_seconds,
                row.seconds,
                row.done_at,
            ),
        )

    def end_session(self, session_id: int, completed: bool, seconds: float) -> None:
        self._write(
            "UPDATE session SET ended = ?, completed = ?, seconds = ? WHERE id = ?",
            (stamp(), int(completed), seconds, session_id),
        )

    # -- reading -------------------------------------------------------------------------------

    def sessions(self, since: str | None = None) -> list[SessionRow]:
        """Sessions, newest first, each with its sets; ``since`` is a date (YYYY-MM-DD).
        Two queries, whatever the number of sessions."""
        where, values = ("WHERE substr(started, 1, 10) >= ?", (since,)) if since else ("", ())
        try:
            heads = self._db.execute(
                "SELECT id, plan_file, plan_name, workout_index, workout_name, workout_day,"
                f" plan_days, started, ended, completed, seconds FROM session {where}"
                " ORDER BY started DESC, id DESC",
                values,
            ).fetchall()
            sets: dict[int, list[SetRow]] = {head[0]: [] for head in heads}
            for session_id, *done in self._db.execute(
                "SELECT session_id, exercise_index, exercise, set_number, side, reps_target,"
                " reps_done, hold_seconds, seconds, done_at FROM set_done"
                f" WHERE session_id IN (SELECT id FROM session {where}) ORDER BY id",
                values,
            ):
                sets[session_id].append(SetRow(*done))
        except sqlite3.Error as error:
            raise self._explain(error) from None
        return [_session_row(head, sets[head[0]]) for head in heads]


def _session_row(head: tuple[Any, ...], sets: list[SetRow]) -> SessionRow:
    (id_, plan_file, plan_name, index, name, day, days, started, ended, completed, seconds) = head
    return SessionRow(
        id=id_,
        plan_file=plan_file,
        plan_name=plan_name,
        workout_index=index,
        workout_name=name,
        workout_day=day,
        plan_days=days,
        started=started,
        ended=ended,
        completed=None if completed is None else bool(completed),
        seconds=seconds,
        sets=tuple(sets),
    )
