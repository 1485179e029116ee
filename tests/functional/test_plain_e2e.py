"""Plain mode as a real process on the real clock. These are the suite's only tests that
wait on wall time (marked ``realtime``); they take a few seconds in all."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.realtime


def start(*args: str, cue_log: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "pushtimer", *args, "--plain", "--cue-log", str(cue_log)]
    return subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_quick_set_runs_on_time_with_its_cue_log(tmp_path: Path) -> None:
    log = tmp_path / "cues.jsonl"
    # prepare 1 s, then 2 reps of 1 s down and 1 s up: 5 s in all.
    process = start("quick", "2", "--tempo", "1-0-1-0", "--prepare", "1", cue_log=log)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert err == ""
    lines = out.splitlines()
    assert [line[7:] for line in lines] == [
        "Quick set  (0:05)",
        "GET READY 1s  first: Set 1/1 Quick set",
        "Set 1/1  Quick set  rep 1/2  DOWN 1s",
        "Set 1/1  Quick set  rep 1/2  UP 1s",
        "Set 1/1  Quick set  rep 2/2  DOWN 1s",
        "Set 1/1  Quick set  rep 2/2  UP 1s",
        "Done: Set 1/1 Quick set, 2 reps in 0:04",
        "Workout complete: 1 set, 2 reps in 0:05",
    ]
    cues = [json.loads(line) for line in log.read_text().splitlines()]
    assert [c["kind"] for c in cues] == ["prepare", "down", "up", "down", "up", "finish"]
    assert [c["planned"] for c in cues] == [0, 1, 2, 3, 4, 5]
    assert all(0 <= c["t"] - c["planned"] < 0.2 for c in cues)


def test_ctrl_c_ends_with_a_summary_and_status_130(tmp_path: Path) -> None:
    """SIGINT from outside (as Ctrl+C sends it) at any moment of the get-ready or the set:
    what the summary says depends on that moment, so only its shape is checked; the cue
    log's planned times say where it stopped."""
    log = tmp_path / "cues.jsonl"
    process = start("quick", "5", "--prepare", "1", cue_log=log)
    assert process.stdout is not None
    assert "GET READY" in process.stdout.readline() + process.stdout.readline()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 130
    assert err == ""
    assert re.fullmatch(
        r"\d\d:\d\d  Stopped: 0 of 1 set done(, 1 skipped)?; 0 of 5 reps in 0:0\d",
        out.splitlines()[-1],
    )
    last = json.loads(log.read_text().splitlines()[-1])
    assert (last["kind"], last["completed"]) == ("finish", False)


def test_sigterm_ends_cleanly(tmp_path: Path) -> None:
    log = tmp_path / "cues.jsonl"
    process = start("quick", "5", "--prepare", "1", cue_log=log)
    assert process.stdout is not None
    process.stdout.readline()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 128 + signal.SIGTERM
    assert "Stopped:" in out.splitlines()[-1] and "Traceback" not in err


def test_a_plan_that_progresses_runs_at_its_target_and_says_what_comes_next(
    tmp_path: Path,
) -> None:
    """One session met (written as a session would), then a real run: it asks one rep
    more, says so before the set, and ends with the records and the target for next time."""
    from pushtimer.plan import load_plan
    from tests.coach_history import record

    plan = tmp_path / "grow.toml"
    plan.write_text(
        'name = "Grow"\n[defaults]\nprepare = 1\n[[exercise]]\nname = "Push-up"\n'
        'reps = 1\ntempo = "1-0-1-0"\nprogress = { add = 1, up_to = 2, then = "Diamond push-up" }\n'
    )
    data = tmp_path / "data"
    record(data, load_plan(plan), str(plan), 20, {"Push-up": [1]})
    process = subprocess.Popen(
        [sys.executable, "-m", "pushtimer", "run", str(plan), "--plain", "--data-dir", str(data)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    lines = [line[7:] if line[:2].isdigit() else line for line in out.splitlines()]
    assert lines[1] == "GET READY 1s  first: Set 1/1 Push-up: 1 -> 2 reps"
    assert lines[-5:] == [
        "Done: Set 1/1 Push-up, 2 reps in 0:04",
        "Workout complete: 1 set, 2 reps in 0:05",
        "New record, Push-up: most reps in a set 2 (was 1)",
        "Next time:",
        "  Push-up: 1x2 met at the top of this plan: time to move on to Diamond push-up",
    ]


def test_a_per_side_set_says_the_side_in_each_line(tmp_path: Path) -> None:
    """As a real process writes to a pipe: the side beside each phase word, the switch
    with its arrow (the pipe takes UTF-8 here)."""
    plan = tmp_path / "sides.toml"
    plan.write_text(
        'name = "Sides"\n[defaults]\nprepare = 0\nswitch = 1\n[[exercise]]\nname = "One-arm"\n'
        'reps = 1\ntempo = "1-0-0-0"\nper_side = true\n'
    )
    process = start("run", str(plan), "--no-sound", cue_log=tmp_path / "cues.jsonl")
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert [line[7:] for line in out.splitlines()] == [
        "Sides  (0:03)",
        "Set 1/1  One-arm  rep 1/1  DOWN · LEFT 1s",
        "Done: Set 1/1 left One-arm, 1 rep in 0:01",
        "SWITCH → RIGHT 1s  next: Set 1/1 right One-arm",
        "Set 1/1  One-arm  rep 1/1  DOWN · RIGHT 1s",
        "Done: Set 1/1 right One-arm, 1 rep in 0:01",
        "Workout complete: 1 set, 2 reps in 0:03",
    ]
