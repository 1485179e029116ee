"""Plain line mode with a fake clock and scripted input: what a user reads, line by line."""

from __future__ import annotations

import io

from pushtimer.plain import PlainSession, stamp
from pushtimer.session.clock import FakeClock
from pushtimer.session.live import LiveSession
from tests.conftest import plan_from


class Script:
    """A waiter that types ``keys`` when the session time reaches ``at``, and otherwise
    jumps the fake clock straight to each deadline."""

    def __init__(self, clock: FakeClock, keys: list[tuple[float, bytes]]) -> None:
        self.clock = clock
        self.origin = clock.now()
        self.keys = sorted(keys)

    def __call__(self, deadline: float | None) -> bytes | None:
        if self.keys and (deadline is None or self.origin + self.keys[0][0] <= deadline):
            at, typed = self.keys.pop(0)
            self.clock.set(max(self.clock.now(), self.origin + at))
            return typed
        if deadline is None:
            return b""  # input has ended
        self.clock.set(deadline)
        return None


def session(
    text: str, keys: list[tuple[float, bytes]] | None = None, count_in: float = 0.0
) -> tuple[int, list[str]]:
    clock = FakeClock()
    out = io.StringIO()
    live = LiveSession(plan_from(text), 0, clock, count_in=count_in)
    code = PlainSession(live, out, Script(clock, keys or [])).run()
    return code, out.getvalue().splitlines()


QUICK = 'name = "Quick set"\n[defaults]\nprepare = 3\nrest = 5\n[[exercise]]\nname = "Quick set"\nsets = 2\nreps = 2\ntempo = "3-1-1-0"\n'


def test_stamp() -> None:
    assert (stamp(0), stamp(12.9999999), stamp(75), stamp(3601)) == (
        "00:00",
        "00:13",
        "01:15",
        "60:01",
    )


def test_a_whole_session_line_by_line() -> None:
    code, lines = session(QUICK)
    assert code == 0
    assert lines == [
        "00:00  Quick set  (0:28)",
        "00:00  GET READY 3s  first: Set 1/2 Quick set",
        "00:01  GET READY 2",
        "00:02  GET READY 1",
        "00:03  Set 1/2  Quick set  rep 1/2  DOWN 3s",
        "00:06  Set 1/2  Quick set  rep 1/2  BOTTOM 1s",
        "00:07  Set 1/2  Quick set  rep 1/2  UP 1s",
        "00:08  Set 1/2  Quick set  rep 2/2  DOWN 3s",
        "00:11  Set 1/2  Quick set  rep 2/2  BOTTOM 1s",
        "00:12  Set 1/2  Quick set  rep 2/2  UP 1s",
        "00:13  Done: Set 1/2 Quick set, 2 reps in 0:10",
        "00:13  REST 5s  next: Set 2/2 Quick set",
        "00:15  REST 3",
        "00:16  REST 2",
        "00:17  REST 1",
        "00:18  Set 2/2  Quick set  rep 1/2  DOWN 3s",
        "00:21  Set 2/2  Quick set  rep 1/2  BOTTOM 1s",
        "00:22  Set 2/2  Quick set  rep 1/2  UP 1s",
        "00:23  Set 2/2  Quick set  rep 2/2  DOWN 3s",
        "00:26  Set 2/2  Quick set  rep 2/2  BOTTOM 1s",
        "00:27  Set 2/2  Quick set  rep 2/2  UP 1s",
        "00:28  Done: Set 2/2 Quick set, 2 reps in 0:10",
        "00:28  Workout complete: 2 sets, 4 reps in 0:28",
    ]


def test_pause_resume_skip_and_quit_keys() -> None:
    keys = [(4.0, b" "), (10.0, b" "), (11.0, b"n"), (13.5, b"q"), (14.0, b"d")]
    code, lines = session(QUICK, keys)
    assert code == 0
    assert "00:04  PAUSED  (Enter or Space to go on)" in lines
    assert "00:10  RESUMED" in lines
    # Paused 6 s in the first lowering, so at 11 s it is still lowering (BOTTOM moved from
    # 6 s to 12 s); the skip ends the set with 2 s of it done and no whole rep.
    assert not any("BOTTOM" in line for line in lines)
    assert "00:11  Skipped: Set 1/2 Quick set, 0 of 2 reps in 0:02" in lines
    assert "00:11  REST 5s  next: Set 2/2 Quick set" in lines
    assert lines[-2:] == [
        "00:13  Stop? d: done for today  h: something hurts  any other key: go on",
        "00:14  Stopped: 0 of 2 sets done, 1 skipped; 0 of 4 reps in 0:07",
    ]


