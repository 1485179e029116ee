"""Where pushtimer's shipped files live: ``plans/`` and ``sounds/``.

In a wheel they are inside the package (``pushtimer/_data/``); in a checkout or an
editable install they are at the top of the repository. Both are looked up here only.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def plans_dir() -> Path:
    """The folder of the plans that ship with pushtimer."""
    return _shipped("plans")


def sounds_dir() -> Path:
    """The folder of the cue sounds that ship with pushtimer."""
    return _shipped("sounds")
