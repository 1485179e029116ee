"""Text on its way to a terminal.

``say`` writes a line to stdout or stderr the way every command and plain mode does, and
``say_safely`` does so when the terminal may already be gone (after a session).
"""

from __future__ import annotations

import contextlib
import sys


def say(text: str, err: bool = False) -> None:
    """One line (or several) on stdout, or stderr with ``err``."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def say_safely(text: str, err: bool = False) -> None:
    """A last line after a session: the terminal may be gone by now, and that is fine."""
    with contextlib.suppress(OSError, ValueError):
        say(text, err=err)
