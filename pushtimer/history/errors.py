"""The error the history store raises: one line that says what is wrong and what was done
about it (nothing, ever, to the file itself)."""

from __future__ import annotations


class HistoryError(Exception):
    """The history database cannot be used; ``str(error)`` is the one line to show."""
