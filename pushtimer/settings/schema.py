"""The JSON Schema of the settings file, derived from the model as the plan's is."""

from __future__ import annotations

from typing import Any

from pushtimer.plan.schema import toml_schema
from pushtimer.settings.model import Settings

SCHEMA_ID = "https://pushtimer.invalid/config.schema.json"


def settings_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict (what ``pushtimer config --schema`` prints)."""
    return toml_schema(Settings, SCHEMA_ID, "pushtimer settings")
