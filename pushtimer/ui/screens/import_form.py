"""Import a plan from another app, from the picker (``i``): a file named by its path, or
chosen in a tree of the home folder that shows folders and JSON files only.

The file goes through the same import as ``pushtimer import`` (docs/plan-format.md, "Plans
from other apps"): a file that cannot be read or converted is one line under the path, and
nothing is written; an imported plan is saved in the user's plans folder and the screen
returns its path.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text, TextType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Footer, Input, Label
from textual.widgets.directory_tree import DirEntry
from textual.widgets.tree import TreeNode

from pushtimer.plan.errors import PlanError
from pushtimer.printable import printable
from pushtimer.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from typing_extensions import Self

WHAT = "An openweight program or workout template (.json), or Timero's routines.json."


def shown_path(path: Path) -> str:
    """``path`` as a person reads it: ``~/Downloads/routines.json`` under the home folder."""
    home = Path.home()
    if path == home:
        return "~"
    if path.is_relative_to(home):
        return "~/" + path.relative_to(home).as_posix()
    return str(path)


def typed_path(typed: str) -> Path:
    """The file a person typed in the field, which starts as "~/": a whole path typed after
    that ("~/~/Downloads/x.json", "~//tmp/x.json") is read as typed, and a relative one
    from the home folder, as the tree below it shows."""
    rest = typed.removeprefix("~/")
    if typed.startswith("~/") and rest.startswith(("~", "/")):
        typed = rest
    path = Path(typed).expanduser()
    return path if path.is_absolute() else Path.home() / path


class JsonFiles(DirectoryTree):
    """Folders and JSON files, hidden ones left out; names shown literally (a file name
    is outside text), the root as ``~``."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".") and (_is_dir(path) or path.suffix == ".json")
        ]

    def reset_node(
        self, node: TreeNode[DirEntry], label: TextType, data: DirEntry | None = None
    ) -> Self:
        if node is self.root and data is not None:  # the root: "~", not the folder's name
            label = shown_path(data.path)
        return super().reset_node(node, label, data)

    def process_label(self, label: TextType) -> Text:
        text = label.plain if isinstance(label, Text) else label
        return super().process_label(Text(printable(text)))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a broken link, a name too long: not a folder to open
        return False


class ImportScreen(ModalScreen[Path | None]):
    """Returns the plan file made, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]  # -short: no tree, no key bar

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-form"):
            yield TextLine("Import a plan from another app", classes="dialog-title")
            yield TextLine(WHAT, classes="dim")
            with Horizontal(classes="field"):
                yield Label("File", classes="field-label")
                yield Input(  # the cursor after "~/", to type on from the home folder
                    "~/",
                    placeholder="~/Downloads/routines.json",
                    id="file",
                    compact=True,
                    select_on_focus=False,
                )
            yield TextLine(id="problems", classes="problems")
            yield JsonFiles(Path.home(), id="files")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", id="import", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()  # the form's keys, not the picker's behind it

    def __init__(self) -> None:
        super().__init__()
        self._left = False  # once: a second Enter (or Esc) typed at once does nothing more

    def on_mount(self) -> None:
        self.query_one("#file", Input).focus()

    def on_input_changed(self) -> None:
        self._problem("")  # what was wrong is being put right

    def on_input_submitted(self) -> None:
        self._import()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import":
            self._import()
        else:
            self._leave(None)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        """Enter on a file in the tree: that file, imported."""
        self.query_one("#file", Input).value = shown_path(event.path)
        self._import()

    def action_cancel(self) -> None:
        self._leave(None)

    def _leave(self, made: Path | None) -> None:
        if not self._left:
            self._left = True
            self.dismiss(made)

    def _import(self) -> None:
        from pushtimer.plan.catalog import user_plans_dir
        from pushtimer.plan.interchange import import_into_plans

        if self._left:
            return
        typed = self.query_one("#file", Input).value.strip()
        if typed in ("", "~", "~/"):
            self._problem("Type the file's path, or choose it below and press Enter.")
            return
        path = typed_path(typed)
        try:
            imported, target = import_into_plans(path, shown_path(path))
        except PlanError as error:
            self._problem(error.lines[0])
        except OSError as error:
            place = error.filename or user_plans_dir()
            self._problem(f"{place}: cannot be written: {error.strerror or error}")
        else:
            lost = f" Not kept: {', '.join(imported.lost)}." if imported.lost else ""
            self.notify(
                printable(
                    f"{imported.plan.name}, from {imported.kind}, is {target.name} in your "
                    f"plans.{lost} Press e to look it over."
                ),
                title="Imported",
                markup=False,
            )
            self._leave(target)

    def _problem(self, line: str) -> None:
        self.query_one("#problems", TextLine).text = printable(line)
