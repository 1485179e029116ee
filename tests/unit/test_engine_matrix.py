"""Every operation at the start, middle and end of every kind of segment."""

from __future__ import annotations

import pytest

from pushtimer.session.clock import FakeClock
from pushtimer.session.engine import BACK_WINDOW, Engine
from pushtimer.session.events import SegmentStarted, SetEnded, WorkoutFinished
from pushtimer.session.timeline import build_timeline
from tests.conftest import plan_from

PLAN = plan_from(
    """
name = "Every kind"
[defaults]
prepare = 6
rest = 8
switch = 6
[[exercise]]
name = "Tempo"
sets = 2
reps = 1
tempo = "4-2-2-2"
[[exercise]]
name = "Hold"
hold = 6
per_side = true
rest_after = 8
[[exercise]]
name = "Max"
reps = "max"
tempo = "free"
"""
)
TIMELINE = build_timeline(PLAN.workouts[0], PLAN.defaults)
STEPS = list(TIMELINE.steps())
KINDS = ["prepare", "down", "bottom", "up", "top", "rest", "hold", "switch", "open"]
OPERATIONS = ["pause", "skip", "back", "rest+", "rest-", "done", "quit"]


def step_of(index: int) -> int:
    return next(n for n, step in enumerate(STEPS) if step.first <= index < step.last)


def engine_at(kind: str, where: str) -> tuple[Engine, FakeClock, int]:
    """An engine in the first segment of ``kind``, at its start, middle or end."""
    index = next(i for i, s in enumerate(TIMELINE.segments) if s.kind == kind)
    segment = TIMELINE.segments[index]
    clock = FakeClock(start=0.0)
    engine = Engine(TIMELINE, clock)
    engine.update()
    while engine.state().index != index:  # walk there the way a session would
        if engine.segment.kind == "open":
            engine.done(3)
        else:
            deadline = engine.next_deadline()
            assert deadline is not None
            clock.set(deadline)
            engine.update()
    length = segment.duration or 10
    offset = {"start": 0.0, "middle": length / 2, "end": length - 0.01}[where]
    clock.advance(offset)
    engine.update()
    assert engine.state().index == index
    return engine, clock, index


def expected_early_end(kind: str, elapsed: float) -> list[str]:
    """What a set side ended before its end counts as: every rep here is the set's first
    and only one (not completed until its last phase ends), and a hold is partial after
    a second held. Nothing is reported outside a set."""
    if kind in ("prepare", "rest", "switch"):
        return []
    if kind == "hold":
        return ["partial" if elapsed >= 1 else "skipped"]
    return ["skipped"]


@pytest.mark.parametrize("operation", OPERATIONS)
@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("kind", KINDS)
def test_operation(kind: str, where: str, operation: str) -> None:
    engine, clock, index = engine_at(kind, where)
    before = engine.state()
    now = clock.now()
    step = STEPS[step_of(index)]

    if operation == "pause":
        engine.pause()
        clock.advance(100)
        assert engine.update() == [] and engine.next_deadline() is None
        assert engine.state().index == index and engine.state().remaining == before.remaining
        engine.resume()
        assert engine.state().remaining == pytest.approx(before.remaining)

    elif operation == "skip":
        events = engine.skip()
        ended = [e for e in events if isinstance(e, SetEnded)]
        assert [e.outcome for e in ended] == expected_early_end(kind, before.elapsed)
        if step.last == len(TIMELINE.segments):
            assert isinstance(events[-1], WorkoutFinished)
        else:
            assert engine.state().index == step.last and engine.state().elapsed == 0
            assert events[-1] == SegmentStarted(step.last, TIMELINE.segments[step.last], now)

    elif operation == "back":
        engine.back()
        first = TIMELINE.segments[step.first]
        in_step = TIMELINE.segments[index].start - first.start + before.elapsed
        target = (
            step_of(index) - 1 if in_step < BACK_WINDOW and step_of(index) > 0 else step_of(index)
        )
        assert engine.state().index == STEPS[target].first
        assert engine.state().elapsed == 0 and not engine.finished

    elif operation in ("rest+", "rest-"):
        engine.adjust_rest(15 if operation == "rest+" else -15)
        after = engine.state()
        if kind != "rest":
            assert (after.index, after.remaining) == (index, before.remaining)
        elif operation == "rest+":
            assert after.remaining == pytest.approx((before.remaining or 0) + 15)
        else:  # never below 5 s left; a rest already shorter stays as it is
            assert after.index == index
            expected = min(before.remaining or 0, max((before.remaining or 0) - 15, 5))
            assert after.remaining == pytest.approx(expected)

    elif operation == "done":
        if kind == "open":
            events = engine.done(9)
            assert [e.reps_done for e in events if isinstance(e, SetEnded)] == [9]
            assert isinstance(events[-1], WorkoutFinished)  # it is the last segment
        else:
            assert engine.done(9) == []
            assert engine.state().index == index

    elif operation == "quit":
        events = engine.quit()
        ended = [e for e in events if isinstance(e, SetEnded)]
        assert [e.outcome for e in ended] == expected_early_end(kind, before.elapsed)
        assert [type(e) for e in events] == [SetEnded] * len(ended) + [WorkoutFinished]
        assert events[-1] == WorkoutFinished(False, now, now, "quit") and engine.finished
