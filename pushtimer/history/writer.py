"""History writes on a thread of their own, so the clock never waits on the disk.

A session hands its rows (the session's start, each set the moment it ends, the ending) to
a ``HistoryWriter``; a thread writes them in order through its own connection. While a
write fails for a reason that may pass (another program holds the database locked, the disk
is full) the rows wait, in order, and are tried again every ``RETRY_SECONDS``; ``problem``
says what is wrong, and ``on_change`` is told when that starts and when it clears.

At exit ``close`` gives the waiting rows a little time (at most ``FLUSH_SECONDS``), then
saves what is still waiting to a file in ``unsaved/`` beside the database, which the next
writer that gets the database adds to it. So no path loses a set that ended. Only the
regular files named as a writer names them are ever opened there: anything else (a FIFO,
a folder, a link, another program's file) is passed over with a line in ``passed_over``.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

import msgspec
from msgspec import Struct

from pushtimer.history.errors import HistoryError
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.platforms import open_regular

RETRY_SECONDS = 0.5
WRITE_BUSY_SECONDS = 0.25  # how long one write waits on a lock before the writer retries
FLUSH_SECONDS = 2.0
UNSAVED = "unsaved"
UNSAVED_NAME = re.compile(r"\d{8}T\d{6}-\d+\.json")  # as ``_save_unsaved`` names them
UNSAVED_WORKING = re.compile(r"\d{8}T\d{6}-\d+\.(tmp|adding-\d+)")  # being saved, or added
UNSAVED_MOST_BYTES = 16 * 1024 * 1024  # far more than the rows of any session


class Begin(Struct, frozen=True, tag=True):
    session: int  # the writer's own number for the session
    head: SessionHead


class AddSet(Struct, frozen=True, tag=True):
    session: int
    row: SetRow


class End(Struct, frozen=True, tag=True):
    session: int
    ending: SessionEnd


Op = Begin | AddSet | End


class Unsaved(Struct, frozen=True):
    """What a writer could not write before it closed: its rows in order, and the database
    id of each session whose start was already written."""

    ops: list[Op]
    ids: dict[int, int]


class HistoryWriter:
    """Writes history rows in order on its own thread (see the module's docstring)."""

    def __init__(
        self,
        folder: Path,
        on_change: Callable[[str | None], None] | None = None,
        retry_seconds: float = RETRY_SECONDS,
        start: bool = True,
    ) -> None:
        self.folder = folder
        self.on_change = on_change
        self.problem: str | None = None
        self.passed_over: list[str] = []  # lines for what ``unsaved/`` held that is not ours
        self._retry = retry_seconds
        self._pending: deque[Op] = deque()
        self._ids: dict[int, int] = {}  # the writer's session numbers -> database ids
        self._next_session = 1
        self._store: HistoryStore | None = None
        self._opened = False  # the database was open once: rows were only short of time
        self._broken = False  # the database cannot be used at all: stop trying
        self._closing_by: float | None = None  # monotonic deadline to give up
        self._closed = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="pushtimer-history", daemon=True)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Begin writing (rows handed over before this wait, in order). A screen starts
        its writer after the first frame, so opening the database never delays it."""
        with self._wake:
            if self._started:
                return
            self._started = True
        self._thread.start()

    # -- from the session's thread ---------------------------------------------------------

    def begin(self, head: SessionHead) -> int:
        """Queue a new session; returns the number to give its sets and its end."""
        with self._wake:
            number = self._next_session
            self._next_session += 1
        self._put(Begin(number, head))
        return number

    def add_set(self, session: int, row: SetRow) -> None:
        self._put(AddSet(session, row))

    def end(self, session: int, ending: SessionEnd) -> None:
        self._put(End(session, ending))

    def session_id(self, session: int) -> int | None:
        """The database id of a session, once its start is written."""
        return self._ids.get(session)

    @property
    def waiting(self) -> int:
        return len(self._pending)

    def close(self, seconds: float = FLUSH_SECONDS) -> str | None:
        """Write what waits (for at most ``seconds``), stop the thread, and save anything
        still unwritten for next time. Returns a line to show when rows were not written,
        else None. Safe to call more than once, from any thread."""
        with self._wake:
            if self._closed:
                return None
            self._closing_by = time.monotonic() + seconds
            self._wake.notify_all()
        self.start()  # rows handed over before a start that never came: write them now
        self._thread.join(seconds + 0.5)
        with self._wake:
            if self._closed:
                return None
            self._closed = True
            left = list(self._pending)
            self._pending.clear()
        if not left:
            return None
        return self._save_unsaved(left)

    def wait_idle(self, seconds: float) -> bool:
        """Wait until every queued row is written (tests and benchmarks)."""
        end = time.monotonic() + seconds
        with self._wake:
            while self._pending and time.monotonic() < end:
                self._wake.wait(0.01)
            return not self._pending

    # -- the thread ------------------------------------------------------------------------

    def _put(self, op: Op) -> None:
        with self._wake:
            if self._closed:
                raise RuntimeError("the history writer is closed")
            self._pending.append(op)
            self._wake.notify_all()

    def _run(self) -> None:
        try:
            try:  # at once: rows kept aside by an earlier run go in, and a bad file shows
                self._open()
            except HistoryError as error:
                self._set_problem(str(error))
                self._broken = not error.transient
            while not self._broken:
                with self._wake:
                    while not self._pending and self._closing_by is None:
                        self._wake.wait()
                    if not self._pending or self._broken or self._past_deadline():
                        return
                    op = self._pending[0]
                try:
                    self._write(op)
                except HistoryError as error:
                    self._set_problem(str(error))
                    if not error.transient:
                        self._broken = True
                        return
                    with self._wake:
                        if not self._past_deadline():
                            self._wake.wait(self._retry)
                    continue
                with self._wake:
                    self._pending.popleft()
                    self._wake.notify_all()
                if not self._pending:
                    self._set_problem(None)
        finally:
            if self._store is not None:
                self._store.close()
                self._store = None

    def _past_deadline(self) -> bool:
        return self._closing_by is not None and time.monotonic() >= self._closing_by

    def _open(self) -> HistoryStore:
        if self._store is None:
            self._store = HistoryStore(self.folder, busy_seconds=WRITE_BUSY_SECONDS)
            self._opened = True
            self.passed_over.extend(add_unsaved(self._store, self.folder / UNSAVED))
        return self._store

    def _write(self, op: Op) -> None:
        store = self._open()
        if isinstance(op, Begin):
            self._ids[op.session] = store.start_session(op.head)
            return
        session_id = self._ids.get(op.session)
        if session_id is None:
            return  # its session was never started here: nothing to attach it to
        if isinstance(op, AddSet):
            store.add_set(session_id, op.row)
        else:
            store.end_session(session_id, op.ending)

    def _set_problem(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        if self.on_change is not None:
            with contextlib.suppress(Exception):  # a closed screen must not stop the writes
                self.on_change(problem)

    def _why(self) -> str:
        """Why rows were still waiting at the end: always a reason, never None."""
        if self.problem is not None:
            return self.problem
        if not self._opened:
            return "the history was still being opened"
        return "the time given to write them at exit ran out"

    def _save_unsaved(self, ops: list[Op]) -> str:
        sets = sum(isinstance(op, AddSet) for op in ops)
        what = f"{sets} set{'s' if sets != 1 else ''}" if sets else "the session's ending"
        folder = self.folder / UNSAVED
        name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            partial = path.with_suffix(".tmp")
            partial.write_bytes(msgspec.json.encode(Unsaved(ops, dict(self._ids))))
            partial.replace(path)
        except OSError as error:
            return f"History: {what} could not be saved ({self._why()}; {error})"
        return (
            f"History: {what} waited too long ({self._why()}); kept in {path} and added "
            "to the history the next time it can be written"
        )


def add_unsaved(store: HistoryStore, folder: Path) -> list[str]:
    """Add the rows earlier writers saved in ``folder`` to ``store``; a line for each thing
    there that is passed over. Only a regular file named as a writer names it is claimed,
    by renaming it first, so two processes never add the same one; one that cannot be read
    stays for a person to look at."""
    if not folder.is_dir():
        return []
    passed_over = []
    for path in sorted(folder.iterdir()):
        if UNSAVED_WORKING.fullmatch(path.name):
            continue  # one being saved, or added, by a writer now
        try:
            mode = path.lstat().st_mode  # (lstat: a link is not followed)
        except OSError:
            continue  # another process took it
        if not (stat.S_ISREG(mode) and UNSAVED_NAME.fullmatch(path.name)):
            passed_over.append(
                f"History: left {path} alone: {_kind(mode)} pushtimer did not save"
                " (nothing of yours is lost; move it out of that folder to end this line)"
            )
            continue
        claimed = path.with_suffix(f".adding-{os.getpid()}")
        try:
            path.rename(claimed)
        except OSError:
            continue  # another process took it
        try:
            unsaved = msgspec.json.decode(_read_regular(claimed), type=Unsaved)
            with store.transaction():
                ids = dict(unsaved.ids)
                for op in unsaved.ops:
                    if isinstance(op, Begin):
                        ids[op.session] = store.start_session(op.head)
                    elif op.session not in ids:
                        continue
                    elif isinstance(op, AddSet):
                        store.add_set(ids[op.session], op.row)
                    else:
                        store.end_session(ids[op.session], op.ending)
        except (OSError, msgspec.DecodeError, HistoryError):
            with contextlib.suppress(OSError):
                claimed.rename(path)
            continue
        claimed.unlink(missing_ok=True)
    return passed_over


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISREG, "a file"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISLNK, "a link"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a device"


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path``, if it is still a regular file of sane size when opened (never
    waiting on a FIFO put in its place, never following a link)."""
    descriptor = open_regular(path, follow_links=False)
    if descriptor is None:
        raise OSError(f"{path}: not a file of rows")
    with os.fdopen(descriptor, "rb") as file:
        if os.fstat(descriptor).st_size > UNSAVED_MOST_BYTES:
            raise OSError(f"{path}: not a file of rows")
        return file.read(UNSAVED_MOST_BYTES + 1)
