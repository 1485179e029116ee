"""The baseline for startup, CPU and memory: the least a Textual timer can be.

One line of text, a ``Digits`` clock redrawn ten times a second from a monotonic deadline,
and a footer. pushtimer's figures are compared with this app's, measured in the same run.

    python benchmarks/bare_app.py
"""

from __future__ import annotations

import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Label


class BareTimer(App[None]):
    """A 60-second countdown, nothing else."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Label("bare app: a 10 Hz countdown")
        yield Digits("60.0")
        yield Footer()

    def on_mount(self) -> None:
        self.deadline = time.monotonic() + 60
        self.set_interval(0.1, self.tick)

    def tick(self) -> None:
        left = max(0.0, self.deadline - time.monotonic())
        self.query_one(Digits).update(f"{left:.1f}")


if __name__ == "__main__":
    BareTimer().run()
