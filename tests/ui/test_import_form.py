"""Importing a plan from the picker (i): a path typed, or a file chosen in the tree; a bad
file is one line on the form and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DirectoryTree, Input, OptionList

from pushtimer.plan.catalog import user_plans_dir
from pushtimer.plan.loader import load_plan
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.import_form import ImportScreen, shown_path, typed_path
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.functional.test_import_export_cli import ROUTINES

EVIL = json.dumps([{**ROUTINES[0], "name": "\x1b[2J"}])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder holding Downloads/routines.json, a text file and a hidden folder."""
    home = tmp_path / "you"
    (home / "Downloads").mkdir(parents=True)
    (home / ".cache").mkdir()
    (home / "Downloads" / "routines.json").write_text(json.dumps(ROUTINES), encoding="utf-8")
    (home / "Downloads" / "notes.txt").write_text("not a plan", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    return home


def _highlighted(app: PushtimerApp) -> str:
    plans = app.screen.query_one(OptionList)
    assert plans.highlighted is not None
    return str(plans.options[plans.highlighted].prompt).strip()


async def test_a_typed_path_imports_and_the_plan_is_chosen(home: Path) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        assert isinstance(app.screen, ImportScreen)
        field = app.screen.query_one("#file", Input)
        assert field.value == "~/"
        await pilot.press(*"Downloads/routines.json", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        made = user_plans_dir() / "quick-push.toml"
        plan = load_plan(made)
        assert [(e.name, e.reps, e.hold) for e in plan.workouts[0].exercises] == [
            ("Push-up", 15, None),
            ("Plank", None, 40),
        ]
        assert _highlighted(app).startswith("Quick push")
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert "Quick push" in prompts  # the plan's heading, under "Your plans"
        assert [(n.title, n.message) for n in app._notifications] == [
            (
                "Imported",
                "Quick push, from Timero routines, is quick-push.toml in your plans. "
                "Press e to look it over.",
            )
        ]


async def test_a_file_imported_twice_is_two_plans_told_apart_by_file(home: Path) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(2):
            await pilot.press("i", *"Downloads/routines.json", "enter")
            await pilot.pause()
        assert _highlighted(app).startswith("Quick push")
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert "Quick push (quick-push)" in prompts
        assert "Quick push (quick-push-2)" in prompts
        assert "Back-focused push-up week" in prompts  # one of its name: no file said


async def test_a_file_chosen_in_the_tree_imports(home: Path) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        tree = app.screen.query_one(DirectoryTree)
        await tree.reload()
        shown = [str(node.label) for node in tree.root.children]
        assert shown == ["Downloads"]  # no hidden folder, no file but JSON
        tree.focus()
        await pilot.press("down", "enter")  # Downloads opens
        await tree.reload_node(tree.root.children[0])
        await pilot.pause()
        files = [str(node.label) for node in tree.root.children[0].children]
        assert files == ["routines.json"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        assert (user_plans_dir() / "quick-push.toml").is_file()


@pytest.mark.parametrize(
    ("typed", "content", "words"),
    [
        ("", None, "Type the file's path"),
        ("~/Downloads/missing.json", None, "~/Downloads/missing.json: no such file"),
        ("~/Downloads/notes.txt", None, "~/Downloads/notes.txt:1:1: not valid JSON"),
        ("~/Downloads/evil.json", EVIL, "control character"),
    ],
)
async def test_a_bad_file_is_one_line_and_nothing_is_written(
    home: Path, typed: str, content: str | None, words: str
) -> None:
    if content is not None:
        (home / "Downloads" / "evil.json").write_text(content, encoding="utf-8")
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i")
        field = app.screen.query_one("#file", Input)
        field.value = typed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        problem = app.screen.query_one("#problems", TextLine).text
        assert words in problem
        assert "\n" not in problem and "\x1b" not in problem
        assert not user_plans_dir().exists() or not list(user_plans_dir().iterdir())
        await pilot.press("a")  # typing again clears the line
        assert app.screen.query_one("#problems", TextLine).text == ""
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


@pytest.mark.parametrize("then", ["enter", "escape"])
async def test_a_key_typed_right_after_enter_imports_once_and_leaves_once(
    home: Path, then: str
) -> None:
    """Enter twice at once once imported the file twice and ended the app with a
    ScreenStackError (the form dismissed twice)."""
    from textual import events

    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("i", *"Downloads/routines.json")
        app.post_message(events.Key("enter", "\r"))  # (as a fast typist sends them)
        app.post_message(events.Key(then, None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen) and app.is_running
        made = sorted(p.name for p in user_plans_dir().glob("*.toml"))
        # Esc reaches the form before the Enter's import runs: it cancels it.
        assert made == (["quick-push.toml"] if then == "enter" else [])


@pytest.mark.parametrize(
    "typed",
    [
        "~/~/Downloads/routines.json",  # the whole path typed after the "~/" given
        "Downloads/routines.json",  # relative: from the home folder, as the tree is
        "~/{home}/Downloads/routines.json",
    ],
)
def test_a_path_is_read_as_a_person_means_it(home: Path, typed: str) -> None:
    wanted = home / "Downloads" / "routines.json"
    assert typed_path(typed.format(home=home)) == wanted


async def test_a_small_terminal_keeps_the_path_and_the_buttons(home: Path) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#file", Input).region.height == 1
        assert not screen.query_one(DirectoryTree).display
        assert screen.query_one("#import").region.bottom <= 12


def test_paths_under_home_are_shown_with_a_tilde(home: Path) -> None:
    assert shown_path(home) == "~"
    assert shown_path(home / "Downloads" / "r.json") == "~/Downloads/r.json"
    assert shown_path(Path("/etc/x.json")) == "/etc/x.json"
