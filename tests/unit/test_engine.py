"""The engine, driven entirely by a FakeClock: no test here waits on real time."""

from __future__ import annotations

import pytest

from pushtimer.session.clock import FakeClock
from pushtimer.session.engine import Engine
from pushtimer.session.events import (
    CountdownBeep,
    Event,
    SegmentStarted,
    SetEnded,
    TempoTick,
    WorkoutFinished,
)
from pushtimer.session.timeline import build_timeline
from tests.conftest import plan_from

# prepare 5 | set 1: 2 reps of down 3, bottom 1, up 1 (10 s) | rest 10 | set 2 (10 s) | end
TWO_SETS = (
    'name = "P"\n[defaults]\nprepare = 5\nrest = 10\n[[exercise]]\nname = "E"\nsets = 2\nreps = 2\n'
)


def make(text: str = TWO_SETS) -> tuple[Engine, FakeClock]:
    plan = plan_from(text)
    clock = FakeClock(start=500.0)
    return Engine(build_timeline(plan.workouts[0], plan.defaults), clock), clock


def at(engine: Engine, clock: FakeClock, seconds: float) -> list[Event]:
    """Move the clock to ``seconds`` after the engine's start and catch up."""
    clock.set(500.0 + seconds)
    return engine.update()


def starts(events: list[Event]) -> list[tuple[str, float, bool]]:
    return [(e.segment.kind, e.planned, e.skipped) for e in events if isinstance(e, SegmentStarted)]


def run_to_end(engine: Engine, clock: FakeClock) -> list[Event]:
    """Follow the deadlines until the workout ends or waits in an open set."""
    events = engine.update()
    while (deadline := engine.next_deadline()) is not None and engine.segment.kind != "open":
        clock.set(deadline)
        events += engine.update()
    return events


def test_first_update_starts_the_first_segment() -> None:
    engine, _ = make()
    assert starts(engine.update()) == [("prepare", 0.0, False)]
    assert engine.update() == []


def test_a_whole_run_in_deadline_steps() -> None:
    engine, clock = make()
    events = run_to_end(engine, clock)
    kinds = [type(e).__name__ for e in events]
    assert kinds.count("SegmentStarted") == 1 + 6 + 1 + 6
    assert kinds.count("CountdownBeep") == 3 + 3  # prepare and rest
    assert kinds.count("TempoTick") == 4 * 2  # each 3 s lowering ticks at 1 s and 2 s
    assert isinstance(events[-1], WorkoutFinished) and events[-1].completed
    assert events[-1].planned == 35.0
    assert not any(getattr(e, "skipped", False) for e in events)
    sets = [e for e in events if isinstance(e, SetEnded)]
    assert [(s.set, s.reps_done, s.seconds) for s in sets] == [(1, 2, 10.0), (2, 2, 10.0)]


def test_deadlines_are_the_next_cue_or_boundary() -> None:
    engine, clock = make()
    engine.update()
    assert engine.next_deadline() == 502.0  # the "3" beep of a 5 s prepare
    at(engine, clock, 4.5)
    assert engine.next_deadline() == 505.0  # the end of prepare
    at(engine, clock, 5.0)
    assert engine.next_deadline() == 506.0  # first tick of the 3 s lowering


def test_countdown_beeps_in_the_last_three_seconds() -> None:
    engine, clock = make()
    engine.update()
    beeps = at(engine, clock, 2.0) + at(engine, clock, 3.0) + at(engine, clock, 4.0)
    assert [(b.remaining, b.planned) for b in beeps if isinstance(b, CountdownBeep)] == [
        (3, 2.0),
        (2, 3.0),
        (1, 4.0),
    ]


def test_tempo_ticks_inside_the_lowering() -> None:
    engine, clock = make()
    at(engine, clock, 5.0)
    ticks = at(engine, clock, 6.0) + at(engine, clock, 7.0)
    assert [(t.second, t.planned) for t in ticks if isinstance(t, TempoTick)] == [
        (1, 6.0),
        (2, 7.0),
    ]
    assert starts(at(engine, clock, 8.0)) == [("bottom", 8.0, False)]


