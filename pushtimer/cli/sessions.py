"""The commands that start a live session: ``pushtimer PLAN`` (``open``), ``run`` and
``quick``, their shared options, and the choice of front end: the full screen when both
ends are a terminal, plain line mode when asked for or when they are not."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pushtimer.audio import SOUND_CHOICES
from pushtimer.cli import common, group
from pushtimer.cli.common import (
    DATA_DIR_OPTION,
    WORKOUT_OPTION,
    chosen_workouts,
    flag_or,
    given,
    history_errors,
    load_with_source,
    no_sound_asked,
    plan_errors,
    settings,
)
from pushtimer.cli.frontends import open_history, run_full_screen, run_plain_mode
from pushtimer.cli.group import PlanShortcut
from pushtimer.session.options import SessionOptions

if TYPE_CHECKING:
    from pushtimer.plan.model import Plan


def session_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add --cue-log, --no-sound, --sound, --voice and --data-dir, passed on as
    ``session``. Sound and voice not given here come from the settings."""

    @functools.wraps(command)
    def run(
        *args: Any,
        cue_log: str | None,
        no_sound: bool,
        sound: str,
        voice: bool,
        data_dir: Path | None,
        **kwargs: Any,
    ) -> None:
        values = settings().settings
        if no_sound_asked(no_sound):
            sound = "off"
        elif not given("sound"):
            sound = values.sound
        if not given("voice"):
            voice = values.voice
        chosen = SessionOptions(cue_log, sound, voice, common.data_dir(data_dir))
        command(*args, session=chosen, **kwargs)

    options = (
        click.option(
            "--cue-log",
            type=click.Path(dir_okay=False),
            help="Write one JSON line per segment start to FILE (diagnostics).",
        ),
        click.option("--no-sound", is_flag=True, help="No sound (the same as --sound off)."),
        click.option(
            "--sound",
            type=click.Choice(SOUND_CHOICES),
            default="auto",
            help="How to play cues: the first that works, or only the one named "
            "[default: the settings' sound, else auto].",
        ),
        click.option(
            "--voice/--no-voice",
            default=False,
            help='Speak each set, "switch sides", "rest" and "done" (espeak-ng or say) '
            "[default: the settings' voice, else no].",
        ),
        DATA_DIR_OPTION,
    )
    for option in reversed(options):
        run = option(run)
    return run


PLAIN_OPTION = click.option(
    "--plain", is_flag=True, help="Plain line mode: one line per cue, no full-screen view."
)


@click.command("open", hidden=True, cls=PlanShortcut)
@click.argument("plan")
@WORKOUT_OPTION
@PLAIN_OPTION
@session_options
def open_plan(plan: str, workout: str | None, plain: bool, session: SessionOptions) -> None:
    """Open PLAN for a live session (the workout due next, unless --workout says)."""
    _start_plan(plan, workout, plain, session)


@click.command(short_help="A session of a plan (the workout due next).")
@click.argument("plan")
@WORKOUT_OPTION
@PLAIN_OPTION
@session_options
def run(plan: str, workout: str | None, plain: bool, session: SessionOptions) -> None:
    """Run a session of PLAN: the workout due next (after the last one you finished), or
    the one --workout names.

    In plain mode: Enter or Space pauses and resumes (or says done in an open set; type the
    count first for a "max" set), n skips, b goes back, + and - change a rest, m mutes, q quits.
    """
    _start_plan(plan, workout, plain, session)


def _start_plan(plan: str, workout: str | None, plain: bool, session: SessionOptions) -> None:
    with plan_errors():
        loaded, source = load_with_source(plan, settings().plan_defaults())
        index = chosen_workouts(loaded, plan, workout)[0] if workout is not None else None
    start_session(loaded, source, index, session, plain)


@click.command(short_help="One exercise now: reps with a tempo, or a hold.")
@click.argument("reps", required=False)
@click.option("--hold", metavar="SECONDS", help="A timed hold instead of reps (90, 90s, 1m30s).")
@click.option("--sets", metavar="N", help="How many sets [default: quick.sets, else 1].")
@click.option(
    "--tempo",
    metavar="T",
    help='Tempo such as 3-1-1-0, 3110 or "free" [default: quick.tempo, else 3-1-1-0].',
)
@click.option("--rest", metavar="SECONDS", help="Rest between sets [default: quick.rest, else 60].")
@click.option("--per-side", is_flag=True, help="Each set left, then right.")
@click.option(
    "--prepare", metavar="SECONDS", help="Get-ready time [default: quick.prepare, else 5]."
)
@PLAIN_OPTION
@session_options
def quick(
    reps: str | None,
    hold: str | None,
    sets: str | None,
    tempo: str | None,
    rest: str | None,
    per_side: bool,
    prepare: str | None,
    plain: bool,
    session: SessionOptions,
) -> None:
    """Pace a single exercise now: REPS per set (or "max"), or --hold SECONDS. What is not
    given comes from the settings' [quick] table, else the built-in defaults.

    \b
    pushtimer quick 12 --tempo 3-1-1-0
    pushtimer quick 8 --sets 3 --rest 90 --per-side
    pushtimer quick --hold 45 --sets 2
    """
    from pushtimer.plan.quick import QUICK_SOURCE, QuickValues
    from pushtimer.settings.last_quick import save_last_quick

    base = settings().settings.quick.values()
    values = QuickValues(
        reps=reps,  # always typed: a quick set never starts from a number not given here
        hold=hold,
        sets=flag_or("sets", sets, base.sets),
        tempo=flag_or("tempo", tempo, None if hold is not None else base.tempo),
        rest=flag_or("rest", rest, base.rest),
        per_side=per_side,
        prepare=flag_or("prepare", prepare, base.prepare),
    )
    with plan_errors():
        try:
            loaded = values.plan()
        except ValueError as error:
            raise click.UsageError("give REPS or --hold SECONDS (one of the two)") from error
    # The quick-set form starts from these values next time.
    remember = functools.partial(save_last_quick, session.data_dir, values)
    start_session(loaded, QUICK_SOURCE, 0, session, plain, starting=remember)


def start_session(
    plan: Plan,
    source: str,
    index: int | None,
    options: SessionOptions,
    plain: bool,
    starting: Callable[[], None] | None = None,
) -> None:
    """The full screen, or plain line mode when asked for or when there is no terminal to
    draw on. ``index`` None means the workout due next by the history; ``starting`` is
    called once the session is sure to start (its history is open)."""
    from pushtimer.coach.targets import coach

    check_cue_log(options.cue_log)
    store, options = open_history(options)
    with history_errors():
        rows = store.sessions() if store else []
    if index is None:
        from pushtimer.history.report import next_workout

        index = next_workout(rows, plan)[0]
    coaching = coach(plan, rows, source)  # the targets in effect (docs/plan-format.md)
    if starting is not None:
        starting()
    found = settings()
    if plain or not group.interactive():
        if store is not None:
            store.close()
        run_plain_mode(index, options, found.settings.count_in, coaching, rows)
    from pushtimer.ui.app import Start

    run_full_screen(Start(coaching.applied, index, source, coaching), options, found, store)


def check_cue_log(path: str | None) -> None:
    """--cue-log names a file that can be written (its folder exists, it is not a
    folder), or the command stops here with one line, before any session starts."""
    if path is None:
        return
    try:
        with Path(path).expanduser().open("a", encoding="utf-8"):
            pass
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise click.BadParameter(
            f"cannot write {path!r}: {reason}", param_hint="'--cue-log'"
        ) from None
