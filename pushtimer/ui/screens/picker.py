"""The plan picker: shipped plans and the user's, each workout with its total time.

Enter on a workout starts it; "Quick set" opens a small form for a one-exercise session.
A user plan with problems is listed with a pointer to ``pushtimer validate``, never hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct
from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from pushtimer.coach.targets import Coaching, coach
from pushtimer.history.report import counted, next_workout, recovery_line
from pushtimer.history.store import SessionRow
from pushtimer.history.wallclock import now
from pushtimer.outline import describe_exercise, workout_totals
from pushtimer.plan.catalog import PlanFile, user_plans_dir
from pushtimer.plan.durations import format_clock
from pushtimer.plan.errors import PlanError
from pushtimer.plan.length import workout_length
from pushtimer.plan.loader import load_plan
from pushtimer.plan.model import Plan
from pushtimer.plan.quick import QUICK_SOURCE, QuickValues
from pushtimer.printable import printable
from pushtimer.ui.cells import cut
from pushtimer.ui.messages import WorkoutChosen
from pushtimer.ui.screens.history import HistoryScreen
from pushtimer.ui.screens.quick_form import QuickFormScreen
from pushtimer.ui.widgets.text_line import TextLine

if TYPE_CHECKING:
    from pushtimer.plan.saving import EditedPlan

QUICK = "quick"
NEXT = "  < next"
INDENT = "  "  # a workout under its plan
GAP = "  "  # between the name and the time
NAME_MIN = 16  # names cut shorter than this to keep the times in one column: not worth it


class _Columns(Struct, frozen=True):
    """The widths, in cells, that every workout line shares: the longest name, and the
    longest time with its mark."""

    name: int
    tail: int


class WorkoutLine(Visual):
    """A workout in the list, on one line at any width: the name, cut with "…" to leave
    room for the time and "< next" at the right. Each line is laid out again whenever the
    list's width changes (the list renders again on a resize), measured in cells.

    The times stand in one column, after room for the longest time and mark of the list,
    while that leaves the names ``NAME_MIN`` cells; in a narrower list each line makes
    room for its own time and mark only, at the right edge, so names keep more."""

    def __init__(self, name: str, total: str, mark: str, columns: _Columns) -> None:
        self.name = name
        self.total = total
        self.mark = mark
        self.columns = columns

    def __str__(self) -> str:
        return self.line(None).plain

    def line(self, width: int | None) -> Content:
        """The line at ``width`` cells (``None``: as wide as it needs)."""
        fixed = cell_len(INDENT + GAP)
        room = self.columns.name if width is None else width - fixed - self.columns.tail
        if room < min(NAME_MIN, self.columns.name) and width is not None:
            room = width - fixed - cell_len(self.total + self.mark)
        width_of_name = max(1, min(room, self.columns.name))
        name = Content(cut(self.name, width_of_name)).truncate(width_of_name, pad=True)
        tail = Content.assemble(self.total, Content.styled(self.mark, "bold"))
        line = Content.assemble(INDENT, name, GAP, tail)
        return line if width is None else line.truncate(width)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.line(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.line(None).cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class _Entry(Struct, frozen=True):
    """A plan file as the picker lists it: loaded, or the number of its problems."""

    file: PlanFile
    plan: Plan | None
    problems: int


START_HELP = "start the workout chosen"


class PlanList(OptionList):
    """The plans' workouts. Enter is the list's own key, so it comes after any key sent
    just before it (Down, then Enter, at once: the workout below starts); a priority key
    of the screen would act before the list had moved."""

    BINDINGS = [Binding("enter", "screen.start", "Start", tooltip=START_HELP)]


class PickerScreen(Screen[None]):
    """Choose a workout (or a quick set) and press Enter."""

    # Details beside the list from 80 columns; from 110, as wide as the list leaves them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide"), (110, "-roomy")]
    BINDINGS = [
        # In the key bar's order: what a 40-column bar must keep (help and quit) first.
        Binding("enter", "start", "Start", tooltip=START_HELP),
        Binding("question_mark", "app.help", "Help", key_display="?", tooltip="these keys"),
        Binding("q", "app.quit", "Quit", tooltip="leave pushtimer"),
        Binding("h", "history", "History", tooltip="your history: sessions, streak, reps"),
        Binding("n", "new_plan", "New", tooltip="make a new plan in a form"),
        Binding("e", "edit_plan", "Edit", tooltip="change the plan chosen in a form"),
        Binding("i", "import_plan", "Import", tooltip="a plan from another app's file"),
    ]

    def __init__(
        self,
        find_plans: Callable[[], list[PlanFile]],
        past_sessions: Callable[[], list[SessionRow]],
        *,
        plan_defaults: Mapping[str, object] | None = None,
        quick_start: QuickValues | None = None,
        remember_quick: Callable[[QuickValues], None] | None = None,
    ) -> None:
        super().__init__()
        self._find_plans = find_plans
        self._past_sessions = past_sessions
        self._plan_defaults = plan_defaults  # what plans' [defaults] leave out
        self._quick_start = quick_start  # the quick-set form's values (None: built-in)
        self._remember_quick = remember_quick
        self._entries: list[_Entry] = []
        self._rows: list[SessionRow] = []  # the sessions that count
        self._history: list[SessionRow] = []  # every session (a pain stop judges targets)
        self._coaching: list[Coaching | None] = []  # by entry: its targets in effect

    def compose(self) -> ComposeResult:
        self._entries = [_load(file, self._plan_defaults) for file in self._find_plans()]
        self._history = self._past_sessions()
        self._rows = counted(self._history)
        self._coach()
        with Vertical(id="picker"):
            yield TextLine("pushtimer: choose a workout", classes="picker-title")
            with Horizontal(id="picker-body"):
                yield PlanList(*self._options(), id="plans")
                yield TextLine(id="details")
        yield Footer()

    def on_mount(self) -> None:
        plans = self.query_one(OptionList)
        plans.focus()
        plans.highlighted = self._first_choice(plans)

    def on_screen_resume(self) -> None:
        """Back from a session, its summary or the history: the workout due next and the
        plan's last day may have moved, so the list is made again when they have."""
        history = self._past_sessions()
        if history == self._history:
            return
        self._history, self._rows = history, counted(history)
        self._coach()
        plans = self.query_one(OptionList)
        plans.clear_options()
        plans.add_options(self._options())
        plans.highlighted = self._first_choice(plans)

    def _coach(self) -> None:
        """Each plan's targets in effect, from the history (docs/plan-format.md)."""
        self._coaching = [
            None if e.plan is None else coach(e.plan, self._history, str(e.file.path))
            for e in self._entries
        ]

    def on_resize(self, event: events.Resize) -> None:
        """Keep the highlighted workout in sight: lines wrap differently at a new width."""
        plans = self.query_one(OptionList)
        plans.call_after_refresh(plans.scroll_to_highlight)

    def _first_choice(self, plans: OptionList) -> int | None:
        """The workout due next in the plan trained last; else the first workout listed."""
        if self._rows:
            for index, option in enumerate(plans.options):
                chosen = self._chosen(option.id)
                if chosen is not None and chosen[0].name == self._rows[0].plan_name:
                    due, _ = next_workout(self._rows, chosen[0])
                    return index + due
        for index, option in enumerate(plans.options):
            if not option.disabled:
                return index
        return None

    def action_history(self) -> None:
        self.app.push_screen(HistoryScreen(self._past_sessions()))

    def action_new_plan(self) -> None:
        from pushtimer.plan.saving import new_plan

        self._open_editor(new_plan())

    def action_edit_plan(self) -> None:
        """The plan of the workout chosen, in the editor (a shipped plan is saved as a copy)."""
        from pushtimer.plan.saving import open_for_editing

        plans = self.query_one(OptionList)
        if plans.highlighted is None:
            return
        option_id = plans.options[plans.highlighted].id
        if option_id is None or option_id == QUICK:
            self.notify("Choose a workout of the plan to edit.", severity="warning")
            return
        entry = self._entries[int(option_id.split(":")[0])]
        try:
            edited = open_for_editing(entry.file.path)
        except PlanError as error:
            self.notify(printable("\n".join(error.lines)), severity="error", markup=False)
            return
        self._open_editor(edited)

    def action_import_plan(self) -> None:
        """A plan from an openweight or Timero file; once made, its first workout chosen."""
        from pushtimer.ui.screens.import_form import ImportScreen

        def imported(target: Path | None) -> None:
            self._reload()
            if target is not None:
                self._choose_plan(target)

        self.app.push_screen(ImportScreen(), imported)

    def _choose_plan(self, path: Path) -> None:
        """Highlight the first workout of the plan in ``path``."""
        plans = self.query_one(OptionList)
        for number, entry in enumerate(self._entries):
            if entry.file.path == path and entry.plan is not None:
                plans.highlighted = plans.get_option_index(f"{number}:0")
                return

    def _open_editor(self, edited: EditedPlan) -> None:
        from pushtimer.ui.editor.forms import plan_form

        self.app.push_screen(plan_form(edited), lambda _: self._reload())

    def _reload(self) -> None:
        """Back from the editor: the plans are read again (one may be new or changed)."""
        self._entries = [_load(file, self._plan_defaults) for file in self._find_plans()]
        self._coach()
        plans = self.query_one(OptionList)
        highlighted = plans.highlighted
        plans.clear_options()
        plans.add_options(self._options())
        plans.highlighted = highlighted if highlighted is not None else self._first_choice(plans)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        user_shown = False
        marks = [next_workout(self._rows, e.plan) if e.plan else (0, None) for e in self._entries]
        lines = {
            (number, index): _workout_line(self._plan(number), index, *marks[number])
            for number, entry in enumerate(self._entries)
            if entry.plan
            for index in range(len(entry.plan.workouts))
        }
        columns = _Columns(
            name=max((cell_len(name) for name, _, _ in lines.values()), default=0),
            tail=max((cell_len(total + mark) for _, total, mark in lines.values()), default=0),
        )
        names = Counter(entry.plan.name for entry in self._entries if entry.plan)
        for number, entry in enumerate(self._entries):
            if entry.file.origin == "user" and not user_shown:
                user_shown = True
                options.append(None)
                options.append(_heading(f"Your plans ({user_plans_dir()})"))
            if entry.plan is None:
                noun = "problem" if entry.problems == 1 else "problems"
                options.append(
                    _heading(
                        f"{entry.file.slug}: {entry.problems} {noun}; "
                        f"see pushtimer validate {entry.file.path}"
                    )
                )
                continue
            last = marks[number][1]
            done = f"   last done: {last.workout_name}, {_when(last)}" if last else ""
            name = entry.plan.name
            if names[name] > 1:  # two plans of one name (an import made twice): their files
                name += f" ({entry.file.slug})"
            options.append(_heading(f"{name}{done}", bold=True))
            for index in range(len(entry.plan.workouts)):
                line = WorkoutLine(*lines[number, index], columns)
                options.append(Option(line, id=f"{number}:{index}"))
        if not user_shown:
            options.append(None)
            options.append(_heading(f"Your plans: save .toml files in {user_plans_dir()}"))
        options.append(None)
        options.append(Option(Content("Quick set: one exercise, now"), id=QUICK))
        return options

    def _plan(self, number: int) -> Plan:
        """Entry ``number``'s plan at the targets in effect."""
        coaching = self._coaching[number]
        assert coaching is not None
        return coaching.applied

    def _chosen(self, option_id: str | None) -> tuple[Plan, int, str, Coaching] | None:
        """The workout an option starts: the plan at its targets, the workout, the plan's
        file and its targets."""
        if option_id is None or option_id == QUICK:
            return None
        number, index = (int(part) for part in option_id.split(":"))
        coaching = self._coaching[number]
        if coaching is None:
            return None
        return coaching.applied, index, str(self._entries[number].file.path), coaching

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        details = self.query_one("#details", TextLine)
        chosen = self._chosen(event.option.id)
        if event.option.id == QUICK:
            details.text = "Pace one exercise right away: reps with a tempo, or a timed hold."
        elif chosen is not None:
            resting = recovery_line(self._rows, chosen[3].plan, now().date())
            details.text = _describe(chosen[0], chosen[1], chosen[3], resting)

    def action_start(self) -> None:
        plans = self.query_one(OptionList)
        if plans.highlighted is not None:
            self._start(plans.options[plans.highlighted].id)

    def _start(self, option_id: str | None) -> None:
        if option_id == QUICK:

            def chosen(result: tuple[Plan, QuickValues] | None) -> None:
                if result is not None:
                    plan, self._quick_start = result  # the form starts from these next
                    if self._remember_quick is not None:
                        self._remember_quick(self._quick_start)
                    self.post_message(WorkoutChosen(plan, 0, QUICK_SOURCE))

            self.app.push_screen(QuickFormScreen(self._quick_start), chosen)
            return
        picked = self._chosen(option_id)
        if picked is not None:
            self.post_message(WorkoutChosen(*picked))


