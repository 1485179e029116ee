"""Writing a plan the editor made or changed: where it goes, and how, so nothing is lost.

A plan is written atomically (a temporary file in the same folder, flushed to disk, then
renamed over the plan), and the version it replaces is kept beside it as ``NAME.toml.bak``.
A shipped plan is never written: it is saved as a copy in the user's plans folder, where
it wins over the shipped one of the same name (docs/plan-format.md, "The plan editor").
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from pushtimer.plan.catalog import user_plans_dir
from pushtimer.plan.document import PlanDocument
from pushtimer.plan.errors import Problem
from pushtimer.plan.exercises import first_exercise
from pushtimer.plan.tomlfile import read_file, toml_from_bytes
from pushtimer.resources import plans_dir

MAX_SLUG = 60


def slug_of(name: str) -> str:
    """A file name for a plan called ``name``: ``Knee push-ups, week 1`` ->
    ``knee-push-ups-week-1`` (ASCII letters, digits and dashes; ``plan`` if none)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    slug = "-".join(words)[:MAX_SLUG].strip("-")
    return slug or "plan"


def new_plan_path(name: str, folder: Path | None = None) -> Path:
    """A path in the user's plans folder for a new plan called ``name`` that is not taken:
    ``name.toml``, else ``name-2.toml``, and so on."""
    folder = folder or user_plans_dir()
    slug = slug_of(name)
    path = folder / f"{slug}.toml"
    number = 2
    while path.exists() or path.is_symlink():
        path = folder / f"{slug}-{number}.toml"
        number += 1
    return path


def is_shipped(path: Path) -> bool:
    try:
        return path.resolve().parent == plans_dir().resolve()
    except OSError:
        return False


def save_target(path: Path) -> Path:
    """Where the plan opened from ``path`` is saved: there, or for a shipped plan a copy
    of the same name in the user's plans folder."""
    return user_plans_dir() / path.name if is_shipped(path) else path


def save_plan(text: str, path: Path) -> Path | None:
    """Write ``text`` to ``path`` atomically, keeping what was there as ``path.bak``;
    returns the backup's path (None for a new file). Raises OSError when it cannot be
    written (nothing has changed then), and refuses to replace anything but a regular
    file (a folder, a pipe, a device)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    mode = None  # a new file: as the umask allows (0o666 less it)
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path} is not a regular file; not replaced")
        mode = stat.S_IMODE(info.st_mode)  # the plan keeps who may read it
        backup = path.with_name(path.name + ".bak")
        _write_atomically(path.read_bytes(), backup, mode)
    _write_atomically(text.encode("utf-8"), path, mode)
    return backup


def save_new_plan(text: str, name: str, folder: Path | None = None) -> Path:
    """Write ``text`` as a new plan file for a plan called ``name`` (``new_plan_path``'s
    name, or the next one free) and return its path. The file appears whole or not at
    all, and never over another: the written file is linked to its name, which fails if
    the name was taken since it was chosen; on a file system without links the name is
    taken first, empty, with O_EXCL. Raises OSError when it cannot be written."""
    folder = folder or user_plans_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = new_plan_path(name, folder)
    temporary = _written(text.encode("utf-8"), path, None)
    try:
        for _ in range(1000):
            try:
                os.link(temporary, path)
                return path
            except FileExistsError:
                path = new_plan_path(name, folder)  # taken in the meantime: the next one
            except OSError:  # no hard links here (a FAT stick, some shares)
                return _claim_and_replace(temporary, name, folder)
        raise OSError(f"{folder}: no free name for {name!r}")
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _claim_and_replace(temporary: Path, name: str, folder: Path) -> Path:
    """Take a free name with an empty file made with O_EXCL, then replace it by
    ``temporary`` (which is moved: the caller's unlink of it then finds nothing)."""
    while True:
        path = new_plan_path(name, folder)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        temporary.replace(path)
        return path


def _write_atomically(data: bytes, path: Path, mode: int | None) -> None:
    temporary = _written(data, path, mode)
    try:
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _written(data: bytes, path: Path, mode: int | None) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to disk, with ``mode``
    (None: as ``open`` would make a new file)."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        # mkstemp makes the file private (0o600): give it the mode the file should have.
        temporary.chmod(_default_mode() if mode is None else mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


class EditedPlan:
    """A plan open in the editor: the document, the file it came from (None for a new
    plan) and the file it is saved to (for a new plan, chosen from its name when first
    saved, then kept)."""

    def __init__(self, document: PlanDocument, opened: Path | None) -> None:
        self.document = document
        self.opened = opened
        self.shipped = opened is not None and is_shipped(opened)
        self.target: Path | None = save_target(opened) if opened is not None else None
        self.saved_once = False

    @property
    def changed(self) -> bool:
        """Unsaved changes: a new plan is changed until it is saved."""
        return self.document.changed or (self.opened is None and not self.saved_once)

    def problems(self) -> list[Problem]:
        return self.document.problems()

    def save(self) -> Path:
        """Write the plan (the caller has checked it has no problems); returns where."""
        text = self.document.dump()
        if self.target is None:
            name = self.document.get((), "name")
            self.target = save_new_plan(text, name if isinstance(name, str) else "plan")
        else:
            save_plan(text, self.target)
        self.document.text = text
        self.saved_once = True
        return self.target


def open_for_editing(path: Path) -> EditedPlan:
    """The plan file at ``path``, open in the editor. A file that is not TOML raises
    PlanError in ``validate``'s words; other problems are the editor's to show and put
    right."""
    source = str(path)
    data = read_file(path, source)
    toml_from_bytes(data, source)
    return EditedPlan(PlanDocument(data.decode("utf-8").removeprefix("\ufeff"), source), path)


def new_plan(name: str = "") -> EditedPlan:
    """A new plan called ``name`` (empty: to be named in the form), of one workout with
    the catalogue's first exercise; it has no file until it is saved."""
    document = PlanDocument.new(name, first_exercise(), "new plan")
    return EditedPlan(document, None)


def _default_mode() -> int:
    """0o666 less the process's umask, as ``open`` would make a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
