"""The plans that ship with pushtimer validate, and their timelines add up by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.plan import load_plan
from pushtimer.resources import plans_dir
from tests.conftest import SHIPPED_PLANS

PLANS = sorted(SHIPPED_PLANS.glob("*.toml"))


def test_the_four_plans_ship() -> None:
    assert [p.name for p in PLANS] == [
        "back-week.toml",
        "beginner.toml",
        "test-then-train.toml",
        "variations.toml",
    ]
    assert plans_dir().resolve() == SHIPPED_PLANS.resolve()


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_shipped_plan_validates_with_two_to_four_cues_each(path: Path) -> None:
    plan = load_plan(path)
    for workout in plan.workouts:
        for exercise in workout.exercises:
            assert 2 <= len(exercise.cues) <= 4, exercise.name


def show_json(plan: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["show", plan, "--json"])
    assert result.exit_code == 0, result.output
    document: dict[str, object] = json.loads(result.output)
    return document


def test_back_week_totals_by_hand() -> None:
    document = show_json(str(SHIPPED_PLANS / "back-week.toml"))
    workouts = document["workouts"]
    assert isinstance(workouts, list)
    totals = {w["name"]: w["total_seconds"] for w in workouts}
    # Day 1: prepare 10; wide 4x12 reps at 3-1-1-0 (5 s a rep) with 3 rests of 60;
    # 90 between exercises; arched 3x8 at 5 s with 2 rests of 60.
    day1 = 10 + 4 * 12 * 5 + 3 * 60 + 90 + 3 * 8 * 5 + 2 * 60
    # Day 3: one-arm 3 sets of 5 reps per side at 5 s, a 10 s switch in each set, rests of 90;
    # 90 between exercises; rows 4x10 at 3-0-1-1 (5 s) with 3 rests of 60.
    day3 = 10 + 3 * (5 * 5 + 10 + 5 * 5) + 2 * 90 + 90 + 4 * 10 * 5 + 3 * 60
    # Day 5: explosive 3x8 at 3-1-X-1 (X = 1 s: 6 s a rep) with 2 rests of 60; 90 between;
    # reverse flyes 4x12 at 3-0-1-1 (5 s) with 3 rests of 60.
    day5 = 10 + 3 * 8 * 6 + 2 * 60 + 90 + 4 * 12 * 5 + 3 * 60
    assert (day1, day3, day5) == (760, 840, 784)
    assert totals == {
        "Day 1: wide and arched": day1,
        "Day 3: one arm and rows": day3,
        "Day 5: power and reverse flyes": day5,
    }
    assert [w["day"] for w in workouts] == [1, 3, 5]
    assert not any(w["has_open"] for w in workouts)
    day3_segments = workouts[1]["segments"]
    assert [s["kind"] for s in day3_segments].count("switch") == 3
    assert {s["side"] for s in day3_segments} == {None, "left", "right"}


def test_variations_by_hand() -> None:
    document = show_json(str(SHIPPED_PLANS / "variations.toml"))
    (workout,) = document["workouts"]  # type: ignore[misc]
    # military 3x10, pike 3x6 (rest 90), diamond 3x8 at 5 s; sphinx 3x8 at 3-0-2-0 (5 s);
    # cross-body 2x6 per side with a 5 s switch; wide 3x10; flying 3 open "max" sets.
    work = 5 * (30 + 18 + 24 + 24 + 2 * (6 + 6) + 30) + 2 * 5
    rests = 2 * 60 + 2 * 90 + 2 * 60 + 2 * 60 + 1 * 60 + 2 * 60 + 2 * 60  # within exercises
    between = 6 * 90
    assert workout["total_seconds"] == 10 + work + rests + between
    assert workout["has_open"] is True
    assert [s["kind"] for s in workout["segments"]].count("open") == 3


def test_beginner_by_hand() -> None:
    document = show_json("beginner")
    totals = [w["total_seconds"] for w in document["workouts"]]  # type: ignore[union-attr]
    day1 = 15 + 3 * 8 * 5 + 2 * 90 + 120 + 2 * 20 + 90
    day3 = 15 + 3 * 6 * 5 + 2 * 90 + 120 + 2 * (15 + 10 + 15) + 90
    day5 = 15 + 3 * 10 * 5 + 2 * 90 + 120  # then one open "max" set
    assert totals == [day1, day3, day5]
