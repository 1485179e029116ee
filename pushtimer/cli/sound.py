"""``pushtimer sound-check`` (its logic: pushtimer/audio/check.py)."""

from __future__ import annotations

import click

from pushtimer.audio import SOUND_CHOICES, ring_terminal_bell
from pushtimer.cli.common import given, settings
from pushtimer.printable import say


@click.command("sound-check", short_help="Play every cue, and say how sound plays here.")
@click.option(
    "--sound",
    type=click.Choice(SOUND_CHOICES),
    default="auto",
    help="Check this way of playing only [default: the settings' sound, else auto].",
)
def sound_check(sound: str) -> None:
    """Play every cue in turn and say which way of playing played it."""
    from pushtimer.audio.check import sound_check as check

    if not given("sound"):
        sound = settings().settings.sound
    check(sound, ring_terminal_bell, say)
