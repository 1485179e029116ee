"""What the screen reads off the engine, and when it next changes; and the session tally."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pushtimer.session.clock import FakeClock
from pushtimer.session.live import LiveSession
from pushtimer.session.readout import (
    GENERAL_REMINDERS,
    REMINDER_SECONDS,
    reminder_at,
    seconds_to_next_change,
    shown_seconds,
)
from tests.conftest import plan_from

PLAN = plan_from(
    """
    name = "Readout"
    [defaults]
    prepare = 5
    rest = 30
    [[exercise]]
    name = "Push"
    sets = 2
    reps = 3
    tempo = "3-1-1-0"
    cues = ["One", "Two"]
    [[exercise]]
    name = "Max"
    reps = "max"
    tempo = "free"
    [[exercise]]
    name = "Side plank"
    hold = 20
    per_side = true
    """
)


def _session() -> tuple[LiveSession, FakeClock]:
    clock = FakeClock()
    return LiveSession(PLAN, 0, clock), clock


@pytest.mark.parametrize(
    ("after", "shown", "change"),
    [(0.0, 5, 1.0), (0.3, 5, 0.7), (1.0, 4, 1.0), (4.25, 1, 0.75), (6.5, 2, 0.5)],
)
def test_countdown_rounds_up_and_changes_on_the_second(
    after: float, shown: int, change: float
) -> None:
    session, clock = _session()
    clock.advance(after)
    session.engine.update()
    state = session.engine.state()
    assert shown_seconds(state) == shown
    assert seconds_to_next_change(state) == pytest.approx(change)


def test_open_set_counts_up_from_zero() -> None:
    session, clock = _session()
    session.engine.skip()  # prepare
    session.engine.skip()  # set 1
    session.engine.skip()  # rest
    session.engine.skip()  # set 2
    session.engine.skip()  # rest
    assert session.engine.segment.kind == "open"
    clock.advance(2.25)
    state = session.engine.state()
    assert shown_seconds(state) == 2
    assert seconds_to_next_change(state) == pytest.approx(0.75)


def test_nothing_changes_while_paused_or_finished() -> None:
    session, _ = _session()
    session.engine.pause()
    assert seconds_to_next_change(session.engine.state()) is None
    assert session.next_wake() is None
    session.engine.quit()
    assert seconds_to_next_change(session.engine.state()) is None


@given(st.floats(min_value=0, max_value=600, allow_nan=False))
def test_the_next_change_is_never_later_than_a_second(seconds: float) -> None:
    session, clock = _session()
    clock.advance(seconds)
    session.engine.update()
    state = session.engine.state()
    change = seconds_to_next_change(state)
    if session.engine.finished:
        assert change is None
    else:
        assert change is not None and 0 <= change <= 1.0 + 1e-9
        before = shown_seconds(state)
        clock.advance(max(0.0, change - 1e-4))  # just before: the same number shows
        session.engine.update()
        assert shown_seconds(session.engine.state()) == before or state.index != (
            session.engine.state().index
        )


def test_reminders_rotate_through_the_cues_then_the_general_ones() -> None:
    reminders = ("One", "Two", *GENERAL_REMINDERS)
    turns = [reminder_at(reminders, n * REMINDER_SECONDS + 0.5) for n in range(len(reminders) + 1)]
    assert turns == [*reminders, "One"]
    assert reminder_at((), 10) == ""


def test_next_wake_is_the_sooner_of_a_cue_and_a_change_on_screen() -> None:
    session, clock = _session()
    start = clock.now()
    assert session.next_wake() == start + 1  # the countdown's 4, and nothing sooner
    clock.advance(5.2)  # DOWN of rep 1; a tick at 6, the count changes at 6 too
    session.record(session.engine.update())
    assert session.next_wake() == pytest.approx(start + 6)
