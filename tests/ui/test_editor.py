"""The plan editor, driven with keys: new plans, every list action, checking as you type,
saving that keeps the file, and the way in from the picker."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select

from pushtimer.plan.loader import load_plan
from pushtimer.plan.saving import EditedPlan, new_plan, open_for_editing
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.editor.app import EditorApp
from pushtimer.ui.editor.fields import FieldRow
from pushtimer.ui.editor.forms import (
    CatalogueScreen,
    ExerciseForm,
    PlanForm,
    UnsavedScreen,
    WorkoutForm,
)
from pushtimer.ui.screens.dialogs import ConfirmScreen
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.unit.test_plan_document import COMMENTED, changed_lines


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "pushtimer" / "plans"


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def row(app: EditorApp | PushtimerApp, key: str) -> FieldRow:
    return next(r for r in app.screen.query(FieldRow) if r.spec.key == key)


def problem(app: EditorApp | PushtimerApp, key: str) -> str:
    return row(app, key).query_one(".editor-problem", TextLine).text


def items(app: EditorApp | PushtimerApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#items", OptionList).options]


async def open_exercise(pilot: object, app: EditorApp, workout: int, exercise: int) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    lists = app.screen.query_one("#items", OptionList)
    lists.focus()
    lists.highlighted = workout
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, WorkoutForm)
    app.screen.query_one("#items", OptionList).highlighted = exercise
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ExerciseForm)


async def test_a_new_plan_is_a_typed_name_and_ctrl_s(_own_config: Path) -> None:
    edit = new_plan()
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        assert app.screen.focused is row(app, "name").query_one(Input)
        # A new form is not a mistake: it says what to do, and names no problem yet.
        title = app.screen.query_one("#editor-title", TextLine).text
        assert title == "New plan: type its name, then Ctrl+S · unsaved"
        assert problem(app, "name") == ""
        await pilot.press("ctrl+s")  # with no name: now it is one
        await pilot.pause()
        assert problem(app, "name").startswith('"name" must be text of 1 to 100')
        assert not _own_config.exists()
        await pilot.press(*"Knees")
        await pilot.pause()
        assert problem(app, "name") == ""
        assert items(app) == ["1. Day 1 · 1 exercise · 7:10"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = _own_config / "knees.toml"
        assert edit.target == saved
        plan = load_plan(saved)
        assert plan.name == "Knees"
        assert [w.name for w in plan.workouts] == ["Day 1"]
        await pilot.press("escape")  # saved: leaves without asking
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_s_with_a_problem_saves_nothing_and_says_which(commented: Path) -> None:
    app = EditorApp(open_for_editing(commented))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, app, 0, 0)
        sets = row(app, "sets").query_one(Input)
        sets.focus()
        sets.value = "ten"
        await pilot.pause()
        assert problem(app, "sets") == '"sets" must be a whole number from 1 to 50, got "ten"'
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert commented.read_text(encoding="utf-8") == COMMENTED
        assert not (commented.parent / "mine.toml.bak").exists()
        shown = [str(n.message) for n in app._notifications]
        assert shown == [
            'Not saved: 1 problem. workout 1 ("Mon"), exercise 1 ("Knee push-up"): '
            '"sets" must be a whole number from 1 to 50, got "ten"'
        ]
        assert "1 problem" in app.screen.query_one("#editor-title", TextLine).text


async def test_saved_unchanged_is_byte_for_byte_and_one_rest_is_one_line(
    commented: Path,
) -> None:
    app = EditorApp(open_for_editing(commented))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert commented.read_text(encoding="utf-8") == COMMENTED
        await open_exercise(pilot, app, 0, 0)
        rest = row(app, "rest").query_one(Input)
        rest.focus()
        await pilot.press("backspace", "backspace", *"45")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert changed_lines(COMMENTED, commented.read_text(encoding="utf-8")) == [
        "-rest = 60",
        "+rest = 45",
    ]


async def test_reps_max_and_hold_are_one_choice_with_its_amount(commented: Path) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, app, 0, 0)
        kind = app.screen.query_one("#kind", Select)
        assert kind.value == "reps"
        kind.value = "hold"
        await pilot.pause()
        assert edit.document.get((0, 0), "reps") is None
        assert edit.document.get((0, 0), "hold") == 30  # a hold's own default, not 8 s
        assert row(app, "amount").query_one(Input).value == "30"
        assert not row(app, "tempo").display
        amount = row(app, "amount").query_one(Input)
        amount.value = "1m"
        await pilot.pause()
        assert edit.document.get((0, 0), "hold") == "1m"
        kind.value = "max"
        await pilot.pause()
        assert edit.document.get((0, 0), "reps") == "max"
        assert not row(app, "amount").display
        kind.value = "reps"
        await pilot.pause()
        assert edit.document.get((0, 0), "reps") == 8  # the reps it had, not 60
        kind.value = "hold"
        await pilot.pause()
        assert edit.document.get((0, 0), "hold") == "1m"  # and the hold it had
        assert edit.problems() == []


async def test_a_tempo_preset_fills_the_tempo(commented: Path) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, app, 0, 0)
        row(app, "tempo").query_one(Select).value = "4-1-1-0"
        await pilot.pause()
        assert row(app, "tempo").query_one(Input).value == "4-1-1-0"
        assert edit.document.get((0, 0), "tempo") == "4-1-1-0"
        assert row(app, "tempo").query_one(Select).is_blank()  # a menu, not a second value


async def test_add_copy_move_and_delete_exercises(commented: Path) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # workout 1, from the list focused at the start
        await pilot.pause()
        assert isinstance(app.screen, WorkoutForm)
        assert items(app) == ["1. Knee push-up · 3 x 8 reps", "2. Plank · 1 x 30s hold"]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)
        await pilot.press("down", "enter")  # the catalogue's first: Wide push-up
        await pilot.pause()
        assert items(app)[1] == "2. Wide push-up · 4 x 12 reps"
        await pilot.press("c")
        await pilot.pause()
        assert items(app)[2] == "3. Wide push-up · 4 x 12 reps"
        await pilot.press("shift+down")
        await pilot.pause()
        assert [i.split(" · ")[0] for i in items(app)] == [
            "1. Knee push-up",
            "2. Wide push-up",
            "3. Plank",
            "4. Wide push-up",
        ]
        assert app.screen.query_one("#items", OptionList).highlighted == 3
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("up", "x", "n")  # asked, and kept
        await pilot.pause()
        assert len(items(app)) == 3
        assert "length" in app.screen.query_one("#length", TextLine).text
        assert [e.name for e in edit.document.plan().workouts[0].exercises] == [
            "Knee push-up",
            "Wide push-up",
            "Plank",
        ]


async def test_add_copy_move_and_delete_workouts(commented: Path) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert items(app)[1].startswith("2. Day 3 · 1 exercise")
        await pilot.press("c", "shift+up", "shift+up")
        await pilot.pause()
        assert [i.split(" · ")[0] for i in items(app)] == [
            "1. Day 3",
            "2. Mon",
            "3. Day 3",
            "4. Thu",
        ]
        await pilot.press("x", "y")
        await pilot.pause()
        await pilot.press("down", "x", "y")
        await pilot.pause()
        assert edit.document.dump() == COMMENTED
        await pilot.press("x", "y")  # the last but one
        await pilot.pause()
        await pilot.press("x")  # the last: not allowed, nothing asked
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        assert edit.document.workout_count() == 1


async def test_escape_with_unsaved_changes_asks(commented: Path) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_exercise(pilot, app, 0, 0)
        row(app, "name").query_one(Input).value = "Knee push-up, slow"
        await pilot.pause()
        await pilot.press("escape", "escape")  # exercise -> workout -> plan
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        await pilot.press("escape", "d")  # discard
        await pilot.pause()
    assert commented.read_text(encoding="utf-8") == COMMENTED

    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        row(app, "name").query_one(Input).value = "Hand-made, v2"
        await pilot.pause()
        await pilot.press("escape", "s")  # save, then leave
        await pilot.pause()
    assert changed_lines(COMMENTED, commented.read_text(encoding="utf-8")) == [
        '-name = "Hand-made"   # what the picker shows',
        '+name = "Hand-made, v2"   # what the picker shows',
    ]


async def test_problems_of_a_workout_show_in_the_plans_list(commented: Path) -> None:
    edit = open_for_editing(commented)
    edit.document.set((1, 0), "reps", 0)
    app = EditorApp(edit)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert items(app)[1] == "2. Thu · 1 exercise · - · 1 problem"
        assert items(app)[0].startswith("1. Mon · 2 exercises · ")  # its length still told
        assert not items(app)[0].endswith(" - ")
        assert "1 problem" in app.screen.query_one("#editor-title", TextLine).text


async def test_n_and_e_in_the_picker(_own_config: Path) -> None:
    app = PushtimerApp(clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        await pilot.press(*"Mine", "ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert any(p.startswith("Your plans") for p in prompts)
        assert "Mine" in prompts
        # e on a shipped plan's workout: saved as a copy in the user's folder.
        app.screen.query_one(OptionList).highlighted = 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PlanForm)
        edited = app.screen.edit
        assert isinstance(edited, EditedPlan)
        assert edited.shipped
        title = app.screen.query_one("#editor-title", TextLine).text
        assert title == "Back-focused push-up week · saved · Ctrl+S saves your copy"
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
    assert sorted(p.name for p in _own_config.iterdir()) == ["back-week.toml", "mine.toml"]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_every_form_works_in_a_small_terminal(commented: Path, size: tuple[int, int]) -> None:
    edit = open_for_editing(commented)
    app = EditorApp(edit)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await open_exercise(pilot, app, 0, 1)
        # Tab reaches the last field, which scrolls into view.
        cues = row(app, "progress.from_max").query_one(Input)
        cues.focus()
        await pilot.pause()
        assert cues.region.bottom <= size[1]
        cues.value = "0.5"
        await pilot.pause()
        assert "from_max" in problem(app, "progress.add") + problem(app, "progress.from_max")
