"""Durations as plans write them (``90``, ``"90s"``, ``"1m30s"``, ``"2m"``) and as shown."""

from __future__ import annotations

import re

# Hours, minutes and seconds, each optional but at least one present, in that order. ASCII
# digits only (30 in Arabic-Indic digits is not 30 seconds), and at most nine of them (a
# number of 5000 digits is text to refuse, not to turn into an int).
DURATION_PATTERN = r"^(?=[0-9])([0-9]+h)?([0-9]+m)?([0-9]+s)?$"
_DURATION = re.compile(r"(?:([0-9]{1,9})h)?(?:([0-9]{1,9})m)?(?:([0-9]{1,9})s)?")


def parse_duration(text: str) -> int:
    """Turn ``"1m30s"`` into 90. Raises ValueError when the text is not a duration."""
    match = _DURATION.fullmatch(text.strip())
    if not text.strip() or match is None:
        raise ValueError(f"not a duration: {text!r}")
    hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def format_clock(seconds: float) -> str:
    """``760`` -> ``"12:40"``, ``3723`` -> ``"1:02:03"``: how a timer shows time."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_span(seconds: int) -> str:
    """``90`` -> ``"1m30s"``, ``60`` -> ``"1m"``: a length in the plan's own notation."""
    if seconds <= 0:
        return "0s"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    units = ((hours, "h"), (minutes, "m"), (secs, "s"))
    return "".join(f"{amount}{unit}" for amount, unit in units if amount)
