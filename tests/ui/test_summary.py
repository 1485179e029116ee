"""The summary's table: long names cut to fit, many exercises scrolling, the note column,
and leaving with q, Enter or Escape while the table has the focus; and what it says of
targets when two exercises share a name."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widget import Widget

from pushtimer.history.store import HistoryStore
from pushtimer.history.writer import HistoryWriter
from pushtimer.plan import Plan, load_plan
from pushtimer.plan.catalog import PlanFile
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp
from pushtimer.ui.screens.summary import SummaryScreen, SummaryTable
from pushtimer.ui.widgets.text_line import TextLine
from tests.coach_history import record
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app, settle

# 80 characters
LONG = "Archer push-up with a slow lowering, hands wide, elbows back and feet on a bench"


def plan_of(names: list[str]) -> Plan:
    """One set of two quick reps for each name, then a plank (a hold: the Held column)."""
    exercises = "".join(
        f'[[exercise]]\nname = "{name}"\nreps = 2\ntempo = "1-0-1-0"\n' for name in names
    )
    return plan_from(
        'name = "Many"\n[defaults]\nprepare = 1\nrest = 1\nrest_between_exercises = 1\n'
        f'{exercises}[[exercise]]\nname = "Plank"\nhold = 5\n'
    )


async def finish(app: PushtimerApp, driver: Driver) -> SummaryTable:
    """Run the whole workout; the summary's table."""
    await driver.advance(100_000)
    assert isinstance(app.screen, SummaryScreen)
    return app.screen.query_one(SummaryTable)


def shown(table: SummaryTable) -> list[str]:
    """The table's lines as they are on screen (header first)."""
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def in_sight(app: PushtimerApp, widget: Widget) -> bool:
    """Wholly on the screen, above the footer."""
    region = widget.region
    return bool(region) and region.bottom <= app.screen.size.height - 1


