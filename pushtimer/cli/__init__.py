"""The ``pushtimer`` command line: the group and its options (``group.py``), what the
commands share (``common.py``), and one module per family of commands: live sessions
(``sessions.py``), plans (``plans.py``), the history (``history.py``), the settings
(``config.py``) and sound (``sound.py``). Each command module registers its commands on
the group when imported, here."""

from pushtimer.cli import config, history, plans, sessions, sound  # noqa: F401 (register)
from pushtimer.cli.group import cli


def main() -> None:
    """Entry point of the console script (through pushtimer/__main__.py)."""
    cli(prog_name="pushtimer")


__all__ = ["cli", "main"]
