"""The quick set used last, kept in the data folder so the quick-set form starts from it.

A small JSON file, written whole or not at all (a temporary file, then a rename). One that
is missing, damaged, not ours or holds values a quick set would refuse is ignored: the
form then starts from the settings' ``[quick]`` (docs/settings.md).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import msgspec

from pushtimer.plan.errors import PlanError
from pushtimer.plan.quick import QuickValues
from pushtimer.plan.tomlfile import read_file

LAST_QUICK_NAME = "last-quick.json"
_KEPT = ("reps", "hold", "sets", "tempo", "rest", "per_side")  # prepare comes from [quick]


def save_last_quick(folder: Path, values: QuickValues) -> None:
    """Keep ``values`` (all but ``prepare``) as the last quick set. Failing to (a read-only
    or full disk) only means the form will not start from them: nothing is raised."""
    data = msgspec.json.encode({key: getattr(values, key) for key in _KEPT})
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".last-quick-", suffix=".tmp", dir=folder)
        partial = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            partial.replace(folder / LAST_QUICK_NAME)
        except OSError:
            partial.unlink(missing_ok=True)
            raise


def last_quick(folder: Path, base: QuickValues) -> QuickValues:
    """The values the quick-set form starts from: the last quick set's where ``folder``
    keeps a good one (with ``base``'s prepare, and its tempo and rest where the last one
    left them out), else ``base``."""
    path = folder / LAST_QUICK_NAME
    try:
        data = msgspec.json.decode(read_file(path, str(path)))  # a regular file, not a pipe
        if not isinstance(data, dict) or set(data) != set(_KEPT):
            return base
        last = msgspec.convert({**data, "prepare": base.prepare}, QuickValues)
        last.plan()  # values a quick set would refuse are not started from
    except (msgspec.MsgspecError, PlanError, ValueError):
        return base
    return msgspec.structs.replace(
        last,
        tempo=base.tempo if last.tempo is None else last.tempo,
        rest=base.rest if last.rest is None else last.rest,
    )
