"""The full screen shows outside text escaped: a plan file's name in the picker, history
rows in the history screen, and any line of text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.app import App, ComposeResult

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from pushtimer.plan.catalog import PlanFile
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import AppSettings, PushtimerApp
from pushtimer.ui.widgets.text_line import TextLine
from tests.hostile.fixtures import CONTROL, INVISIBLE, raw_characters

EVERY = "".join([*CONTROL.values(), *INVISIBLE.values()])


def _screen_text(app: App[object]) -> str:
    """Every character the screen shows now, from a screenshot of it."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))


async def test_a_text_line_shows_every_escape_visibly() -> None:
    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield TextLine(f"cue{EVERY}end")

    app = One()
    async with app.run_test(size=(200, 10)) as pilot:
        await pilot.pause()
        shown = app.query_one(TextLine).render().plain  # type: ignore[union-attr]
        assert raw_characters(shown) == [] and "\\x1b]52" in shown and shown.endswith("end")


async def test_the_picker_and_the_history_screen_show_names_escaped(tmp_path: Path) -> None:
    plan = tmp_path / f"mine{CONTROL['osc2-title']}.toml"
    plan.write_text('name = "broken\n', encoding="utf-8")  # the picker names the file
    store = HistoryStore(tmp_path / "data")
    when = "2026-11-20T08:00:00+01:00"
    head = SessionHead(
        str(plan), f"Plan{CONTROL['c1-csi']}", 0, f"Day{CONTROL['csi-clear']}", None, None, when
    )
    session = store.start_session(head)
    store.add_set(session, SetRow(0, "Push", 1, None, "12", 12, None, 30.0, when, "done"))
    store.end_session(session, SessionEnd(True, 30.0, None, when))
    app = PushtimerApp(clock=FakeClock(), plans=lambda: [PlanFile(plan, "user")], history=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picker = _screen_text(app)
        assert raw_characters(picker) == [] and "mine\\x1b]2;TITLE" in picker
        await pilot.press("h")
        await pilot.pause()
        history = _screen_text(app)
        assert raw_characters(history) == [] and "Day\\x1b[2J" in history
    store.close()


async def test_a_session_whose_history_cannot_be_used_says_it_is_not_kept() -> None:
    from pushtimer.ui.app import Start
    from tests.ui.harness import short_plan

    reason = "/data/history.sqlite3 is not pushtimer's history (another program's database)"
    app = PushtimerApp(
        clock=FakeClock(),
        start=Start(short_plan(), 0, "short.toml"),
        settings=AppSettings(not_kept=reason),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#history-warning", TextLine)
        assert line.text == f"Not kept: {reason}"
        assert app.writer is None
