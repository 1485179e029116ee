"""The key bar: Textual's footer, which on a narrow screen leaves out the keys a person in a
set needs least (the help, ``?``, still lists every key) rather than cutting off the last
ones, Quit and Help among them.

It also stays the same size over a long session. Textual's footer makes its keys anew each
time the screen's bindings change (here at every rest and open set), and each key it makes
watches the footer's ``compact`` through ``data_bind``. Textual drops such a watcher only
when the watched value changes (Textual issue #6666), which ``compact`` never does, so
every key ever made stayed alive: about 0.7 MB a minute of a session.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyBar(Footer):
    """A footer that drops the actions in ``spare`` (first the first) while its keys would
    not fit the screen's width, and recomposes only when what it shows would change."""

    def __init__(self, spare: Iterable[str] = ()) -> None:
        super().__init__()
        self.spare = tuple(spare)
        self._width = 0  # the width the keys were last chosen for
        self._keys_for: tuple[object, ...] | None = None  # ... and the bindings (not
        # ``_bindings``: that is the node's own BindingsMap in Textual)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self._width = self.app.size.width
        self._keys_for = self._shown_bindings() if self._bindings_ready else None
        dropped = left_out(keys, self.spare, self._width)
        shown = [key for key in keys if _action(key) not in dropped]
        self.styles.grid_size_columns = len(shown)
        yield from shown

    def _shown_bindings(self) -> tuple[object, ...]:
        """What Footer.compose makes its keys from: each binding it shows, whether it is
        enabled, and its tooltip."""
        return tuple(
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Most changes of the screen's bindings (a key's check, a focus, the app's focus
        # coming back) leave the keys as they were: keep the ones shown.
        unchanged = self._keys_for is not None and self._keys_for == self._shown_bindings()
        if unchanged and self.app.size.width == self._width:
            return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        # The keys just removed are closed, but the footer's watchers of ``compact`` still
        # hold them (see the module's docstring). Textual prunes the watchers of closed
        # widgets whenever the watched value is set, so set it, to the value it has.
        self.mutate_reactive(Footer.compact)
        # Textual's line renderer caches two styles per StylesCache, one of which each widget
        # has, in an lru_cache of 1024 entries keyed on the StylesCache itself (Textual issue
        # #6665), so each key's rendered lines stayed alive long after the key: about 3 KB
        # a key, for hours. Nothing else holds them; the styles are made again at once.
        _clear_style_pairs(self)

    def on_resize(self, event: Resize) -> None:
        if self.app.size.width != self._width:  # (the width compose chose the keys for)
            self.call_after_refresh(self.recompose)


def _clear_style_pairs(widget: Widget) -> None:
    """Empty ``StylesCache.get_inner_outer``'s cache, reached through a widget's own
    StylesCache (a private name of Textual's, so looked up with care)."""
    styles_cache = type(getattr(widget, "_styles_cache", None))
    clear = getattr(getattr(styles_cache, "get_inner_outer", None), "cache_clear", None)
    if callable(clear):  # (gone once Textual no longer caches it per instance)
        clear()


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
