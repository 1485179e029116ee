"""No work starts unannounced: work that a key starts (n out of a rest or into a set, b
back to a set's start, a skipped switch, n into a max set) shows GET READY for the
count-in first, naming what comes; a rest that a key starts needs none."""

from __future__ import annotations

from tests.ui.harness import Driver, session_app


async def test_n_out_of_a_rest_shows_get_ready_before_down() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(14)  # the rest after set 1, 4 s of it left
        assert ui.word == "REST"
        await ui.press("n")
        assert (ui.word, ui.figure) == ("GET READY", "3")
        assert ui.text("#position") == "Set 2/2 · Rep 1/2"
        assert ui.text("#exercise") == "Push"
        await ui.advance(2.5)
        assert (ui.word, ui.figure) == ("GET READY", "1")
        await ui.advance(0.5)
        assert ui.word == "DOWN"


async def test_b_in_the_middle_of_a_set_shows_get_ready_before_down() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(9.5)  # set 1, rep 2
        await ui.press("b")
        assert ui.word == "GET READY"
        assert ui.text("#position") == "Set 1/2 · Rep 1/2"
        await ui.advance(3)
        assert (ui.word, ui.text("#position")) == ("DOWN", "Set 1/2 · Rep 1/2")


async def test_n_during_a_switch_counts_in_to_the_other_side() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(38.5)  # the plank's switch
        assert app.session is not None and app.session.engine.segment.kind == "switch"
        await ui.press("n")
        assert ui.word == "GET READY"
        assert "Right" in ui.text("#position")
        await ui.advance(3)
        assert ui.word == "HOLD"
        assert ui.figure == "4"  # the whole hold is still to come


async def test_n_into_a_max_set_counts_in_before_go() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(46)  # the rest before the max set
        await ui.press("n")
        assert ui.word == "GET READY"
        await ui.advance(3)
        assert ui.word == "GO"


async def test_n_into_a_rest_goes_straight_to_it() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(5)  # set 1
        await ui.press("n")
        assert ui.word == "REST"
