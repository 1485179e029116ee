"""Every key of the workout screen, in the states where it matters, on a fake clock."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.binding import Binding
from textual.geometry import Region
from textual.widgets import Button, Input

from pushtimer.session.events import SetEnded
from pushtimer.ui.screens.dialogs import RepCountScreen, StopScreen
from pushtimer.ui.screens.help import HelpScreen
from pushtimer.ui.screens.summary import SummaryScreen
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.widgets.text_line import TextLine
from tests.ui.harness import Driver, session_app


async def test_opens_on_get_ready_with_the_first_exercise() -> None:
    app = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert ui.word == "GET READY" and ui.figure == "3"
        assert ui.text("#title") == "Short: Day 1"
        assert ui.text("#exercise") == "First: Push"
        assert ui.text("#position") == "Set 1/2 · 2 reps"
        assert ui.text("#reminder") == "Shoulder blades together"
        assert ui.time_left == "0:56 left"
        assert not app.screen.query("#history-warning")  # made only when needed


def _footer(app: App[object]) -> dict[str, str]:
    """The key bar as shown: key -> word."""
    shown = app.active_bindings.values()
    return {b.binding.key: b.binding.description for b in shown if b.binding.show}


async def test_space_pauses_and_resumes_and_the_schedule_moves_by_the_pause() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(3.5)  # half a second into DOWN of rep 1
        assert (ui.word, ui.band.number, ui.figure) == ("DOWN", "2", "1")
        await ui.press("space")
        assert app.session is not None and app.session.engine.paused
        assert ui.word == "PAUSED" and app.screen.has_class("-paused")
        assert app.next_wake is None  # nothing to wake for while paused
        assert ui.text("#hint") == "Space to go on"
        assert _footer(app)["space"] == "Resume"
        ui.clock.advance(60)
        assert await ui.advance(0) == 0
        assert (ui.word, ui.band.number, ui.figure) == ("PAUSED", "", "1")
        await ui.press("space")
        assert ui.word == "DOWN" and not app.session.engine.paused
        assert _footer(app)["space"] == "Pause"
        await ui.advance(1.5)
        assert ui.word == "BOTTOM"


async def test_a_set_of_one_rep_says_1_rep() -> None:
    from pushtimer.plan import load_plan_text

    plan = load_plan_text(
        'name = "One"\n[[exercise]]\nname = "Push"\nreps = 1\nsets = 2\ntempo = "1-0-0-0"\n',
        "one.toml",
    )
    app = session_app(plan)
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        assert ui.text("#position") == "Set 1/2 · 1 rep"


async def test_n_skips_the_rest_and_b_goes_back() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(14)  # 1 s into the first rest
        assert ui.word == "REST"
        assert ui.text("#exercise") == "Next: Push"
        assert ui.text("#position") == "Set 2/2 · 2 reps"
        await ui.press("n")
        assert (ui.word, ui.text("#position")) == ("DOWN", "Set 2/2 · Rep 1/2")
        await ui.press("b")  # within 2 s of the set's start: back to the rest before it
        assert ui.word == "REST" and ui.figure == "5"
        await ui.advance(3)
        await ui.press("b")  # later in the rest: restart it
        assert ui.word == "REST" and ui.figure == "5"


async def test_n_in_the_middle_of_a_set_counts_the_reps_done() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(9)  # rep 2 of set 1
        assert ui.text("#position") == "Set 1/2 · Rep 2/2"
        await ui.press("n")
        assert app.session is not None
        assert [s.reps_done for s in app.session.ended] == [1]
        assert ui.word == "REST"


@pytest.mark.parametrize(("key", "left"), [("plus", "20"), ("equals_sign", "20"), ("minus", "5")])
async def test_plus_and_minus_change_a_rest(key: str, left: str) -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(13)  # the rest starts: 5 s
        await ui.press(key)  # - never leaves less than 5 s
        assert (ui.word, ui.figure) == ("REST", left)


async def test_plus_outside_a_rest_does_nothing_and_is_not_offered() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        before = app.session.engine.state() if app.session else None
        await ui.press("plus", "minus")
        assert app.session is not None and before is not None
        assert app.session.engine.state().remaining_total == before.remaining_total
        shown = {b.binding.action for b in app.active_bindings.values()}
        assert "rest(15)" not in shown and "done" not in shown
        await ui.advance(9)  # the rest
        shown = {b.binding.action for b in app.active_bindings.values()}
        assert {"rest(15)", "rest(-15)"} <= shown


async def _to_the_max_set(ui: Driver) -> None:
    await ui.advance(50)
    assert ui.word == "GO" and ui.text("#exercise") == "Max push"


async def test_open_set_counts_up_and_enter_asks_for_the_max_count() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await _to_the_max_set(ui)
        assert ui.figure == "0"
        assert await ui.advance(7) == 7  # one wake per second shown
        assert ui.figure == "7"
        assert ui.text("#position") == "Set 1/1 · as many as you can"
        assert "done" in {b.binding.action for b in app.active_bindings.values()}
        await ui.press("enter")
        assert isinstance(app.screen, RepCountScreen)
        await ui.press("escape")  # back to the set, still counting
        assert isinstance(app.screen, WorkoutScreen) and ui.word == "GO"
        await ui.press("d")
        await ui.press("x", "1", "7", "enter")  # the field takes digits only
        assert isinstance(app.screen, WorkoutScreen)
        assert app.session is not None
        assert app.session.ended[-1].reps_done == 17
        assert ui.word == "REST"


async def test_enter_ends_a_free_set_without_a_count() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await _to_the_max_set(ui)
        await ui.press("d")
        await ui.press("9", "enter")
        await ui.press("n")  # skip the rest
        assert (ui.word, ui.text("#exercise")) == ("GO", "Easy push")
        assert ui.text("#hint") == "At your own pace: Enter when done"
        await ui.press("enter")
        assert isinstance(app.screen, SummaryScreen)


async def test_enter_outside_an_open_set_does_nothing() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("enter", "d")
        assert isinstance(app.screen, WorkoutScreen) and ui.word == "DOWN"


async def test_m_mutes_and_shows_it() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.press("m")
        assert app.muted and ui.text("#sound-state") == "MUTED (m)"
        await ui.press("m")
        assert not app.muted and ui.text("#sound-state") == ""


async def test_q_asks_and_no_goes_on_where_it_was() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("q")
        assert isinstance(app.screen, StopScreen)
        assert app.session is not None and app.session.engine.paused
        ui.clock.advance(30)  # thinking it over does not eat the set
        await ui.press("g")
        assert isinstance(app.screen, WorkoutScreen) and not app.session.engine.paused
        assert (ui.word, ui.band.number, ui.figure) == ("DOWN", "1", "1")


@pytest.mark.parametrize("size", [(20, 6), (30, 8), (40, 12), (80, 24)])
async def test_the_stop_question_and_its_answers_fit_and_space_goes_on(
    size: tuple[int, int],
) -> None:
    """Down to 20x6 the question and all three answers show whole; Space goes on (the
    paused screen behind says "Space to go on")."""
    app = session_app()
    async with app.run_test(size=size) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("q")
        assert isinstance(app.screen, StopScreen)
        await pilot.pause()
        screen = Region(0, 0, *size)
        for button in app.screen.query(Button):
            region = button.region
            assert region.area > 0 and screen.contains_region(region), button.id
            assert region.width >= len(str(button.label)), button.id
        await ui.press("space")
        assert isinstance(app.screen, WorkoutScreen) and not app.session.engine.paused  # type: ignore[union-attr]


async def test_q_while_paused_and_no_stays_paused() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.press("space", "q", "escape")
        assert app.session is not None and app.session.engine.paused


async def test_q_then_yes_shows_what_was_done_and_keeps_it() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(24)  # set 1 done, into set 2: one rep done, the second begun
        await ui.press("q", "d")
        assert isinstance(app.screen, SummaryScreen)
        assert app.last_session is not None
        ended = app.last_session.ended
        assert [(s.name, s.set, s.reps_done, s.outcome) for s in ended] == [
            ("Push", 1, 2, "done"),
            ("Push", 2, 1, "partial"),
        ]
        assert isinstance(ended[0], SetEnded)
        finish = app.last_session.finish
        assert finish is not None and (finish.completed, finish.reason) == (False, "quit")
        lines = [line.text for line in app.screen.query(TextLine)]
        assert lines[0] == "Stopped"
        assert "1 of 5 sets done, 1 partial; 3 reps; held 0s of 8s in 0:24" in lines
        assert "What you did is kept in your history." in lines
        await ui.press("q")
        assert app.return_code == 0


async def test_q_then_h_stops_because_it_hurts_and_shows_the_advice() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(9)
        await ui.press("q", "h")
        assert isinstance(app.screen, SummaryScreen)
        assert app.last_session is not None and app.last_session.finish is not None
        assert app.last_session.finish.reason == "pain"
        advice = [line.text for line in app.screen.query(".summary-advice").results(TextLine)]
        assert advice[0].startswith("Stop now.") and "knees" in advice[-1]


async def test_skipping_every_set_never_says_workout_complete() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        while not isinstance(app.screen, SummaryScreen):
            await ui.press("n")
        assert app.last_session is not None
        assert {s.outcome for s in app.last_session.ended} == {"skipped"}
        lines = [line.text for line in app.screen.query(TextLine)]
        assert lines[0] == "Finished, not every set done"
        assert "Nothing was done, so this session does not count for your streak." in lines
        assert app.last_session.outcome().startswith(
            "Finished, not every set done: 0 of 5 sets done, 5 skipped; held 0s of 8s"
        )


async def test_help_pauses_the_workout_and_closing_it_counts_back_in() -> None:
    app = session_app(count_in=3)
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)  # DOWN of rep 1
        await ui.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert app.session is not None and app.session.engine.paused
        await ui.advance(30)  # reading the card does not eat the set
        assert app.session.engine.state().elapsed == pytest.approx(1.0)
        await ui.press("escape")
        assert isinstance(app.screen, WorkoutScreen)
        assert (ui.word, ui.figure, ui.band.kind) == ("GET READY", "3", "down")
        await ui.advance(3)
        assert (ui.word, ui.band.number, ui.figure) == ("DOWN", "2", "1")  # rep 1 afresh


async def test_help_lists_the_keys_of_the_screen_it_is_over() -> None:
    app = session_app()
    async with app.run_test(size=(80, 30)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = app.screen.lines()
        bindings = WorkoutScreen.BINDINGS
        assert len([line for line in lines if line[:1] != " "]) >= len(bindings)
        for binding in bindings:
            assert isinstance(binding, Binding)
            assert any(line.endswith(binding.tooltip) for line in lines), binding.tooltip
        assert any(line.startswith("Enter, d ") for line in lines)
        assert any(line.startswith("Ctrl+C ") for line in lines)
        assert lines[-1] == "The workout is paused: Escape or ? goes on."


async def test_ctrl_c_stops_at_once_with_status_130() -> None:
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(14)
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 130
    assert app.last_session is not None and len(app.last_session.ended) == 1


async def test_a_wake_already_past_still_fires_and_the_schedule_goes_on() -> None:
    """The loop was held up (a stall, a slow moment): the next wake is already behind the
    clock when it is set. Its timer still fires, the session lands in the right place, and
    the schedule carries on; nobody calls catch_up by hand here."""
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        wake = app.next_wake
        assert wake is not None
        ui.clock.advance(4.5)  # well past it: into the first lowering
        app.show_session()  # redraw and re-arm, as after any operation
        assert app.next_wake is not None and app.next_wake < ui.clock.now()
        for _ in range(200):  # the timer's own turn of the event loop
            if app.next_wake is not None and app.next_wake > ui.clock.now():
                break
            await pilot.pause()
        assert app.next_wake is not None and app.next_wake > ui.clock.now()
        assert (ui.word, app.session is not None and app.session.engine.segment.kind) == (
            "DOWN",
            "down",
        )
        await ui.advance(1)  # and on it goes, wake by wake
        assert ui.word == "BOTTOM"


@pytest.mark.parametrize("first", ["signal", "wake-up"])
async def test_ctrl_z_pauses_as_of_the_moment_the_process_stopped(first: str) -> None:
    """The terminal's Ctrl+Z stops the process at once; Textual's suspend signal and the
    app's timer only run after fg. Whichever comes first, the session is paused as of the
    stop, and the reps of the time away are not counted."""
    app = session_app()
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        before = (ui.text("#position"), ui.figure)
        app.note_suspended()  # the SIGTSTP handler, just before the process stops
        ui.clock.advance(30)  # stopped; then fg
        if first == "signal":
            app._pause_for_suspend()
        app.catch_up()
        await pilot.pause()
        assert app.session is not None and app.session.engine.paused
        assert (ui.text("#position"), ui.figure) == before
        assert ui.word == "PAUSED"


async def test_a_narrow_key_bar_leaves_out_mute_and_back_not_quit_and_help() -> None:
    from textual.widgets._footer import FooterKey

    def bar() -> list[str]:
        return [key.action for key in app.screen.query(FooterKey)]

    app = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        assert bar() == ["pause", "skip", "back", "mute", "quit_session", "help"]
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.pause()
        assert bar() == ["pause", "skip", "quit_session", "help"]
        await ui.press("m")  # still a key, only not in the bar
        assert app.muted
        await ui.advance(9)  # the rest: +/- would not fit either
        assert bar() == ["pause", "skip", "quit_session", "help"]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert "rest(15)" in bar() and "unmute" in bar()  # (muted above)


async def test_over_a_question_or_the_help_the_key_bar_has_their_keys() -> None:
    from textual.widgets._footer import FooterKey

    app = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        await ui.press("q")
        assert isinstance(app.screen, StopScreen)
        shown = [key.description for key in app.screen.query(FooterKey)]
        assert shown == ["Done for today", "It hurts", "Go on"]
        await ui.press("g", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert [key.description for key in app.screen.query(FooterKey)] == ["Close"]


async def test_m_says_mute_or_unmute_and_with_no_sound_the_screen_says_so() -> None:
    from textual.widgets._footer import FooterKey

    app = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ui = Driver(app, pilot)
        await ui.advance(4)
        assert "Mute" in _footer(app).values() and ui.text("#sound-state") == ""
        await ui.press("m")
        assert _footer(app)["m"] == "Unmute" and ui.text("#sound-state") == "MUTED (m)"
    silent = session_app()
    silent.sound_off = True  # (pushtimer --no-sound, or sound = "off")
    async with silent.run_test(size=(80, 24)) as pilot:
        ui = Driver(silent, pilot)
        await ui.advance(4)
        assert ui.text("#sound-state") == "SOUND OFF"
        actions = [key.action for key in silent.screen.query(FooterKey)]
        assert "mute" not in actions and "unmute" not in actions


async def test_help_at_40x12_scrolls_to_its_last_line() -> None:
    """The card is taller than a small terminal: its list has the keys, and End (or Page
    Down) brings the last line, the note about the session, into view."""
    app = session_app()
    async with app.run_test(size=(40, 12)) as pilot:
        ui = Driver(app, pilot)
        await ui.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        note = app.screen.query_one(".help-footnote", TextLine)
        assert note.region.bottom > 12 or not note.region.height  # not in view yet
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()
        assert 0 < note.region.bottom <= 11  # above the card's frame


PACED_MAX_PLAN = """
name = "Test day"
[defaults]
prepare = 2
tempo = "3-1-1-0"
[[exercise]]
name = "Push-up test"
reps = "max"
"""


async def test_a_paced_max_set_counts_its_reps_and_enter_asks_with_them_filled_in() -> None:
    from tests.conftest import plan_from

    app = session_app(plan_from(PACED_MAX_PLAN))
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(2 + 5 * 3 + 1.5)  # three reps done, the fourth lowering
        assert (ui.word, ui.figure) == ("DOWN", "4")
        assert ui.text("#position") == "Set 1/1 · Rep 4 · as many as you can"
        assert ui.text("#hint") == "As many as you can, paced: Enter when you stop"
        await ui.press("enter")
        assert isinstance(app.screen, RepCountScreen)
        assert app.screen.query_one(Input).value == "3"  # the reps counted, to accept
        await ui.advance(20)  # nothing runs while the question is open
        assert app.session is not None and app.session.engine.paused
        await ui.press("enter")
        assert app.last_session is not None
        (ended,) = app.last_session.ended
        assert (ended.reps_done, ended.outcome) == (3, "done")
        assert ended.seconds == 16.5  # from the first lowering to the key, not the typing
        assert ended.ago == 20  # the history dates it at the key too (history/recorder.py)
        assert isinstance(app.screen, SummaryScreen)


async def test_escape_from_the_count_goes_back_to_the_rep_it_was_in() -> None:
    from tests.conftest import plan_from

    app = session_app(plan_from(PACED_MAX_PLAN), count_in=3)
    async with app.run_test() as pilot:
        ui = Driver(app, pilot)
        await ui.advance(2 + 5 + 2)  # rep 2, lowering
        await ui.press("d")
        assert isinstance(app.screen, RepCountScreen)
        await ui.press("escape")
        assert isinstance(app.screen, WorkoutScreen)
        assert ui.word == "GET READY"  # back into the rep through the count-in
        await ui.advance(3)
        assert (ui.word, ui.figure) == ("DOWN", "2")
