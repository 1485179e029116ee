"""Hostile file names, odd files and history rows: every command shows them escaped, and
nothing that is not a regular file is ever opened as a plan (so nothing hangs)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pushtimer.history.store import HistoryStore, SessionEnd, SessionHead, SetRow
from tests.conftest import SHIPPED_PLANS
from tests.hostile.fixtures import CONTROL, plan_with, raw_characters

TITLE = CONTROL["osc2-title"]


def pushtimer(
    *args: str, home: Path, timeout: float = 30, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pushtimer", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={
            "PATH": os.environ["PATH"],
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "PUSHTIMER_DATA_DIR": str(home / "data"),
            **env,
        },
    )


def _user_plans(home: Path) -> Path:
    folder = home / "config" / "pushtimer" / "plans"
    folder.mkdir(parents=True)
    return folder


@pytest.mark.parametrize("payload", list(CONTROL), ids=list(CONTROL))
def test_a_file_name_with_escapes_is_shown_escaped(payload: str, tmp_path: Path) -> None:
    # A file name holds neither NUL nor "/".
    name = f"plan{CONTROL[payload]}.toml".replace("\x00", "0").replace("/", "-")
    missing = pushtimer("validate", str(tmp_path / name), home=tmp_path)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert raw_characters(missing.stdout + missing.stderr) == []
    folder = _user_plans(tmp_path)
    (folder / name).write_bytes((SHIPPED_PLANS / "beginner.toml").read_bytes())
    listed = pushtimer("plans", home=tmp_path)
    assert listed.returncode == 0 and "Beginner" in listed.stdout
    assert raw_characters(listed.stdout + listed.stderr) == []


def test_a_newline_in_a_file_name_cannot_forge_a_line_of_output(tmp_path: Path) -> None:
    good = tmp_path / "mine\nevil.toml: ok, 3 workouts (9:00)\nx.toml"
    good.write_bytes((SHIPPED_PLANS / "beginner.toml").read_bytes())
    bad = tmp_path / "b\nbad.toml"
    bad.write_text('name = "x"\n')
    checked = pushtimer("validate", str(good), str(bad), home=tmp_path)
    assert checked.returncode == 2
    out = checked.stdout.splitlines()
    assert len(out) == 1 and "mine\\x0aevil.toml: ok, 3 workouts (9:00)\\x0ax.toml: ok" in out[0]
    assert checked.stderr.count("\n") == 1 and "b\\x0abad.toml: " in checked.stderr
    settings = tmp_path / "my\nsound  off  file.toml"
    settings.write_text('sound = "off"\n')
    shown = pushtimer("--config", str(settings), "config", home=tmp_path)
    assert shown.returncode == 0
    assert shown.stdout.splitlines()[0].startswith(f"Settings file: {tmp_path}/my\\x0asound")
    assert not any(line.startswith("sound  off") for line in shown.stdout.splitlines())


def test_a_fifo_a_folder_and_a_broken_link_in_the_plans_folder_are_passed_over(
    tmp_path: Path,
) -> None:
    folder = _user_plans(tmp_path)
    os.mkfifo(folder / "fifo.toml")
    (folder / "folder.toml").mkdir()
    (folder / "link.toml").symlink_to(tmp_path / "nowhere.toml")
    (folder / "mine.toml").write_bytes((SHIPPED_PLANS / "beginner.toml").read_bytes())
    listed = pushtimer("plans", home=tmp_path, timeout=10)  # a FIFO opened would hang
    assert listed.returncode == 0
    assert "mine: Beginner" in listed.stdout
    for name in ("fifo", "folder", "link"):
        assert f"  {name}:" not in listed.stdout


@pytest.mark.parametrize(
    "make", [os.mkfifo, lambda p: p.symlink_to("/dev/zero"), lambda p: p.mkdir()]
)
def test_only_a_regular_file_is_read_as_a_plan(make: object, tmp_path: Path) -> None:
    path = tmp_path / "odd.toml"
    make(path)  # type: ignore[operator]
    for command in (["validate", str(path)], ["show", str(path)], ["run", str(path), "--plain"]):
        result = pushtimer(*command, home=tmp_path, timeout=10)
        assert result.returncode == 2, command
        assert "not a regular file" in result.stderr or "is a folder" in result.stderr
        assert "Traceback" not in result.stderr


def test_unknown_user_folder_and_click_errors_quote_input_escaped(tmp_path: Path) -> None:
    nobody = pushtimer("show", "~nosuchuser-here/x.toml", home=tmp_path)
    assert nobody.returncode == 2 and "no such file" in nobody.stderr
    assert "Traceback" not in nobody.stderr
    workout = pushtimer("show", "back-week", "--workout", TITLE, home=tmp_path)
    assert workout.returncode == 2 and raw_characters(workout.stderr) == []
    since = pushtimer("history", "--since", TITLE, home=tmp_path)
    assert since.returncode == 2 and "--since" in since.stderr
    assert raw_characters(since.stderr) == []


def _hostile_history(data: Path) -> None:
    """A history whose names hold escapes (written by an older version, or by hand)."""
    store = HistoryStore(data)
    when = "2026-11-20T08:00:00+01:00"
    head = SessionHead("p.toml", f"Plan{TITLE}", 0, f"Day{CONTROL['c1-csi']}", None, None, when)
    session = store.start_session(head)
    store.add_set(
        session,
        SetRow(0, f"Push{CONTROL['csi-clear']}", 1, None, "12", 12, None, 30.0, when, "done"),
    )
    store.end_session(session, SessionEnd(True, 30.0, None, when))
    store.close()


@pytest.mark.parametrize("form", [[], ["--csv"], ["--json"], ["--all"]])
def test_history_rows_with_escapes_are_shown_escaped(form: list[str], tmp_path: Path) -> None:
    _hostile_history(tmp_path / "data")
    result = pushtimer("history", *form, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert raw_characters(result.stdout) == []
    if form == ["--json"]:
        (session,) = json.loads(result.stdout)["sessions"]
        assert session["plan"] == f"Plan{TITLE}"  # the same text, once read as JSON
    else:
        assert "\\x1b" in result.stdout or "\\x9b" in result.stdout


def test_an_encoding_that_cannot_show_the_text_falls_back_to_escapes(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(plan_with("exercise", "name", "Pompe à genoux"), encoding="utf-8")
    for command in (["show", str(path)], ["validate", str(tmp_path / "é.toml")]):
        result = pushtimer(*command, home=tmp_path, PYTHONIOENCODING="ascii")
        assert "Traceback" not in result.stderr
        assert "\\xe0" in result.stdout or "\\xe9" in result.stderr  # as an escape


def test_a_closed_stdout_is_not_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pushtimer", "show", "back-week"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=30,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
    )
    assert "Traceback" not in result.stderr


@pytest.mark.realtime
def test_plain_mode_with_stdout_closed_keeps_the_set(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pushtimer", "--data-dir", str(tmp_path / "data")]
    command += ["quick", "--hold", "1", "--prepare", "0", "--no-sound", "--plain"]
    result = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=30,
        preexec_fn=lambda: os.close(1),
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path)},
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    listed = pushtimer("history", "--json", home=tmp_path)
    (session,) = json.loads(listed.stdout)["sessions"]
    assert [s["outcome"] for s in session["sets"]] == ["done"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_could_be_formulas_are_text(start: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = HistoryStore(data)
    when = "2026-11-20T08:00:00+01:00"
    name = f'{start}HYPERLINK("https://example.com","x")'
    session = store.start_session(SessionHead("p.toml", name, 0, name, None, None, when))
    store.add_set(session, SetRow(0, name, 1, None, "12", 12, None, 30.0, when, "done"))
    store.end_session(session, SessionEnd(True, 30.0, None, when))
    store.close()
    result = pushtimer("history", "--csv", home=tmp_path)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    for cell in (rows[1][2], rows[1][3], rows[1][5]):  # plan, workout, exercise
        assert cell.startswith("'"), cell


@pytest.mark.realtime
def test_a_cue_log_on_a_full_disk_stops_and_the_session_goes_on(tmp_path: Path) -> None:
    command = ["--data-dir", str(tmp_path / "data"), "quick", "--hold", "1", "--prepare", "0"]
    result = pushtimer(*command, "--no-sound", "--plain", "--cue-log", "/dev/full", home=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "Workout complete" in result.stdout
    assert "the cue log stopped: no space left on device" in result.stderr