def test_q_then_another_key_goes_on_where_it_was() -> None:
    _, lines = session(QUICK, [(4.0, b"q"), (6.0, b"x")])
    assert lines[5:8] == [
        "00:04  Stop? d: done for today  h: something hurts  any other key: go on",
        "00:06  Going on: Set 1/2  Quick set  rep 1/2  DOWN 3s",
        "00:08  Set 1/2  Quick set  rep 1/2  BOTTOM 1s",  # the lowering had 2 s left
    ]
    assert lines[-1] == "00:30  Workout complete: 2 sets, 4 reps in 0:28"  # 2 s of question


def test_q_then_h_stops_with_the_advice_and_keeps_the_reps_done() -> None:
    _, lines = session(QUICK, [(9.0, b"q"), (9.5, b"h")])
    assert lines[-5:] == [
        "00:09  Partial: Set 1/2 Quick set, 1 of 2 reps in 0:06",
        "00:09  Stopped: 0 of 2 sets done, 1 partial; 1 of 4 reps in 0:09",
        "00:09  Stop now. Sharp pain is a signal, not a challenge: never push through it.",
        "00:09  Rest until it no longer hurts.",
        "00:09  Come back on an easier version, such as push-ups on your knees.",
    ]


def test_a_set_cut_short_says_how_far_it_got() -> None:
    _, lines = session(QUICK, [(9.0, b"n")])  # rep 2 of set 1: one rep completed
    assert "00:09  Partial: Set 1/2 Quick set, 1 of 2 reps in 0:06" in lines
    assert (
        lines[-1]
        == "00:24  Finished, not every set done: 1 of 2 sets done, 1 partial; 3 of 4 reps in 0:24"
    )


def test_max_set_takes_the_typed_count() -> None:
    text = (
        'name = "T"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Flying push-up"\nreps = "max"\n'
        'tempo = "free"\n'
    )
    code, lines = session(text, [(5.0, b"\n"), (9.0, b"14\n")])
    assert code == 0
    assert (
        lines[1]
        == "00:00  Set 1/1  Flying push-up  GO  as many reps as you can: type the count, then Enter"
    )
    assert "00:05  Type the number of reps you did (0 to 500). Then Enter." in lines
    assert lines[-2:] == [
        "00:09  Done: Set 1/1 Flying push-up, 14 reps in 0:09",
        "00:09  Workout complete: 1 set, 14 reps in 0:09",
    ]


def test_open_set_with_no_input_left_moves_on() -> None:
    text = 'name = "T"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Free"\nreps = 5\ntempo = "free"\n'
    code, lines = session(text)
    assert code == 0
    assert "00:00  No input: ending the open set." in lines
    assert lines[-2:] == [
        "00:00  Skipped: Set 1/1 Free, 0 of 5 reps in 0:00",
        "00:00  Finished, not every set done: 0 of 1 set done, 1 skipped; 0 of 5 reps in 0:00",
    ]


def test_a_max_count_must_be_ascii_digits_within_the_bound() -> None:
    text = (
        'name = "T"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Max"\nreps = "max"\n'
        'tempo = "free"\n'
    )
    typed = [(1.0, b"99999999999999999999\n"), (2.0, "\u0663\n".encode()), (3.0, b"501\n")]
    code, lines = session(text, [*typed, (4.0, b"12\x7f3\n")])
    assert code == 0
    assert lines.count("00:01  Type the number of reps you did (0 to 500). Then Enter.") == 1
    assert "00:03  Type the number of reps you did (0 to 500). Then Enter." in lines
    assert lines[-2] == "00:04  Done: Set 1/1 Max, 13 reps in 0:01"  # ended at the first digit


