"""Plain mode says only what happened (DESIGN section 16, "Small truths"): what + and -
really did to a rest, n and b at the edges and while paused, and the side in every line of
a per-side set. A fake clock and scripted keys, as in test_plain.py."""

from __future__ import annotations

import inspect
import io

import pytest

from pushtimer.plain import PlainSession
from pushtimer.plain.session import glyphs, rest_change
from pushtimer.session.clock import FakeClock
from pushtimer.session.engine import Engine
from pushtimer.session.live import LiveSession
from tests.conftest import plan_from
from tests.unit.test_plain import QUICK, Script, session

# Rest 60 s after set 1 (at 13 s, so until 73 s).
LONG_REST = QUICK.replace("rest = 5", "rest = 60")
# prepare 2, then per side: one 2-0-1-0 rep on the left, a 4 s switch, one on the right;
# a 20 s rest; set 2 the same.
PER_SIDE = (
    'name = "T"\n[defaults]\nprepare = 2\nswitch = 4\nrest = 20\n'
    '[[exercise]]\nname = "One-arm"\nsets = 2\nreps = 1\ntempo = "2-0-1-0"\nper_side = true\n'
)
PLANK = (
    'name = "T"\n[defaults]\nprepare = 0\nswitch = 4\n'
    '[[exercise]]\nname = "Side plank"\nhold = 5\nper_side = true\n'
)


def said(lines: list[str], start: str) -> list[str]:
    """The lines whose text (after the time) starts with ``start``."""
    return [line[7:] for line in lines if line[7:].startswith(start)]


# -- + and - -------------------------------------------------------------------------------


def test_minus_at_the_floor_says_the_rest_stays_and_changes_nothing() -> None:
    _, lines = session(QUICK, [(14.0, b"-")])  # the 5 s rest has 4 s left
    assert "00:14  REST stays at 0:04: a rest keeps its last 5 s" in lines
    assert not said(lines, "REST -")
    assert "00:18  Set 2/2  Quick set  rep 1/2  DOWN 3s" in lines  # on time, as planned


def test_minus_says_how_much_came_off() -> None:
    keys = [(14.0, b"-"), (15.0, b"-"), (16.0, b"-"), (17.0, b"-"), (18.0, b"-")]
    _, lines = session(LONG_REST, keys)
    assert said(lines, "REST ")[1:6] == [
        "REST -15s: 0:44 left",  # 59 s were left: a whole step
        "REST -15s: 0:28 left",
        "REST -15s: 0:12 left",
        "REST -6s: 0:05 left (a rest keeps its last 5 s)",  # 11 s were left
        "REST stays at 0:04: a rest keeps its last 5 s",
    ]
    assert "00:22  Set 2/2  Quick set  rep 1/2  DOWN 3s" in lines


def test_plus_has_no_cap_and_each_says_15_s() -> None:
    _, lines = session(QUICK, [(14.0, b"++++")])
    assert said(lines, "REST +") == [
        "REST +15s: 0:19 left",
        "REST +15s: 0:34 left",
        "REST +15s: 0:49 left",
        "REST +15s: 1:04 left",
    ]
    assert "01:18  Set 2/2  Quick set  rep 1/2  DOWN 3s" in lines


def test_plus_and_minus_outside_a_rest_change_nothing_and_say_nothing() -> None:
    _, quiet = session(QUICK)
    _, lines = session(QUICK, [(1.0, b"+"), (5.0, b"-"), (20.0, b"+-")])
    assert lines == quiet


def test_a_rest_that_ended_before_the_key_is_not_said_to_change() -> None:
    # The key comes with the rest's end: the set starts, the key does nothing.
    _, lines = session(QUICK, [(18.0, b"-")])
    assert not said(lines, "REST -") and not said(lines, "REST stays")
    assert "00:18  Set 2/2  Quick set  rep 1/2  DOWN 3s" in lines


def test_rest_change_rounds_to_whole_seconds_and_says_why_less_came_off() -> None:
    assert rest_change(15.0, 19.0) == "REST +15s: 0:19 left"
    assert rest_change(-15.0, 44.0) == "REST -15s: 0:44 left"
    assert rest_change(-14.6, 5.0) == "REST -15s: 0:05 left (a rest keeps its last 5 s)"
    assert rest_change(-0.3, 5.0) == "REST stays at 0:05: a rest keeps its last 5 s"
    assert rest_change(0.0, 3.6) == "REST stays at 0:04: a rest keeps its last 5 s"


# -- n and b -------------------------------------------------------------------------------


def test_a_beep_says_the_word_of_its_own_segment_when_a_key_moves_on() -> None:
    # n at 1 s, the moment of the get-ready's "2": that beep is the get-ready's, not DOWN's.
    _, lines = session(QUICK, [(1.0, b"n")])
    assert lines[2:4] == ["00:01  GET READY 2", "00:01  Set 1/2  Quick set  rep 1/2  DOWN 3s"]
    assert not said(lines, "DOWN ")


def test_back_at_the_first_step_says_it_begins_again() -> None:
    _, lines = session(QUICK, [(0.5, b"b")])
    assert lines[1:4] == [
        "00:00  GET READY 3s  first: Set 1/2 Quick set",
        "00:00  BACK: nothing comes before the first step; it begins again",
        "00:00  GET READY 3s  first: Set 1/2 Quick set",
    ]


def test_back_elsewhere_needs_no_word_of_its_own() -> None:
    _, lines = session(QUICK, [(9.5, b"b")])  # set 1, rep 2: the set starts again
    assert not said(lines, "BACK")
    assert lines[8:10] == [
        "00:09  Partial: Set 1/2 Quick set, 1 of 2 reps in 0:06",
        "00:09  Set 1/2  Quick set  rep 1/2  DOWN 3s",
    ]


