"""What the commands share: exit statuses, loading a plan with its errors, the history's
errors, --workout and --data-dir, the settings in effect, and printing JSON.

Imports of everything but click happen inside the functions, so ``pushtimer --version``
and ``pushtimer validate`` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click
from click.core import ParameterSource

from pushtimer.printable import say

if TYPE_CHECKING:
    from pushtimer.plan.loader import Fallbacks
    from pushtimer.plan.model import Plan
    from pushtimer.settings.loader import SettingsFile

_T = TypeVar("_T")

EXIT_PLAN_ERROR = 2
EXIT_USAGE = 2  # click's own status for a usage error
EXIT_HISTORY_ERROR = 2


@contextmanager
def plan_errors() -> Iterator[None]:
    """Turn a PlanError into its lines on stderr and exit status 2, never a traceback."""
    from pushtimer.plan.errors import PlanError

    try:
        yield
    except PlanError as error:
        for line in error.lines:
            say(line, err=True)
        sys.exit(EXIT_PLAN_ERROR)


@contextmanager
def history_errors() -> Iterator[None]:
    """A history that cannot be used: its one line on stderr and exit status 2."""
    from pushtimer.history.errors import HistoryError

    try:
        yield
    except HistoryError as error:
        say(str(error), err=True)
        sys.exit(EXIT_HISTORY_ERROR)


def load(argument: str, defaults: Fallbacks | None = None) -> Plan:
    return load_with_source(argument, defaults)[0]


def load_with_source(argument: str, defaults: Fallbacks | None = None) -> tuple[Plan, str]:
    """The plan PLAN names, and the file it came from (as the history records it).
    ``defaults`` fills in what the plan's [defaults] leaves out (the settings')."""
    from pushtimer.plan.catalog import resolve_plan
    from pushtimer.plan.loader import load_plan

    path = resolve_plan(argument)
    plan = load_plan(argument if str(path) == argument else path, defaults)
    return plan, str(path.resolve())


def chosen_workouts(plan: Plan, source: str, choice: str | None) -> list[int]:
    """The workouts --workout names (every one when it is not given)."""
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.model import find_workout

    if choice is None:
        return list(range(len(plan.workouts)))
    try:
        return [find_workout(plan, choice)]
    except LookupError as error:
        raise PlanError.single(source, str(error)) from None


class CountType(click.ParamType[int]):
    """A whole number from 1, in ASCII digits (click's own int takes "١٢" as 12)."""

    name = "count"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 9 or int(text) < 1:
            shown = text if len(text) <= 20 else text[:19] + "…"
            self.fail(f"{shown!r} is not a whole number from 1 to 999999999", param, ctx)
        return int(text)


COUNT = CountType()


class DayType(click.ParamType[datetime]):
    """A calendar day, ``2026-11-20``: its midnight, in no time zone yet."""

    name = "day"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        try:
            return datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            shown = text if len(text) <= 20 else text[:19] + "…"
            self.fail(f"{shown!r} is not a day: write it as YYYY-MM-DD, such as 2026-11-20")


DAY = DayType()

WORKOUT_OPTION = click.option(
    "--workout", "-w", metavar="N|NAME", help="A workout by number (from 1) or name."
)

DATA_DIR_OPTION = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="PUSHTIMER_DATA_DIR",
    help="Where the history is kept [default: the user data folder].",
)


def data_dir(value: Path | None) -> Path:
    """--data-dir as given here, or to a command this one is under (``pushtimer --data-dir
    D history delete 3``), or the user data folder (which honours XDG_DATA_HOME)."""
    if value is not None:
        return value
    context: click.Context | None = click.get_current_context()
    while context is not None:
        if context.params.get("data_dir") is not None:
            return Path(context.params["data_dir"])
        context = context.parent
    import platformdirs

    return platformdirs.user_data_path("pushtimer")


_SETTINGS = "pushtimer.settings"  # where the settings, once read, wait in the root context


def settings() -> SettingsFile:
    """The settings in effect, read once per command; a broken file is reported as a plan
    is (one line per problem, exit status 2). See docs/settings.md."""
    from pushtimer.settings.loader import load_settings

    root = click.get_current_context().find_root()
    found: SettingsFile | None = root.meta.get(_SETTINGS)
    if found is None:
        path, named_by = settings_path()
        with plan_errors():
            found = load_settings(path, named=named_by is not None)
        root.meta[_SETTINGS] = found
    return found


def settings_path() -> tuple[Path, str | None]:
    """The settings file, and what named it (--config, PUSHTIMER_CONFIG, or None for the
    one in the user config folder)."""
    from pushtimer.settings.loader import default_settings_path

    root = click.get_current_context().find_root()
    value = root.params.get("config_file")
    if value is None:
        return default_settings_path(), None
    from_env = root.get_parameter_source("config_file") is ParameterSource.ENVIRONMENT
    return Path(value), "PUSHTIMER_CONFIG" if from_env else "--config"


NO_SOUND = "pushtimer.no_sound"  # ctx.meta: `pushtimer --no-sound ...` was given


def no_sound_asked(flag: bool) -> bool:
    """``--no-sound`` on the running command (``flag``), or before it."""
    return flag or bool(click.get_current_context().meta.get(NO_SOUND))


def given(name: str) -> bool:
    """Whether the running command's option ``name`` was really given (on the command line
    or through its environment variable): only then does it beat the settings."""
    source = click.get_current_context().get_parameter_source(name)
    return source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def flag_or(name: str, value: _T | None, setting: _T) -> _T:
    """The option's value where it was really given, else the setting's."""
    return value if value is not None and given(name) else setting


def _json(value: object, depth: int = 0) -> bytes:
    """``value`` as indented JSON, as ``json.dumps(indent=2, ensure_ascii=False)`` writes
    it, nested ``depth`` levels in. Made by msgspec in C: a big plan's timeline is
    megabytes, and the json module's indenting encoder is pure Python (25 times slower
    here). Control, bidi and zero-width characters are written as ``\\uXXXX``
    (pushtimer/printable.py)."""
    import msgspec

    from pushtimer.printable import json_safe

    data = json_safe(msgspec.json.format(msgspec.json.encode(value), indent=2))
    # JSON strings hold no raw line break: every one here is between values.
    return data.replace(b"\n", b"\n" + b"  " * depth) if depth else data


def echo_json(document: object) -> None:
    """Print ``document`` as indented JSON (written as bytes)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(_json(document) + b"\n")
    sys.stdout.buffer.flush()


def echo_json_stream(name: str, workouts: Iterator[object]) -> None:
    """Print ``{"name": name, "workouts": [...]}`` as ``echo_json`` would, one workout at a
    time: each is encoded, written and let go before the next is made."""
    out = sys.stdout.buffer
    sys.stdout.flush()
    out.write(b'{\n  "name": ' + _json(name, 1) + b',\n  "workouts": [')
    count = 0
    for workout in workouts:
        out.write((b",\n    " if count else b"\n    ") + _json(workout, 2))
        count += 1
    out.write(b"\n  ]\n}\n" if count else b"]\n}\n")
    out.flush()
