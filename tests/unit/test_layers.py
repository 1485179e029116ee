"""The headless core never imports the UI toolkit (the import-linter contract checks the
source; this checks what really gets imported)."""

from __future__ import annotations

import subprocess
import sys

HEADLESS = [
    "pushtimer.plan",
    "pushtimer.plan.catalog",
    "pushtimer.plan.schema",
    "pushtimer.session",
    "pushtimer.session.timeline",
    "pushtimer.session.live",
    "pushtimer.audio.player",
    "pushtimer.audio.synth",
    "pushtimer.history.store",
    "pushtimer.history.recorder",
    "pushtimer.history.report",
    "pushtimer.settings",
    "pushtimer.settings.loader",
    "pushtimer.settings.report",
    "pushtimer.settings.template",
    "pushtimer.settings.schema",
    "pushtimer.settings.last_quick",
    "pushtimer.plain",
    "pushtimer.plain.launch",
    "pushtimer.printable",
    "pushtimer.audio.check",
    "pushtimer.session.options",
    "pushtimer.outline",
    "pushtimer.cli",
    "pushtimer.coach.targets",
]


def test_headless_modules_import_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {HEADLESS!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
