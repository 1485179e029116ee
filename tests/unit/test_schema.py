"""The shipped JSON Schema matches the model, and says what the model checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import msgspec
import pytest

from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import load_plan
from pushtimer.plan.model import Defaults, Exercise, Plan, Workout
from pushtimer.plan.schema import plan_schema
from tests.conftest import BAD_PLANS, REPO, SHIPPED_PLANS
from tests.hostile.fixtures import CONTROL, TEXT_FIELDS, plan_with

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((REPO / "docs" / "plan.schema.json").read_text(encoding="utf-8"))
    current = json.loads(json.dumps(plan_schema()))
    assert committed == current, "run `pushtimer schema > docs/plan.schema.json`"


def test_every_key_of_the_model_is_in_the_schema() -> None:
    defs = plan_schema()["$defs"]
    for struct in (Plan, Defaults, Workout, Exercise):
        keys = {f.encode_name for f in msgspec.structs.fields(struct)}
        assert set(defs[struct.__name__]["properties"]) == keys
        assert defs[struct.__name__]["additionalProperties"] is False


def test_durations_take_numbers_or_text_and_nothing_is_null() -> None:
    defs = plan_schema()["$defs"]
    rest = defs["Exercise"]["properties"]["rest"]
    assert rest["anyOf"][0] == {"type": "integer", "minimum": 0, "maximum": 3600}
    assert rest["anyOf"][1]["type"] == "string"
    assert defs["Defaults"]["properties"]["switch"]["anyOf"][0]["maximum"] == 120

    def no_null(node: Any) -> None:
        if isinstance(node, dict):
            assert node.get("type") != "null"
            for value in node.values():
                no_null(value)
        elif isinstance(node, list):
            for value in node:
                no_null(value)

    no_null(plan_schema())


def test_reps_bounds_and_max() -> None:
    reps = plan_schema()["$defs"]["Exercise"]["properties"]["reps"]
    assert {"type": "integer", "minimum": 1, "maximum": 500} in reps["anyOf"]
    assert {"enum": ["max"]} in reps["anyOf"]


# A duration written as text past its bound ("1h1s" for a hold of at most an hour): a
# pattern cannot compare the number it spells. Only `pushtimer validate` finds these.
UNSAYABLE = {"hold_too_long.toml", "rest_after_too_long.toml", "switch_too_long.toml"}
VALIDATOR = jsonschema.Draft202012Validator(plan_schema())


def _flagged(data: dict[str, Any]) -> bool:
    return any(True for _ in VALIDATOR.iter_errors(json.loads(json.dumps(data, default=str))))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(plan_schema())


@pytest.mark.parametrize("path", sorted(BAD_PLANS.glob("*.toml")), ids=lambda p: p.stem)
def test_a_real_validator_flags_what_the_checker_flags(path: Path) -> None:
    """Every broken plan of the tests' data that TOML can read: the checker refuses it
    (tests/unit/test_plan_errors.py), and so does the schema, where a schema can say it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError:
        pytest.skip("not TOML: no editor gets as far as the schema")
    with pytest.raises(PlanError):
        load_plan(path)
    assert _flagged(data) is (path.name not in UNSAYABLE)


@pytest.mark.parametrize("path", sorted(SHIPPED_PLANS.glob("*.toml")), ids=lambda p: p.stem)
def test_the_shipped_plans_pass_the_schema(path: Path) -> None:
    assert not _flagged(tomllib.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("field", TEXT_FIELDS, ids=[f"{t or 'plan'}.{k}" for t, k in TEXT_FIELDS])
def test_the_schema_flags_a_control_character_in_any_text_field(field: tuple[str, str]) -> None:
    assert not _flagged(tomllib.loads(plan_with(*field, "fine text")))
    for payload in CONTROL.values():
        assert _flagged(tomllib.loads(plan_with(*field, payload))), payload
