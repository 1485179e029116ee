"""Tempo notation: four phases of a rep in seconds, in the order a push-up moves.

``"3-1-1-0"`` (or ``"3110"``) means 3 s lowering, 1 s pause at the bottom, 1 s pushing up,
no pause at the top. A phase may be ``X`` (explosive: as fast as you can, paced at
``defaults.explosive`` seconds). ``"free"`` means no pacing at all.
"""

from __future__ import annotations

import re

from msgspec import Struct

from pushtimer.plan.wording import quote

MAX_PHASE_SECONDS = 30
PHASE_NAMES = ("lowering", "pause at the bottom", "pushing up", "pause at the top")

_PHASE = r"(?:[0-9]|[12][0-9]|30|[xX])"
# For the JSON Schema: dashed, compact or free. The parser below gives the precise errors.
# A tempo of four phases, not all zero (a rep of no time), or "free".
TEMPO_PATTERN = (
    rf"^(?!(?:0-0-0-0|0000)$)(?:{_PHASE}-{_PHASE}-{_PHASE}-{_PHASE}|[0-9xX]{{4}}|[fF][rR][eE][eE])$"
)


class Tempo(Struct, frozen=True):
    """A parsed tempo. ``phases`` is None for a free (unpaced) set; an X phase is None."""

    phases: tuple[int | None, int | None, int | None, int | None] | None

    @property
    def free(self) -> bool:
        return self.phases is None

    def seconds(self, explosive: int) -> tuple[int, int, int, int]:
        """The length of each phase, with X phases lasting ``explosive`` seconds."""
        if self.phases is None:
            raise ValueError("a free tempo has no phases")
        down, bottom, up, top = (explosive if p is None else p for p in self.phases)
        return (down, bottom, up, top)

    def __str__(self) -> str:
        if self.phases is None:
            return "free"
        return "-".join("X" if p is None else str(p) for p in self.phases)


FREE = Tempo(None)


def parse_tempo(text: str) -> Tempo:
    """Parse ``"3-1-1-0"``, ``"3110"``, ``"3-1-X-0"`` or ``"free"``.

    Raises ValueError with a message that completes the sentence ``"tempo" ...``.
    """
    clean = text.strip()
    if clean.lower() == "free":
        return FREE
    if "-" in clean:
        parts = clean.split("-")
    elif re.fullmatch(r"[0-9xX]{4}", clean):
        parts = list(clean)
    else:
        parts = []
    if len(parts) != 4:
        raise ValueError(
            'must be four phases like "3-1-1-0" or "3110" (lowering, bottom, up, top), '
            f'or "free"; got {quote(text)}'
        )
    phases: list[int | None] = []
    for name, part in zip(PHASE_NAMES, parts, strict=True):
        if part.upper() == "X":
            phases.append(None)
        elif re.fullmatch(r"[0-9]{1,2}", part) and int(part) <= MAX_PHASE_SECONDS:
            phases.append(int(part))
        else:
            raise ValueError(
                f"has {quote(part)} for the {name}; each phase must be 0 to "
                f"{MAX_PHASE_SECONDS} seconds or X (explosive), got {quote(text)}"
            )
    if all(p == 0 for p in phases):
        raise ValueError(
            f'adds up to 0 seconds ({quote(text)}); give a phase some time, or use "free" '
            "for an unpaced set"
        )
    return Tempo((phases[0], phases[1], phases[2], phases[3]))
