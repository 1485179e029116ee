"""The shipped JSON Schema matches the model, and says what the model checks."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from pushtimer.plan.model import Defaults, Exercise, Plan, Workout
from pushtimer.plan.schema import plan_schema
from tests.conftest import REPO


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
