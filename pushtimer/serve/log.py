"""What the server logs, as one line each on its terminal: never a traceback.

textual-serve, aiohttp and asyncio log what went wrong with the exception attached, and
Python's fallback handler prints that as a traceback. The person running ``pushtimer
serve`` wants to know what happened, in a line of words; the server goes on either way.
"""

from __future__ import annotations

import logging

from pushtimer.printable import say_safely

LOGGER = "pushtimer.serve"  # the server's own lines (a tab's malformed frame)
LOGGERS = (LOGGER, "textual-serve", "aiohttp", "asyncio")


class OneLine(logging.Handler):
    """Each record as ``pushtimer serve: what happened (Error: why)`` on stderr, made
    printable (a message may quote what a browser sent)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            say_safely(f"pushtimer serve: {one_line(record)}", err=True)
        except Exception:  # a record that cannot be put in words (bad format arguments)
            return  # is left unsaid: logging's own handleError would print a traceback


def one_line(record: logging.LogRecord) -> str:
    """The record's message with its exception's type and text, on one line."""
    text = record.getMessage()
    error = record.exc_info[1] if record.exc_info else None
    if error is not None:
        why = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        text = why if text in (str(error), "") else f"{text} ({why})"
    return " ".join(text.split())


def one_line_logs() -> None:
    """Every logger that speaks while serving writes through ``OneLine``, and only there
    (not on to the root logger's handlers)."""
    handler = OneLine(logging.WARNING)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
