"""The shipped settings schema matches the model, and a real JSON Schema validator agrees
with the loader about the --init file and about good and bad settings."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import msgspec
import pytest

from pushtimer.settings.errors import SettingsError
from pushtimer.settings.loader import load_settings
from pushtimer.settings.model import PlanDefaults, QuickSettings, Settings
from pushtimer.settings.schema import settings_schema
from pushtimer.settings.template import init_text
from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

VALIDATOR = jsonschema.Draft202012Validator(settings_schema())


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((REPO / "docs" / "config.schema.json").read_text(encoding="utf-8"))
    current = json.loads(json.dumps(settings_schema()))
    assert committed == current, "run `pushtimer config --schema > docs/config.schema.json`"


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(settings_schema())


def test_every_key_of_the_model_is_in_the_schema() -> None:
    defs = settings_schema()["$defs"]
    for struct in (Settings, QuickSettings, PlanDefaults):
        keys = {f.encode_name for f in msgspec.structs.fields(struct)}
        assert set(defs[struct.__name__]["properties"]) == keys
        assert defs[struct.__name__]["additionalProperties"] is False
        assert defs[struct.__name__]["description"]
        for key in keys:  # each says what it does (a table through its own definition)
            prop = defs[struct.__name__]["properties"][key]
            assert prop.get("description") or "$ref" in prop, key


def test_the_init_file_is_valid() -> None:
    assert list(VALIDATOR.iter_errors(tomllib.loads(init_text()))) == []


GOOD = [
    "",
    'sound = "off"\nvoice = true\ncount_in = 0\nreminder_every = 2\n',
    'big_figure = "seconds"\ntheme = "high-contrast"\n',
    '[quick]\nreps = "max"\nsets = 50\ntempo = "3110"\nrest = "1m30s"\nprepare = 0\n',
    '[defaults]\nprepare = "10s"\nrest = 3600\nrest_between_exercises = "2m"\nswitch = 120\n',
]
BAD = [
    'count_in = "x"\n',
    "count_in = 11\n",
    "reminder_every = 1\n",
    'sound = "loud"\n',
    'voice = "yes"\n',
    'theme = "blue"\n',
    "count-in = 3\n",
    "quick = 12\n",
    "[quick]\nreps = 0\n",
    '[quick]\nrest = "soon"\n',
    '[quick]\ntempo = "3-1-1"\n',
    "[quick]\nhold = 30\n",
    "[defaults]\nswitch = 121\n",
    '[defaults]\ntempo = "3-1-1-0"\n',
]


@pytest.mark.parametrize("text", GOOD)
def test_good_settings_pass_both(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    load_settings(path, named=True)
    assert _schema_errors(text) == []


@pytest.mark.parametrize("text", BAD)
def test_bad_settings_fail_both(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(path, named=True)
    assert _schema_errors(text) != []


def _schema_errors(text: str) -> list[Any]:
    return list(VALIDATOR.iter_errors(tomllib.loads(text)))
