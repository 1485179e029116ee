"""What a session got done, counted by outcome: the summary's numbers and its one line."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from pushtimer.coach.progress import progress_report
from pushtimer.history.recorder import set_row
from pushtimer.history.report import as_csv, as_json
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead
from pushtimer.session.clock import FakeClock
from pushtimer.session.live import LiveSession
from pushtimer.session.tally import Counts, headline, set_outcome, sets_line
from tests.conftest import plan_from
from tests.unit.test_readout import PLAN as READOUT_PLAN

# Push 2x3 at 3-1-1-0, a "max" set, a per-side 20 s plank; prepare 5, rest 30.
PLAN = READOUT_PLAN


def test_a_redone_set_counts_by_its_last_run_and_skips_are_said() -> None:
    clock = FakeClock()
    session = LiveSession(PLAN, 0, clock)
    session.skip()  # prepare
    clock.advance(7)  # into rep 2 of set 1
    session.skip()  # set 1 ends with 1 rep: partial
    session.back()  # within 2 s of the rest's start: set 1 again
    clock.advance(15)
    session.update()  # set 1 done in full this time
    session.skip()  # the rest
    session.skip()  # set 2, before any rep: skipped
    while session.engine.segment.kind != "open":
        session.skip()
    session.done(12)
    while not session.engine.finished:
        session.skip()  # both sides of the plank: nothing held
    assert [e.outcome for e in session.ended] == [
        "partial", "done", "skipped", "done", "skipped", "skipped"
    ]  # fmt: skip
    counts = {row.name: row.counts for row in session.tally().exercises}
    # 1 rep before going back, then 3: all 4 were done, as the history counts them too
    assert (counts["Push"].done, counts["Push"].skipped, counts["Push"].reps) == (1, 1, 4)
    assert (counts["Max"].done, counts["Max"].reps) == (1, 12)
    assert (counts["Side plank"].skipped, counts["Side plank"].held) == (1, 0.0)
    assert session.outcome() == (
        "Finished, not every set done: 2 of 4 sets done, 2 skipped; 16 reps; held 0s of 40s in 0:22"
    )


def test_every_set_done_is_workout_complete() -> None:
    clock = FakeClock()
    plan = plan_from('name = "Q"\n[defaults]\nprepare = 0\n[[exercise]]\nname = "Q"\nreps = 2\n')
    session = LiveSession(plan, 0, clock)
    clock.advance(10)
    session.update()
    assert headline(session.tally(), session.finish) == "Workout complete"
    assert session.outcome() == "Workout complete: 1 set, 2 reps in 0:10"


def test_a_session_stopped_in_the_get_ready_did_nothing() -> None:
    clock = FakeClock()
    session = LiveSession(PLAN, 0, clock)
    clock.advance(2)
    session.stop("quit")
    assert session.ended == []
    assert session.outcome() == "Stopped: 0 of 4 sets done; held 0s of 40s in 0:02"


def test_a_per_side_set_is_done_only_with_both_sides() -> None:
    assert set_outcome(["done", "done"], per_side=True) == "done"
    assert set_outcome(["done"], per_side=True) == "partial"  # stopped in the switch
    assert set_outcome(["done", "skipped"], per_side=True) == "partial"
    assert set_outcome(["skipped", "skipped"], per_side=True) == "skipped"
    assert set_outcome(["skipped"], per_side=False) == "skipped"


def test_sets_line_leaves_out_what_is_zero() -> None:
    counts = Counts(sets_planned=7, done=3, partial=1, reps=40, reps_target=84)
    assert sets_line(counts) == "3 of 7 sets done, 1 partial; 40 of 84 reps"


def test_a_muted_session_hands_no_cue_to_the_sound_but_still_records() -> None:
    clock = FakeClock()
    heard: list[object] = []
    recorded: list[object] = []
    session = LiveSession(
        PLAN,
        0,
        clock,
        listeners=[lambda e, _t: recorded.append(e)],
        sound=lambda e, _t: heard.append(e),
    )
    session.update()
    assert len(heard) == len(recorded) == 1
    assert session.toggle_mute() is True
    clock.advance(10)
    session.update()
    assert len(heard) == 1 and len(recorded) > 1
    assert session.toggle_mute() is False
    clock.advance(1)
    session.update()
    assert len(heard) > 1


HOLDS = plan_from(
    'name = "Holds"\n[defaults]\nprepare = 0\nrest = 10\n'
    '[[exercise]]\nname = "Plank"\nsets = 2\nhold = 20\n'
)


def test_a_hold_skipped_in_its_first_second_held_nothing_in_the_summary_export_and_progress(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    session = LiveSession(HOLDS, 0, clock)
    clock.advance(0.8)
    session.skip()  # set 1, 0.8 s in: skipped (a hold is partial from its first second)
    session.skip()  # the rest
    clock.advance(20)
    session.update()  # set 2 held in full
    held = [(e.outcome, round(e.held or 0.0, 3)) for e in session.ended]
    assert held == [("skipped", 0.8), ("done", 20.0)]  # what the engine saw
    # The summary
    assert session.tally().total.held == 20.0
    assert session.outcome().startswith("Finished, not every set done: 1 of 2 sets done")
    assert "held 20s of 40s" in session.outcome()  # not 21s: 20.8 rounded
    # The export, from a real history as the recorder writes it
    store = HistoryStore(tmp_path)
    head = SessionHead("holds.toml", "Holds", 0, "Holds", None, None, "2026-11-20T08:00:00+00:00")
    written = store.start_session(head)
    for ended in session.ended:
        store.add_set(written, set_row(ended, "2026-11-20T08:01:00+00:00"))
    store.end_session(written, SessionEnd(True, 31.0, None, "2026-11-20T08:01:00+00:00"))
    rows = store.sessions()
    store.close()
    exported = list(csv.DictReader(io.StringIO(as_csv(rows))))
    assert [r["held_seconds"] for r in exported] == ["0.0", "20.0"]
    document = as_json(rows, date(2026, 11, 20))
    assert [s["held_seconds"] for s in document["sessions"][0]["sets"]] == [0.0, 20.0]
    # Progress: the session's longest hold and the record
    (plank,) = progress_report(rows, [])
    assert (plank.sessions[0].held, plank.records.hold) == (20, 20)
