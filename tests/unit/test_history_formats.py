"""The history in Strong's CSV and as openweight WorkoutLogs (pushtimer/history/formats.py),
from a real SQLite history: rows for sets done or partial, none for skipped, holds in
seconds, what the plan adds (tempo, rest) when it still loads, and every log valid
against openweight's own schema (tests/data/openweight)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator

from pushtimer.history.formats import (
    STRONG_COLUMNS,
    openweight_logs,
    strong_csv,
    strong_duration,
)
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SessionRow, SetRow
from pushtimer.plan.loader import load_plan_text
from pushtimer.plan.model import Plan

SCHEMA = Path(__file__).parents[1] / "data" / "openweight" / "workout-log.schema.json"
STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
    "Workout Notes,RPE"
)
PLAN = """
name = "Push plan"
[defaults]
rest = 45
rest_between_exercises = 90
tempo = "2-0-X-0"
[[workout]]
name = "Day A"
[[workout.exercise]]
name = "Push-ups"
sets = 3
reps = 10
[[workout.exercise]]
name = "Plank"
hold = 30
[[workout.exercise]]
name = "Max push-ups"
reps = "max"
"""
Sets = list[tuple[int, str, int, str | None, int | None, int | None, float | None, str]]
# exercise index, name, set, reps target, reps done, hold, held, outcome
DAY_A: Sets = [
    (0, "Push-ups", 1, "10", 10, None, None, "done"),
    (0, "Push-ups", 2, "10", 6, None, None, "partial"),
    (0, "Push-ups", 3, "10", 0, None, None, "skipped"),
    (1, "Plank", 1, None, None, 30, 30.0, "done"),
    (2, "Max push-ups", 1, "max", 15, None, None, "done"),
]


def record(
    folder: Path,
    sets: Sets,
    started: str = "2026-11-20T08:00:00+01:00",
    plan_name: str = "Push plan",
    workout: str = "Day A",
    seconds: float | None = 725.0,
    plan_file: str = "push.toml",
) -> None:
    """One session with ``sets``, in a real history in ``folder``."""
    store = HistoryStore(folder)
    session = store.start_session(
        SessionHead(plan_file, plan_name, 0, workout, None, None, started)
    )
    for index, name, number, target, done, hold, held, outcome in sets:
        store.add_set(
            session,
            SetRow(index, name, number, None, target, done, hold, 30.0, started, outcome, held),  # type: ignore[arg-type]
        )
    if seconds is not None:
        store.end_session(session, SessionEnd(True, seconds, None, started))
    store.close()


def sessions(folder: Path) -> list[SessionRow]:
    store = HistoryStore(folder)
    try:
        return store.sessions()
    finally:
        store.close()


def plan() -> Plan:
    return load_plan_text(PLAN, "push.toml")


def loader(file: str) -> Plan | None:
    return plan() if file == "push.toml" else None


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def valid(logs: list[dict[str, Any]]) -> None:
    """Every log valid against openweight's workout-log schema (draft-07)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    for log in logs:
        errors = [e.message for e in validator.iter_errors(log)]
        assert not errors, errors


def test_strong_header_is_strongs_exactly(tmp_path: Path) -> None:
    assert ",".join(STRONG_COLUMNS) == STRONG_HEADER
    assert strong_csv([]) == STRONG_HEADER + "\n"


def test_strong_rows_for_done_and_partial_none_for_skipped(tmp_path: Path) -> None:
    record(tmp_path, DAY_A)
    rows = rows_of(strong_csv(sessions(tmp_path), loader))
    assert [(r["Exercise Name"], r["Set Order"], r["Reps"], r["Seconds"]) for r in rows] == [
        ("Push-ups", "1", "10", "0"),
        ("Push-ups", "2", "6", "0"),
        ("Plank", "1", "0", "30"),
        ("Max push-ups", "1", "15", "0"),
    ]
    first = rows[0]
    assert first["Date"] == "2026-11-20 08:00:00"  # local time of the session
    assert first["Workout Name"] == "Push plan - Day A"
    assert first["Duration"] == "12m"
    assert (first["Weight"], first["Distance"], first["RPE"]) == ("0", "0", "")
    assert first["Notes"] == "done, tempo 2-0-X-0"
    assert rows[1]["Notes"] == "partial, tempo 2-0-X-0"
    assert rows[2]["Notes"] == "done"  # a hold has no tempo
    assert rows[3]["Notes"] == "done, max set, tempo 2-0-X-0"
    assert first["Workout Notes"] == "complete"


def test_strong_without_the_plan_has_no_tempo(tmp_path: Path) -> None:
    record(tmp_path, DAY_A)
    rows = rows_of(strong_csv(sessions(tmp_path)))
    assert [r["Notes"] for r in rows] == ["done", "partial", "done", "done, max set"]


