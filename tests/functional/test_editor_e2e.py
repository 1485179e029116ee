"""The plan editor in a real terminal, as a person would use it: ``pushtimer new``, a
name, a few fields, Ctrl+S; then the plan validates, is listed, and runs to its end."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.functional.tmux import PUSHTIMER, Terminal, needs_tmux

pytestmark = [pytest.mark.realtime, needs_tmux]

# A person looks at a new form before typing into it, and keys come a few tens of
# milliseconds apart. Keys sent in one burst by tmux reach Textual at once, and those
# after a Tab can be handed to the field the Tab leaves, before the focus has moved.
LOOK = 0.3
BETWEEN_KEYS = 0.15


def looked_at(term: Terminal, text: str) -> None:
    term.wait(text)
    time.sleep(LOOK)


def press(term: Terminal, *keys: str) -> None:
    for key in keys:
        term.keys(key)
        time.sleep(BETWEEN_KEYS)


def type_in(term: Terminal, text: str) -> None:
    term.type(text)
    time.sleep(BETWEEN_KEYS)


def test_a_plan_made_in_the_form_validates_is_listed_and_runs(tmp_path: Path) -> None:
    config, data = tmp_path / "config", tmp_path / "data"
    env = {**os.environ, "XDG_CONFIG_HOME": str(config)}
    term = Terminal("editor-e2e")
    try:
        term.start("env", f"XDG_CONFIG_HOME={config}", PUSHTIMER, "new")
        looked_at(term, "Workouts")
        type_in(term, "Floor plan")
        term.wait("Floor plan · unsaved")
        press(term, "Tab", "Enter")  # the workouts, then workout 1
        looked_at(term, "Exercises · length")
        press(term, "Enter")  # its one exercise
        looked_at(term, "Counts")
        press(term, "Tab", "Tab", "BSpace", "BSpace")  # About, then Sets: emptied
        type_in(term, "1")
        press(term, "Tab", "Tab", "BSpace", "BSpace")  # Counts, then Reps
        type_in(term, "2")
        press(term, "Tab")
        type_in(term, "1-0-1-0")  # Tempo
        press(term, "Escape", "Escape")  # back to the plan
        looked_at(term, "The plan's defaults")
        press(term, "Tab", "Tab")  # About, then Get ready
        type_in(term, "2")
        press(term, "C-s")
        term.wait("Saved to")
        press(term, "Escape")
    finally:
        term.close()
    saved = config / "pushtimer" / "plans" / "floor-plan.toml"
    text = saved.read_text(encoding="utf-8")
    assert 'name = "Floor plan"' in text
    assert "[defaults]\nprepare = 2\n" in text
    checked = subprocess.run(
        [PUSHTIMER, "validate", "floor-plan"], env=env, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout == "floor-plan: ok, 1 workout (0:06)\n"
    listed = subprocess.run([PUSHTIMER, "plans"], env=env, capture_output=True, text=True)
    assert "floor-plan: Floor plan" in listed.stdout
    # It runs, full screen, to the end, and the set is kept.
    term = Terminal("editor-e2e-run")
    try:
        term.start(
            "env", f"XDG_CONFIG_HOME={config}", PUSHTIMER, "floor-plan",
            "--data-dir", str(data), "--no-sound",
        )  # fmt: skip
        term.wait("Workout complete", 20)
    finally:
        term.close()
    history = subprocess.run(
        [sys.executable, "-m", "pushtimer", "history", "--json", "--data-dir", str(data)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"outcome": "done"' in history.stdout
    assert '"plan": "Floor plan"' in history.stdout
