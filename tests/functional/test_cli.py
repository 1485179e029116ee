"""The command line as a user meets it: exit codes, output and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer import __version__
from pushtimer.cli import cli
from tests.conftest import BAD_PLANS, SHIPPED_PLANS

BACK_WEEK = str(SHIPPED_PLANS / "back-week.toml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"pushtimer, version {__version__}\n", "")


@pytest.mark.parametrize(
    "command",
    [[], ["validate"], ["show"], ["plans"], ["schema"], ["quick"], ["history"], ["progress"]],
)
def test_help_everywhere(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Usage: pushtimer" in out
    assert "\\b" not in out and "\b" not in out  # click's no-rewrap mark, never shown


def test_validate_ok() -> None:
    code, out, err = run("validate", *(str(p) for p in sorted(SHIPPED_PLANS.glob("*.toml"))))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"{BACK_WEEK}: ok, 3 workouts (12:40, 14:00, 13:04)"
    assert len(out.splitlines()) == 4


def test_validate_reports_every_broken_file_and_exits_2() -> None:
    broken = [str(BAD_PLANS / "sets_zero.toml"), str(BAD_PLANS / "unknown_top_key.toml")]
    code, out, err = run("validate", broken[0], BACK_WEEK, broken[1])
    assert code == 2
    assert out == f"{BACK_WEEK}: ok, 3 workouts (12:40, 14:00, 13:04)\n"
    assert err.splitlines() == [
        f'{broken[0]}: exercise 1 ("Push-up"): "sets" must be a whole number from 1 to 50, got 0',
        f'{broken[1]}: unknown key "nmae" (did you mean "name"?)',
    ]


def test_validate_missing_file() -> None:
    code, _, err = run("validate", "no/such/plan.toml")
    assert (code, err) == (2, "no/such/plan.toml: no such file\n")


def test_validate_needs_a_plan() -> None:
    code, _, err = run("validate")
    assert code == 2 and "Missing argument" in err


def test_show_json_matches_the_spec_shape() -> None:
    code, out, _ = run("show", BACK_WEEK, "--json", "--workout", "1")
    assert code == 0
    document = json.loads(out)
    assert document["name"] == "Back-focused push-up week"
    (workout,) = document["workouts"]
    assert workout["name"] == "Day 1: wide and arched"
    assert workout["total_seconds"] == 760
    assert set(workout["segments"][0]) == {
        "kind",
        "start",
        "duration",
        "exercise",
        "set",
        "side",
        "rep",
    }


def test_show_text_groups_by_exercise_and_set() -> None:
    code, out, _ = run("show", "back-week", "--workout", "day 1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Back-focused push-up week"
    assert lines[2] == "Day 1: wide and arched: 12:40, 7 sets of work"
    assert lines[3].split() == ["0:00", "Get", "ready", "10s"]
    assert lines[4].strip() == "Wide push-up: 4 x 12 reps, tempo 3-1-1-0"
    assert lines[5].strip() == "target 12 reps: as planned: no session with it yet"
    assert lines[6].split() == ["0:10", "Set", "1/4:", "12", "reps", "1m"]
    assert lines[7].split() == ["1:10", "Rest", "1m"]
    assert lines[-1].split() == ["12:00", "Set", "3/3:", "8", "reps", "40s"]


def test_show_per_side_and_open_sets() -> None:
    code, out, _ = run("show", "back-week", "-w", "2")
    assert code == 0
    assert "  Set 1/3 left: 5 reps" in out and "Switch sides" in out
    code, out, _ = run("show", "variations")
    assert code == 0
    assert "Set 1/3: as many reps as you can, until you say done" in out
    assert "open" in out


def test_show_unknown_workout() -> None:
    code, _, err = run("show", BACK_WEEK, "--workout", "9")
    assert code == 2
    assert err == (
        f'{BACK_WEEK}: no workout "9"; this plan has: 1 "Day 1: wide and arched"; '
        '2 "Day 3: one arm and rows"; 3 "Day 5: power and reverse flyes"\n'
    )


def test_show_broken_plan() -> None:
    code, out, err = run("show", str(BAD_PLANS / "many_problems.toml"))
    assert code == 2 and out == "" and len(err.splitlines()) == 4


def test_plans_lists_shipped_and_user_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    user = tmp_path / "pushtimer" / "plans"
    user.mkdir(parents=True)
    (user / "mine.toml").write_text('name = "My plan"\n[[exercise]]\nname = "Push-up"\nreps = 10\n')
    (user / "broken.toml").write_text('name = "Broken"\n')
    code, out, _ = run("plans")
    assert code == 0
    assert "  back-week: Back-focused push-up week" in out
    assert "Day 1: wide and arched" in out and "12:40" in out
    assert f"Your plans  ({user})" in out
    assert "  mine: My plan" in out
    assert f"  broken: has 1 problem; see `pushtimer validate {user / 'broken.toml'}`" in out
    # A user plan is found by name, ahead of the shipped plans.
    code, out, _ = run("show", "mine", "--json")
    assert json.loads(out)["name"] == "My plan"


@pytest.mark.parametrize("columns", ["80", "160"])
def test_plans_never_cut_a_name_whatever_the_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", columns)
    user = tmp_path / "pushtimer" / "plans"
    user.mkdir(parents=True)
    plan = "A plan whose name goes on past the width of a terminal of eighty columns, and on"
    workout = "Day 1: wide push-ups with a long pause at the bottom and an arched back"
    (user / "long.toml").write_text(
        f'name = "{plan}"\n[[workout]]\nname = "{workout}"\n'
        '[[workout.exercise]]\nname = "Push-up"\nreps = 10\n'
    )
    code, out, _ = run("plans")
    assert code == 0 and "…" not in out
    assert f"  long: {plan}" in out.splitlines()
    assert f"    1. {workout} " in out


def test_plans_with_no_user_folder() -> None:
    code, out, _ = run("plans")
    assert code == 0 and "none yet: save a plan as a .toml file in that folder" in out


def _record_launches(
    monkeypatch: pytest.MonkeyPatch, interactive: bool
) -> list[tuple[str, object]]:
    """Stand-ins for the two session front ends, noting which one a command chose."""
    import pushtimer.cli.frontends as frontends
    import pushtimer.cli.group as group
    import pushtimer.cli.sessions as sessions

    launched: list[tuple[str, object]] = []

    def plain(index: int, *rest: object) -> None:
        launched.append(("plain", index))
        raise SystemExit(0)

    def tui(start: object, *rest: object) -> None:
        launched.append(("tui", getattr(start, "workout", None)))
        raise SystemExit(0)

    monkeypatch.setattr(group, "interactive", lambda: interactive)
    monkeypatch.setattr(sessions, "run_plain_mode", plain)
    monkeypatch.setattr(sessions, "run_full_screen", tui)
    monkeypatch.setattr(frontends, "run_full_screen", tui)  # (the bare command's)
    return launched


@pytest.mark.parametrize(
    ("args", "interactive", "expected"),
    [
        (["back-week", "--workout", "2"], True, ("tui", 1)),
        (["back-week", "--workout", "2"], False, ("plain", 1)),
        (["back-week", "--workout", "2", "--plain"], True, ("plain", 1)),
        (["run", "back-week"], True, ("tui", 0)),
        (["run", "back-week", "--plain"], True, ("plain", 0)),
        (["quick", "12"], True, ("tui", 0)),
        (["quick", "12", "--plain"], True, ("plain", 0)),
        (["quick", "--hold", "30"], False, ("plain", 0)),
        ([], True, ("tui", None)),
    ],
)
def test_sessions_open_the_screen_on_a_terminal_and_plain_mode_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    interactive: bool,
    expected: tuple[str, object],
) -> None:
    launched = _record_launches(monkeypatch, interactive)
    code, _, _ = run(*args)
    assert (code, launched) == (0, [expected])


def test_bare_command_without_a_terminal_lists_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    launched = _record_launches(monkeypatch, interactive=False)
    code, out, _ = run()
    assert code == 0 and launched == []
    assert out.startswith("Shipped plans\n")


def test_open_missing_plan() -> None:
    code, _, err = run("nothing-here")
    assert code == 2
    assert err.startswith("nothing-here: no such file, and no plan of that name (back-week, ")
    assert err.count("\n") == 1


def test_schema_prints_json() -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out)["title"] == "pushtimer plan"


def test_python_dash_m_and_no_traceback_on_bad_plan() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pushtimer",
            "validate",
            str(BAD_PLANS / "syntax_missing_value.toml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.endswith(":4:7: not valid TOML: Invalid value\n")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("place", ["/nonexistent/folder/cues.log", "/"])
def test_a_cue_log_that_cannot_be_written_is_one_line_before_anything_starts(
    place: str, tmp_path: Path
) -> None:
    code, out, err = run("--data-dir", str(tmp_path), "quick", "3", "--plain", "--cue-log", place)
    assert code == 2 and "Traceback" not in out + err
    assert "Invalid value for '--cue-log'" in err and len(err.strip().splitlines()) == 4
    assert list(tmp_path.iterdir()) == []  # no history, no last quick set


def test_the_help_and_errors_of_pushtimer_plan_name_no_hidden_command() -> None:
    code, out, _ = run("back-week", "--help")
    assert code == 0 and out.splitlines()[0] == "Usage: pushtimer PLAN [OPTIONS]"
    code, _, err = run("back-week", "--bogus")
    assert code == 2 and "Try 'pushtimer back-week --help' for help." in err
    assert "open" not in err.split("Error")[0]


def test_the_command_list_says_what_each_command_is_for_in_full() -> None:
    code, out, _ = run("--help")
    commands = out.split("Commands:\n", 1)[1].splitlines()
    assert code == 0 and len(commands) >= 11
    assert not [line for line in commands if line.rstrip().endswith("...")]
