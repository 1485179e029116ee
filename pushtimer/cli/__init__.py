"""The ``pushtimer`` command line: the group and its options (``group.py``), what the
commands share (``common.py``), starting a front end (``frontends.py``), and one module
per family of commands: live sessions (``sessions.py``), plans (``plans.py``), the plan
editor (``editing.py``), the history (``history.py``), progress (``progress.py``), the
settings (``config.py``), sound (``sound.py``) and browser mode (``serve.py``). The command
modules import the group's helpers, never each other or this package; each command is
registered here, by name."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from typing import TextIO

import click

from pushtimer.cli import (
    config,
    editing,
    history,
    interchange,
    plans,
    progress,
    serve,
    sessions,
    sound,
)
from pushtimer.cli.group import cli
from pushtimer.printable import printable, say

# Every command, registered by name (`pushtimer --help` lists them sorted).
for command in (
    sessions.open_plan,
    sessions.run,
    sessions.quick,
    plans.plans,
    plans.show,
    plans.validate,
    plans.schema,
    editing.new,
    editing.edit,
    interchange.import_plan,
    interchange.export,
    history.history,
    progress.progress,
    config.config,
    sound.sound_check,
    serve.serve,
):
    cli.add_command(command)


class _Printable:
    """A text stream that passes what is written through ``printable`` (click's own
    messages quote what was typed: an option's value, a file name)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text, lines=True))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()


def _tolerant_streams() -> None:
    """A closed stdout or stderr becomes the null device; one whose encoding cannot show a
    character shows it as an escape (``\\xe9``) instead of failing."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
            continue
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")


def main() -> None:
    """Entry point of the console script (through pushtimer/__main__.py). Errors are one
    line (or click's usage and one line), exit status 2, never a traceback."""
    _tolerant_streams()
    try:
        code = cli.main(prog_name="pushtimer", standalone_mode=False)
    except click.exceptions.Abort:
        say("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show(file=_Printable(sys.stderr))  # type: ignore[arg-type]
        sys.exit(error.exit_code)
    except OSError as error:
        if error.errno not in _OUTPUT_ERRORS:
            raise
        # The output cannot take more: its reader went away (``| head -1``), or its disk is
        # full (``> /dev/full``). Say so if that can be said, and stop writing to it (the
        # interpreter would try once more at exit).
        if error.errno != errno.EPIPE:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"pushtimer: cannot write the output: {error.strerror}\n")
                sys.stderr.flush()
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


# What writing the output can meet: a reader gone, a closed descriptor, a full disk, an
# I/O error, no room for a file.
_OUTPUT_ERRORS = (errno.EPIPE, errno.EBADF, errno.ENOSPC, errno.EIO, errno.EFBIG)


__all__ = ["cli", "main"]
