"""``pushtimer new`` and ``pushtimer edit``: the plan editor, full screen
(docs/plan-format.md, "The plan editor")."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from pushtimer.cli.common import plan_errors, settings
from pushtimer.printable import say

if TYPE_CHECKING:
    from pushtimer.plan.saving import EditedPlan


@click.command(short_help="Make a plan in a form, no TOML to write.")
@click.argument("name", required=False, default="")
def new(name: str) -> None:
    """Open the plan editor on a new plan called NAME (or name it in the form): one
    workout with one exercise to change. Ctrl+S saves it in your plans folder; Escape
    leaves."""
    from pushtimer.plan.saving import new_plan

    _edit(new_plan(name))


@click.command(short_help="Change a plan in a form: its workouts and exercises.")
@click.argument("plan")
def edit(plan: str) -> None:
    """Open PLAN (a file, or the name of one of your plans or a shipped one) in the plan
    editor. Ctrl+S saves (a shipped plan as a copy in your plans folder, the version it
    replaces kept as NAME.toml.bak); Escape leaves, asking first about unsaved changes."""
    from pushtimer.plan.catalog import resolve_plan
    from pushtimer.plan.saving import open_for_editing

    with plan_errors():
        edited = open_for_editing(resolve_plan(plan))
    _edit(edited)


def _edit(edited: EditedPlan) -> None:
    from pushtimer.ui.editor.app import EditorApp

    theme = settings().settings.theme
    app = EditorApp(edited, theme)
    app.run()
    if edited.saved_once and edited.target is not None:
        say(f"Saved: {edited.target}")
    sys.exit(app.return_code or 0)
