"""`pushtimer history` as a user meets it: empty sessions left out (and said so), --all,
--limit, and `history delete` (asks first; --yes)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow


def run(*args: str, data: Path, typed: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--data-dir", str(data), *args], prog_name="pushtimer", input=typed
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Two sessions: one with a set done, one stopped with its only set skipped."""
    store = HistoryStore(tmp_path)
    for day, outcome in (("2026-11-20", "done"), ("2026-11-21", "skipped")):
        when = f"{day}T08:00:00+01:00"
        session = store.start_session(
            SessionHead("q", "Quick set", 0, "Quick set", None, None, when)
        )
        reps = 12 if outcome == "done" else 0
        row = SetRow(0, "Quick set", 1, None, "12", reps, None, 30.0, when, outcome)  # type: ignore[arg-type]
        store.add_set(session, row)
        store.end_session(session, SessionEnd(outcome == "done", 30.0, None, when))
    store.close()
    return tmp_path


def test_empty_sessions_are_left_out_and_counted(data: Path) -> None:
    code, out, _ = run("history", data=data)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    assert lines[1].startswith("  1 2026-11-20 08:00") and lines[1].endswith("complete")
    assert lines[2] == (
        "1 empty session (no set done) not shown: `pushtimer history --all` shows them."
    )
    code, out, _ = run("history", "--all", data=data)
    assert [line[4:14] for line in out.splitlines()[1:3]] == ["2026-11-21", "2026-11-20"]
    assert out.splitlines()[1].endswith("empty")
    assert "not shown" not in out


def test_limit_must_be_one_or_more(data: Path) -> None:
    code, _, err = run("history", "--limit", "-1", data=data)
    assert code == 2 and "--limit" in err and "is not a whole number from 1 to" in err


def test_delete_asks_first_and_yes_does_not(data: Path) -> None:
    code, out, _ = run("history", "delete", "2", data=data, typed="n\n")
    assert code == 1 and "Delete this session for good?" in out
    assert len(HistoryStore(data).sessions()) == 2
    code, out, _ = run("history", "delete", "2", data=data, typed="y\n")
    assert code == 0 and out.endswith("Deleted session 2.\n")
    code, out, _ = run("history", "delete", "1", "--yes", data=data)
    assert code == 0 and HistoryStore(data).sessions() == []


def test_delete_an_unknown_session(data: Path) -> None:
    code, _, err = run("history", "delete", "7", data=data)
    assert code == 2 and err.startswith("pushtimer: no session 7 in the history")


def test_delete_with_no_answer_deletes_nothing(data: Path) -> None:
    code, out, _ = run("history", "delete", "1", data=data, typed="")
    assert code == 1 and out.endswith("Delete this session for good? [y/N]: ")
    assert len(HistoryStore(data).sessions()) == 2


def test_since_shows_fewer_sessions_but_the_same_streak(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUSHTIMER_FAKE_NOW", "2026-11-21T20:00")
    _, everything, _ = run("history", data=data)
    code, later, _ = run("history", "--since", "2026-11-21", data=data)
    assert code == 0 and everything.splitlines()[-1] == later.splitlines()[-1] == "Streak: 1 day"
    assert later.splitlines()[0].startswith("1 empty session (no set done) not shown")


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Where the person is now (the process's time zone), put back afterwards."""

    def move(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield move
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("where", "kept"), [("UTC", ["W2"]), ("America/New_York", []), ("Asia/Tokyo", ["W2", "W1"])]
)
def test_since_keeps_the_sessions_since_that_day_began_where_you_are(
    tmp_path: Path, zone: Callable[[str], None], where: str, kept: list[str]
) -> None:
    # W1 at 08:00 in Tokyo (23:00 UTC the day before), W2 an hour later in New York
    # (19:00 the evening before there): whatever the zone, the newer ones are kept.
    store = HistoryStore(tmp_path)
    for name, when in (("W1", "2026-11-20T08:00:00+09:00"), ("W2", "2026-11-19T19:00:00-05:00")):
        session = store.start_session(SessionHead("q", "P", 0, name, None, None, when))
        store.add_set(session, SetRow(0, "Push", 1, None, "1", 1, None, 1.0, when))
    store.close()
    zone(where)
    code, out, _ = run("history", "--json", "--since", "2026-11-20", data=tmp_path)
    assert code == 0
    assert [s["workout"] for s in json.loads(out)["sessions"]] == kept
    code, out, _ = run("history", "--since", "2026-11-20", data=tmp_path)
    if not kept:  # the history is not empty: the day left every session out
        assert out.splitlines()[0] == (
            "No sessions since 2026-11-20: `pushtimer history` shows them all."
        )
    else:
        assert [line.split()[4] for line in out.splitlines()[1:-1]] == kept


def test_delete_takes_the_data_dir_given_to_history(data: Path) -> None:
    result = CliRunner().invoke(
        cli, ["history", "--data-dir", str(data), "delete", "1", "--yes"], prog_name="pushtimer"
    )
    assert result.exit_code == 0 and result.stdout.endswith("Deleted session 1.\n")
    assert [row.id for row in HistoryStore(data).sessions()] == [2]


@pytest.mark.parametrize("given", ["2026-13-01", "yesterday", "2026-11-20T10:00"])
def test_a_day_that_is_no_day_is_told_how_to_write_one(data: Path, given: str) -> None:
    code, _, err = run("history", "--since", given, data=data)
    assert code == 2
    assert err.splitlines()[-1] == (
        f"Error: Invalid value for '--since': {given!r} is not a day: write it as YYYY-MM-DD,"
        " such as 2026-11-20"
    )
