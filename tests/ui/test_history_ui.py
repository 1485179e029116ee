"""The history in the app: the picker's "next" marker and "last done", the history screen
(h: a table, empty sessions hidden until a, d deletes after a question), sessions recorded as
they run through the writer, and a new best on the summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Sparkline

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.history.wallclock import FAKE_NOW
from pushtimer.history.writer import HistoryWriter
from pushtimer.plan import load_plan
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp, Start
from pushtimer.ui.screens.history import HistoryScreen
from pushtimer.ui.screens.picker import PickerScreen
from pushtimer.ui.screens.summary import SummaryScreen, SummaryTable
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.conftest import SHIPPED_PLANS, plan_from
from tests.ui.harness import Driver

BACK_WEEK = load_plan(SHIPPED_PLANS / "back-week.toml")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> HistoryStore:
    """Day 1 of the back week done on Monday 16 Nov, Day 3 on Wednesday 18 Nov."""
    history = HistoryStore(tmp_path)
    for when, index in (("2026-11-16T07:30:00+01:00", 0), ("2026-11-18T07:30:00+01:00", 1)):
        workout = BACK_WEEK.workouts[index]
        head = SessionHead(
            "back-week.toml", BACK_WEEK.name, index, workout.name, workout.day, "1,3,5", when
        )
        session = history.start_session(head)
        done = SetRow(0, workout.exercises[0].name, 1, None, "12", 12, None, 60.0, when)
        history.add_set(session, done)
        history.end_session(session, SessionEnd(True, 800.0, None, when))
    monkeypatch.setenv(FAKE_NOW, "2026-11-19T18:00:00+01:00")
    return history


def add_empty_session(store: HistoryStore, when: str, workout: int = 2) -> int:
    """Day 5 started and stopped with every set skipped: it must change nothing."""
    chosen = BACK_WEEK.workouts[workout]
    head = SessionHead(
        "back-week.toml", BACK_WEEK.name, workout, chosen.name, chosen.day, "1,3,5", when
    )
    session = store.start_session(head)
    skipped = SetRow(0, chosen.exercises[0].name, 1, None, "8", 0, None, 2.0, when, "skipped")
    store.add_set(session, skipped)
    store.end_session(session, SessionEnd(False, 12.0, "quit", when))
    return session


async def test_the_picker_marks_the_next_workout_and_when_the_plan_was_last_done(
    store: HistoryStore,
) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        plans = app.screen.query_one(OptionList)
        prompts = [str(option.prompt) for option in plans.options]
        heading = next(p for p in prompts if p.startswith(BACK_WEEK.name))
        assert heading.endswith("last done: Day 3: one arm and rows, Wed 18 Nov")
        marked = [p.split()[:2] for p in prompts if p.endswith("< next")]
        assert marked == [["Day", "5:"]]  # only plans with a history get a marker
        assert plans.highlighted is not None
        assert str(plans.options[plans.highlighted].prompt).strip().startswith("Day 5:")


async def test_an_empty_session_moves_nothing_in_the_picker(store: HistoryStore) -> None:
    add_empty_session(store, "2026-11-19T07:00:00+01:00")
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        prompts = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert [p.split()[:2] for p in prompts if p.endswith("< next")] == [["Day", "5:"]]
        assert any(p.endswith("last done: Day 3: one arm and rows, Wed 18 Nov") for p in prompts)


async def test_back_on_the_picker_the_next_workout_follows_the_session_just_done(
    store: HistoryStore,
) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")  # meanwhile, Day 5 is done (as a session from here would)
        when = "2026-11-19T07:00:00+01:00"
        chosen = BACK_WEEK.workouts[2]
        head = SessionHead("back-week.toml", BACK_WEEK.name, 2, chosen.name, 5, "1,3,5", when)
        session = store.start_session(head)
        store.add_set(
            session, SetRow(0, chosen.exercises[0].name, 1, None, "8", 8, None, 9.0, when)
        )
        store.end_session(session, SessionEnd(True, 700.0, None, when))
        await pilot.press("escape")
        await pilot.pause()
        prompts = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
        assert [p.split()[:2] for p in prompts if p.endswith("< next")] == [["Day", "1:"]]
        assert any(
            p.endswith("last done: Day 5: power and reverse flyes, Thu 19 Nov") for p in prompts
        )


async def test_h_opens_the_history_with_the_streak_and_weekly_reps(store: HistoryStore) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one("#streak", TextLine).text == "Streak: 2 days"
        assert len(app.screen.query_one(Sparkline).data or []) == 12
        table = app.screen.query_one(DataTable)
        assert [str(c.label) for c in table.columns.values()][:3] == ["When", "Workout", "Done"]
        assert [str(cell) for cell in table.get_row_at(0)[:3]] == [
            "18 Nov 07:30",
            "Day 3: one arm an…",
            "1",
        ]
        assert table.get_row_at(1)[0] == "16 Nov 07:30" and table.row_count == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


MAX_PLAN = plan_from(
    'name = "Test"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Push-up"\nreps = "max"\n'
)


async def test_empty_sessions_are_hidden_until_a_and_d_deletes_after_asking(
    store: HistoryStore,
) -> None:
    empty = add_empty_session(store, "2026-11-19T07:00:00+01:00")
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        hidden = app.screen.query_one("#hidden", TextLine)
        assert table.row_count == 2 and hidden.text.startswith("1 empty session (no set done)")
        assert app.screen.query_one("#streak", TextLine).text == "Streak: 2 days"
        await pilot.press("a")
        assert table.row_count == 3 and table.get_row_at(0)[-1] == "empty"
        await pilot.press("d")  # the highlighted row: the empty session
        await pilot.pause()
        await pilot.press("n")  # asked: no
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.query_one(DataTable).row_count == 2
    assert [row.id for row in store.sessions()] == [2, 1] and empty == 3


async def test_a_session_is_recorded_as_it_runs_and_a_new_best_is_marked(
    store: HistoryStore, tmp_path: Path
) -> None:
    earlier = store.start_session(
        SessionHead("test.toml", "Test", 0, "Test", None, None, "2026-11-19T08:00:00+01:00")
    )
    store.add_set(earlier, SetRow(0, "Push-up", 1, None, "max", 21, None, 40.0, "x"))
    store.end_session(earlier, SessionEnd(True, 40.0, None, "x"))
    writer = HistoryWriter(tmp_path)
    app = PushtimerApp(
        clock=FakeClock(), start=Start(MAX_PLAN, 0, "test.toml"), history=store, writer=writer
    )
    async with app.run_test(size=(100, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(30)
        await ui.press("enter")
        await ui.press("2", "5", "enter")
        assert isinstance(app.screen, SummaryScreen)
        table = app.screen.query_one(SummaryTable)
        assert str(list(table.columns.values())[-1].label) == "Note"
        assert str(table.get_row_at(0)[-1]) == "new record"
        lines = [line.text for line in app.screen.query(".summary-step").results(TextLine)]
        assert lines == ["New record, Push-up: best max set 25 (was 21)"]
    assert writer.close() is None
    newest = store.sessions()[0]
    assert (newest.completed, [s.reps_done for s in newest.sets]) == (True, [25])
    assert [s.outcome for s in newest.sets] == ["done"]


async def test_a_warning_shows_while_history_writes_wait_and_clears_after(
    tmp_path: Path,
) -> None:
    import sqlite3

    from pushtimer.history.store import DB_NAME

    HistoryStore(tmp_path).close()
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    writer = HistoryWriter(tmp_path, retry_seconds=0.01)
    app = PushtimerApp(clock=FakeClock(), start=Start(MAX_PLAN, 0, "test.toml"), writer=writer)
    async with app.run_test(size=(100, 24)) as pilot:
        # (Whether the line exists before the writer's first try depends on how soon the
        # test runs after the writer starts: only what follows is certain.)

        def warning() -> TextLine | None:
            found = app.screen.query("#history-warning").results(TextLine)
            line = next(found, None)
            return line if line is not None and line.display else None

        for _ in range(2000):  # the writer's thread reports through the event loop (20 s)
            if warning() is not None:
                break
            await pilot.pause(0.01)
        shown = warning()
        assert shown is not None and "locked by another program" in shown.text
        assert "Sets are kept" in shown.text
        other.execute("COMMIT")
        for _ in range(2000):
            if warning() is None:
                break
            await pilot.pause(0.01)
        assert warning() is None
    writer.close()


async def test_a_history_that_waits_from_before_the_workout_is_said_on_its_screen(
    tmp_path: Path,
) -> None:
    """Rows of an earlier session wait on a locked history while the picker shows: the
    next workout's screen says so from its first frame."""
    import sqlite3

    from pushtimer.history.store import DB_NAME

    HistoryStore(tmp_path).close()
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    writer = HistoryWriter(tmp_path, retry_seconds=0.01)
    app = PushtimerApp(clock=FakeClock(), writer=writer)
    async with app.run_test(size=(100, 24)) as pilot:
        writer.begin(SessionHead("a.toml", "A", 0, "Day 1", 1, None, "2026-11-19T07:00:00"))
        for _ in range(2000):  # the writer's thread reports through the event loop (20 s)
            if app.history_problem:
                break
            await pilot.pause(0.01)
        assert "locked by another program" in app.history_problem
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        shown = app.screen.query_one("#history-warning", TextLine)
        assert shown.display and "locked by another program" in shown.text
        other.execute("COMMIT")
    writer.close()


async def test_the_history_screen_shows_a_workout_name_literally(
    store: HistoryStore,
) -> None:
    head = SessionHead(
        "mine.toml", "[b]Mine[/b]", 0, "[red]Day[/red] 1", 1, "1", "2026-11-19T07:00:00+01:00"
    )
    session = store.start_session(head)
    row = SetRow(0, "Push", 1, None, "5", 5, None, 20.0, "2026-11-19T07:00:00+01:00")
    store.add_set(session, row)
    store.end_session(session, SessionEnd(True, 30.0, None, "2026-11-19T07:01:00+01:00"))
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        picture = app.export_screenshot().replace("&#160;", " ")
        assert "[red]Day[/red]" in picture  # as typed, not read as markup


async def test_a_small_terminal_shows_the_sessions_before_the_weekly_chart(
    store: HistoryStore,
) -> None:
    app = PushtimerApp(clock=FakeClock(), history=store)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert not app.screen.query_one(Sparkline).display
        assert table.row_count == 2 and table.region.height >= 3
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one(Sparkline).display
