"""``pushtimer new`` and ``pushtimer edit``: the plan editor on its own, in the app's
look; it ends when the plan's form is left."""

from __future__ import annotations

from pushtimer.plan.saving import EditedPlan
from pushtimer.ui.closing import ClosingApp
from pushtimer.ui.editor.forms import plan_form
from pushtimer.ui.palette import THEMES, ThemeChoice


class EditorApp(ClosingApp):
    CSS_PATH = "../pushtimer.tcss"
    TITLE = "pushtimer"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, edit: EditedPlan, theme: ThemeChoice = "dark") -> None:
        super().__init__()
        for choice in THEMES.values():
            self.register_theme(choice)
        self.theme = THEMES[theme].name
        self.edit = edit

    def on_mount(self) -> None:
        self.push_screen(plan_form(self.edit), lambda _: self.exit(0))
