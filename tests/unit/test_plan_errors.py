"""Every broken plan gives exactly the expected lines: fixtures in tests/data/bad_plans.

Each fixture ends with ``# expect:`` comments, one per line the loader must report,
with ``{file}`` standing for the path.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pushtimer.plan import PlanError, load_plan, load_plan_bytes
from pushtimer.plan.loader import MAX_PLAN_BYTES
from tests.conftest import BAD_PLANS, plan_from

FIXTURES = sorted(BAD_PLANS.glob("*.toml"))


def expected_lines(path: Path) -> list[str]:
    prefix = "# expect: "
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line[len(prefix) :].replace("{file}", str(path))
        for line in lines
        if line.startswith(prefix)
    ]


def test_there_are_at_least_thirty_broken_plans() -> None:
    assert len(FIXTURES) >= 30
    assert all(expected_lines(path) for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_broken_plan_gives_exactly_its_lines(path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert caught.value.lines == expected_lines(path)


def test_all_problems_of_a_file_are_reported() -> None:
    lines = expected_lines(BAD_PLANS / "many_problems.toml")
    assert len(lines) == 4


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path / "nope.toml")
    assert caught.value.lines == [f"{tmp_path / 'nope.toml'}: no such file"]


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as caught:
        load_plan(tmp_path)
    assert caught.value.lines == [f"{tmp_path}: is a folder, not a plan file"]


def test_file_over_one_mebibyte_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"name = 'x'\n" + b"#" * MAX_PLAN_BYTES)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    size = path.stat().st_size
    assert caught.value.lines == [
        f"{path}: is {size:,} bytes; a plan file may be at most 1 MiB (1,048,576 bytes)"
    ]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Plan"\n[[exercise]]\nname = "Liegestütz"\n'.encode("latin-1"))
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert caught.value.lines == [f"{path}:3:16: not UTF-8 text; save the plan as UTF-8"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text('name = "x"')

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # Tests run as root here, where a file's mode never refuses a read.
    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert caught.value.lines == [f"{path}: cannot be read: permission denied"]


def test_byte_order_mark_is_accepted() -> None:
    plan = load_plan_bytes(
        '\ufeffname = "P"\n[[exercise]]\nname = "E"\nreps = 1\n'.encode(), "bom.toml"
    )
    assert plan.name == "P"


def test_syntax_error_at_end_of_document() -> None:
    with pytest.raises(PlanError) as caught:
        plan_from('name = "P"\n[[exercise]\n', "end.toml")
    (line,) = caught.value.lines
    assert line.startswith("end.toml:2:") and "not valid TOML" in line


def assert_bounds(template: str, good: list[object], bad: list[object]) -> None:
    """``template`` holds ``{}`` where the value goes: good values load, bad ones fail."""
    for value in good:
        plan_from(template.format(value))
    for value in bad:
        with pytest.raises(PlanError):
            plan_from(template.format(value))


@pytest.mark.parametrize(
    ("key", "good", "bad"),
    [
        ("sets", [1, 50], [0, 51]),
        ("reps", [1, 500, '"max"'], [0, 501]),
        ("hold", [1, 3600, '"60m"'], [0, 3601, '"60m1s"']),
        ("rest", [0, 3600, '"1h"'], [-1, 3601]),
        ("rest_after", [0, 3600], [-1, 3601]),
    ],
)
def test_exercise_bounds_at_the_edges(key: str, good: list[object], bad: list[object]) -> None:
    other = "" if key in ("reps", "hold") else "reps = 5\n"
    assert_bounds(f'name = "P"\n[[exercise]]\nname = "E"\n{other}{key} = {{}}\n', good, bad)


@pytest.mark.parametrize(
    ("key", "good", "bad"),
    [
        ("prepare", [0, 3600], [-1, 3601]),
        ("rest_between_exercises", [0, 3600], [3601]),
        ("switch", [0, 120, '"2m"'], [121, '"2m1s"']),
        ("explosive", [1, 10], [0, 11]),
    ],
)
def test_default_bounds_at_the_edges(key: str, good: list[object], bad: list[object]) -> None:
    body = '[[exercise]]\nname = "E"\nreps = 5\n'
    assert_bounds(f'name = "P"\n[defaults]\n{key} = {{}}\n{body}', good, bad)


def _exercises(count: int) -> str:
    return "".join(f'[[workout.exercise]]\nname = "E{i}"\nreps = 1\n' for i in range(count))


def test_at_most_100_exercises_per_workout() -> None:
    plan_from(f'name = "P"\n[[workout]]\nname = "W"\n{_exercises(100)}')
    with pytest.raises(PlanError) as caught:
        plan_from(f'name = "P"\n[[workout]]\nname = "W"\n{_exercises(101)}')
    assert caught.value.lines == [
        'plan.toml: workout 1 ("W"): "exercise" must be 1 to 100 [[workout.exercise]] tables, '
        "got a list of 101"
    ]


def test_at_most_50_workouts_per_plan() -> None:
    workout = f'[[workout]]\nname = "W"\n{_exercises(1)}'
    plan_from('name = "P"\n' + workout * 50)
    with pytest.raises(PlanError) as caught:
        plan_from('name = "P"\n' + workout * 51)
    assert caught.value.lines == [
        'plan.toml: "workout" must be at most 50 [[workout]] tables, got a list of 51'
    ]


def test_at_most_20_cues_of_200_characters() -> None:
    cues = ", ".join(['"' + "c" * 200 + '"'] * 20)
    plan_from(f'name = "P"\n[[exercise]]\nname = "E"\nreps = 1\ncues = [{cues}]\n')
    with pytest.raises(PlanError) as caught:
        plan_from(f'name = "P"\n[[exercise]]\nname = "E"\nreps = 1\ncues = ["{"c" * 201}"]\n')
    assert caught.value.lines == [
        'plan.toml: exercise 1 ("E"): "cues" item 1 must be text of 1 to 200 characters on one '
        "line, got 201 characters of text"
    ]


def test_an_empty_workout_list_is_reported() -> None:
    with pytest.raises(PlanError) as caught:
        plan_from('name = "P"\nworkout = []\n')
    assert caught.value.lines == [
        'plan.toml: "workout" is empty: add at least one [[workout]] table'
    ]


def test_a_date_value_is_described() -> None:
    with pytest.raises(PlanError) as caught:
        plan_from("name = 2024-01-02\n[[exercise]]\nname = 'E'\nreps = 1\n")
    assert caught.value.lines == [
        'plan.toml: "name" must be text of 1 to 100 characters on one line, '
        "got the date/time 2024-01-02"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_not_a_plan_and_is_never_opened(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    os.mkfifo(path)  # opening it to read would wait for a writer for ever
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert caught.value.lines == [f"{path}: is not a regular file"]