def test_late_wake_up_does_not_shift_the_schedule() -> None:
    engine, clock = make()
    at(engine, clock, 5.2)  # woke 200 ms late for the first rep: still played
    assert engine.state().segment.kind == "down"
    assert engine.state().elapsed == pytest.approx(0.2)
    assert engine.next_deadline() == 506.0  # the schedule is unchanged


def test_a_five_second_stall_lands_in_the_right_segment() -> None:
    engine, clock = make()
    at(engine, clock, 4.0)
    events = at(engine, clock, 9.1)  # stalled from 4 s to 9.1 s
    assert starts(events) == [("down", 5.0, True), ("bottom", 8.0, True), ("up", 9.0, False)]
    stale = [e for e in events if isinstance(e, TempoTick)]
    assert all(t.skipped for t in stale) and len(stale) == 2
    state = engine.state()
    assert (state.segment.kind, state.segment.rep) == ("up", 1)
    # No drift afterwards: the next boundary is where the plan puts it.
    assert engine.next_deadline() == 510.0
    assert starts(at(engine, clock, 10.0)) == [("down", 10.0, False)]


def test_pause_across_a_boundary() -> None:
    engine, clock = make()
    at(engine, clock, 4.0)
    engine.pause()
    assert engine.next_deadline() is None
    assert at(engine, clock, 30.0) == []
    state = engine.state()
    assert state.paused and state.segment.kind == "prepare" and state.remaining == 1.0
    clock.set(530.0)
    engine.resume()
    assert engine.next_deadline() == 531.0
    events = at(engine, clock, 31.0)
    assert starts(events) == [("down", 31.0, False)]  # planned shifted by the 26 s pause


def test_toggle_pause() -> None:
    engine, _ = make()
    engine.toggle_pause()
    assert engine.paused
    engine.toggle_pause()
    assert not engine.paused


def test_skip_in_the_middle_of_a_set_counts_reps_done() -> None:
    engine, clock = make()
    at(engine, clock, 12.0)  # set 1, rep 2, lowering
    events = engine.skip()
    (done,) = [e for e in events if isinstance(e, SetEnded)]
    assert (done.set, done.reps_done, done.seconds, done.outcome) == (1, 1, 7.0, "partial")
    assert starts(events) == [("rest", 12.0, False)]
    assert engine.state().remaining == 10.0


def test_skip_at_the_start_of_prepare_and_in_a_rest() -> None:
    engine, clock = make()
    engine.update()
    assert starts(engine.skip()) == [("down", 0.0, False)]
    at(engine, clock, 10.5)  # in the rest after set 1
    assert engine.state().segment.kind == "rest"
    events = engine.skip()
    assert starts(events) == [("down", 10.5, False)]
    assert not [e for e in events if isinstance(e, SetEnded)]


def test_skip_the_last_set_finishes() -> None:
    engine, clock = make()
    at(engine, clock, 27.0)  # set 2
    events = engine.skip()
    assert isinstance(events[-1], WorkoutFinished) and events[-1].completed
    assert engine.finished and engine.next_deadline() is None
    assert engine.skip() == [] and engine.back() == []


def test_back_after_two_seconds_restarts_the_set_from_rep_one() -> None:
    engine, clock = make()
    at(engine, clock, 12.0)
    events = engine.back()
    assert starts(events) == [("down", 12.0, False)]
    assert engine.state().segment.rep == 1
    assert engine.next_deadline() == 513.0


def test_back_within_two_seconds_goes_to_the_step_before() -> None:
    engine, clock = make()
    at(engine, clock, 16.0)  # 1 s into the rest after set 1
    assert starts(engine.back()) == [("down", 16.0, False)]
    assert engine.state().segment.set == 1
    at(engine, clock, 17.0)
    assert starts(engine.back()) == [("prepare", 17.0, False)]  # again within 2 s


def test_back_at_the_very_start_restarts_prepare() -> None:
    engine, clock = make()
    at(engine, clock, 1.0)
    assert starts(engine.back()) == [("prepare", 1.0, False)]
    assert engine.state().remaining == 5.0