async def test_a_long_name_is_cut_so_every_figure_fits_on_one_line_at_80x24() -> None:
    app = session_app(plan_of(["Wide push-up", LONG, "Arched push-up"]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await finish(app, Driver(app, pilot))
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways
        lines = shown(table)
        assert lines[0].split() == ["Exercise", "Sets", "Part", "Skip", "Reps", "Held", "Time"]
        long_line = lines[2]
        name = str(table.get_row_at(1)[0])
        assert name.endswith("…") and LONG.startswith(name[:-1]) and len(name) >= 30
        assert long_line.split()[-3:] == ["1/1", "2/2", "0:04"]  # the time on the same line
        # Right-aligned: every time ends in the same column as its header.
        assert {line.rstrip().rfind("Time") + 4 for line in lines[:1]} == {
            len(line.rstrip()) for line in lines[1:4]
        }
        total = app.screen.query_one(".summary-total", TextLine)
        assert total.text.startswith("4 of 4 sets done") and in_sight(app, total)


async def test_the_name_is_fitted_again_when_the_terminal_is_resized() -> None:
    app = session_app(plan_of([LONG]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await finish(app, Driver(app, pilot))
        assert str(table.get_row_at(0)[0]).endswith("…")
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        assert str(table.get_row_at(0)[0]) == LONG
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        name = str(table.get_row_at(0)[0])
        assert name.endswith("…") and cell_len(name) <= 30
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_wide_characters_are_measured_in_cells() -> None:
    wide = "腕立て伏せ" * 10  # 50 characters, 100 cells
    app = session_app(plan_of([wide]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await finish(app, Driver(app, pilot))
        name = str(table.get_row_at(0)[0])
        assert name.endswith("…") and cell_len(name) <= (table.name_width or 0)
        assert all(cell_len(line) == cell_len(shown(table)[0]) for line in shown(table))
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_many_exercises_scroll_and_the_lines_under_the_table_stay_in_sight() -> None:
    app = session_app(plan_of([f"Push-up {n}" for n in range(1, 31)]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await finish(app, Driver(app, pilot))
        assert table.row_count == 31 and table.show_vertical_scrollbar
        assert in_sight(app, app.screen.query_one(".summary-total", TextLine))
        assert app.screen.focused is table
        assert shown(table)[1].split()[:2] == ["Push-up", "1"]
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert shown(table)[-1].split()[0] == "Plank"


async def test_at_40x12_the_table_shows_and_scrolls_both_ways() -> None:
    app = session_app(plan_of([LONG, *(f"Push-up {n}" for n in range(2, 13))]))
    async with app.run_test(size=(40, 12)) as pilot:
        table = await finish(app, Driver(app, pilot))
        lines = shown(table)
        assert len(lines) >= 3 and lines[0].split()[0] == "Exercise"
        assert lines[1].strip().startswith("Archer pu…")  # cut to NAME_MIN cells
        assert in_sight(app, table)
        assert in_sight(app, app.screen.query_one(".summary-total", TextLine))
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.scroll_y > 0
        await pilot.press("right")
        await settle(pilot)
        assert table.scroll_x > 0
        await pilot.press("end")  # sideways, to the last column
        await settle(pilot)
        header = shown(table)[0]
        assert header.split()[0] == "Exercise"  # the name column stays in sight
        assert "Time" in header


async def test_the_note_column_shows_a_record() -> None:
    app = session_app(plan_of(["Wide push-up", LONG]))
    async with app.run_test(size=(80, 24)) as pilot:
        await finish(app, Driver(app, pilot))
        assert app.last_session is not None
        plain = app.screen.query_one(SummaryTable)
        assert "Note" not in [str(c.label) for c in plain.columns.values()]  # no record: none
        await app.push_screen(
            SummaryScreen(app.last_session, leave_app=True, notes={LONG: "new best (was 21)"})
        )
        await pilot.pause()
        table = app.screen.query_one(SummaryTable)
        assert [str(c.label) for c in table.columns.values()][-1] == "Note"
        assert [str(cell) for cell in table.get_row_at(1)][-1] == "new best (was 21)"
        assert str(table.get_row_at(0)[-1]) == ""
        assert shown(table)[2].rstrip().endswith("0:04  new best (was 21)")
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("key", ["q", "enter", "escape"])
async def test_q_enter_and_escape_leave_while_the_table_has_the_focus(key: str) -> None:
    app = session_app(plan_of(["Wide push-up"]))
    async with app.run_test(size=(80, 24)) as pilot:
        table = await finish(app, Driver(app, pilot))
        assert app.screen.focused is table
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code == 0


LADDER = """
name = "Ladder"
[defaults]
prepare = 1
rest_between_exercises = 1
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Push"
reps = 2
tempo = "1-0-1-0"
progress = { add = 1, up_to = 5 }
[[workout.exercise]]
name = "Push"
reps = 1
tempo = "1-0-1-0"
"""


async def test_the_first_of_two_exercises_of_one_name_is_met_and_grows(tmp_path: Path) -> None:
    # The issue: the second "Push" (1 rep) was taken for a miss of the first one's target.
    path, data = tmp_path / "ladder.toml", tmp_path / "data"
    path.write_text(LADDER)
    plan = load_plan(path)
    record(data, plan, str(path), 1, {0: [2], 1: [1]})
    record(data, plan, str(path), 3, {0: [3], 1: [1]}, targets={0: 3})
    app = PushtimerApp(
        clock=FakeClock(),
        plans=lambda: [PlanFile(path, "user")],
        history=HistoryStore(data),
        writer=HistoryWriter(data),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("enter")
        assert ui.text("#position") == "Set 1/1 · 2 -> 4 reps"  # met twice: 2, 3, now 4
        await ui.advance(100)
        assert isinstance(app.screen, SummaryScreen)
        lines = [line.text for line in app.screen.query(".summary-step").results(TextLine)]
        assert "Push: 1x4 met; next time 5 reps" in lines
        assert not any("not met" in line for line in lines)
        table = app.screen.query_one(SummaryTable)
        assert table.names == ["Push", "Push (2nd)"]  # the rows told apart
        assert table.notes is not None and table.notes[1] == ""  # a record is said once
    assert app.writer is not None and app.writer.close() is None
