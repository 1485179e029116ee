"""Finding and reading the settings file: ``config.toml`` in the user config folder, or the
file ``--config`` or ``PUSHTIMER_CONFIG`` names (docs/settings.md).

It is read as plans are (a regular file of at most 1 MiB, TOML) and checked by the plan
checker against the settings model, so its messages read like a plan's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import msgspec
from msgspec import Struct

from pushtimer.plan.errors import PlanError
from pushtimer.plan.tomlfile import read_toml
from pushtimer.plan.validate import check_table
from pushtimer.settings.errors import SettingsError
from pushtimer.settings.model import Settings

CONFIG_NAME = "config.toml"
TABLES = ("quick", "defaults")  # the tables of the file; every other key is a value

Origin = Literal["file", "default"]


def default_settings_path() -> Path:
    """``config.toml`` in the user's config folder (honours XDG_CONFIG_HOME on Linux)."""
    import platformdirs  # only needed when no file is named

    return platformdirs.user_config_path("pushtimer") / CONFIG_NAME


class SettingsFile(Struct, frozen=True):
    """The settings in effect, the file they come from, and the keys that file sets."""

    path: Path
    exists: bool
    settings: Settings
    keys: frozenset[str] = frozenset()  # as dotted names: "count_in", "quick.rest"

    def origin(self, key: str) -> Origin:
        """Where the value of a dotted key comes from: the file, or the built-in default."""
        return "file" if key in self.keys else "default"

    def plan_defaults(self) -> dict[str, Any]:
        """The file's ``[defaults]``, for plans that leave these keys out (only what the
        file sets: a plan's own built-in defaults are the same as this table's)."""
        return {
            key: getattr(self.settings.defaults, key)
            for key in msgspec.structs.asdict(self.settings.defaults)
            if f"defaults.{key}" in self.keys
        }


def load_settings(path: Path, *, named: bool) -> SettingsFile:
    """The settings in the file at ``path``. A file that is not there means the built-in
    defaults, unless it was ``named`` (by --config or PUSHTIMER_CONFIG): then it is an
    error. Raises SettingsError, one line per problem."""
    if not named and not os.path.lexists(path):
        return SettingsFile(path, False, Settings())
    source = str(path)
    try:
        clean = check_table(read_toml(path, source, "settings"), Settings, source)
    except PlanError as error:
        raise SettingsError(error.lines) from None
    keys = {key for key in clean if key not in TABLES}
    keys |= {f"{table}.{key}" for table in TABLES for key in clean.get(table, {})}
    return SettingsFile(path, True, msgspec.convert(clean, Settings), frozenset(keys))
