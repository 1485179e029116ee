"""A checkbox that reads without colour: ``[X]`` when on, ``[ ]`` when off (Textual's shows
an X in both states and tells them apart by colour alone, which a glance from the floor, a
monochrome terminal or a colour-blind eye cannot)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class Tick(Checkbox):
    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button
