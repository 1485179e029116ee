"""The TUI run for real in tmux, as a person would (benchmarks/tui_scenario.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCENARIO = REPO / "benchmarks" / "tui_scenario.sh"


@pytest.mark.realtime
@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)")
def test_a_two_set_tempo_plan_in_a_real_terminal() -> None:
    env = dict(os.environ, PUSHTIMER=str(Path(sys.executable).parent / "pushtimer"))
    result = subprocess.run(
        ["bash", str(SCENARIO)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("scenario passed")
