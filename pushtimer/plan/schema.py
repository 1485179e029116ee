"""The JSON Schema of the plan format, derived from the model.

msgspec writes the schema; this adds what TOML needs and JSON Schema can say:
durations also accept text (``"1m30s"``), and TOML has no null, so "or null" goes.
"""

from __future__ import annotations

from typing import Any

import msgspec

from pushtimer.plan.model import Plan

SCHEMA_ID = "https://pushtimer.invalid/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict (what ``pushtimer schema`` prints), with the rules
    that tie keys together, as the checker has them (plan/validate.py): one layout of the
    two and not an empty one, an exercise of reps or of a hold (never both, and no tempo
    on a hold), a workout with at least one exercise. So an editor flags the same
    mistakes; what a schema cannot say (a duration written as text past its bound, the
    24-hour limit) only ``pushtimer validate`` finds."""
    schema = toml_schema(Plan, SCHEMA_ID, "pushtimer plan")
    defs = schema["$defs"]
    defs["Plan"]["oneOf"] = [
        {"required": ["workout"], "not": {"required": ["exercise"]}},
        {"required": ["exercise"], "not": {"required": ["workout"]}},
    ]
    for key in ("workout", "exercise"):
        defs["Plan"]["properties"][key]["minItems"] = 1
    defs["Workout"]["required"] = sorted({*defs["Workout"].get("required", []), "exercise"})
    defs["Workout"]["properties"]["exercise"]["minItems"] = 1
    defs["Exercise"]["oneOf"] = [
        {"required": ["reps"], "not": {"required": ["hold"]}},
        {"required": ["hold"], "not": {"required": ["reps"]}},
    ]
    defs["Exercise"]["dependentSchemas"] = {"hold": {"not": {"required": ["tempo"]}}}
    return schema


def toml_schema(model: type[msgspec.Struct], schema_id: str, title: str) -> dict[str, Any]:
    """The JSON Schema of a TOML file read into ``model`` (the plan, the settings)."""
    raw = msgspec.json.schema(model)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **_tidy(raw),
    }
    return schema


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _tidy(value) for key, value in node.items()}
    if isinstance(node.get("description"), str):  # a docstring of several lines: one line
        node["description"] = " ".join(node["description"].split())
    choices = node.get("anyOf")
    if isinstance(choices, list):
        kept = [c for c in choices if c != {"type": "null"}]
        if len(kept) == 1:
            node.pop("anyOf")
            node = {**kept[0], **node}
        else:
            node["anyOf"] = kept
        if node.get("default", 0) is None:
            node.pop("default")
    pattern = node.pop("x-duration-pattern", None)
    if pattern is not None:
        bounds = {k: node.pop(k) for k in ("minimum", "maximum") if k in node}
        node.pop("type", None)
        node["anyOf"] = [
            {"type": "integer", **bounds},
            {"type": "string", "pattern": pattern},
        ]
    return node