def test_the_tempo_a_set_was_paced_at_outlives_the_plan(tmp_path: Path) -> None:
    """Sets keep their tempo: a plan edited since (here 2-0-X-0), or gone, changes
    nothing; a free set has none; a set from before tempos were kept asks the plan."""
    store = HistoryStore(tmp_path)
    session = store.start_session(
        SessionHead("push.toml", "Push plan", 0, "Day A", None, None, "2026-11-20T08:00:00+01:00")
    )
    for number, tempo in enumerate(["4-1-1-0", "free", None], start=1):
        store.add_set(
            session,
            SetRow(
                0,
                "Push-ups",
                number,
                None,
                "10",
                10,
                None,
                30.0,
                "2026-11-20T08:01:00+01:00",
                tempo=tempo,
            ),
        )
    store.close()
    expected = ["done, tempo 4-1-1-0", "done", "done, tempo 2-0-X-0"]
    assert [r["Notes"] for r in rows_of(strong_csv(sessions(tmp_path), loader))] == expected
    alone = ["done, tempo 4-1-1-0", "done", "done"]  # the plan file gone
    assert [r["Notes"] for r in rows_of(strong_csv(sessions(tmp_path)))] == alone
    (log,) = openweight_logs(sessions(tmp_path))
    assert [s.get("tempo") for s in log["exercises"][0]["sets"]] == ["4-1-1-0", None, None]


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0m"), (29, "0m"), (725, "12m"), (3600, "1h 0m"), (3900, "1h 5m"), (7330, "2h 2m")],
)
def test_strong_duration(seconds: float, shown: str) -> None:
    assert strong_duration(seconds) == shown


def test_a_session_never_ended_lasts_until_its_last_set(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path)
    session = store.start_session(
        SessionHead("q", "Quick", 0, "Quick", None, None, "2026-11-20T08:00:00+01:00")
    )
    store.add_set(
        session, SetRow(0, "Push-ups", 1, None, "10", 10, None, 30.0, "2026-11-20T09:05:10+01:00")
    )
    store.close()
    [row] = rows_of(strong_csv(sessions(tmp_path)))
    assert row["Duration"] == "1h 5m" and row["Workout Name"] == "Quick"
    assert row["Workout Notes"] == "unfinished"
    [log] = openweight_logs(sessions(tmp_path))
    assert log["durationSeconds"] == 3910 and log["notes"] == "unfinished"
    valid([log])


def test_hostile_names_are_safe_in_strong(tmp_path: Path) -> None:
    record(
        tmp_path,
        [(0, "=cmd|' /C calc'!A0", 1, "5", 5, None, None, "done")],
        plan_name="+SUM(1)\x1b[31m",
        workout="line\nbreak\rhere",
    )
    text = strong_csv(sessions(tmp_path))
    lines = text.splitlines()
    assert len(lines) == 2 and "\x1b" not in text and "\r" not in text
    [row] = rows_of(text)
    assert row["Exercise Name"].startswith("'=")
    assert row["Workout Name"].startswith("'+")
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def test_openweight_logs_valid_and_mapped(tmp_path: Path) -> None:
    record(tmp_path, DAY_A)
    record(
        tmp_path,
        [(0, "Push-ups", 1, "10", 0, None, None, "skipped")],
        started="2026-11-21T08:00:00+01:00",
    )
    logs = openweight_logs(sessions(tmp_path), loader)
    valid(logs)
    assert len(logs) == 1  # the empty session is left out
    [log] = logs
    assert log["date"] == "2026-11-20T08:00:00+01:00"
    assert log["name"] == "Push plan - Day A" and log["durationSeconds"] == 725
    assert "notes" not in log  # complete
    push, plank, most = log["exercises"]
    assert push["exercise"] == {"name": "Push-ups", "equipment": "bodyweight"}
    assert push["sets"] == [
        {"reps": 10, "targetReps": 10, "tempo": "2-0-X-0", "restSeconds": 45},
        {
            "reps": 6,
            "targetReps": 10,
            "tempo": "2-0-X-0",
            "restSeconds": 45,
            "notes": "partial: ended early",
        },
    ]
    assert plank["sets"] == [{"durationSeconds": 30, "restSeconds": 90}]
    assert most["sets"] == [{"reps": 15, "type": "amrap", "tempo": "2-0-X-0", "restSeconds": 0}]


def test_openweight_without_the_plan_keeps_the_history_alone(tmp_path: Path) -> None:
    record(tmp_path, DAY_A, plan_file="gone.toml")
    [log] = openweight_logs(sessions(tmp_path), loader)
    valid([log])
    sets = [s for e in log["exercises"] for s in e["sets"]]
    assert not any("tempo" in s or "restSeconds" in s for s in sets)


def test_openweight_hostile_and_long_names_stay_valid(tmp_path: Path) -> None:
    record(
        tmp_path,
        [(0, "=cmd\x00\x1b" + "x" * 300, 1, "5", 5, None, None, "done")],
        plan_name="\u202eevil" * 60,
    )
    logs = openweight_logs(sessions(tmp_path))
    valid(logs)
    assert len(logs[0]["name"]) <= 200
    assert len(logs[0]["exercises"][0]["exercise"]["name"]) == 200


def test_empty_history(tmp_path: Path) -> None:
    assert strong_csv([]) == STRONG_HEADER + "\n"
    assert openweight_logs([]) == []
