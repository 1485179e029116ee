import pytest

from pushtimer.plan.durations import format_clock, format_span, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("1m30s", 90), ("2m", 120), ("1h", 3600), ("1h1m1s", 3661), ("0s", 0)],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text", ["", "s", "m", "1.5m", "90 s", "1s30m", "a minute", "-5s", "2M", "45"]
)
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "0:00"), (9, "0:09"), (760, "12:40"), (3723, "1:02:03"), (-3, "0:00")],
)
def test_format_clock(seconds: int, shown: str) -> None:
    assert format_clock(seconds) == shown


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0, "0s"), (45, "45s"), (60, "1m"), (90, "1m30s"), (3601, "1h1s")]
)
def test_format_span(seconds: int, shown: str) -> None:
    assert format_span(seconds) == shown
