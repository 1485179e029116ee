"""The headless core never imports the UI toolkit (the import-linter contracts check the
source; this checks what really gets imported), and no module imports itself through
others."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

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


def _circles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of pushtimer's modules that import each other, through any chain (Tarjan's
    strongly connected components, imports made only for type checking left out)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if not other.startswith("pushtimer"):
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_through_others() -> None:
    # (cli/group.py and cli/sessions.py did: the front ends are started from
    # cli/frontends.py now, and each command is registered in cli/__init__.py by name.)
    graph = grimp.build_graph("pushtimer", exclude_type_checking_imports=True)
    assert _circles(graph) == []


def test_the_circle_finder_finds_a_circle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "pushtimer_circle"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from pushtimer_circle import b\n")
    (package / "b.py").write_text("from pushtimer_circle import a\n")
    (package / "c.py").write_text("from pushtimer_circle import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("pushtimer_circle", cache_dir=None)
    assert _circles(graph) == [["pushtimer_circle.a", "pushtimer_circle.b"]]
