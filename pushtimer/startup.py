"""Garbage collection waits until the first screen is out.

Starting pushtimer imports Textual and builds the first screen: a few hundred thousand
objects that live as long as the process. Python's collector would walk them over and
over while they are made (about 25 ms of a 300 ms start, docs/performance.md), and find
nothing to free. So the console script turns the collector off before anything is
imported, and the long-running fronts turn it back on once they are up: the full screen
after its first frame, plain mode before its first wait. What was made by then is frozen
(left out of every later collection), which also keeps later collections short.
Commands that print and exit never turn it back on; they end first.
"""

from __future__ import annotations

import gc


def hold_collection() -> None:
    """Turn the collector off for the start (the console script does, first thing)."""
    gc.disable()


def release_collection() -> None:
    """Turn it back on, freezing what the start made. A no-op when it is on already, as
    it is in tests and anywhere the console script did not start the process."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
