"""The plan editor: a form for the plan, one for each workout, one for each exercise.

Enter on a workout or an exercise opens its form; Escape goes back up (and, from the
plan's form, asks about unsaved changes); Ctrl+S saves from any of them. Every change is
written into the plan's TOML at once (``pushtimer.plan.document``) and the plan checked
with ``validate``'s checker, each problem shown under its field. The rules are in
docs/plan-format.md, "The plan editor".
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Footer, Input, Label, OptionList, Select, TextArea
from textual.widgets.option_list import Option

from pushtimer.plan.document import Path, PlanDocument
from pushtimer.plan.durations import format_clock
from pushtimer.plan.errors import PlanError, Problem
from pushtimer.plan.exercises import catalogue, first_exercise
from pushtimer.plan.form_fields import (
    DEFAULT_AMOUNT,
    EXERCISE_FIELDS,
    KINDS,
    PLAN_FIELDS,
    WORKOUT_FIELDS,
    ExerciseKind,
    FormField,
    kind_of,
    text_of,
)
from pushtimer.plan.length import workout_length
from pushtimer.plan.model import Defaults
from pushtimer.plan.saving import EditedPlan
from pushtimer.printable import printable
from pushtimer.ui.editor.fields import FieldRow
from pushtimer.ui.screens.dialogs import ConfirmScreen
from pushtimer.ui.widgets.text_line import TextLine

AMOUNT = FormField("amount", "Amount", "duration", "reps, or seconds for a hold")
# What the list's keys do, above each list: the key bar of a narrow terminal cuts them.
LIST_KEYS = "Enter opens · a adds · c copies · x deletes · Shift+↑↓ moves"
# An exercise's keys that an empty field leaves to the plan's [defaults].
_PLANS_OWN = {"tempo": "tempo", "rest": "rest", "rest_after": "rest_between_exercises"}


class ItemList(OptionList):
    """Workouts or exercises: Enter opens one; a adds, c copies, x deletes (it asks),
    Shift+Up and Shift+Down move it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # The form's own keys first, so the key bar keeps them at 40 columns.
        Binding("ctrl+s", "screen.save", "Save"),
        Binding("escape", "screen.back", "Back"),
        Binding("enter", "screen.open", "Open"),
        Binding("a", "screen.add", "Add"),
        Binding("c", "screen.copy", "Copy"),
        Binding("x,delete", "screen.delete", "Delete"),
        Binding("shift+up", "screen.move(-1)", "Move up", key_display="⇧↑"),
        Binding("shift+down", "screen.move(1)", "Move down", key_display="⇧↓"),
    ]


