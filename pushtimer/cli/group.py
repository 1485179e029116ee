"""The ``pushtimer`` group: its own options (--data-dir, --config, --version), PLAN as a
shortcut for the hidden ``open`` command, and no command at all for the plan picker."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pushtimer import __version__
from pushtimer.cli import common
from pushtimer.cli.common import DATA_DIR_OPTION, NO_SOUND, settings
from pushtimer.served import served


class _PlanOrCommand(click.Group):
    """``pushtimer PLAN`` opens a plan; anything else that is a command name runs it."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return args[0], self.commands["open"], args  # (its name in messages: the plan)
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] [PLAN [--workout N|NAME]] | COMMAND ...")


class PlanShortcut(click.Command):
    """The hidden ``open`` command behind ``pushtimer PLAN``: its help shows that usage,
    not a command name nobody types."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        parent = ctx.parent.command_path if ctx.parent is not None else "pushtimer"
        formatter.write_usage(parent, "PLAN [OPTIONS]")


def interactive() -> bool:
    """Both ends are a terminal that can draw a full screen (a ``TERM=dumb`` one cannot:
    it gets plain mode), so keys can be read and a screen drawn; or the app is served to
    a browser (``pushtimer serve``), whose pipes are its screen and keys."""
    if served():
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.group(
    cls=_PlanOrCommand,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", "-V", prog_name="pushtimer")
@DATA_DIR_OPTION
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    envvar="PUSHTIMER_CONFIG",
    metavar="FILE",
    help="The settings file [default: config.toml in the user config folder].",
)
@click.option(
    "--no-sound",
    is_flag=True,
    help="No sound, in the picker and in any session it or the command starts.",
)
@click.pass_context
def cli(
    ctx: click.Context, data_dir: Path | None, config_file: Path | None, no_sound: bool
) -> None:
    """A terminal workout timer: tempo-paced reps, holds and rests from a TOML plan.

    PLAN is a plan file, or the name of a shipped or saved plan (try `pushtimer plans`).
    """
    ctx.meta[NO_SOUND] = no_sound
    if ctx.invoked_subcommand is not None:
        return
    if not interactive():
        ctx.invoke(cli.commands["plans"])  # not a terminal: print the list instead
        return
    from pushtimer.cli.frontends import open_history, run_full_screen
    from pushtimer.session.options import SessionOptions

    found = settings()
    values = found.settings
    sound = "off" if no_sound else values.sound
    options = SessionOptions(None, sound, values.voice, common.data_dir(data_dir))
    store, options = open_history(options)
    run_full_screen(None, options, found, store)
