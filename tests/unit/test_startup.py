"""Garbage collection held for the start: off until released, then on, with what the
start made frozen; releasing when it is on already changes nothing."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from pushtimer.startup import release_collection

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import gc
from pushtimer.startup import hold_collection, release_collection
hold_collection()
held = gc.isenabled()
stuff = [[i] for i in range(50_000)]  # made during the start
release_collection()
print(held, gc.isenabled(), gc.get_freeze_count() >= 50_000)
release_collection()
print(gc.isenabled())
"""


def test_holding_then_releasing_turns_collection_off_then_on_and_freezes() -> None:
    # In a process of its own: freezing here would keep this test run's garbage for good.
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "True", "True", "True"]


def test_releasing_when_collection_is_on_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    release_collection()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_console_script_holds_collection_before_importing_the_app() -> None:
    """``pushtimer`` (and ``python -m pushtimer``) start in pushtimer.__main__, which holds
    collection before the command line (and Textual) is imported."""
    script = (
        "import sys, gc, pushtimer.__main__ as entry, pushtimer.startup as s\n"
        "sys.argv = ['pushtimer', '--version']\n"
        "seen = []\n"
        "real = s.hold_collection\n"
        "entry.hold_collection = lambda: (seen.append('textual' in sys.modules), real())\n"
        "try:\n    entry.main()\nexcept SystemExit:\n    pass\n"
        "print(seen, gc.isenabled())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "[False] False"  # held first; --version never releases


def test_the_full_screen_releases_collection_after_its_first_frame() -> None:
    script = (
        "import asyncio, gc\n"
        "from pushtimer.startup import hold_collection\n"
        "hold_collection()\n"
        "from tests.ui.harness import session_app\n"
        "async def main():\n"
        "    app = session_app()\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout
    assert out.split() == ["True", "True"]


def test_what_a_session_starts_with_leaves_out_what_only_other_commands_need() -> None:
    """Memory at the start of a set is held near a bare Textual app's: OpenSSL (through
    ``secrets``), ctypes and the chart library load only when something needs them."""
    code = (
        "import sys\n"
        "import pushtimer.cli, pushtimer.ui.app, pushtimer.ui.launch, pushtimer.plain.launch\n"
        "import pushtimer.history.writer, pushtimer.audio.player, pushtimer.audio.backends\n"
        "print(sorted({'secrets', '_hashlib', 'ctypes', 'plotext', 'aiohttp'} & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.strip() == "[]"
