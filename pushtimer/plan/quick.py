"""The one-exercise plan behind ``pushtimer quick`` and the picker's quick-set form."""

from __future__ import annotations

from msgspec import Struct

from pushtimer.plan.loader import load_plan_data
from pushtimer.plan.model import Plan

QUICK_SOURCE = "quick set"


class QuickValues(Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A quick set as typed (the form's fields, the command's arguments): text such as
    ``"12"``, ``"max"``, ``"45s"``, ``"3-1-1-0"``, checked only when the plan is made."""

    reps: str | None
    hold: str | None
    sets: str
    tempo: str | None
    rest: str | None
    per_side: bool
    prepare: str

    def plan(self) -> Plan:
        """The checked plan (raises as ``quick_plan`` does)."""
        return quick_plan(
            reps=self.reps,
            hold=self.hold,
            sets=self.sets,
            tempo=self.tempo,
            rest=self.rest,
            per_side=self.per_side,
            prepare=self.prepare,
        )


def quick_plan(
    *,
    reps: str | None = None,
    hold: str | None = None,
    sets: str = "1",
    tempo: str | None = None,
    rest: str | None = None,
    per_side: bool = False,
    prepare: str = "5",
) -> Plan:
    """Build and check a single-exercise plan from text as typed (``"12"``, ``"max"``,
    ``"45s"``, ``"3-1-1-0"``). Raises ValueError when neither or both of reps and hold are
    given, and PlanError (every problem, one line each) for values out of bounds."""
    if (reps is None) == (hold is None):
        raise ValueError("give reps or a hold in seconds (one of the two)")
    exercise: dict[str, object] = {"name": "Hold" if hold else "Quick set", "sets": _number(sets)}
    for key, value in (("reps", reps), ("hold", hold), ("tempo", tempo), ("rest", rest)):
        if value is not None:
            exercise[key] = value if key == "tempo" else _number(value)
    if per_side:
        exercise["per_side"] = True
    data = {
        "name": exercise["name"],
        "defaults": {"prepare": _number(prepare)},
        "exercise": [exercise],
    }
    return load_plan_data(data, QUICK_SOURCE)


def _number(text: str) -> int | str:
    """Values as the plan format has them: whole numbers, or text for the checker."""
    text = text.strip()
    # ASCII digits only ("١٢" is not 12), and few enough to be a number the checker bounds.
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else text