def test_back_restarts_a_lengthened_rest_at_its_planned_length() -> None:
    engine, clock = make()
    at(engine, clock, 18.0)
    engine.adjust_rest(15)
    assert engine.state().remaining == 22.0
    at(engine, clock, 21.0)
    engine.back()
    assert engine.state().remaining == 10.0


def test_rest_plus_and_minus() -> None:
    engine, clock = make()
    at(engine, clock, 16.0)  # 1 s into a 10 s rest
    engine.adjust_rest(15)
    assert engine.state().remaining == 24.0
    assert engine.next_deadline() == 500.0 + 15.0 + 25.0 - 3  # the "3" beep moved too
    engine.adjust_rest(-15)
    assert engine.state().remaining == 9.0


def test_rest_minus_always_leaves_five_seconds() -> None:
    engine, clock = make()
    at(engine, clock, 18.0)  # 3 s into a 10 s rest: 7 s left
    assert engine.adjust_rest(-15) == []
    assert engine.state().remaining == 5.0
    assert engine.next_deadline() == 500.0 + 20.0  # the "3" beep, 2 s from now
    at(engine, clock, 21.0)  # 2 s left: - leaves it as it is
    assert engine.adjust_rest(-15) == []
    assert engine.state().remaining == 2.0
    at(engine, clock, 22.0)
    events = engine.adjust_rest(15)
    assert not starts(events) and engine.state().remaining == 16.0


def test_rest_changes_outside_a_rest_do_nothing() -> None:
    engine, clock = make()
    at(engine, clock, 6.0)
    assert engine.adjust_rest(15) == []
    assert engine.state().remaining == 2.0


def test_quit_reports_once_and_keeps_completed_sets() -> None:
    engine, clock = make()
    events = at(engine, clock, 16.0)  # in the rest after set 1
    assert [e.outcome for e in events if isinstance(e, SetEnded)] == ["done"]
    ended = engine.quit()
    assert ended == [WorkoutFinished(False, 16.0, 16.0, "quit")]
    assert engine.quit() == [] and engine.update() == []


# -- outcomes: what a set really was ---------------------------------------------------------


def ended_sets(events: list[Event]) -> list[tuple[str, int | None, float | None]]:
    return [(e.outcome, e.reps_done, e.held) for e in events if isinstance(e, SetEnded)]


def test_a_set_that_runs_to_its_end_is_done() -> None:
    engine, clock = make()
    events = run_to_end(engine, clock)
    assert ended_sets(events) == [("done", 2, None), ("done", 2, None)]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (5.0, [("skipped", 0, None)]),  # the very start of the set
        (9.9, [("skipped", 0, None)]),  # pushing up in rep 1: not completed yet
        (10.0, [("partial", 1, None)]),  # rep 1's last phase has just ended
        (14.9, [("partial", 1, None)]),
    ],
)
def test_a_rep_counts_once_its_last_phase_has_ended(
    seconds: float, expected: list[tuple[str, int, None]]
) -> None:
    engine, clock = make()
    at(engine, clock, seconds)
    assert ended_sets(engine.skip()) == expected


def test_quit_in_a_set_keeps_the_reps_done_as_partial_with_its_reason() -> None:
    engine, clock = make()
    at(engine, clock, 12.0)  # set 1, rep 2
    events = engine.quit("pain")
    assert ended_sets(events) == [("partial", 1, None)]
    assert events[-1] == WorkoutFinished(False, 12.0, 12.0, "pain")


def test_quit_before_any_rep_records_the_set_skipped() -> None:
    engine, clock = make()
    at(engine, clock, 6.0)
    assert ended_sets(engine.quit()) == [("skipped", 0, None)]


def test_quit_in_the_get_ready_records_no_set() -> None:
    engine, clock = make()
    at(engine, clock, 2.0)
    assert ended_sets(engine.quit()) == []


