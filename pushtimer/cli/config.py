"""``pushtimer config``: the settings file's path and every value in effect, ``--init``
to write a commented one, ``--schema`` for editors (docs/settings.md)."""

from __future__ import annotations

import sys

import click

from pushtimer.cli.common import EXIT_USAGE, echo_json, settings, settings_path
from pushtimer.printable import say


@click.command("config", short_help="The settings in effect, and where each comes from.")
@click.option(
    "--init",
    "write_file",
    is_flag=True,
    help="Write the settings file: every key with what it does, its bounds and its default, "
    "commented out (creates the folder; never overwrites unless --force).",
)
@click.option("--force", is_flag=True, help="With --init: write over a file that is there.")
@click.option("--schema", "as_schema", is_flag=True, help="Print the settings' JSON Schema.")
def config(write_file: bool, force: bool, as_schema: bool) -> None:
    """Show the settings file and every value in effect, with where it comes from: the file
    or the built-in default. Flags on the command line beat both.

    The file is config.toml in the user config folder, or the one `pushtimer --config FILE`
    or PUSHTIMER_CONFIG names.
    """
    if write_file and as_schema:
        raise click.UsageError("choose one of --init and --schema")
    if force and not write_file:
        raise click.UsageError("--force goes with --init")
    if as_schema:
        from pushtimer.settings.schema import settings_schema

        echo_json(settings_schema())
    elif write_file:
        _write_settings_file(force)
    else:
        from pushtimer.settings.report import config_lines

        for line in config_lines(settings(), settings_path()[1]):
            say(line)


def _write_settings_file(force: bool) -> None:
    from pushtimer.settings.template import init_text

    path = settings_path()[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w" if force else "x", encoding="utf-8") as out:
            out.write(init_text())
    except FileExistsError:
        say(f"{path}: already there; `pushtimer config --init --force` writes over it", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        say(f"{path}: cannot be written: {reason}", err=True)
        sys.exit(EXIT_USAGE)
    say(f"Wrote {path}: every key with its default, commented out.")
