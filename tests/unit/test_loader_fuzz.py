"""The loader only ever returns a Plan or raises PlanError, whatever it is fed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pushtimer.plan import Plan, PlanError, load_plan_bytes, load_plan_data, load_plan_text

KEYS = [
    "name", "description", "defaults", "workout", "exercise", "day", "sets", "reps", "hold",
    "tempo", "rest", "rest_after", "per_side", "cues", "prepare", "rest_between_exercises",
    "switch", "explosive", "repz", "Name",
]  # fmt: skip

leaves = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from(["max", "free", "3-1-1-0", "3110", "1m30s", "90s", "X", "0000", "3-1-X-0"]),
    st.datetimes().map(lambda d: d.replace(microsecond=0)),
    st.dates(),
    st.times().map(lambda t: t.replace(microsecond=0)),
)
toml_shaped = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=30,
)


def _loads_or_fails(load: Any, *args: Any) -> None:
    try:
        result = load(*args)
    except PlanError as error:
        assert error.lines and all(line.startswith("fuzz.toml") for line in error.lines)
        assert all("\n" not in line for line in error.lines)
    else:
        assert isinstance(result, Plan)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), toml_shaped, max_size=6))
def test_any_toml_shaped_data(data: dict[str, Any]) -> None:
    _loads_or_fails(load_plan_data, data, "fuzz.toml")


@settings(max_examples=200, deadline=None)
@given(
    st.fixed_dictionaries(
        {"name": st.one_of(st.text(max_size=5), st.integers())},
        optional={
            "workout": st.lists(
                st.fixed_dictionaries(
                    {"name": st.text(max_size=5)},
                    optional={
                        "exercise": st.lists(
                            st.dictionaries(st.sampled_from(KEYS), leaves, max_size=6), max_size=3
                        ),
                        "day": leaves,
                    },
                ),
                max_size=3,
            ),
            "defaults": st.dictionaries(st.sampled_from(KEYS), leaves, max_size=5),
        },
    )
)
def test_nearly_valid_plans(data: dict[str, Any]) -> None:
    _loads_or_fails(load_plan_data, data, "fuzz.toml")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    _loads_or_fails(load_plan_bytes, data, "fuzz.toml")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]{}=.\"'#\n abc123-_tx,")), max_size=80))
def test_toml_like_text(text: str) -> None:
    _loads_or_fails(load_plan_text, text, "fuzz.toml")


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    _loads_or_fails(load_plan_text, "a = " + "[" * 50_000, "fuzz.toml")


def test_datetime_values_are_reported() -> None:
    data = {"name": dt.date(2024, 1, 1), "exercise": [{"name": "E", "reps": dt.time(1, 2)}]}
    _loads_or_fails(load_plan_data, data, "fuzz.toml")
