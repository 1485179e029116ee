"""The keys, on a card over the screen they work on, built from that screen's bindings
(and the app's), so the card cannot drift from what the keys do."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from pushtimer.ui.widgets.text_line import TextLine

TALL = 16  # rows from which the card has the key bar below it
KeyRow = tuple[str, str]  # ("Enter, d", "end an open set ...")


def key_rows(app: App[Any], screen: Screen[Any]) -> list[KeyRow]:
    """One row per binding of ``screen`` and then of ``app``: its keys as shown to people,
    and what it does (the binding's tooltip, else its description)."""
    rows: list[KeyRow] = []
    for binding in _bindings((*type(screen).BINDINGS, *type(app).BINDINGS)):
        meaning = binding.tooltip or binding.description
        if not meaning:
            continue
        if binding.key_display:
            keys = binding.key_display
        else:
            names = [name.strip() for name in binding.key.split(",")]
            keys = ", ".join(_key_name(app, name) for name in names)
        if all(keys != shown for shown, _ in rows):
            rows.append((keys, meaning))
    return rows


def _bindings(bindings: Iterable[BindingType]) -> Iterable[Binding]:
    for binding in bindings:
        yield binding if isinstance(binding, Binding) else Binding(*binding)


_NAMES = {"space": "Space", "enter": "Enter", "escape": "Escape", "tab": "Tab"}


def _key_name(app: App[Any], key: str) -> str:
    """``Enter``, ``Ctrl+C``, ``?``: as written on a keyboard."""
    if key in _NAMES:
        return _NAMES[key]
    if key.startswith("ctrl+"):
        return f"Ctrl+{key.removeprefix('ctrl+').upper()}"
    return app.get_key_display(Binding(key, ""))


class HelpScreen(ModalScreen[None]):
    """What each key does; Escape, ? or q closes it. ``footnote`` says what happens to the
    session meanwhile."""

    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]  # -short: no row for the key bar

    def __init__(self, rows: list[KeyRow], footnote: str) -> None:
        super().__init__()
        self.rows = rows
        self.footnote = footnote

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.rows), default=0)
        with Vertical(classes="dialog", id="help"):
            yield TextLine("Keys", classes="dialog-title")
            # The meanings in a column of their own: a long one wraps under itself, not
            # under the keys. The list scrolls (arrows, Page Up and Down) when the card
            # is taller than the terminal, and the note about the session is its last line.
            with VerticalScroll(id="help-keys"):
                for keys, meaning in self.rows:
                    with Horizontal(classes="help-row"):
                        yield TextLine(keys, classes="help-key").set_styles(f"width: {width + 2};")
                        yield TextLine(meaning, classes="help-meaning")
                yield TextLine(self.footnote, classes="dim help-footnote")
        yield Footer()  # how to close this, not the keys of the screen behind

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, rows: int) -> None:
        """The list takes what the card's frame, title and the key bar leave of the
        terminal's rows, and scrolls within it (a fraction of an auto-height card would not
        bound it)."""
        around = 2 + 2 + (1 if rows >= TALL else 0)  # frame, title and its gap, key bar
        self.query_one("#help-keys").styles.max_height = max(3, rows - around)

    def lines(self) -> list[str]:
        """The card as lines of text: the title, a line per key (its keys padded to one
        column, then what it does) and the note."""
        width = max((len(keys) for keys, _ in self.rows), default=0)
        keys = [f"{keys:<{width}}  {meaning}" for keys, meaning in self.rows]
        return ["Keys", *keys, self.footnote]

    def action_close(self) -> None:
        self.dismiss(None)
