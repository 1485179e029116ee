"""The full screen stays the same size over a long session (issue 22, "Flat memory").

What grew, and what these hold: the key bar's old keys, which Textual's footer makes anew
at every rest and open set and never let go of (with their rendered lines), and the time
left, whose text each second stayed in Rich's cache of measured strings. All on the fake
clock: many phase changes in a few seconds of test time.
"""

from __future__ import annotations

import gc

import pytest
from rich.cells import cached_cell_len
from textual.app import App, ComposeResult
from textual.widgets._footer import FooterKey

from pushtimer.ui.widgets.key_bar import KeyBar
from pushtimer.ui.widgets.workout_progress import WorkoutProgress
from tests.conftest import plan_from
from tests.ui.harness import Driver, session_app

# A set of 2 s and a rest of 5 s, again and again: the key bar changes twice in 7 s (the
# rest brings + and -, the set takes them away).
SETS_AND_RESTS = """
name = "Soak"
[defaults]
prepare = 2
rest = 5
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Push"
sets = 40
reps = 1
tempo = "1-0-1-0"
"""
CYCLE = 7.0  # a set and its rest
CYCLES = 25


def _live(kind: type) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))


def _shows_rest_keys(bar: KeyBar) -> bool:
    return any(isinstance(key, FooterKey) and key.action.startswith("rest") for key in bar.children)


async def test_the_key_bar_lets_go_of_the_keys_it_no_longer_shows() -> None:
    app = session_app(plan_from(SETS_AND_RESTS))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        bar = app.screen.query_one(KeyBar)
        # (The StylesCache class, through a widget: its module is Textual's own.)
        styles_cache = type(bar._styles_cache)
        await ui.advance(2 + 2 * CYCLE)  # into set 3: the bar has changed both ways
        await pilot.pause()
        keys, caches = _live(FooterKey), _live(styles_cache)
        for _ in range(CYCLES):
            await ui.advance(2)  # the set ends: a rest
            await pilot.pause()
            assert _shows_rest_keys(bar)
            await ui.advance(CYCLE - 2)  # the rest ends: the next set
            await pilot.pause()
            assert not _shows_rest_keys(bar)
        # 50 changes of the bar, 7 or 8 keys each: before the fix, every one still alive.
        assert _live(FooterKey) <= keys + 2
        assert _live(styles_cache) <= caches + 10


async def test_the_key_bar_keeps_its_keys_when_the_bindings_stay_the_same() -> None:
    app = session_app(plan_from(SETS_AND_RESTS))
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(2.5)  # in set 1
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = list(bar.children)
        for _ in range(10):
            app.screen.refresh_bindings()  # as a focus change or a key's check does
            await pilot.pause()
        assert list(bar.children) == shown


async def test_each_rest_starts_with_a_collection_once_the_start_is_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The session's garbage is collected as each rest starts (not when only the other
    keys change), and only in a process whose start was frozen."""
    collections: list[str] = []
    app = session_app(plan_from(SETS_AND_RESTS))
    monkeypatch.setattr(gc, "collect", lambda: collections.append("collected"))
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 0)  # as in tests
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(2 + 2 * CYCLE)  # two rests, nothing frozen: no collection
        await pilot.pause()
        assert collections == []
        monkeypatch.setattr(gc, "get_freeze_count", lambda: 1)
        for _ in range(3):
            await ui.advance(CYCLE)
            await pilot.pause()
        await ui.press("space")  # a pause changes the keys too, and is no rest
        await ui.press("space")
        assert len(collections) == 3  # one a rest


class _ProgressOnly(App[None]):
    def compose(self) -> ComposeResult:
        yield WorkoutProgress()


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d} left"


async def test_the_time_left_leaves_nothing_behind_each_second() -> None:
    """Each second's text went into Rich's cache of measured strings (4096 of them, three
    a second): only characters and bar lengths, a small set, may go in."""
    if not hasattr(cached_cell_len, "cache_info"):
        pytest.skip("rich no longer caches measured strings")
    app = _ProgressOnly()
    async with app.run_test(size=(60, 3)) as pilot:
        progress = app.query_one(WorkoutProgress)
        total = 600
        progress.time_left = _clock(total)
        await pilot.pause()
        cached_cell_len.cache_clear()
        for second in range(total - 1, total - 301, -1):  # five minutes, a frame a second
            progress.fraction = 1 - second / total
            progress.time_left = _clock(second)
            await pilot.pause()
        assert cached_cell_len.cache_info().misses < 100  # it was 900


async def test_the_progress_line_reads_as_before() -> None:
    app = _ProgressOnly()
    async with app.run_test(size=(40, 3)) as pilot:
        progress = app.query_one(WorkoutProgress)
        progress.fraction, progress.time_left = 0.5, "9:12 left"
        await pilot.pause()
        line = progress.render_line(0)
        assert line.text == "━" * 29 + "  9:12 left"
        assert line.cell_length == 40
        styles = [segment.style for segment in line if segment.text.startswith("━")]
        assert [style.bold if style else None for style in styles] == [True, None]
        assert [style.dim if style else None for style in styles] == [None, True]