def _load(file: PlanFile, defaults: Mapping[str, object] | None) -> _Entry:
    try:
        return _Entry(file, load_plan(file.path, defaults), 0)
    except PlanError as error:
        return _Entry(file, None, len(error.lines))


def _when(row: SessionRow) -> str:
    """``Mon 23 Nov``: the day a session started."""
    day = date.fromisoformat(row.started[:10])
    return f"{day:%a} {day.day} {day:%b}"


def _workout_line(
    plan: Plan, index: int, due: int, last: SessionRow | None
) -> tuple[str, str, str]:
    """A workout's name, its total time (``12:40``, `` 9:25 + open``) and its mark (the
    workout due next, once the plan has been trained)."""
    workout = plan.workouts[index]
    length = workout_length(workout, plan.defaults)
    total = f"{format_clock(length.total_seconds):>5}"
    total += " + open" if length.has_open else ""
    return workout.name, total, NEXT if last is not None and index == due else ""


def _heading(text: str, bold: bool = False) -> Option:
    text = printable(text)  # a plan's name or its file's: outside text
    return Option(Content.styled(text, "bold") if bold else Content(text), disabled=True)


def _describe(plan: Plan, index: int, coaching: Coaching, resting: str | None = None) -> str:
    """The details of a workout (``plan`` at its targets): on a recovery day, that it is one
    and the plan's recovery text; its length, description and exercises, with each target
    that moved from the plan's marked and why."""
    workout = plan.workouts[index]
    length = workout_length(workout, plan.defaults)
    lines = []
    if resting is not None:
        lines += [f"{resting}; starting early is fine.", ""]
        if plan.recovery:
            lines += [" ".join(plan.recovery.split()), ""]
    lines += [workout.name, f"{workout_totals(length)} in all", ""]
    if workout.description:
        lines += [workout.description, ""]
    for number, exercise in enumerate(workout.exercises):
        target = coaching.of(index, number)
        described = describe_exercise(exercise, plan.defaults.tempo, target)
        lines.append(f"{exercise.name}: {described}")
        if target is not None and target.steps:
            lines.append(f"({target.why})")
    return "\n".join(lines)
