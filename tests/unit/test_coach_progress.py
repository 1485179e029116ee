"""``pushtimer progress`` per exercise, from a real history file: two exercises of one name
in a workout are one line with a target each; a session's figure counts every rep done,
its records what each set ended with."""

from __future__ import annotations

from pathlib import Path

from pushtimer.coach.progress import ExerciseProgress, as_json, progress_report
from pushtimer.coach.records import Records
from pushtimer.coach.targets import coach
from pushtimer.history.store import HistoryStore
from pushtimer.plan import load_plan_text
from tests.coach_history import Done, record

FILE = "/plans/ladder.toml"
LADDER = load_plan_text(
    """
name = "Ladder"
[[workout]]
name = "Day 1"
[[workout.exercise]]
name = "Push"
sets = 2
reps = 7
progress = { add = 1, up_to = 9 }
[[workout.exercise]]
name = "Push"
reps = 3
progress = { add = 1, up_to = 5 }
""",
    FILE,
)


def _report(folder: Path, *sessions: dict[int, list[Done]]) -> list[ExerciseProgress]:
    for day, reps in enumerate(sessions, start=1):
        record(folder, LADDER, FILE, day, reps)
    store = HistoryStore(folder)
    rows = store.sessions()
    store.close()
    return progress_report(rows, [coach(LADDER, rows, FILE)])


def test_two_exercises_of_one_name_are_one_line_with_a_target_each(tmp_path: Path) -> None:
    (push,) = _report(tmp_path, {0: [7, 7], 1: [2]})
    assert [(t.where, t.target.value) for t in push.targets] == [
        ("Day 1", 8),  # met
        ("Day 1, 2nd Push", 3),  # missed once
    ]
    (session,) = push.sessions
    assert (session.sets_done, session.sets, session.reps) == (2, 3, 16)
    assert [t["number"] for t in as_json([push])["exercises"][0]["targets"]] == [1, 2]


def test_a_session_counts_every_rep_done_and_its_records_what_each_set_ended_with(
    tmp_path: Path,
) -> None:
    # Set 1 gone back to after 2 reps, then done: 2 + 7 + 7 reps done; the sets ended with
    # 7 and 7.
    (push,) = _report(tmp_path, {0: [(2, 7), 7]})
    (session,) = push.sessions
    assert (session.sets_done, session.sets, session.reps) == (2, 2, 16)
    assert push.records == Records(set=7, session=14)
