"""An app that does nothing more once it is leaving: keys typed in one burst after the
one that quits (``q`` then ``e``) open no screen and start no session while it closes."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import RenderableType
from textual import events
from textual.actions import ActionParseResult
from textual.app import App
from textual.dom import DOMNode


class ClosingApp(App[int]):
    closing = False  # exit() was called: the app is on its way out

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.closing = True
        super().exit(result, return_code, message)

    async def on_event(self, event: events.Event) -> None:
        if self.closing and isinstance(event, events.InputEvent):
            return  # typed after the quit: for no screen
        await super().on_event(event)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        if self.closing:
            return True  # a key already on its way to a widget when the app began to leave
        return await super().run_action(action, default_namespace, namespaces)
