"""Numbers are ASCII digits in plans, flags and typed counts; a workout is planned at most
24 hours; --workout and --limit refuse nonsense; TERM=dumb gets plain mode."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.plan.errors import PlanError
from pushtimer.plan.model import REPS_MAX
from pushtimer.plan.quick import QuickValues
from pushtimer.session.live import read_count
from tests.conftest import plan_from

PLAN = 'name = "P"\n[[exercise]]\nname = "E"\n'


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(
    "hold",
    ["\u0663\u0660s", "\u0663\u0660", "\uff13\uff10s", "1" * 5000 + "s", "3\u00b2s"],
    ids=["arabic-indic-s", "arabic-indic", "fullwidth", "5000-digits", "superscript"],
)
def test_a_duration_is_ascii_digits(hold: str) -> None:
    with pytest.raises(PlanError) as raised:
        plan_from(PLAN + f'hold = "{hold}"\n')
    (line,) = raised.value.lines
    assert '"hold" must be a duration' in line and len(line) < 300


@pytest.mark.parametrize(
    "reps",
    ["\u0661\u0662", "\uff11\uff12", "\u00b2", "9" * 5000],
    ids=["arabic-indic", "fullwidth", "superscript", "5000-digits"],
)
def test_quick_reps_are_ascii_digits(reps: str) -> None:
    values = QuickValues(
        reps=reps, hold=None, sets="1", tempo=None, rest=None, per_side=False, prepare="5"
    )
    with pytest.raises(PlanError):
        values.plan()
    code, out = run("quick", reps, "--plain")
    assert code == 2 and "Traceback" not in out and len(out) < 2000


@pytest.mark.parametrize(
    "typed",
    ["\u00b2", "\u0661\u0662", "9" * 5000, "99999999999999999999999", "-1", " ", ""],
    ids=["superscript", "arabic-indic", "5000-digits", "23-digits", "negative", "space", "empty"],
)
def test_a_typed_count_that_is_not_a_count_asks_again(typed: str) -> None:
    with pytest.raises(ValueError, match="Type the number of reps"):
        read_count(typed)


def test_a_typed_count_is_within_the_reps_bound() -> None:
    assert read_count(str(REPS_MAX)) == REPS_MAX and read_count(" 12 ") == 12
    with pytest.raises(ValueError):
        read_count(str(REPS_MAX + 1))


def test_a_workout_planned_longer_than_24_hours_is_a_plan_error() -> None:
    long = PLAN + 'reps = 500\ntempo = "30-30-30-30"\nsets = 2\n'  # 2 x 500 x 120 s
    with pytest.raises(PlanError) as raised:
        plan_from(long)
    (line,) = raised.value.lines
    assert 'workout 1 ("P"): is planned at 33:' in line and "at most 24 hours" in line
    plan_from(PLAN + 'reps = 500\ntempo = "30-30-30-30"\nsets = 1\n')  # 16:40:00 is fine


@pytest.mark.parametrize(
    "choice",
    ["", "   ", "0", "4", "9" * 5000, "\u0661"],
    ids=["empty", "spaces", "zero", "too-high", "5000-digits", "arabic-indic"],
)
def test_workout_nonsense_is_one_line(choice: str) -> None:
    code, out = run("show", "back-week", "--workout", choice)
    assert code == 2 and ("no workout" in out or "needs a number or a name" in out)
    assert "Traceback" not in out and len(out) < 500


@pytest.mark.parametrize("limit", ["-1", "0", "x", "1.5", "\u0661\u0662", "9" * 5000])
def test_history_limit_nonsense_is_refused(limit: str, tmp_path: Path) -> None:
    code, out = run("--data-dir", str(tmp_path), "history", "--limit", limit)
    assert code == 2 and "--limit" in out


@pytest.mark.realtime
def test_term_dumb_gets_plain_mode(tmp_path: Path) -> None:
    """On a dumb terminal even a terminal's stdin and stdout get plain lines (here through
    a pseudo-terminal, as a real one would be)."""
    import pty

    env = {**os.environ, "TERM": "dumb", "PUSHTIMER_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "pushtimer", "quick", "--hold", "1", "--prepare", "1"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal on both ends
        os.execvpe(command[0], [*command, "--no-sound"], env)
    output, deadline = b"", time.monotonic() + 20
    while time.monotonic() < deadline:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    else:
        os.kill(pid, signal.SIGKILL)  # a full screen waits for a key for ever
    _, status = os.waitpid(pid, 0)
    text = output.decode(errors="replace")
    assert os.waitstatus_to_exitcode(status) == 0, text
    assert "Workout complete" in text and "\x1b[?1049h" not in text  # no full screen


def test_an_unknown_key_of_100000_characters_is_not_echoed_whole(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.replace('name = "E"', f'name = "E"\n{"k" * 100_000} = 1\nreps = 5'))
    with pytest.raises(PlanError) as raised:
        from pushtimer.plan.loader import load_plan

        load_plan(path)
    (line,) = raised.value.lines
    assert "unknown key" in line and "…" in line and len(line) < 300
