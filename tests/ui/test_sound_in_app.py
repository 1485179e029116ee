"""The app hands every engine event to the sound player; m mutes it; the bell goes
through the app."""

from __future__ import annotations

from collections.abc import Callable

from pushtimer.audio.player import SoundPlayer
from pushtimer.audio.sounds import load_sounds
from pushtimer.session.clock import FakeClock
from pushtimer.ui.app import PushtimerApp, Start
from tests.conftest import REPO
from tests.ui.harness import Driver, short_plan
from tests.unit.test_sound_player import FakeBackend


def _app_with(backend: FakeBackend) -> tuple[PushtimerApp, list[Callable[[], None]]]:
    rings: list[Callable[[], None]] = []

    def make(ring: Callable[[], None]) -> SoundPlayer:
        rings.append(ring)
        return SoundPlayer([("fake", lambda: backend)], load_sounds(REPO / "sounds"))

    app = PushtimerApp(clock=FakeClock(), start=Start(short_plan(), 0, "short.toml"), sound=make)
    return app, rings


async def test_cues_reach_the_player_in_order_and_m_mutes_them() -> None:
    backend = FakeBackend("fake")
    app, _ = _app_with(backend)
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        while app.player is None:  # made after the first frame; cues before it may go stale
            await pilot.pause()
        await ui.advance(7.5)  # get ready 2-1, then rep 1: down (2 s, a tick), bottom, up, top
        assert app.player is not None
        app.player.close()  # wait for the sound thread to play what was queued
        assert backend.played == ["tick", "tick", "down", "tick", "up"]
        await ui.press("m")
        assert app.muted and app.session is not None and app.session.muted
        app.player.start()
        await ui.advance(5)
        app.player.close()
        assert backend.played == ["tick", "tick", "down", "tick", "up"]


async def test_the_bell_is_rung_through_the_app() -> None:
    app, rings = _app_with(FakeBackend("fake"))
    rung: list[str] = []
    async with app.run_test() as pilot:
        app.bell = lambda: rung.append("bell")  # type: ignore[method-assign]
        await pilot.pause()
        rings[0]()
        await pilot.pause()
    assert rung == ["bell"]