class EditorForm(Screen[None]):
    """What every form of the editor shares: the plan, saving, the problems, going back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back", priority=True),
    ]
    FIELDS: tuple[FormField, ...] = ()
    # What has the keys from the first frame on (a focus() in on_mount comes later, and
    # would take them from a field someone is already typing in).
    AUTO_FOCUS = ".editor-input"
    TITLE_TEXT = ""

    def __init__(self, edit: EditedPlan, path: Path) -> None:
        super().__init__(classes="editor")
        self.edit = edit
        self.path = path

    @property
    def document(self) -> PlanDocument:
        return self.edit.document

    def compose(self) -> ComposeResult:
        yield TextLine(id="editor-title", classes="editor-title")
        body = VerticalScroll(id="editor-body")
        body.can_focus = False  # Tab goes from field to field, never to the scroll area
        with body:
            yield from self.compose_fields()
            yield TextLine(id="editor-others", classes="problems")
        yield Footer()

    def compose_fields(self) -> ComposeResult:
        for spec in self.FIELDS:
            yield FieldRow(self.hinted(spec), self.document.get(self.path, spec.key))

    def hinted(self, spec: FormField) -> FormField:
        """``spec`` with the placeholder this form shows (an exercise's names the plan's
        value that an empty field leaves in effect)."""
        return spec

    def on_mount(self) -> None:
        self.refresh_state()

    def on_screen_resume(self) -> None:
        self.refresh_state()

    # -- changes ---------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed | Checkbox.Changed) -> None:
        row = next((node for node in event.control.ancestors if isinstance(node, FieldRow)), None)
        # A field tells its first text (given when it was made) from one typed.
        if row is not None and row.edited():
            self.write(row.spec.key, row.value)

    @on(Select.Changed, ".tempo-presets")
    def _preset(self, event: Select.Changed) -> None:
        row = next(node for node in event.control.ancestors if isinstance(node, FieldRow))
        if isinstance(event.value, str):
            row.set_text(event.value)
            event.control.clear()  # a menu, not a state: the tempo field holds the value

    def write(self, key: str, value: Any) -> None:
        if self.document.set(self.path, key, value):
            self.refresh_state()

    # -- what the form shows ---------------------------------------------------------

    def refresh_state(self) -> None:
        problems = [problem for problem in self.edit.problems() if not self.quiet(problem)]
        mine = [problem for problem in problems if problem.path == self.path]
        shown: set[int] = set()
        for row in self.query(FieldRow):
            texts = [p.text for p in mine if _about(p, row.spec.key)]
            shown.update(id(p) for p in mine if _about(p, row.spec.key))
            row.show_problem("\n".join(texts))
        others = [p.text for p in mine if id(p) not in shown and not self.shows_key(p.key)]
        self.query_one("#editor-others", TextLine).text = "\n".join(others)
        self.query_one("#editor-title", TextLine).text = self.title_line(problems)
        self.refresh_lists(problems)

    def shows_key(self, key: str | None) -> bool:
        """Whether a problem about ``key`` has a place on this form other than a field."""
        return False

    def quiet(self, problem: Problem) -> bool:
        """A problem not to show yet (a new plan's name, before anyone could type it)."""
        return False

    def refresh_lists(self, problems: list[Problem]) -> None:
        """Lists of what is inside (workouts, exercises), drawn again."""

    def _list_in_view(self) -> None:
        """The list has the keys; it is brought into view once the form is laid out."""
        items = self.query_one("#items", ItemList)
        self.call_after_refresh(items.scroll_visible, animate=False)

    def title_line(self, problems: list[Problem]) -> str:
        edit = self.edit
        where = self.where()
        parts = [where]
        if problems:  # before the rest: a narrow title keeps it
            count = len(problems)
            parts.append(f"{count} problem{'s' if count != 1 else ''}")
        parts.append("unsaved" if edit.changed else "saved")
        if edit.shipped:  # where Ctrl+S writes: the user's copy, never the shipped file
            parts.append("as your copy" if edit.saved_once else "Ctrl+S saves your copy")
        return " · ".join(parts)

    def where(self) -> str:
        return self.TITLE_TEXT

    def length(self, workout: int) -> str:
        """The workout's length as ``show`` computes it, or a dash while it has a problem
        (another workout's problem leaves it be)."""
        try:
            plan = self.edit.document.workout_alone(workout)
        except PlanError:
            return "-"
        return format_clock(workout_length(plan.workouts[0], plan.defaults).total_seconds)

    # -- keys ------------------------------------------------------------------------

    def action_save(self) -> None:
        problems = self.edit.problems()
        if problems:
            first = problems[0]
            place = self.edit.document.place(first.path)
            count = len(problems)
            self.notify(
                printable(
                    f"Not saved: {count} problem{'s' if count != 1 else ''}. "
                    f"{place}{': ' if place else ''}{first.text}"
                ),
                title="Not saved",
                severity="error",
                markup=False,
                timeout=8,
            )
            return
        try:
            target = self.edit.save()
        except OSError as error:
            self.notify(
                printable(f"Not saved: {error.strerror or error}"),
                severity="error",
                markup=False,
            )
            return
        copy = " (a copy of the shipped plan)" if self.edit.shipped else ""
        self.notify(printable(f"Saved to {target}{copy}"), markup=False)
        self.refresh_state()

    def action_back(self) -> None:
        self.dismiss(None)


class ListForm(EditorForm):
    """A form with a list of what is inside it (a plan's workouts, a workout's exercises)
    and the keys of ``ItemList`` for them: copy, move and delete are the same for both."""

    NOUN = "workout"
    LAST_ONE = "A plan needs at least one workout."

    def chosen(self) -> int | None:
        return self.query_one("#items", ItemList).highlighted

    def count(self) -> int:
        raise NotImplementedError

    def copy(self, index: int) -> int:
        raise NotImplementedError

    def move(self, index: int, by: int) -> int:
        raise NotImplementedError

    def delete(self, index: int) -> None:
        raise NotImplementedError

    def item_path(self, index: int) -> Path:
        raise NotImplementedError

    def action_copy(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self._select(self.copy(chosen))

    def action_move(self, by: int) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self._select(self.move(chosen, by))

    def action_delete(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        if self.count() <= 1:
            self.notify(self.LAST_ONE, severity="warning")
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.delete(chosen)
                self._select(min(chosen, self.count() - 1))

        name = self.edit.document.label(self.item_path(chosen))
        question = f"Delete {self.NOUN} {chosen + 1}?"
        self.app.push_screen(ConfirmScreen(question, name, "Delete (y)", "Keep (n)"), answer)

    def _select(self, index: int) -> None:
        self.refresh_state()
        self.query_one("#items", ItemList).highlighted = index


class PlanForm(ListForm):
    """The plan: its name, description, defaults and workouts (a new plan: its name
    first, to be typed; see ``plan_form``)."""

    FIELDS = PLAN_FIELDS
    AUTO_FOCUS = "#items"

    def compose_fields(self) -> ComposeResult:
        # The name, then the workouts (what is opened most), then the rest of the plan.
        fields = iter(super().compose_fields())
        yield next(fields)
        yield Label("Workouts", classes="editor-heading")
        yield TextLine(LIST_KEYS, classes="dim")
        yield ItemList(id="items")
        yield next(fields)  # About
        yield Label("The plan's defaults", classes="editor-heading")
        yield from fields

    def on_mount(self) -> None:
        super().on_mount()
        if self.edit.opened is not None:
            self._list_in_view()

    def where(self) -> str:
        return printable(self.edit.document.label(()))

    def refresh_lists(self, problems: list[Problem]) -> None:
        document = self.edit.document
        lines = []
        for number in range(document.workout_count()):
            count = document.exercise_count(number)
            bad = sum(1 for p in problems if p.path[:1] == (number,))
            mark = f" · {bad} problem{'s' if bad != 1 else ''}" if bad else ""
            lines.append(
                f"{number + 1}. {document.label((number,))} · {count} exercise"
                f"{'s' if count != 1 else ''} · {self.length(number)}{mark}"
            )
        _fill(self.query_one("#items", ItemList), lines)

    def shows_key(self, key: str | None) -> bool:
        return key in ("workout", "exercise")

    def action_open(self) -> None:
        chosen = self.query_one("#items", ItemList).highlighted
        if chosen is not None:
            self.app.push_screen(WorkoutForm(self.edit, (chosen,)))

    def action_add(self) -> None:
        at = _after(self.query_one("#items", ItemList))
        self._select(self.edit.document.add_workout(first_exercise(), at))

    def count(self) -> int:
        return self.edit.document.workout_count()

    def copy(self, index: int) -> int:
        return self.edit.document.duplicate_workout(index)

    def move(self, index: int, by: int) -> int:
        return self.edit.document.move_workout(index, by)

    def delete(self, index: int) -> None:
        self.edit.document.delete_workout(index)

    def item_path(self, index: int) -> Path:
        return (index,)

    def action_back(self) -> None:
        if not self.edit.changed:
            self.dismiss(None)
            return

        def answer(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
                if not self.edit.changed:
                    self.dismiss(None)
            elif choice == "discard":
                self.dismiss(None)

        self.app.push_screen(UnsavedScreen(), answer)


class NewPlanForm(PlanForm):
    """A plan not saved yet: the name has the keys, and an empty name is a problem only
    once it has been typed in or Ctrl+S pressed (a new form is not a mistake)."""

    AUTO_FOCUS = ".editor-input"

    def __init__(self, edit: EditedPlan, path: Path) -> None:
        super().__init__(edit, path)
        self._name_asked = False

    def quiet(self, problem: Problem) -> bool:
        return not self._name_asked and problem.path == () and problem.key == "name"

    def where(self) -> str:
        if self._name_asked or self.edit.document.get((), "name"):
            return super().where()
        return "New plan: type its name, then Ctrl+S"

    def write(self, key: str, value: Any) -> None:
        self._name_asked = self._name_asked or key == "name"
        super().write(key, value)

    def action_save(self) -> None:
        self._name_asked = True
        super().action_save()
        self.refresh_state()


def plan_form(edit: EditedPlan) -> PlanForm:
    """The form a plan opens in: a new one's starts at its name, else at its workouts."""
    return NewPlanForm(edit, ()) if edit.opened is None else PlanForm(edit, ())


class WorkoutForm(ListForm):
    """A workout: its name, day, description and exercises, with its length."""

    FIELDS = WORKOUT_FIELDS
    AUTO_FOCUS = "#items"
    NOUN = "exercise"
    LAST_ONE = "A workout needs at least one exercise; delete the workout instead."

    def compose_fields(self) -> ComposeResult:
        # The name and day, then the exercises (what is opened most), then the rest.
        fields = iter(super().compose_fields())
        yield from (next(fields), next(fields))
        yield TextLine(id="length", classes="editor-heading")
        yield TextLine(LIST_KEYS, classes="dim")
        yield ItemList(id="items")
        yield from fields

    def on_mount(self) -> None:
        super().on_mount()
        self._list_in_view()

    def where(self) -> str:
        return printable(f"Workout {self.path[0] + 1}: {self.edit.document.label(self.path)}")

    def refresh_lists(self, problems: list[Problem]) -> None:
        document = self.edit.document
        workout = self.path[0]
        self.query_one("#length", TextLine).text = f"Exercises · length {self.length(workout)}"
        lines = []
        for number in range(document.exercise_count(workout)):
            path = (workout, number)
            bad = sum(1 for p in problems if p.path == path)
            mark = f" · {bad} problem{'s' if bad != 1 else ''}" if bad else ""
            lines.append(f"{number + 1}. {document.label(path)} · {_amount(document, path)}{mark}")
        _fill(self.query_one("#items", ItemList), lines)

    def shows_key(self, key: str | None) -> bool:
        return key == "exercise"

    def action_open(self) -> None:
        chosen = self.query_one("#items", ItemList).highlighted
        if chosen is not None:
            self.app.push_screen(ExerciseForm(self.edit, (self.path[0], chosen)))

    def action_add(self) -> None:
        at = _after(self.query_one("#items", ItemList))

        def picked(exercise: dict[str, Any] | None) -> None:
            if exercise is not None:
                self._select(self.edit.document.add_exercise(self.path[0], exercise, at))

        self.app.push_screen(CatalogueScreen(), picked)

    def count(self) -> int:
        return self.edit.document.exercise_count(self.path[0])

    def copy(self, index: int) -> int:
        return self.edit.document.duplicate_exercise(self.path[0], index)

    def move(self, index: int, by: int) -> int:
        return self.edit.document.move_exercise(self.path[0], index, by)

    def delete(self, index: int) -> None:
        self.edit.document.delete_exercise(self.path[0], index)

    def item_path(self, index: int) -> Path:
        return (self.path[0], index)


class ExerciseForm(EditorForm):
    """An exercise: every field, with reps, max or a hold as one choice and its amount."""

    FIELDS = EXERCISE_FIELDS

    def __init__(self, edit: EditedPlan, path: Path) -> None:
        super().__init__(edit, path)
        self._before: dict[str, Any] = {}  # reps, hold and tempo before a change of choice

    def compose_fields(self) -> ComposeResult:
        document = self.edit.document
        values = {key: document.get(self.path, key) for key in ("reps", "hold")}
        kind = kind_of(values)
        fields = iter(super().compose_fields())
        yield from (next(fields), next(fields), next(fields))  # name, about, sets
        with Horizontal(classes="editor-line"):
            yield Label("Counts", classes="editor-label")
            yield Select(
                [(label, value) for label, value in KINDS],
                value=kind,
                allow_blank=False,
                compact=True,
                id="kind",
            )
        amount = values["hold"] if kind == "hold" else values["reps"] if kind == "reps" else None
        yield FieldRow(AMOUNT, amount)
        yield from fields

    def on_mount(self) -> None:
        super().on_mount()
        self._show_kind(kind_of(self._values()))

    def hinted(self, spec: FormField) -> FormField:
        fallback = _PLANS_OWN.get(spec.key)
        if fallback is None:
            return spec
        value = self.edit.document.get((), f"defaults.{fallback}")
        if value is None:
            value = getattr(Defaults(), fallback)
        return msgspec.structs.replace(spec, hint=f"the plan's: {value}")

    def where(self) -> str:
        document = self.edit.document
        workout, exercise = self.path
        return printable(
            f"{document.label((workout,))} > {exercise + 1}. {document.label(self.path)}"
        )

    def _kept(self) -> dict[str, Any]:
        """The values a change of choice takes away, as they are now."""
        document = self.edit.document
        kept = {key: document.get(self.path, key) for key in ("reps", "hold", "tempo")}
        if kept["reps"] == "max":
            kept["reps"] = None
        return kept

    def _values(self) -> dict[str, Any]:
        return {key: self.edit.document.get(self.path, key) for key in ("reps", "hold")}

    def _show_kind(self, kind: ExerciseKind) -> None:
        amount = self.query(FieldRow).filter(".editor-field").nodes
        for row in amount:
            if row.spec.key == "amount":
                row.display = kind != "max"
                row.query_one(Label).update("Seconds" if kind == "hold" else "Reps")
            if row.spec.key == "tempo":
                row.display = kind != "hold"

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == kind_of(self._values()):
            return  # (the choice shown when the form opened)
        kind: ExerciseKind = event.value  # type: ignore[assignment]
        document = self.edit.document
        amount_row = next(row for row in self.query(FieldRow) if row.spec.key == "amount")
        # What each choice held before, so reps -> hold -> reps gives the reps back (never
        # the hold's seconds as reps), and the tempo a hold had to drop.
        self._before.update({k: v for k, v in self._kept().items() if v is not None})
        if kind == "max":
            document.set(self.path, "hold", None)
            document.set(self.path, "reps", "max")
        elif kind == "hold":
            document.set(self.path, "reps", None)
            document.set(self.path, "tempo", None)
            document.set(self.path, "hold", self._before.get("hold", DEFAULT_AMOUNT["hold"]))
        else:
            document.set(self.path, "hold", None)
            document.set(self.path, "reps", self._before.get("reps", DEFAULT_AMOUNT["reps"]))
            document.set(self.path, "tempo", self._before.get("tempo"))
        shown = self._values()["hold" if kind == "hold" else "reps"]
        amount_row.show(text_of(shown) if kind != "max" else "")
        tempo = document.get(self.path, "tempo")
        next(r for r in self.query(FieldRow) if r.spec.key == "tempo").show(text_of(tempo))
        self._show_kind(kind)
        self.refresh_state()

    def write(self, key: str, value: Any) -> None:
        if key == "amount":
            kind = kind_of(self._values())
            if kind == "max":
                return
            key = kind
            value = value if value is not None else ""
        super().write(key, value)

    def refresh_state(self) -> None:
        super().refresh_state()
        # A problem with "reps" or "hold" goes under the amount.
        problems = [p for p in self.edit.problems() if p.path == self.path]
        texts = [p.text for p in problems if p.key in ("reps", "hold")]
        for row in self.query(FieldRow):
            if row.spec.key == "amount":
                row.show_problem("\n".join(texts))

    def shows_key(self, key: str | None) -> bool:
        return key in ("reps", "hold")


class CatalogueScreen(ModalScreen[dict[str, Any] | None]):
    """Which exercise to add: a blank one, or one of the shipped plans' to change."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        options = [Option("A new exercise (Push-up, 3 x 8)", id="blank")]
        for number, exercise in enumerate(catalogue()):
            name = printable(str(exercise.get("name", "")))
            options.append(Option(f"{name} · {_describe(exercise)}", id=str(number)))
        with VerticalScroll(classes="dialog", id="catalogue"):
            yield TextLine("Add which exercise?", classes="dialog-title")
            yield OptionList(*options, id="catalogue-list")
        yield Footer()

    def on_mount(self) -> None:
        choices = self.query_one("#catalogue-list", OptionList)
        choices.focus()
        choices.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        if chosen == "blank":
            self.dismiss({"name": "Push-up", "sets": 3, "reps": 8})
        elif chosen is not None:
            self.dismiss(dict(catalogue()[int(chosen)]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnsavedScreen(ModalScreen[str | None]):
    """Escape with unsaved changes: save (s), discard them (d), or keep editing (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "answer('save')", "Save"),
        Binding("d", "answer('discard')", "Discard changes"),
        Binding("escape,k", "answer(None)", "Keep editing"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield TextLine("Unsaved changes", classes="dialog-title")
            yield TextLine("s saves them · d throws them away · Escape goes on editing")
        yield Footer()

    def action_answer(self, choice: str | None) -> None:
        self.dismiss(choice)


def _about(problem: Problem, key: str) -> bool:
    """Whether ``problem`` belongs under the field of ``key`` (``progress.add`` under its
    own field; one about the whole ``progress`` table under "Grow by")."""
    if problem.key is None:
        return False
    if problem.key == key:
        return True
    return problem.key == "progress" and key == "progress.add"


def _fill(items: ItemList, lines: list[str]) -> None:
    """Show ``lines`` in the list, keeping the highlighted line where it was."""
    highlighted = items.highlighted
    items.set_options(Option(printable(line)) for line in lines)
    if lines:
        items.highlighted = min(highlighted or 0, len(lines) - 1)


def _after(items: ItemList) -> int:
    """Where a new item goes: after the highlighted one, else at the end."""
    highlighted = items.highlighted
    return items.option_count if highlighted is None else highlighted + 1


def _amount(document: PlanDocument, path: Path) -> str:
    values = {key: document.get(path, key) for key in ("sets", "reps", "hold", "per_side")}
    return _describe(values)


def _describe(exercise: Any) -> str:
    """``3 x 8 reps``, ``2 x 20s hold, each side``, ``1 x max``: from the values as written."""
    sets = exercise.get("sets") or 1
    if exercise.get("hold") is not None:
        hold = exercise["hold"]
        work = f"{hold}s hold" if isinstance(hold, int) else f"{hold} hold"
    elif exercise.get("reps") == "max":
        work = "max"
    else:
        work = f"{exercise.get('reps')} reps"
    side = ", each side" if exercise.get("per_side") else ""
    return f"{sets} x {work}{side}"
