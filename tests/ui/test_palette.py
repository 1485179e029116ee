"""The phase colours: text on every band readable (WCAG contrast), and the phases a person
must tell apart still apart for red-green colour-blind eyes (simulated)."""

from __future__ import annotations

import itertools

import pytest

from pushtimer.ui.palette import PALETTES, PHASES, THEMES, ThemeChoice
from pushtimer.ui.widgets.phase_banner import PhaseBanner
from tests.ui.harness import session_app

# Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
}
MUST_DIFFER = ("down", "bottom", "up", "rest")


def _linear(colour: str) -> tuple[float, ...]:
    channels = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def _luminance(rgb: tuple[float, ...]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def _ratio(a: float, b: float) -> float:
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _seen(colour: str, matrix: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    rgb = _linear(colour)
    return tuple(
        min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
    )


@pytest.mark.parametrize("theme", list(PALETTES))
def test_text_on_every_band_has_enough_contrast(theme: ThemeChoice) -> None:
    palette = PALETTES[theme]
    assert set(palette) == set(PHASES)
    least = 7.0 if theme == "high-contrast" else 4.5
    for phase, (band, text) in palette.items():
        contrast = _ratio(_luminance(_linear(band)), _luminance(_linear(text)))
        assert contrast >= least, f"{theme} {phase}: {contrast:.2f}"


@pytest.mark.parametrize("theme", list(PALETTES))
@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_down_bottom_up_and_rest_differ_in_brightness(theme: ThemeChoice, vision: str) -> None:
    """Hue alone is not enough: each pair differs in brightness by 1.4:1 or more, as seen
    with full colour vision, deuteranopia and protanopia."""
    palette = PALETTES[theme]
    for a, b in itertools.combinations(MUST_DIFFER, 2):
        seen_a = _luminance(_seen(palette[a][0], SIMULATIONS[vision]))
        seen_b = _luminance(_seen(palette[b][0], SIMULATIONS[vision]))
        assert _ratio(seen_a, seen_b) >= 1.4, f"{theme}, {vision}: {a} and {b}"


def test_every_theme_gives_the_stylesheet_every_phase_colour() -> None:
    for theme in THEMES.values():
        for phase in PHASES:
            assert f"phase-{phase}" in theme.variables
            assert f"phase-{phase}-text" in theme.variables


@pytest.mark.parametrize("theme", list(THEMES))
async def test_the_app_starts_in_its_theme_without_a_second_css_pass(
    theme: ThemeChoice, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame is in the chosen theme: its name, its light or dark class, and the
    band painted in its colours; and the stylesheet is not parsed a second time for it
    (a theme change would, about 10 ms before the first frame)."""
    reparsed: list[object] = []
    app = session_app(theme=theme)
    original = app.stylesheet.reparse
    monkeypatch.setattr(app.stylesheet, "reparse", lambda: reparsed.append(original()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == THEMES[theme].name
        assert app.has_class("-light-mode") is (theme == "light")
        assert app.has_class("-dark-mode") is (theme != "light")
        banner = app.screen.query_one(PhaseBanner)
        band, text = PALETTES[theme][banner.kind]
        style = banner.render().spans[0].style  # type: ignore[union-attr]
        assert str(style) == f"bold {text} on {band}"
        background = THEMES[theme].to_color_system().generate()["background"]
        assert app.screen.styles.background.hex.lower() == background.lower()
    assert reparsed == []


TEXT_ON_BACKGROUND = ("text-accent", "text-warning", "text-success", "text-error")


@pytest.mark.parametrize("theme", list(THEMES))
def test_coloured_text_on_the_screen_has_enough_contrast(theme: ThemeChoice) -> None:
    """The time left, the sound line, "< next", a form's problems and the footer's keys
    read at 4.5:1 or more on the background they are drawn on, in every theme."""
    colours = {**THEMES[theme].to_color_system().generate(), **THEMES[theme].variables}
    for name in TEXT_ON_BACKGROUND:
        for ground in ("background", "surface"):
            ratio = _ratio(_luminance(_linear(colours[name])), _luminance(_linear(colours[ground])))
            assert ratio >= 4.5, f"{theme}: ${name} on ${ground} is {ratio:.2f}:1"
    key, footer = colours["footer-key-foreground"], colours["footer-background"]
    ratio = _ratio(_luminance(_linear(key)), _luminance(_linear(footer)))
    assert ratio >= 4.5, f"{theme}: footer keys {ratio:.2f}:1"
