"""The phase colours of each theme (docs/architecture.md, "Readable from the floor").

Every phase band has its own colour and the colour of the text on it. The colours differ in
brightness as well as hue, so DOWN, BOTTOM, UP and REST stay apart for red-green
colour-blind eyes, and text on a band has a contrast of at least 4.5:1 (7:1 in the
high-contrast theme); tests/unit/test_palette.py checks both. The stylesheet reads them as
``$phase-down`` and ``$phase-down-text``.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from textual.theme import BUILTIN_THEMES, Theme

ThemeChoice = Literal["dark", "light", "high-contrast"]
PHASES = ("prepare", "down", "bottom", "up", "top", "hold", "open", "switch", "rest", "paused")
Palette = dict[str, tuple[str, str]]  # phase -> (band colour, text colour)

_DARK: Palette = {
    "prepare": ("#e8b53a", "#000000"),
    "down": ("#1d4ed8", "#ffffff"),
    "bottom": ("#e39ad0", "#000000"),
    "up": ("#f2e35c", "#000000"),
    "top": ("#7cc7f0", "#000000"),
    "hold": ("#e07b00", "#000000"),
    "open": ("#f2e35c", "#000000"),
    "switch": ("#8e44ad", "#ffffff"),
    "rest": ("#5c8a84", "#000000"),
    "paused": ("#9e9e9e", "#000000"),
}
_LIGHT: Palette = {**_DARK, "paused": ("#6b6b6b", "#ffffff")}
_HIGH_CONTRAST: Palette = {
    "prepare": ("#ffd000", "#000000"),
    "down": ("#0000ee", "#ffffff"),
    "bottom": ("#ffb0ff", "#000000"),
    "up": ("#ffff00", "#000000"),
    "top": ("#00ffff", "#000000"),
    "hold": ("#ff9900", "#000000"),
    "open": ("#ffff00", "#000000"),
    "switch": ("#ffb0ff", "#000000"),
    "rest": ("#00b347", "#000000"),
    "paused": ("#ffffff", "#000000"),
}
PALETTES: dict[ThemeChoice, Palette] = {
    "dark": _DARK,
    "light": _LIGHT,
    "high-contrast": _HIGH_CONTRAST,
}


# Coloured text on the screen's background (the time left, the sound line, "< next", a
# form's problems) uses Textual's ``$text-accent`` and its kin. Textual's light theme makes
# those 3.0-3.8:1 on its grey, and its footer keys 2.9:1: darker ones here, at least 4.5:1
# (tests/ui/test_palette.py checks every theme).
_LIGHT_TEXT = {
    "text-accent": "#7a4300",
    "text-warning": "#7a4300",
    "text-success": "#176030",
    "footer-key-foreground": "#00508f",
}
TEXT_VARIABLES: dict[ThemeChoice, dict[str, str]] = {
    "dark": {},
    "light": _LIGHT_TEXT,
    "high-contrast": {"text-muted": "#ffffff", "footer-key-foreground": "#ffff00"},
}


def variables(palette: Palette) -> dict[str, str]:
    """The stylesheet's ``$phase-<kind>`` and ``$phase-<kind>-text``."""
    names: dict[str, str] = {}
    for phase, (band, text) in palette.items():
        names[f"phase-{phase}"] = band
        names[f"phase-{phase}-text"] = text
    return names


def _themes() -> dict[ThemeChoice, Theme]:
    dark, light = BUILTIN_THEMES["textual-dark"], BUILTIN_THEMES["textual-light"]
    high_contrast = Theme(
        name="pushtimer-high-contrast",
        primary="#ffff00",
        secondary="#00ffff",
        accent="#ffff00",
        warning="#ffd000",
        error="#ff5050",
        success="#00ff66",
        foreground="#ffffff",
        background="#000000",
        surface="#000000",
        panel="#1a1a1a",
        dark=True,
        text_alpha=1.0,
    )
    bases: dict[ThemeChoice, Theme] = {"dark": dark, "light": light, "high-contrast": high_contrast}
    return {
        choice: dataclasses.replace(
            base,
            name=f"pushtimer-{choice}",
            variables={**base.variables, **TEXT_VARIABLES[choice], **variables(PALETTES[choice])},
        )
        for choice, base in bases.items()
    }


THEMES: dict[ThemeChoice, Theme] = _themes()
