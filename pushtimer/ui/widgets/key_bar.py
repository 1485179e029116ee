"""The key bar: Textual's footer, which on a narrow screen leaves out the keys a person in a
set needs least (the help, ``?``, still lists every key) rather than cutting off the last
ones, Quit and Help among them."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyBar(Footer):
    """A footer that drops the actions in ``spare`` (first the first) while its keys would
    not fit the screen's width."""

    def __init__(self, spare: Iterable[str] = ()) -> None:
        super().__init__()
        self.spare = tuple(spare)
        self._width = 0  # the width the keys were last chosen for

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self._width = self.app.size.width
        dropped = left_out(keys, self.spare, self._width)
        shown = [key for key in keys if _action(key) not in dropped]
        self.styles.grid_size_columns = len(shown)
        yield from shown

    def on_resize(self, event: Resize) -> None:
        if self.app.size.width != self._width:  # (the width compose chose the keys for)
            self.call_after_refresh(self.recompose)


def _action(widget: Widget) -> str | None:
    return widget.action if isinstance(widget, FooterKey) else None


def key_width(key: FooterKey) -> int:
    """Cells a key takes in the bar: `` q Quit `` and the space after it."""
    return len(key.key_display) + len(key.description) + 3


def left_out(keys: list[Widget], spare: tuple[str, ...], width: int) -> frozenset[str]:
    """The actions of ``spare`` to leave out, in order, until the keys fit ``width``."""
    shown = [key for key in keys if isinstance(key, FooterKey)]
    needed = sum(key_width(key) for key in shown)
    dropped: set[str] = set()
    for action in spare:
        if needed <= width:
            break
        dropping = [key for key in shown if key.action == action]
        if dropping:
            dropped.add(action)
            needed -= sum(key_width(key) for key in dropping)
    return frozenset(dropped)
