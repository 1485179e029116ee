"""`pushtimer import` and `pushtimer export --format openweight` as a user runs them: a
Timero routines.json and openweight files become plans in the plans folder, listed by
`pushtimer plans`; an export validates as an openweight Program and imports back to the
same workouts; bad files are one line, exit 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator
from referencing import Registry, Resource

from pushtimer.cli import cli
from pushtimer.plan.length import workout_length
from pushtimer.plan.loader import load_plan

SCHEMAS = Path(__file__).parents[1] / "data" / "openweight"
ROUTINES = [
    {
        "__type__": "Routine",
        "name": "Quick push",
        "exercises": [
            {"__type__": "RepetitionExercise", "name": "Push-up", "repetitions": 15},
            {"__type__": "DurationExercise", "name": "Plank", "duration": 40},
        ],
    }
]
TEMPLATE = {
    "name": "Upper A",
    "exercises": [
        {
            "exercise": {"name": "Pike push-up"},
            "sets": [{"targetReps": 8, "restSeconds": 90, "targetWeight": 0, "unit": "kg"}] * 3,
        }
    ],
}


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder / "pushtimer" / "plans"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def program_validator() -> Draft7Validator:
    schemas = [
        json.loads((SCHEMAS / f"{n}.schema.json").read_text())
        for n in ("program", "workout-template")
    ]
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    return Draft7Validator(schemas[0], registry=registry)


def test_timero_routines_import_into_a_plan_that_is_listed(config: Path, tmp_path: Path) -> None:
    code, out, err = run("import", str(write(tmp_path, "routines.json", ROUTINES)))
    assert (code, err) == (0, "")
    made = config / "quick-push.toml"
    assert out.splitlines()[0] == f"Imported Timero routines: {made}"
    assert out.splitlines()[1].startswith(f"{made}: ok, 1 workout (")
    plan = load_plan(made)
    assert [(e.name, e.reps, e.hold) for e in plan.workouts[0].exercises] == [
        ("Push-up", 15, None),
        ("Plank", None, 40),
    ]
    assert run("validate", str(made))[0] == 0
    code, listed, _ = run("plans")
    assert code == 0
    assert "Quick push" in listed
    # Never over another file: a second import is a second plan.
    run("import", str(tmp_path / "routines.json"))
    assert (config / "quick-push-2.toml").is_file()


def test_openweight_template_and_program_import(config: Path, tmp_path: Path) -> None:
    code, out, err = run("import", str(write(tmp_path, "upper.json", TEMPLATE)))
    assert (code, err) == (0, "")
    assert out.splitlines()[1].startswith("Not kept (no place in a pushtimer plan): weights")
    text = (config / "upper-a.toml").read_text(encoding="utf-8")
    assert text.startswith(
        '# Imported by `pushtimer import` from "upper.json" (openweight workout template).'
    )
    assert "weights" in text.splitlines()[1]
    exercise = load_plan(config / "upper-a.toml").workouts[0].exercises[0]
    assert (exercise.sets, exercise.reps, exercise.rest) == (3, 8, 90)
    program = {"name": "Two weeks", "weeks": [{"workouts": [TEMPLATE]}, {"workouts": [TEMPLATE]}]}
    code, _, err = run("import", str(write(tmp_path, "two.json", program)))
    assert (code, err) == (0, "")
    plan = load_plan(config / "two-weeks.toml")
    assert [w.name for w in plan.workouts] == ["Week 1: Upper A", "Week 2: Upper A"]


def test_export_is_a_valid_program_and_imports_back(config: Path, tmp_path: Path) -> None:
    code, out, err = run("export", "back-week", "--format", "openweight")
    assert code == 0
    assert err.startswith("Not all of the plan fits openweight's format:")
    program = json.loads(out)
    program_validator().validate(program)
    exported = tmp_path / "back.json"
    exported.write_text(out, encoding="utf-8")
    code, _, err = run("import", str(exported))
    assert (code, err) == (0, "")
    shipped = load_plan(Path(__file__).parents[2] / "plans" / "back-week.toml")
    back = load_plan(config / "back-focused-push-up-week.toml")

    def shape(plan: Any) -> list[Any]:
        return [
            (
                w.name,
                w.day,
                [
                    (e.name, e.description, e.sets, e.reps, e.hold, e.per_side, e.cues)
                    for e in w.exercises
                ],
            )
            for w in plan.workouts
        ]

    assert shape(back) == shape(shipped)
    # The per-side switch time comes back too: each workout is as long as before.
    assert back.defaults.switch == shipped.defaults.switch == 10
    for was, now in zip(shipped.workouts, back.workouts, strict=True):
        assert workout_length(now, back.defaults) == workout_length(was, shipped.defaults)


def test_export_names_what_openweight_has_no_place_for(tmp_path: Path) -> None:
    """The beginner plan has cues, progress rules, a per-side set and a recovery text:
    cues and sides go into the exercise's notes, the rest is named on stderr, and stdout
    stays the JSON alone."""
    code, out, err = run("export", "beginner")
    assert code == 0
    program = json.loads(out)
    program_validator().validate(program)
    assert err.splitlines() == [
        "Not all of the plan fits openweight's format:",
        "  - the recovery text: left out",
        "  - the get-ready time (prepare = 15 s): left out",
        "  - form cues: kept as the exercise's notes (6 exercises)",
        "  - progress rules: left out (5 exercises)",
        "  - per-side sets: said in the exercise's notes (Side plank on the knees)",
    ]
    exercises = {
        e["exercise"]["name"]: e
        for week in program["weeks"]
        for workout in week["workouts"]
        for e in workout["exercises"]
    }
    side = exercises["Side plank on the knees"]["notes"]
    assert "Each side: every set is done on one side, then the other, with 10 s to switch." in side
    assert "\n\nForm: " in side


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not json at all", "not valid JSON"),
        (b'{"weeks": 3, "name": "P"}', '"weeks" must be a list'),
        (b"[" * 65 + b"]" * 65, "nested deeper than 64"),
        (b" " * (1024 * 1024 + 1), "at most 1 MiB"),
        (
            json.dumps([{**ROUTINES[0], "name": "Evil\x1b]2;owned\x07"}]).encode(),
            "control character",
        ),
        (b"\xff\xfe[]", "not UTF-8"),
    ],
)
def test_bad_files_are_one_line_and_nothing_is_written(
    config: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, out, err = run("import", str(bad))
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(str(bad))
    assert words in err
    assert "\x1b" not in err
    assert not config.exists() or not list(config.iterdir())


def test_missing_file_and_unknown_plan_are_one_line(config: Path, tmp_path: Path) -> None:
    code, out, err = run("import", "")
    assert (code, out) == (2, "")
    assert err.startswith("pushtimer import: give the file to import")
    code, _, err = run("import", str(tmp_path / "nope.json"))
    assert (code, err.strip()) == (2, f"{tmp_path / 'nope.json'}: no such file")
    code, out, err = run("export", "no-such-plan")
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