def test_back_keeps_the_reps_done_as_partial_then_redoes_the_set() -> None:
    engine, clock = make()
    at(engine, clock, 12.0)
    assert ended_sets(engine.back()) == [("partial", 1, None)]
    assert engine.state().segment.rep == 1
    assert ended_sets(run_to_end(engine, clock)) == [("done", 2, None), ("done", 2, None)]


def test_back_with_nothing_done_records_nothing() -> None:
    engine, clock = make()
    at(engine, clock, 6.0)  # 1 s into set 1: back goes to the get-ready
    assert ended_sets(engine.back()) == []
    assert engine.state().segment.kind == "prepare"


HOLD = 'name = "H"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Plank"\nhold = 10\n'


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0.5, ("skipped", None, 0.5)), (4.5, ("partial", None, 4.5)), (9.99, ("partial", None, 9.99))],
)
def test_a_hold_stopped_early_keeps_the_seconds_held(
    seconds: float, expected: tuple[str, None, float]
) -> None:
    engine, clock = make(HOLD)
    at(engine, clock, seconds)
    (ended,) = ended_sets(engine.skip())
    assert ended[:2] == expected[:2] and ended[2] == pytest.approx(expected[2])


def test_a_hold_run_to_its_end_is_done_with_its_full_time() -> None:
    engine, clock = make(HOLD)
    assert ended_sets(run_to_end(engine, clock)) == [("done", None, 10.0)]


def test_a_hold_paused_counts_only_the_seconds_held() -> None:
    engine, clock = make(HOLD)
    at(engine, clock, 3.0)
    engine.pause()
    clock.advance(60)
    engine.resume()
    clock.advance(2)
    assert ended_sets(engine.quit()) == [("partial", None, 5.0)]


HOLD_AND_OPEN = """
name = "P"
[defaults]
prepare = 0
rest = 5
switch = 4
[[exercise]]
name = "Side plank"
hold = 10
per_side = true
[[exercise]]
name = "Test"
reps = "max"
tempo = "free"
[[exercise]]
name = "Free"
reps = 6
tempo = "free"
"""


def test_hold_countdown_and_switch() -> None:
    engine, clock = make(HOLD_AND_OPEN)
    events = run_to_end(engine, clock)
    beeps = [(e.index, e.remaining) for e in events if isinstance(e, CountdownBeep)]
    # hold left (7, 8, 9 s), switch of 4 s (1, 2, 3 s in), hold right, rest after
    assert [b for b in beeps if b[0] == 0] == [(0, 3), (0, 2), (0, 1)]
    assert [b for b in beeps if b[0] == 1] == [(1, 3), (1, 2), (1, 1)]
    sides = [(e.side, e.hold_seconds, e.reps_done) for e in events if isinstance(e, SetEnded)]
    assert sides == [("left", 10, None), ("right", 10, None)]


def test_open_max_set_waits_for_done_with_a_count() -> None:
    engine, clock = make(HOLD_AND_OPEN)
    run_to_end(engine, clock)
    assert engine.state().segment.kind == "open" and engine.state().remaining is None
    assert engine.next_deadline() is None
    clock.advance(40)
    assert engine.update() == []
    assert engine.state().elapsed == 40.0  # an open set counts up
    with pytest.raises(ValueError, match="number of reps"):
        engine.done()
    events = engine.done(17)
    (done,) = [e for e in events if isinstance(e, SetEnded)]
    assert (done.name, done.reps_target, done.reps_done, done.seconds) == ("Test", "max", 17, 40.0)
    assert done.outcome == "done"
    assert starts(events)[0][0] == "rest"


def test_open_free_set_done_counts_its_reps_and_finishes() -> None:
    engine, clock = make(HOLD_AND_OPEN)
    run_to_end(engine, clock)
    engine.done(5)
    run_to_end(engine, clock)
    assert engine.state().segment.kind == "open"
    events = engine.done()
    assert [e.reps_done for e in events if isinstance(e, SetEnded)] == [6]
    assert isinstance(events[-1], WorkoutFinished) and events[-1].completed


def test_done_outside_an_open_set_does_nothing() -> None:
    engine, clock = make()
    at(engine, clock, 6.0)
    assert engine.done() == []
    assert engine.state().segment.kind == "down"