def test_n_at_the_last_set_says_the_workout_ended_with_it_skipped() -> None:
    _, lines = session(QUICK, [(20.0, b"n"), (21.0, b"n")])
    assert lines[-2:] == [
        "00:20  Skipped: Set 2/2 Quick set, 0 of 2 reps in 0:02",
        "00:20  Finished, not every set done: 1 of 2 sets done, 1 skipped; 2 of 4 reps in 0:20",
    ]


def test_n_and_b_while_paused_say_it_is_still_paused() -> None:
    _, lines = session(QUICK, [(5.0, b" "), (6.0, b"b"), (7.0, b" ")])
    assert lines[5:9] == [
        "00:05  PAUSED  (Enter or Space to go on)",
        "00:05  Set 1/2  Quick set  rep 1/2  DOWN 3s",
        "00:06  Still PAUSED  (Enter or Space to go on)",
        "00:07  RESUMED",
    ]
    _, lines = session(QUICK, [(15.0, b" "), (16.0, b"n"), (17.0, b" ")])
    assert [line[7:] for line in lines[14:17]] == [
        "Set 2/2  Quick set  rep 1/2  DOWN 3s",  # (stamped as of the pause)
        "Still PAUSED  (Enter or Space to go on)",
        "RESUMED",
    ]


@pytest.mark.skipif(
    "count_in" not in inspect.signature(Engine.skip).parameters,
    reason="needs the engine's count-in after n and b (DESIGN section 16)",
)
def test_work_a_key_starts_is_named_before_its_count_in() -> None:
    _, lines = session(QUICK, [(14.0, b"n")], count_in=3)
    assert lines[12:17] == [
        "00:14  GET READY 3s  next: Set 2/2 Quick set",
        "00:14  GET READY 3",
        "00:15  GET READY 2",
        "00:16  GET READY 1",
        "00:17  Set 2/2  Quick set  rep 1/2  DOWN 3s",
    ]
    _, lines = session(PLANK, [(6.0, b"n")], count_in=3)  # in the switch
    assert said(lines, "GET READY") == [
        "GET READY · RIGHT 3s  next: Set 1/1 right Side plank",
        "GET READY · RIGHT 3",
        "GET READY · RIGHT 2",
        "GET READY · RIGHT 1",
    ]


# -- the side ------------------------------------------------------------------------------


def test_every_line_of_a_per_side_set_says_the_side() -> None:
    _, lines = session(PER_SIDE)
    assert lines[:15] == [
        "00:00  T  (0:42)",
        "00:00  GET READY 2s  first: Set 1/2 left One-arm",
        "00:01  GET READY 1",
        "00:02  Set 1/2  One-arm  rep 1/1  DOWN · LEFT 2s",
        "00:04  Set 1/2  One-arm  rep 1/1  UP · LEFT 1s",
        "00:05  Done: Set 1/2 left One-arm, 1 rep in 0:03",
        "00:05  SWITCH → RIGHT 4s  next: Set 1/2 right One-arm",
        "00:06  SWITCH → RIGHT 3",
        "00:07  SWITCH → RIGHT 2",
        "00:08  SWITCH → RIGHT 1",
        "00:09  Set 1/2  One-arm  rep 1/1  DOWN · RIGHT 2s",
        "00:11  Set 1/2  One-arm  rep 1/1  UP · RIGHT 1s",
        "00:12  Done: Set 1/2 right One-arm, 1 rep in 0:03",
        "00:12  REST 20s  next: Set 2/2 left One-arm",
        "00:29  REST 3",
    ]


def test_a_hold_and_its_count_in_say_the_side() -> None:
    _, lines = session(PLANK, [(2.5, b" "), (4.0, b" ")], count_in=3)
    assert lines[1:9] == [
        "00:00  Set 1/1  Side plank  HOLD · LEFT 5s",
        "00:02  HOLD · LEFT 3",
        "00:02  PAUSED  (Enter or Space to go on)",
        "00:04  RESUMED: left side, the hold goes on after the count",
        "00:04  GET READY · LEFT 3",
        "00:05  GET READY · LEFT 2",
        "00:06  GET READY · LEFT 1",
        "00:07  Set 1/1  Side plank  HOLD · LEFT 5s",
    ]


def test_a_rep_that_starts_again_says_its_side() -> None:
    _, lines = session(PER_SIDE, [(9.5, b" "), (10.0, b" ")], count_in=3)
    assert "00:10  RESUMED: right side, rep 1 starts again from the lowering" in lines
    assert "00:10  GET READY · RIGHT 3" in lines


def test_sets_without_sides_keep_their_lines() -> None:
    _, lines = session(QUICK)
    assert not [line for line in lines if "·" in line or "→" in line or "left" in line]


def test_an_output_that_cannot_show_the_dot_and_arrow_gets_ascii() -> None:
    assert glyphs(io.StringIO()) == ("·", "→")
    assert glyphs(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) == ("·", "→")
    assert glyphs(io.TextIOWrapper(io.BytesIO(), encoding="cp1252")) == ("-", "->")
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii", write_through=True)
    clock = FakeClock()
    live = LiveSession(plan_from(PLANK), 0, clock)
    PlainSession(live, out, Script(clock, [])).run()
    lines = raw.getvalue().decode("ascii").splitlines()
    assert "00:00  Set 1/1  Side plank  HOLD - LEFT 5s" in lines
    assert "00:05  SWITCH -> RIGHT 4s  next: Set 1/1 right Side plank" in lines
    assert "00:09  Set 1/1  Side plank  HOLD - RIGHT 5s" in lines
