"""Whose file sits where the history goes, found without changing it, and a new history
made so that two pushtimers starting at once cannot trip over each other.

pushtimer writes only to a database it made: one marked with SQLite's ``application_id``
(``PUSHTIMER_ID``), or an unmarked one with exactly the tables an earlier pushtimer made
(it gets the mark on first use). Anything else (another program's database, a damaged file,
one from a newer pushtimer, something that is not a file) is told apart by reading its
100-byte header, and with SQLite only as an immutable reader, which takes no lock and
leaves no ``-wal`` or ``-shm`` file: it stays byte for byte as it was (docs/architecture.md,
"History writes").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Literal

from pushtimer.platforms import open_regular

PUSHTIMER_ID = 0x70757368  # "push"
MAGIC = b"SQLite format 3\x00"
OUR_TABLES = frozenset({"session", "set_done"})

Verdict = Literal["missing", "empty", "ours", "unmarked", "foreign", "newer", "damaged", "odd"]


def examine(path: Path, schema_version: int) -> Verdict:
    """What the file at ``path`` is, read without changing it:

    - ``missing``: nothing there yet; ``empty``: a file of no bytes (an earlier pushtimer
      stopped before writing its first page);
    - ``ours``: marked as pushtimer's; ``unmarked``: made by an earlier pushtimer;
    - ``newer``: pushtimer's, from a version that knows a later schema;
    - ``foreign``: another program's database; ``damaged``: not a database (or a broken
      one); ``odd``: not a regular file (a folder, a pipe, a device).
    """
    try:
        descriptor = open_regular(path)
    except FileNotFoundError:
        return "missing"
    except IsADirectoryError:
        return "odd"
    if descriptor is None:
        return "odd"
    try:
        header = os.read(descriptor, 100)
    finally:
        os.close(descriptor)
    if not header:
        return "empty"
    if len(header) < 100 or not header.startswith(MAGIC):
        return "damaged"
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == PUSHTIMER_ID:
        return "newer" if user_version > schema_version else "ours"
    tables = _tables(path)
    if tables is None:
        return "damaged"
    if application_id == 0 and 1 <= user_version <= schema_version and tables == OUR_TABLES:
        return "unmarked"
    return "foreign"


def _tables(path: Path) -> frozenset[str] | None:
    """The tables of the database at ``path``, read as an immutable file (no lock, no
    journal, nothing written), or None when SQLite cannot read it."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error:
        return None
    return frozenset(name for (name,) in rows if not name.startswith("sqlite_"))


def create(path: Path, schema: list[str], schema_version: int) -> None:
    """Make a new, marked, up-to-date history at ``path`` unless one is there already.

    It is built whole in a file of its own next to ``path`` and then linked into place,
    which fails if something got there first: two pushtimers starting at once on a fresh
    data folder both end up with the one history (the loser's copy is removed)."""
    import secrets  # (here: it loads OpenSSL, which a session that reads never needs)

    scratch = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    try:
        # A rollback journal, not WAL, while it is made: the commit then writes the file
        # itself, and fails (a full disk) rather than leave the tables in a WAL file.
        with contextlib.closing(sqlite3.connect(scratch, isolation_level=None)) as db:
            db.execute("BEGIN IMMEDIATE")
            for statement in schema:
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {PUSHTIMER_ID}")
            db.execute(f"PRAGMA user_version = {schema_version}")
            db.execute("COMMIT")
        with contextlib.suppress(FileExistsError):
            os.link(scratch, path)
    finally:
        for leftover in (scratch, *(Path(f"{scratch}{end}") for end in ("-wal", "-shm"))):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
