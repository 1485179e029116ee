"""Shared test helpers: paths to test data and a quick way to load a plan from text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pushtimer.plan import Plan, load_plan_text

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
BAD_PLANS = DATA / "bad_plans"
SHIPPED_PLANS = REPO / "plans"


def plan_from(text: str, source: str = "plan.toml") -> Plan:
    """Load a plan written inline in a test."""
    return load_plan_text(text, source)


@pytest.fixture(autouse=True)
def _private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user's config and data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Real-process tests first: they mostly wait on the wall clock, so under xdist they
    overlap with the tests that use the CPU instead of trailing after them."""
    items.sort(key=lambda item: item.get_closest_marker("realtime") is None)
