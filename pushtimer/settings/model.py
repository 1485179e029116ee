"""The settings file (``config.toml``) as typed models: every key, its default and bounds.

These Structs are the single source of truth for the file, as the plan's models are for
plans (docs/settings.md): the plan checker checks them (same words, bounds and
did-you-mean), ``pushtimer config --schema`` derives the JSON Schema from them and
``pushtimer config --init`` writes its file from them. The ``[quick]`` and ``[defaults]``
tables reuse the plan format's own types, so their bounds and spellings are the plan's.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from pushtimer.plan.model import Defaults, Prepare, Reps, Rest, Sets, Switch, TempoText
from pushtimer.plan.quick import QuickValues

# The same choices as ``--sound`` (pushtimer.audio.SOUND_CHOICES; a test holds them equal).
SoundChoice = Literal["auto", "simpleaudio", "player", "bell", "off"]
BigFigure = Literal["rep", "seconds"]
Theme = Literal["dark", "light", "high-contrast"]

_PLAN = Defaults()  # the plan format's built-in defaults


class QuickSettings(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Defaults for `pushtimer quick` and the quick-set form (which starts from the last
    quick set you did, when there is one)."""

    reps: Annotated[
        Reps,
        Meta(
            description=(
                'Reps the quick-set form starts with (1 to 500, or "max"); on the command '
                "line REPS or --hold is always given."
            )
        ),
    ] = 12
    sets: Sets = 1
    tempo: TempoText = _PLAN.tempo
    rest: Annotated[Rest, Meta(description="Rest between sets.")] = _PLAN.rest
    prepare: Annotated[Prepare, Meta(description="Get-ready countdown before the set.")] = 5

    def values(self) -> QuickValues:
        """These values as the form and ``pushtimer quick`` take them (text)."""
        return QuickValues(
            reps=str(self.reps),
            hold=None,
            sets=str(self.sets),
            tempo=self.tempo,
            rest=str(self.rest),
            per_side=False,
            prepare=str(self.prepare),
        )


class PlanDefaults(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """What a plan's own [defaults] leaves out, for every plan that is run, opened, shown or
    listed (`pushtimer validate` checks a plan as written, without these). Same bounds and
    spellings as in a plan."""

    prepare: Annotated[
        Prepare, Meta(description="Get-ready countdown before the first set of a workout.")
    ] = _PLAN.prepare
    rest: Annotated[Rest, Meta(description="Rest between sets of one exercise.")] = _PLAN.rest
    rest_between_exercises: Annotated[
        Rest, Meta(description="Rest after an exercise's last set, before the next exercise.")
    ] = _PLAN.rest_between_exercises
    switch: Switch = _PLAN.switch


class Settings(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """pushtimer's settings (config.toml): every key is optional; command-line flags beat it."""

    sound: Annotated[
        SoundChoice,
        Meta(
            description=(
                'How cues are played: "auto" uses the first way that works (simpleaudio, a '
                'sound player, the terminal bell); "off" is silence.'
            )
        ),
    ] = "auto"
    voice: Annotated[
        bool,
        Meta(
            description=(
                'Also speak each set, "switch sides", "rest" and "done" (espeak-ng, espeak or say).'
            )
        ),
    ] = False
    count_in: Annotated[
        int,
        Meta(
            ge=0,
            le=10,
            description="Seconds of GET READY before work goes on after a pause; 0: none.",
        ),
    ] = 3
    reminder_every: Annotated[
        int,
        Meta(ge=2, le=60, description="Seconds each form reminder shows before the next."),
    ] = 6
    big_figure: Annotated[
        BigFigure,
        Meta(
            description=(
                'What the big digits show during tempo reps: the rep count ("rep") or the '
                'seconds left of the phase ("seconds").'
            )
        ),
    ] = "rep"
    theme: Annotated[Theme, Meta(description="Colours of the full screen.")] = "dark"
    quick: QuickSettings = msgspec.field(default_factory=QuickSettings)
    defaults: PlanDefaults = msgspec.field(default_factory=PlanDefaults)
