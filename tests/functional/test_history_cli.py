"""`pushtimer history` as a user meets it: empty sessions left out (and said so), --all,
--limit, the table as wide as the terminal, and `history delete` (asks first; --yes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow


def run(
    *args: str, data: Path, typed: str | None = None, columns: int = 80
) -> tuple[int, str, str]:
    """The command's exit status, output and errors, in a terminal ``columns`` wide."""
    result = CliRunner().invoke(
        cli,
        ["--data-dir", str(data), *args],
        prog_name="pushtimer",
        input=typed,
        env={"COLUMNS": str(columns)},
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


NAMES = (
    ("Back-focused push-up week", "Day 3: one arm and rows"),
    ("Beginner back push-ups (knees)", "Day 1: knees, wide and slow"),
    ("Quick set", "Quick set"),
)


@pytest.fixture
def named(tmp_path: Path) -> Path:
    """Sessions 1 to 3, one set done each, under the plan and workout names of NAMES."""
    store = HistoryStore(tmp_path)
    for number, (plan, workout) in enumerate(NAMES, start=1):
        when = f"2026-11-{number + 10}T08:00:00+01:00"
        session = store.start_session(SessionHead("p", plan, 0, workout, None, None, when))
        store.add_set(session, SetRow(0, "Push", 1, None, "12", 12, None, 30.0, when))
        store.end_session(session, SessionEnd(True, 30.0, None, when))
    store.close()
    return tmp_path


def test_names_get_the_room_a_wide_terminal_leaves(named: Path) -> None:
    code, out, _ = run("history", data=named, columns=160)
    assert code == 0 and "…" not in out
    # Each name column as wide as its longest name, and no wider.
    assert out.splitlines()[:4] == [
        " ID Date             Plan                           Workout                     Done"
        " Part Skip Reps  Time Status",
        "  3 2026-11-13 08:00 Quick set                      Quick set                      1"
        "    0    0   12  0:30 complete",
        "  2 2026-11-12 08:00 Beginner back push-ups (knees) Day 1: knees, wide and slow    1"
        "    0    0   12  0:30 complete",
        "  1 2026-11-11 08:00 Back-focused push-up week      Day 3: one arm and rows        1"
        "    0    0   12  0:30 complete",
    ]


def test_at_80_columns_names_are_cut_as_before(named: Path) -> None:
    code, out, _ = run("history", data=named, columns=80)
    table = out.splitlines()[:4]
    assert code == 0 and all(len(line) < 80 for line in table)
    assert table[1:] == [
        "  3 2026-11-13 08:00 Quick set  Quick set     1    0    0   12  0:30 complete",
        "  2 2026-11-12 08:00 Beginner…  Day 1: kn…    1    0    0   12  0:30 complete",
        "  1 2026-11-11 08:00 Back-focu… Day 3: on…    1    0    0   12  0:30 complete",
    ]


def test_between_the_names_share_the_room_there_is(named: Path) -> None:
    code, out, _ = run("history", data=named, columns=100)
    table = out.splitlines()[:4]
    # 99 columns with room for the widest status ("unfinished"): one column spare.
    assert code == 0 and max(len(line) for line in table) == 99 - len("unfinished") + 8
    assert table[1].startswith("  3 2026-11-13 08:00 Quick set            Quick set    ")
    assert table[3].startswith("  1 2026-11-11 08:00 Back-focused push-u… Day 3: one arm and… ")


def test_delete_shows_the_session_as_wide_as_the_terminal(named: Path) -> None:
    code, out, _ = run("history", "delete", "2", "--yes", data=named, columns=160)
    assert code == 0 and " Beginner back push-ups (knees) Day 1: knees, wide and slow " in out


def test_piped_without_columns_the_table_is_80_wide(named: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    out = subprocess.run(
        [sys.executable, "-m", "pushtimer", "--data-dir", str(named), "history"],
        capture_output=True, text=True, env=env, check=True, stdin=subprocess.DEVNULL,
    ).stdout  # fmt: skip
    assert "Back-focu…" in out and all(len(line) < 80 for line in out.splitlines())
    env["COLUMNS"] = "160"
    out = subprocess.run(
        [sys.executable, "-m", "pushtimer", "--data-dir", str(named), "history"],
        capture_output=True, text=True, env=env, check=True, stdin=subprocess.DEVNULL,
    ).stdout  # fmt: skip
    assert " Back-focused push-up week " in out and "…" not in out
