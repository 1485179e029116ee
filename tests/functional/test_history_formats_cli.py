"""`pushtimer history --format strong|openweight` as a user runs it: Strong's header and a
row per set done or partial, openweight logs valid against its schema, --since, the old
--csv and --json kept (and as --format csv|json), and one format at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from pushtimer.cli import cli
from tests.unit.test_history_formats import SCHEMA, STRONG_HEADER, record

PLAN = """
name = "Push plan"
[defaults]
tempo = "3-1-1-0"
rest = 60
[[workout]]
name = "Day A"
[[workout.exercise]]
name = "Push-ups"
sets = 2
reps = 10
[[workout.exercise]]
name = "Plank"
hold = 40
"""


def run(*args: str, data: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Three sessions of a plan file that still loads: on the 20th (a set done, one
    partial, a hold held 25 s of 40), the 21st (only skipped) and the 22nd (one done,
    under a hostile plan name)."""
    plan_file = tmp_path / "push.toml"
    plan_file.write_text(PLAN, encoding="utf-8")
    days = {
        "2026-11-20": (
            "Push plan",
            [
                (0, "Push-ups", 1, "10", 10, None, None, "done"),
                (0, "Push-ups", 2, "10", 4, None, None, "partial"),
                (1, "Plank", 1, None, None, 40, 25.0, "partial"),
            ],
        ),
        "2026-11-21": ("Push plan", [(0, "Push-ups", 1, "10", 0, None, None, "skipped")]),
        "2026-11-22": ("=HYPERLINK(\x1b)", [(0, "@Push-ups", 1, "10", 10, None, None, "done")]),
    }
    for day, (name, sets) in days.items():
        record(tmp_path, sets, f"{day}T18:30:00+01:00", name, "Day A", 3900.0, str(plan_file))
    return tmp_path


def test_strong_csv(data: Path) -> None:
    code, out, err = run("history", "--format", "strong", data=data)
    assert code == 0 and not err
    lines = out.splitlines()
    assert lines[0] == STRONG_HEADER
    assert lines[1:] == [
        "2026-11-20 18:30:00,Push plan - Day A,1h 5m,Push-ups,1,0,10,0,0,"
        '"done, tempo 3-1-1-0",complete,',
        "2026-11-20 18:30:00,Push plan - Day A,1h 5m,Push-ups,2,0,4,0,0,"
        '"partial, tempo 3-1-1-0",complete,',
        "2026-11-20 18:30:00,Push plan - Day A,1h 5m,Plank,1,0,0,0,25,partial,complete,",
        "2026-11-22 18:30:00,'=HYPERLINK(\\x1b) - Day A,1h 5m,'@Push-ups,1,0,10,0,0,done,complete,",
    ]


def test_strong_since(data: Path) -> None:
    code, out, _ = run("history", "--format", "strong", "--since", "2026-11-21", data=data)
    assert code == 0
    assert [line[:10] for line in out.splitlines()[1:]] == ["2026-11-22"]
    code, out, _ = run("history", "--format", "strong", "--since", "2030-01-01", data=data)
    assert code == 0 and out == STRONG_HEADER + "\n"


def test_openweight(data: Path) -> None:
    code, out, err = run("history", "--format", "openweight", data=data)
    assert code == 0 and not err
    logs = json.loads(out)
    validator = Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for log in logs:
        assert not list(validator.iter_errors(log))
    assert [log["date"] for log in logs] == [
        "2026-11-20T18:30:00+01:00",
        "2026-11-22T18:30:00+01:00",
    ]
    push, plank = logs[0]["exercises"]
    assert push["sets"][0]["restSeconds"] == 60
    assert push["sets"][1] == {
        "reps": 4,
        "targetReps": 10,
        "tempo": "3-1-1-0",
        "restSeconds": 90,  # the last set: the default rest between exercises
        "notes": "partial: ended early",
    }
    assert plank["sets"] == [
        {"durationSeconds": 25, "restSeconds": 0, "notes": "partial: ended early"}
    ]
    assert logs[1]["name"] == "=HYPERLINK(\x1b) - Day A"  # JSON keeps the text, escaped
    assert "\x1b" not in out
    code, out, _ = run("history", "--format", "openweight", "--since", "2026-11-21", data=data)
    assert [log["date"][:10] for log in json.loads(out)] == ["2026-11-22"]


def test_empty_history(tmp_path: Path) -> None:
    assert run("history", "--format", "strong", data=tmp_path) == (0, STRONG_HEADER + "\n", "")
    code, out, _ = run("history", "--format", "openweight", data=tmp_path)
    assert code == 0 and json.loads(out) == []


def test_csv_and_json_stay_and_are_formats_too(data: Path) -> None:
    assert run("history", "--csv", data=data) == run("history", "--format", "csv", data=data)
    assert run("history", "--json", data=data) == run("history", "--format", "json", data=data)
    assert run("history", "--csv", data=data)[1].startswith("session,started,plan,")


def test_one_format_at_a_time(data: Path) -> None:
    code, _, err = run("history", "--csv", "--format", "strong", data=data)
    assert code == 2 and "choose one of --csv, --json and --format" in err
    code, _, err = run("history", "--format", "excel", data=data)
    assert code == 2 and "excel" in err