def test_skip_an_open_max_set_records_it_skipped() -> None:
    engine, clock = make(HOLD_AND_OPEN)
    run_to_end(engine, clock)
    assert ended_sets(engine.skip()) == [("skipped", 0, None)]


def test_a_max_set_said_done_with_no_reps_is_skipped() -> None:
    engine, clock = make(HOLD_AND_OPEN)
    run_to_end(engine, clock)
    assert ended_sets(engine.done(0)) == [("skipped", 0, None)]


def test_state_totals() -> None:
    engine, clock = make()
    at(engine, clock, 2.5)
    state = engine.state()
    assert state.remaining == 2.5 and state.remaining_total == 32.5
    assert state.session_elapsed == 2.5 and not state.finished


def test_pause_as_of_an_earlier_moment_keeps_what_came_before_it() -> None:
    """A process suspended with Ctrl+Z at 7 s and noticed at 12 s: paused as of 7 s."""
    engine, clock = make()
    at(engine, clock, 6.0)
    clock.set(500.0 + 12.0)
    events = engine.pause(at=500.0 + 7.0)
    assert starts(events) == []  # nothing after 7 s happened: the lowering had 1 s left
    assert engine.state().segment.kind == "down" and engine.state().remaining == 1.0
    clock.advance(30)
    engine.resume()
    assert engine.state().remaining == 1.0


# -- the count-in after a pause ---------------------------------------------------------


def test_a_resume_counts_in_and_restarts_the_rep_from_its_lowering() -> None:
    engine, clock = make()
    at(engine, clock, 13.5)  # rep 2 of set 1, half a second into the bottom
    engine.pause()
    clock.advance(20)  # 533.5
    events = engine.resume(count_in=3)
    state = engine.state()
    assert state.count_in == 3.0 and not state.paused
    assert (state.segment.kind, state.segment.rep, state.remaining) == ("down", 2, 3.0)
    assert [(e.remaining, e.planned) for e in events if isinstance(e, CountdownBeep)] == [(3, 33.5)]
    assert engine.next_deadline() == 534.5  # the "2"
    events = at(engine, clock, 35.0)
    assert [e.remaining for e in events if isinstance(e, CountdownBeep)] == [2]
    assert engine.state().count_in == pytest.approx(1.5)
    assert engine.next_deadline() == 535.5  # the "1"
    at(engine, clock, 35.5)
    assert engine.next_deadline() == 536.5  # the lowering, again
    events = at(engine, clock, 36.5)
    assert starts(events) == [("down", 36.5, False)]
    assert engine.state().count_in is None
    events = at(engine, clock, 41.5)  # 3 + 1 + 1 s later the rep is done
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.reps_done, ended.outcome) == (2, "done")
    assert ended.seconds == pytest.approx(10.0 + 3.5)  # with the part redone, not the count


def test_a_pause_during_the_count_in_starts_it_again_in_full() -> None:
    engine, clock = make()
    at(engine, clock, 6.0)
    engine.pause()
    engine.resume(count_in=3)
    clock.advance(2)
    engine.pause()
    clock.advance(10)
    engine.resume(count_in=3)
    assert engine.state().count_in == 3.0
    assert engine.state().segment.rep == 1 and engine.state().remaining == 3.0


def test_a_hold_goes_on_where_it_stopped_after_the_count_in() -> None:
    plan = 'name = "H"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Plank"\nhold = 30\n'
    engine, clock = make(plan)
    at(engine, clock, 10.0)
    engine.pause()
    clock.advance(5)
    engine.resume(count_in=3)
    assert engine.state().remaining == 20.0 and engine.state().count_in == 3.0
    at(engine, clock, 17.0)
    assert engine.state().remaining == 20.0  # still counting in
    at(engine, clock, 18.0)
    assert engine.state().remaining == 20.0 and engine.state().count_in is None
    events = at(engine, clock, 38.0)
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.held, ended.outcome, ended.seconds) == (30.0, "done", 30.0)