def test_per_side_hold_and_switch_lines() -> None:
    text = (
        'name = "T"\n[defaults]\nprepare = 0\nswitch = 4\n'
        '[[exercise]]\nname = "Side plank"\nhold = 5\nper_side = true\n'
    )
    _, lines = session(text)
    assert lines[1:6] == [
        "00:00  Set 1/1  Side plank  HOLD · LEFT 5s",
        "00:02  HOLD · LEFT 3",
        "00:03  HOLD · LEFT 2",
        "00:04  HOLD · LEFT 1",
        "00:05  Done: Set 1/1 left Side plank, held 5s of 5s in 0:05",
    ]
    assert "00:05  SWITCH → RIGHT 4s  next: Set 1/1 right Side plank" in lines
    assert "00:09  Set 1/1  Side plank  HOLD · RIGHT 5s" in lines


def test_rest_keys() -> None:
    _, lines = session(QUICK, [(14.0, b"+"), (15.0, b"-"), (16.0, b"-")])
    # +15 then -15 (5 s always stay) then -15 (under 5 s left: as it is): it ends at 20 s.
    assert "00:20  Set 2/2  Quick set  rep 1/2  DOWN 3s" in lines


def test_plus_and_minus_say_what_the_rest_is_now() -> None:
    _, lines = session(QUICK, [(14.0, b"+"), (15.0, b"-")])
    assert "00:14  REST +15s: 0:19 left" in lines
    assert "00:15  REST -13s: 0:05 left (a rest keeps its last 5 s)" in lines  # 18 s were left


def test_resuming_counts_in_and_says_the_rep_starts_again() -> None:
    # Paused at 7.5 s (rep 1, half a second into the bottom), resumed at 20 s.
    _, lines = session(QUICK, [(7.5, b" "), (20.0, b" ")], count_in=3)
    at = lines.index("00:20  RESUMED: rep 1 starts again from the lowering")
    assert lines[at + 1 : at + 5] == [
        "00:20  GET READY 3",
        "00:21  GET READY 2",
        "00:22  GET READY 1",
        "00:23  Set 1/2  Quick set  rep 1/2  DOWN 3s",
    ]


def test_digits_inside_an_escape_sequence_are_not_part_of_a_count() -> None:
    text = 'name = "T"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Max"\nreps = "max"\n'
    # Clear, a title, an arrow, C1's CSI as UTF-8 and as the raw byte: then 7.
    typed = b"\x1b[2J\x1b]2;T1\x07\x1bOA\xc2\x9b4m\x9b31m7\n"
    code, lines = session(text, [(3.0, typed)])
    assert code == 0
    assert lines[-2] == "00:03  Done: Set 1/1 Max, 7 reps in 0:03"


def test_a_paced_max_set_counts_and_enter_alone_gives_the_count() -> None:
    text = (
        'name = "T"\n[defaults]\nprepare = 0\ntempo = "1-0-1-0"\n[[exercise]]\n'
        'name = "Test"\nreps = "max"\n'
    )
    code, lines = session(text, [(7.0, b"\n")])
    assert code == 0
    assert lines[1] == (
        "00:00  Set 1/1  Test  rep 1  DOWN 1s  as many reps as you can, paced: Enter when you stop"
    )
    assert "00:06  Set 1/1  Test  rep 4  DOWN 1s" in lines
    assert lines[-2:] == [
        "00:07  Done: Set 1/1 Test, 3 reps in 0:07",
        "00:07  Workout complete: 1 set, 3 reps in 0:07",
    ]


def test_a_paced_max_set_takes_a_typed_count_instead() -> None:
    text = (
        'name = "T"\n[defaults]\nprepare = 0\ntempo = "1-0-1-0"\n[[exercise]]\n'
        'name = "Test"\nreps = "max"\n'
    )
    code, lines = session(text, [(7.0, b"5"), (17.0, b"\n")])  # ten seconds to type
    assert code == 0
    assert "00:07  COUNT: 5… then Enter (the set stands still meanwhile)" in lines
    assert not [line for line in lines if line.startswith(("00:08", "00:12"))]  # no reps
    assert lines[-2] == "00:17  Done: Set 1/1 Test, 5 reps in 0:07"  # timed to the first key
