"""The error the history store raises: one line that says what is wrong and what was done
about it (nothing, ever, to the file itself)."""

from __future__ import annotations


class HistoryError(Exception):
    """The history database cannot be used; ``str(error)`` is the one line to show.

    ``transient`` marks what may pass by itself (a lock, a full disk): worth trying again.
    ``short`` says what is wrong in fewer words, for a line on a busy screen."""

    def __init__(self, message: str, transient: bool = False, short: str | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.short = short or message
