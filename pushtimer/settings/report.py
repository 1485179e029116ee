"""What ``pushtimer config`` prints: the settings file, and every value in effect with where
it came from, one aligned line each."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec

from pushtimer.plan.wording import quote
from pushtimer.settings.loader import SettingsFile
from pushtimer.settings.model import Settings


def entries(settings: Settings) -> Iterator[tuple[str, object]]:
    """Every key of the settings as a dotted name (``quick.rest``) with its value, in the
    model's order."""
    for key, value in msgspec.structs.asdict(settings).items():
        if isinstance(value, msgspec.Struct):
            for inner, item in msgspec.structs.asdict(value).items():
                yield f"{key}.{inner}", item
        else:
            yield key, value


def toml_value(value: object) -> str:
    """A value as it is written in the file: ``"dark"``, ``true``, ``90``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value)
    return str(value)


def config_lines(file: SettingsFile, named_by: str | None) -> list[str]:
    """The file (how it was chosen, whether it is there), then ``key  value  origin``."""
    # (A file named by --config or PUSHTIMER_CONFIG that is not there is an error earlier.)
    state = (
        "found"
        if file.exists
        else "not there: built-in defaults; `pushtimer config --init` writes one"
    )
    chosen = f", named by {named_by}" if named_by else ""
    lines = [f"Settings file: {file.path} ({state}{chosen})"]
    rows = [(key, toml_value(value), file.origin(key)) for key, value in entries(file.settings)]
    key_width = max(len(key) for key, _, _ in rows)
    value_width = max(len(value) for _, value, _ in rows)
    lines += [
        f"{key:<{key_width}}  {value:<{value_width}}  {origin}" for key, value, origin in rows
    ]
    return lines