def test_no_count_in_back_into_a_rest_or_with_none_asked() -> None:
    engine, clock = make()
    at(engine, clock, 17.0)  # in the rest
    engine.pause()
    engine.resume(count_in=3)
    assert engine.state().count_in is None and engine.state().remaining == 8.0
    at(engine, clock, 27.0)
    engine.pause()
    engine.resume()
    assert engine.state().count_in is None


def test_skip_during_the_count_in_counts_the_reps_before_and_ends_it() -> None:
    engine, clock = make()
    at(engine, clock, 12.0)  # rep 2
    engine.pause()
    engine.resume(count_in=3)
    events = engine.skip()
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.reps_done, ended.outcome) == (1, "partial")
    assert engine.state().segment.kind == "rest" and engine.state().count_in is None


# -- work started by a key counts in (docs/architecture.md, "Count-in") -----------------


def test_skip_out_of_a_rest_counts_in_before_the_set() -> None:
    engine, clock = make()
    at(engine, clock, 17.0)  # in the rest
    events = engine.skip(count_in=3)
    state = engine.state()
    assert (state.segment.kind, state.segment.set, state.segment.rep) == ("down", 2, 1)
    assert state.count_in == 3.0 and state.remaining == 3.0
    assert starts(events) == []  # the lowering is not cued yet
    assert [e.remaining for e in events if isinstance(e, CountdownBeep)] == [3]
    events = at(engine, clock, 20.0)
    assert starts(events) == [("down", 20.0, False)]
    events = at(engine, clock, 30.0)  # the whole set, timed from the end of the count-in
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.set, ended.reps_done, ended.seconds) == (2, 2, 10.0)


def test_back_to_a_sets_start_counts_in() -> None:
    engine, clock = make()
    at(engine, clock, 9.0)  # set 1, rep 1, 4 s in
    engine.back(count_in=3)
    state = engine.state()
    assert (state.segment.kind, state.segment.rep, state.count_in) == ("down", 1, 3.0)


def test_skip_into_a_rest_and_with_no_count_in_go_straight_on() -> None:
    engine, clock = make()
    at(engine, clock, 7.0)  # set 1
    engine.skip(count_in=3)
    assert engine.state().segment.kind == "rest" and engine.state().count_in is None
    engine.skip()  # no count-in asked: the set starts at once
    assert engine.state().segment.kind == "down" and engine.state().count_in is None


def test_skip_into_an_open_max_set_counts_in_before_go() -> None:
    plan = (
        'name = "M"\n[defaults]\nprepare = 5\n[[exercise]]\nname = "Test"\nreps = "max"\n'
        'tempo = "free"\n'
    )
    engine, clock = make(plan)
    at(engine, clock, 1.0)
    engine.skip(count_in=3)
    state = engine.state()
    assert (state.segment.kind, state.count_in, state.elapsed) == ("open", 3.0, 0.0)
    events = at(engine, clock, 4.0)
    assert starts(events) == [("open", 4.0, False)]
    clock.set(500.0 + 10.0)
    events = engine.done(reps=7)
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.reps_done, ended.seconds) == (7, 6.0)  # from GO, not from the key


def test_a_skipped_switch_counts_in_before_the_other_side() -> None:
    plan = (
        'name = "S"\n[defaults]\nprepare = 0\nswitch = 5\n[[exercise]]\nname = "Side plank"\n'
        "hold = 10\nper_side = true\n"
    )
    engine, clock = make(plan)
    at(engine, clock, 12.0)  # the switch
    assert engine.state().segment.kind == "switch"
    engine.skip(count_in=3)
    state = engine.state()
    assert (state.segment.kind, state.segment.side, state.count_in) == ("hold", "right", 3.0)
    assert state.remaining == 10.0


# -- paced max sets --------------------------------------------------------------------

PACED_MAX = (
    'name = "T"\n[defaults]\nprepare = 2\nrest = 30\ntempo = "3-1-1-0"\n'
    '[[exercise]]\nname = "Test"\nreps = "max"\n'
    '[[exercise]]\nname = "After"\nreps = 1\n'
)


