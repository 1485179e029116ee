"""SVG snapshots of every screen, on a frozen fake clock (update: pytest --snapshot-update).

Each app is driven to its state by moving the fake clock, so the pictures never depend on
how fast the machine is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.history.wallclock import FAKE_NOW
from pushtimer.plan import load_plan
from pushtimer.plan.catalog import PlanFile, find_plans
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.summary import SummaryScreen
from tests.conftest import SHIPPED_PLANS, plan_from
from tests.ui.harness import Driver, session_app
from tests.ui.test_floor_side import SIDES as SIDES_PLAN

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _same_paths_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """The picker shows the user's plan folder: make it the same path on every run."""
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/you/.config")


def at(seconds: float, *keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Before the picture: let ``seconds`` pass, then press ``keys``."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, PushtimerApp)
        ui = Driver(app, pilot)
        await pilot.pause()
        await ui.advance(seconds)
        for key in keys:
            await ui.press(key)

    return run_before


# (name, seconds in, keys): the short plan's phases, one picture each.
WORKOUT_STATES = [
    ("get_ready", 1.5, ()),
    ("down", 3.5, ()),
    ("bottom", 5.5, ()),
    ("up", 6.5, ()),
    ("top", 7.5, ()),
    ("rest", 14.5, ()),
    ("hold_left", 35.5, ()),
    ("switch", 38.5, ()),
    ("open_max_set", 53.5, ()),
    ("paused", 4.5, ("space",)),
    ("muted", 4.5, ("m",)),
    ("help", 4.5, ("question_mark",)),
    ("stop_question", 4.5, ("q",)),
    ("rep_count", 53.5, ("enter", "1", "2")),
]


@pytest.mark.parametrize(
    ("name", "seconds", "keys"), WORKOUT_STATES, ids=[s[0] for s in WORKOUT_STATES]
)
def test_workout_screen(
    snap_compare: SnapCompare, name: str, seconds: float, keys: tuple[str, ...]
) -> None:
    assert snap_compare(session_app(), terminal_size=(80, 24), run_before=at(seconds, *keys))


@pytest.mark.parametrize(
    "size",
    [(160, 48), (40, 12), (20, 6), (19, 6)],
    ids=["large_160x48", "compact_40x12", "mini_20x6", "too_small_19x6"],
)
def test_sizes(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """The figure grows with the window; from 20x6 the phase, the figure and the set."""
    assert snap_compare(session_app(), terminal_size=size, run_before=at(3.5))


# Two per-side exercises (tests/ui/test_floor_side.py says when each phase runs).
# (name, size, seconds in)
PER_SIDE_STATES = [
    ("hold_right_80x24", (80, 24), 67.5),
    ("switch_80x24", (80, 24), 10.5),
    ("down_left_160x48", (160, 48), 4.5),
    ("switch_160x48", (160, 48), 10.5),
    ("down_left_40x12", (40, 12), 4.5),
]


@pytest.mark.parametrize(
    ("name", "size", "seconds"), PER_SIDE_STATES, ids=[s[0] for s in PER_SIDE_STATES]
)
def test_per_side(
    snap_compare: SnapCompare, name: str, size: tuple[int, int], seconds: float
) -> None:
    """The side beside the phase word (HOLD · RIGHT, SWITCH → RIGHT), in block letters where
    they fit: on one line at 80x24, under the word at 160x48, one line of text at 40x12."""
    app = session_app(plan_from(SIDES_PLAN))
    assert snap_compare(app, terminal_size=size, run_before=at(seconds))


def test_get_ready_at_the_end_of_a_rest(snap_compare: SnapCompare) -> None:
    """2 s left of the rest: GET READY in the colour of DOWN, the 2 large."""
    assert snap_compare(session_app(), terminal_size=(80, 24), run_before=at(16.5))


def test_count_in_after_a_pause(snap_compare: SnapCompare) -> None:
    """Paused in rep 1 and resumed: GET READY 3, then rep 1 again from its lowering."""
    app = session_app(count_in=3)
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(4.5, "space", "space"))


def test_high_contrast_theme(snap_compare: SnapCompare) -> None:
    app = session_app(theme="high-contrast")
    assert snap_compare(app, terminal_size=(80, 24), run_before=at(3.5))


def test_stop_question_in_a_small_terminal(snap_compare: SnapCompare) -> None:
    """At 40x12 the three answers stand one under the other, none cut off."""
    assert snap_compare(session_app(), terminal_size=(40, 12), run_before=at(4.5, "q"))


def test_summary(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await at(50.5, "enter", "1", "5", "enter", "n", "enter")(pilot)

    assert snap_compare(session_app(), terminal_size=(80, 24), run_before=run_before)


def test_stopped_early_summary(snap_compare: SnapCompare) -> None:
    """Stopped in set 2 after one rep: one set done, one partial."""
    assert snap_compare(session_app(), terminal_size=(80, 24), run_before=at(24.5, "q", "d"))


def test_pain_stop_summary(snap_compare: SnapCompare) -> None:
    assert snap_compare(session_app(), terminal_size=(80, 24), run_before=at(9.5, "q", "h"))


def test_picker(snap_compare: SnapCompare) -> None:
    assert snap_compare(PushtimerApp(clock=FakeClock()), terminal_size=(100, 30))


def test_quick_form(snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("end", "enter")
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor is a clock: it must stand still
        await pilot.pause()

    assert snap_compare(
        PushtimerApp(clock=FakeClock()), terminal_size=(80, 24), run_before=run_before
    )


def test_readme_workout(snap_compare: SnapCompare) -> None:
    """The picture in the README and docs/usage.md: the shipped plan, 1.5 s into the first lowering."""
    plan = load_plan(SHIPPED_PLANS / "back-week.toml")
    assert snap_compare(session_app(plan), terminal_size=(80, 24), run_before=at(11.5))


def _three_weeks(tmp_path: Path) -> HistoryStore:
    """Three sessions over two weeks (and an empty one), Day 1 of the back week."""
    store = HistoryStore(tmp_path)
    for when, reps, completed in (
        ("2026-11-10T07:30:00+01:00", 40, True),
        ("2026-11-16T07:30:00+01:00", 48, True),
        ("2026-11-18T07:30:00+01:00", 20, False),
        ("2026-11-19T07:30:00+01:00", 0, False),  # empty: hidden, with a line saying so
    ):
        session = store.start_session(
            SessionHead(
                "back-week.toml", "Back-focused push-up week", 0, "Day 1: wide and arched",
                1, "1,3,5", when,
            )
        )  # fmt: skip
        outcome = "done" if reps >= 12 else "partial" if reps else "skipped"
        row = SetRow(0, "Wide push-up", 1, None, "12", reps, None, 60.0, when, outcome)  # type: ignore[arg-type]
        store.add_set(session, row)
        store.end_session(
            session, SessionEnd(completed, 700.0, None if completed else "quit", when)
        )
    return store


def test_history_screen(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three sessions over two weeks, seen from the picker with h."""
    store = _three_weeks(tmp_path)
    monkeypatch.setenv(FAKE_NOW, "2026-11-19T18:00:00+01:00")
    app = PushtimerApp(clock=FakeClock(), history=store)
    assert snap_compare(app, terminal_size=(80, 24), press=["h"])


def test_progress_view(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The same sessions in the history's progress view (p): records, the last sessions
    and the chart of reps per session."""
    app = PushtimerApp(clock=FakeClock(), history=_three_weeks(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), press=["h", "p"])


# 80 characters
LONG_EXERCISE = "Archer push-up with a slow lowering, hands wide, elbows back and feet on a bench"
LONG_NAMES_PLAN = f"""
name = "Long names"
[defaults]
prepare = 2
rest = 2
rest_between_exercises = 2
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Wide push-up"
sets = 2
reps = 3
tempo = "1-0-1-0"
[[workout.exercise]]
name = "{LONG_EXERCISE}"
reps = "max"
[[workout.exercise]]
name = "Side plank"
hold = 5
per_side = true
"""


def test_summary_with_a_long_name_and_a_record(snap_compare: SnapCompare) -> None:
    """The name is cut with "…" so that every figure and the note fit on its line."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, PushtimerApp)
        await at(19.5, "enter", "2", "2", "enter")(pilot)  # the max set: 22 reps
        await Driver(app, pilot).advance(60)
        assert app.last_session is not None
        notes = {LONG_EXERCISE: "new best (was 21)"}
        await app.push_screen(SummaryScreen(app.last_session, leave_app=True, notes=notes))
        await pilot.pause()

    app = session_app(plan_from(LONG_NAMES_PLAN))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_picker_with_a_long_workout_name(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The long name cut with "…": its time and "< next" on its line, the whole name in
    the details at the right."""
    mine = tmp_path / "mine.toml"
    mine.write_text(
        'name = "Mine"\n'
        + "".join(
            f'[[workout]]\nname = "{name}"\n[[workout.exercise]]\nname = "Push"\nreps = 5\n'
            for name in ("Short day", LONG_EXERCISE, "Last day")
        )
    )
    store = HistoryStore(tmp_path)
    when = "2026-11-18T07:30:00+01:00"
    session = store.start_session(
        SessionHead("mine.toml", "Mine", 0, "Short day", None, None, when)
    )
    store.add_set(session, SetRow(0, "Push", 1, None, "5", 5, None, 20.0, when))
    store.end_session(session, SessionEnd(True, 30.0, None, when))
    app = PushtimerApp(
        clock=FakeClock(), history=store, plans=lambda: [*find_plans(), PlanFile(mine, "user")]
    )
    assert snap_compare(app, terminal_size=(80, 24))


def _editor_app(tmp_path: Path) -> Any:
    """The plan editor on a copy of the beginner plan (a user's own file)."""
    from pushtimer.plan.saving import open_for_editing
    from pushtimer.resources import plans_dir
    from pushtimer.ui.editor.app import EditorApp

    plan = tmp_path / "beginner.toml"
    plan.write_bytes((plans_dir() / "beginner.toml").read_bytes())
    return EditorApp(open_for_editing(plan))


def editor_at(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
@pytest.mark.parametrize(
    "form, keys",
    [("plan", ()), ("workout", ("enter",)), ("exercise", ("enter", "enter"))],
)
def test_plan_editor(
    snap_compare: SnapCompare,
    tmp_path: Path,
    form: str,
    keys: tuple[str, ...],
    size: tuple[int, int],
) -> None:
    app = _editor_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=editor_at(*keys))


def test_plan_editor_with_a_problem(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """A wrong value is shown under its field, in validate's words."""
    app = _editor_app(tmp_path)
    keys = ("enter", "enter", "tab", "tab", "backspace", *"ten")
    assert snap_compare(app, terminal_size=(80, 24), run_before=editor_at(*keys))


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
def test_import_form(
    snap_compare: SnapCompare,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """i in the picker: the path, and the home folder's folders and JSON files."""
    home = tmp_path / "you"
    for folder in ("Downloads", "Documents", ".cache"):
        (home / folder).mkdir(parents=True)
    (home / "routines.json").write_text("[]")
    (home / "notes.txt").write_text("")
    monkeypatch.setenv("HOME", str(home))

    async def run_before(pilot: Pilot[Any]) -> None:
        from textual.widgets import DirectoryTree

        await pilot.press("i")
        await pilot.pause()
        await pilot.app.screen.query_one(DirectoryTree).reload()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    app = PushtimerApp(clock=FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=run_before)
