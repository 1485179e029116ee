"""The keys, on a card over whatever screen is showing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen

from pushtimer.ui.widgets.text_line import TextLine

KEYS: tuple[tuple[str, str], ...] = (
    ("Space", "pause / resume"),
    ("Enter, d", "done (an open set; a max set then asks the count)"),
    ("n", "skip to the next step (a rest, a set, a side)"),
    ("b", "back: restart this step, or the one before in its first 2 s"),
    ("+ / -", "add or take 15 s of rest"),
    ("m", "mute / unmute"),
    ("q", "quit (asks first; finished sets are kept)"),
    ("?", "this help"),
    ("Ctrl+C", "stop at once"),
)


class HelpScreen(ModalScreen[None]):
    """What each key does; any of Escape, ? or q closes it. The session runs on."""

    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield TextLine("Keys", classes="dialog-title")
            for key, meaning in KEYS:
                yield TextLine(f"{key:<9} {meaning}")
            yield TextLine("Escape or ? closes this; the workout keeps running.", classes="dim")

    def action_close(self) -> None:
        self.dismiss(None)