def test_a_max_set_with_a_tempo_paces_and_counts_its_reps() -> None:
    engine, clock = make(PACED_MAX)
    events = at(engine, clock, 2.0)
    assert [(e.segment.kind, e.segment.rep) for e in events if isinstance(e, SegmentStarted)][
        -1
    ] == ("down", 1)
    state = engine.state()
    assert (state.segment.kind, state.segment.rep, state.remaining) == ("down", 1, 3.0)
    assert engine.segment.kind == "open"  # the set itself stays open-ended
    assert engine.next_deadline() == 503.0  # the lowering's first tick
    events = at(engine, clock, 2.0 + 5 * 3 + 3.5)  # 3 reps done, rep 4 at its bottom
    state = engine.state()
    assert (state.segment.kind, state.segment.rep) == ("bottom", 4)
    assert state.remaining == pytest.approx(0.5)
    phases = [(e.segment.kind, e.segment.rep) for e in events if isinstance(e, SegmentStarted)]
    assert phases[:3] == [("bottom", 1), ("up", 1), ("down", 2)]
    assert phases[-1] == ("bottom", 4)
    assert engine.reps_so_far() == 3
    assert state.remaining_total == 90 + 5  # the open set counts nothing: the rest, 1 rep


def test_done_ends_a_paced_max_set_at_the_key_with_the_count_given() -> None:
    engine, clock = make(PACED_MAX)
    at(engine, clock, 2.0 + 5 * 3 + 1.0)
    engine.pause()  # the question opens: nothing runs
    clock.advance(30)
    counted = engine.reps_so_far()
    assert counted == 3
    events = engine.done(reps=counted)
    (ended,) = [e for e in events if isinstance(e, SetEnded)]
    assert (ended.reps_done, ended.outcome, ended.seconds) == (3, "done", 16.0)
    assert engine.state().segment.kind == "rest"


def test_a_paced_max_set_resumes_its_rep_from_the_lowering() -> None:
    engine, clock = make(PACED_MAX)
    at(engine, clock, 2.0 + 5 + 2.0)  # rep 2, into its lowering
    engine.pause()
    clock.advance(10)
    engine.resume(count_in=3)
    state = engine.state()
    assert (state.segment.kind, state.segment.rep, state.count_in) == ("down", 2, 3.0)
    clock.advance(3)
    events = engine.update()
    assert [(e.segment.kind, e.segment.rep) for e in events if isinstance(e, SegmentStarted)] == [
        ("down", 2)
    ]
    assert engine.reps_so_far() == 1


def test_a_free_max_set_stays_open_and_unpaced() -> None:
    engine, clock = make(PACED_MAX.replace('reps = "max"', 'reps = "max"\ntempo = "free"'))
    at(engine, clock, 10.0)
    state = engine.state()
    assert (state.segment.kind, state.segment.rep) == ("open", None)
    assert engine.next_deadline() is None


def test_a_long_stall_in_a_paced_set_reports_only_the_last_reps() -> None:
    engine, clock = make(PACED_MAX)
    at(engine, clock, 2.5)
    events = at(engine, clock, 2.0 + 3600.0)
    assert len(events) <= 70  # a minute of cues at most, not an hour of them
    assert all(e.skipped for e in events if e.planned < 3600.0)
    assert engine.reps_so_far() == 720


def test_a_key_while_paused_counts_in_once_when_the_session_goes_on() -> None:
    plan = (
        'name = "M"\n[defaults]\nprepare = 5\n[[exercise]]\nname = "Test"\nreps = "max"\n'
        'tempo = "free"\n'
    )
    engine, clock = make(plan)
    at(engine, clock, 1.0)
    engine.pause()
    events = engine.skip(count_in=3)
    assert engine.state().count_in is None and engine.paused
    assert not [e for e in events if isinstance(e, (CountdownBeep, SegmentStarted))]
    clock.advance(10)
    events = engine.resume(count_in=3)
    assert engine.state().count_in == 3.0  # an open set too, as the key asked
    assert [e.remaining for e in events if isinstance(e, CountdownBeep)] == [3]
