"""The coach from the command line, on a real history file: targets move by the rules in
``show --json``, ``show``, ``plans`` and ``validate``; ``progress`` draws its chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.plan import load_plan
from tests.coach_history import record

PLAN_TEXT = """
name = "Coach test"
[defaults]
prepare = 5
rest = 30
[[workout]]
name = "Day A"
[[workout.exercise]]
name = "Wide push-up"
sets = 2
reps = 10
progress = { add = 1, up_to = 12, then = "Arched push-up" }
[[workout.exercise]]
name = "Plank"
hold = 20
progress = { add = "5s", up_to = "30s" }
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "coach.toml"
    path.write_text(PLAN_TEXT)
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


def targets(plan_file: Path, data: Path) -> list[tuple[str, int]]:
    code, out, _ = run("show", str(plan_file), "--json", "--data-dir", str(data))
    assert code == 0
    found = json.loads(out)["workouts"][0]["targets"]
    return [(t["exercise"], t["target"]) for t in found]


def test_met_met_missed_missed_pain_moves_the_targets_by_the_rules(
    plan_file: Path, tmp_path: Path
) -> None:
    data, plan, source = tmp_path / "data", load_plan(plan_file), str(plan_file)
    # (day, push-ups done per set, plank held, the targets the session ran at, pain)
    sessions = [
        (1, [10, 10], [20], {}, False),  # met
        (3, [11, 11], [25], {"Wide push-up": 11, "Plank": 25}, False),  # met
        (5, [12, 9], [30], {"Wide push-up": 12, "Plank": 30}, False),  # push-ups missed
        (8, [12, 7], [12], {"Wide push-up": 12, "Plank": 30}, False),  # both missed
        (10, [4], [], {"Wide push-up": 11}, True),  # stopped: it hurt
    ]
    seen = [targets(plan_file, data)]
    for day, reps, held, ran_at, pain in sessions:
        done = {"Wide push-up": reps, "Plank": held} if held else {"Wide push-up": reps}
        record(data, plan, source, day, done, pain=pain, targets=ran_at)
        seen.append(targets(plan_file, data))
    assert [dict(s)["Wide push-up"] for s in seen] == [10, 11, 12, 12, 11, 10]
    assert [dict(s)["Plank"] for s in seen] == [20, 25, 30, 30, 30, 30]


def test_show_marks_a_moved_target_and_says_why(plan_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    record(data, load_plan(plan_file), str(plan_file), 20, {"Wide push-up": [10, 10]})
    code, out, _ = run("show", str(plan_file), "--data-dir", str(data))
    assert code == 0
    assert "Wide push-up: 2 x 11 reps (+1), tempo 3-1-1-0" in out
    assert "target 10 -> 11 reps: met 10 reps on 2026-11-20: up to 11 reps" in out
    assert "Set 1/2: 11 reps" in out


def test_validate_totals_are_those_of_the_targets_in_effect(
    plan_file: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _, before, _ = run("validate", str(plan_file), "--data-dir", str(data))
    record(data, load_plan(plan_file), str(plan_file), 20, {"Wide push-up": [10, 10]})
    _, after, _ = run("validate", str(plan_file), "--data-dir", str(data))
    # 5 s to get ready, 2 sets of 10 five-second reps, 30 s between them, 90 s before a
    # 20-second plank: 4:05; then two sets of one more rep.
    assert before.strip().endswith("(4:05)")
    assert after.strip().endswith("(4:15)")


def test_progress_prints_target_records_and_a_chart(plan_file: Path, tmp_path: Path) -> None:
    data, plan, source = tmp_path / "data", load_plan(plan_file), str(plan_file)
    record(data, plan, source, 1, {"Wide push-up": [10, 10], "Plank": [20]})
    record(
        data,
        plan,
        source,
        3,
        {"Wide push-up": [11, 11], "Plank": [25]},
        targets={"Wide push-up": 11, "Plank": 25},
    )
    code, out, _ = run("progress", "wide", "--data-dir", str(data))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Wide push-up (Coach test)"
    assert lines[1] == "  target now: 2x12 (+2) in Day A"
    assert lines[2] == "    met 11 reps on 2026-11-03: up to 12 reps"
    assert "     3 Nov  2 sets done, 22 reps" in lines
    assert "  records: most reps in a set: 11; most reps in a session: 22" in lines
    assert any("reps per session" in line for line in lines)
    assert any("●" in line for line in lines) and "Plank" not in out


def test_progress_json(plan_file: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    record(data, load_plan(plan_file), str(plan_file), 1, {"Wide push-up": [10, 10], "Plank": [20]})
    code, out, _ = run("progress", "--json", "--data-dir", str(data))
    assert code == 0
    document = json.loads(out)
    names = [e["name"] for e in document["exercises"]]
    assert names == ["Plank", "Wide push-up"]  # the one done last first
    plank = document["exercises"][0]
    assert plank["unit"] == "seconds"
    assert plank["targets"][0] | {"why": ""} == {
        "plan": "Coach test",
        "workout": "Day A",
        "number": 2,  # the exercise's place in the workout, as in show --json
        "planned": 20,
        "target": 25,
        "up_to": 30,
        "then": None,
        "why": "",
    }
    assert plank["records"]["longest_hold_seconds"] == 20
    assert plank["sessions"][0]["longest_hold_seconds"] == 20


def test_progress_of_an_unknown_exercise_lists_the_known_ones(
    tmp_path: Path, plan_file: Path
) -> None:
    data = tmp_path / "data"
    record(data, load_plan(plan_file), str(plan_file), 1, {"Wide push-up": [10, 10]})
    code, _, err = run("progress", "dips", "--data-dir", str(data))
    assert code == 2
    assert (
        err.strip()
        == "pushtimer: no exercise 'dips' in your history (it has: Wide push-up (Coach test))"
    )


def test_progress_with_no_history_says_so(tmp_path: Path) -> None:
    code, out, _ = run("progress", "--data-dir", str(tmp_path / "none"))
    assert code == 0 and out == "No sessions yet: progress shows once you have trained.\n"
    assert not (tmp_path / "none").exists()  # reading never makes a history


def test_plans_lists_the_targets_that_moved(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shipped = Path(__file__).resolve().parents[2] / "plans" / "back-week.toml"
    record(data, load_plan(shipped), str(shipped), 20, {"Wide push-up": [12] * 4})
    code, out, _ = run("plans", "--data-dir", str(data))
    assert code == 0
    assert "targets: Wide push-up 4x13 (+1)" in [line.strip() for line in out.splitlines()]


def test_an_unreadable_history_leaves_the_targets_as_planned(
    plan_file: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    code, out, err = run("show", str(plan_file), "--json", "--data-dir", str(data))
    assert code == 0
    assert json.loads(out)["workouts"][0]["targets"][0]["target"] == 10
    assert "targets as planned" in err


def test_validate_reads_the_history_once_for_every_plan_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    code, out, err = run("validate", "back-week", "beginner", "--data-dir", str(data))
    assert code == 0 and out.count(": ok,") == 2
    assert err.count("targets as planned") == 1
