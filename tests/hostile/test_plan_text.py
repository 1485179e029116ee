"""Plan text with control characters is a plan error in every field; invisible characters
are allowed but shown escaped by every command, and written as ``\\uXXXX`` in JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import load_plan
from tests.hostile.fixtures import CONTROL, INVISIBLE, TEXT_FIELDS, plan_with, raw_characters


def pushtimer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pushtimer", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd), "XDG_CONFIG_HOME": str(cwd)},
    )


@pytest.mark.parametrize("payload", list(CONTROL), ids=list(CONTROL))
@pytest.mark.parametrize("field", TEXT_FIELDS, ids=[f"{t or 'plan'}.{k}" for t, k in TEXT_FIELDS])
def test_a_control_character_in_any_text_field_is_a_plan_error(
    field: tuple[str, str], payload: str, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(plan_with(*field, CONTROL[payload]), encoding="utf-8")
    with pytest.raises(PlanError) as raised:
        load_plan(path)
    (line,) = raised.value.lines
    assert f'"{field[1]}"' in line and "control character" in line, line
    assert raw_characters(line) == [], line


@pytest.mark.parametrize("payload", list(INVISIBLE), ids=list(INVISIBLE))
def test_invisible_characters_are_shown_escaped_by_show_and_as_escapes_in_json(
    payload: str, tmp_path: Path
) -> None:
    text = INVISIBLE[payload]
    path = tmp_path / "plan.toml"
    path.write_text(plan_with("exercise", "name", text), encoding="utf-8")
    shown = pushtimer("show", str(path), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert raw_characters(shown.stdout) == []
    assert "\\u" in shown.stdout  # the escape, visible
    as_json = pushtimer("show", str(path), "--json", cwd=tmp_path)
    assert raw_characters(as_json.stdout) == []
    names = {w["segments"][1]["exercise"] for w in json.loads(as_json.stdout)["workouts"]}
    assert names == {text}  # the same text, once read as JSON


def test_a_description_may_have_line_breaks_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(plan_with("exercise", "description", "one\ntwo"), encoding="utf-8")
    assert load_plan(path).workouts[0].exercises[0].description == "one\ntwo"
    path.write_text(plan_with("exercise", "description", "one\ttwo"), encoding="utf-8")
    with pytest.raises(PlanError):
        load_plan(path)


def test_every_item_of_a_list_with_a_control_character_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cues.toml"
    cues = ["ok", "c1\u009bx", "tab\tx", "cr\rx"]
    path.write_text(plan_with("exercise", "cues", "x").replace('["x"]', json.dumps(cues)))
    with pytest.raises(PlanError) as raised:
        load_plan(path)
    assert [line.split('"cues" ')[1][:6] for line in raised.value.lines] == [
        "item 2",
        "item 3",
        "item 4",
    ]
