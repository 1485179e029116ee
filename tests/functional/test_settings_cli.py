"""The settings through the command line: where the file is, `pushtimer config` and its
--init and --schema, errors, and the file's [defaults] in every command that loads a plan
(real files, click's own runner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.plan.catalog import user_plans_dir
from pushtimer.settings.loader import default_settings_path
from tests.conftest import REPO, SHIPPED_PLANS

# No [defaults] of its own: the settings' fill in everything.
BARE_PLAN = 'name = "Bare"\n[[exercise]]\nname = "Push-up"\nreps = 1\ntempo = "1-0-0-0"\nsets = 2\n'
DEFAULT_LINES = [
    'sound                            "auto"     default',
    "voice                            false      default",
    "count_in                         3          default",
    "reminder_every                   6          default",
    'big_figure                       "rep"      default',
    'theme                            "dark"     default',
    "quick.reps                       12         default",
    "quick.sets                       1          default",
    'quick.tempo                      "3-1-1-0"  default',
    "quick.rest                       60         default",
    "quick.prepare                    5          default",
    "defaults.prepare                 10         default",
    "defaults.rest                    60         default",
    "defaults.rest_between_exercises  90         default",
    "defaults.switch                  5          default",
]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_config_with_no_file_shows_every_default() -> None:
    code, out, err = run("config")
    assert (code, err) == (0, "")
    path = default_settings_path()
    assert out.splitlines() == [
        f"Settings file: {path} (not there: built-in defaults; `pushtimer config --init` "
        "writes one)",
        *DEFAULT_LINES,
    ]


def test_config_marks_what_the_file_sets() -> None:
    write(
        default_settings_path(),
        'theme = "light"\n[quick]\nrest = "1m30s"\n[defaults]\nswitch = 10\n',
    )
    code, out, _ = run("config")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"Settings file: {default_settings_path()} (found)"
    assert 'theme                            "light"    file' in lines
    assert "quick.rest                       90         file" in lines
    assert "defaults.switch                  10         file" in lines
    assert "count_in                         3          default" in lines
    assert len(lines) == 1 + len(DEFAULT_LINES)


def test_config_named_by_the_option_or_the_environment(tmp_path: Path) -> None:
    mine = write(tmp_path / "mine.toml", "count_in = 0\n")
    code, out, _ = run("--config", str(mine), "config")
    assert code == 0
    assert out.splitlines()[0] == f"Settings file: {mine} (found, named by --config)"
    assert "count_in                         0          file" in out
    code, out, _ = run("config", env={"PUSHTIMER_CONFIG": str(mine)})
    assert out.splitlines()[0] == f"Settings file: {mine} (found, named by PUSHTIMER_CONFIG)"
    other = write(tmp_path / "other.toml", "count_in = 5\n")  # the option beats the variable
    code, out, _ = run("--config", str(other), "config", env={"PUSHTIMER_CONFIG": str(mine)})
    assert "count_in                         5          file" in out


def test_a_named_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    assert run("--config", str(missing), "config") == (2, "", f"{missing}: no such file\n")
    code, _, err = run("show", "back-week", env={"PUSHTIMER_CONFIG": str(missing)})
    assert (code, err) == (2, f"{missing}: no such file\n")


def test_a_broken_file_stops_the_commands_that_use_it_with_one_line_each(tmp_path: Path) -> None:
    broken = write(tmp_path / "config.toml", 'count_in = "x"\ntheme = "blue"\n')
    expected = (
        f'{broken}: "count_in" must be a whole number from 0 to 10, got "x"\n'
        f'{broken}: "theme" must be "dark" or "high-contrast" or "light", got "blue"\n'
    )
    for command in (["config"], ["show", "back-week"], ["plans"], ["quick", "5"]):
        assert run("--config", str(broken), *command) == (2, "", expected), command
    # A plan is checked as written, and the history needs no settings.
    code, out, _ = run("--config", str(broken), "validate", "back-week")
    assert code == 0 and out.startswith("back-week: ok")
    assert run("--config", str(broken), "history")[0] == 0


def test_a_folder_as_the_settings_file(tmp_path: Path) -> None:
    assert run("--config", str(tmp_path), "config") == (
        2,
        "",
        f"{tmp_path}: is a folder, not a settings file\n",
    )


def test_init_writes_a_file_that_loads_and_never_overwrites_unless_forced() -> None:
    path = default_settings_path()
    assert not path.parent.exists()
    code, out, _ = run("config", "--init")
    assert (code, out) == (0, f"Wrote {path}: every key with its default, commented out.\n")
    text = path.read_text(encoding="utf-8")
    code, out, err = run("config")  # loads, and sets nothing
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"Settings file: {path} (found)", *DEFAULT_LINES]

    path.write_text("count_in = 5\n", encoding="utf-8")
    code, _, err = run("config", "--init")
    assert (code, err) == (
        2,
        f"{path}: already there; `pushtimer config --init --force` writes over it\n",
    )
    assert path.read_text(encoding="utf-8") == "count_in = 5\n"
    assert run("config", "--init", "--force")[0] == 0
    assert path.read_text(encoding="utf-8") == text


def test_init_writes_where_config_points(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "folder" / "settings.toml"
    assert run("--config", str(target), "config", "--init")[0] == 0
    assert target.is_file()
    assert run("--config", str(target), "config")[0] == 0


def test_init_into_a_folder_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("--config", str(tmp_path), "config", "--init", "--force")
    assert code == 2 and err.startswith(f"{tmp_path}: cannot be written: ")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--init", "--schema"], "choose one of --init and --schema"),
        (["--force"], "--force goes with --init"),
    ],
)
def test_config_options_that_do_not_go_together(args: list[str], message: str) -> None:
    code, _, err = run("config", *args)
    assert code == 2 and message in err


def test_config_schema_is_the_shipped_one() -> None:
    code, out, _ = run("config", "--schema")
    assert code == 0
    assert json.loads(out) == json.loads((REPO / "docs" / "config.schema.json").read_text())


def _totals(*args: str) -> list[int]:
    code, out, err = run(*args)
    assert code == 0, err
    return [workout["total_seconds"] for workout in json.loads(out)["workouts"]]


def test_show_takes_the_settings_defaults_where_a_plan_has_none(tmp_path: Path) -> None:
    plan = write(tmp_path / "bare.toml", BARE_PLAN)
    # built in: prepare 10 + 1 s rep + rest 60 + 1 s rep
    assert _totals("show", str(plan), "--json") == [72]
    settings = write(tmp_path / "config.toml", '[defaults]\nprepare = 0\nrest = "1m30s"\n')
    assert _totals("--config", str(settings), "show", str(plan), "--json") == [92]
    # The plan's own [defaults] beat the settings'.
    write(
        tmp_path / "bare.toml",
        BARE_PLAN.replace("[[exercise]]", "[defaults]\nrest = 30\n[[exercise]]"),
    )
    assert _totals("--config", str(settings), "show", str(plan), "--json") == [32]


def test_show_text_and_shipped_plans_too(tmp_path: Path) -> None:
    settings = write(tmp_path / "config.toml", "[defaults]\nprepare = 30\n")
    back_week = str(SHIPPED_PLANS / "back-week.toml")
    before = _totals("show", back_week, "--json")
    after = _totals("--config", str(settings), "show", back_week, "--json")
    assert before == after  # the shipped plans set their own [defaults] in full
    plan = write(tmp_path / "bare.toml", BARE_PLAN)
    code, out, _ = run("--config", str(settings), "show", str(plan))
    assert code == 0 and out.splitlines()[3].split() == ["0:00", "Get", "ready", "30s"]


def test_plans_lists_user_plans_with_the_settings_defaults() -> None:
    write(user_plans_dir() / "bare.toml", BARE_PLAN)
    code, out, _ = run("plans")
    assert code == 0 and "1:12" in out
    write(default_settings_path(), "[defaults]\nprepare = 0\nrest = 10\n")
    code, out, _ = run("plans")
    assert code == 0 and "0:12" in out and "1:12" not in out


def test_validate_checks_the_plan_as_written(tmp_path: Path) -> None:
    plan = write(tmp_path / "bare.toml", BARE_PLAN)
    settings = write(tmp_path / "config.toml", "[defaults]\nprepare = 0\nrest = 10\n")
    code, out, _ = run("--config", str(settings), "validate", str(plan))
    assert (code, out) == (0, f"{plan}: ok, 1 workout (1:12)\n")
