"""The ``pushtimer`` command: wires subcommands to the plan, session and UI layers.

Imports of everything but click happen inside the commands, so ``pushtimer --version``
and ``pushtimer validate`` start fast.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import click
from click.core import ParameterSource

from pushtimer import __version__
from pushtimer.audio import SOUND_CHOICES
from pushtimer.startup import release_collection

if TYPE_CHECKING:
    from pushtimer.audio.player import SoundPlayer
    from pushtimer.history.store import HistoryStore
    from pushtimer.plan.loader import Fallbacks
    from pushtimer.plan.model import Plan
    from pushtimer.session.cuelog import CueLog
    from pushtimer.settings.loader import SettingsFile
    from pushtimer.ui.app import Start

_T = TypeVar("_T")

EXIT_PLAN_ERROR = 2
EXIT_USAGE = 2  # click's own status for a usage error
EXIT_HISTORY_ERROR = 2


class _PlanOrCommand(click.Group):
    """``pushtimer PLAN`` opens a plan; anything else that is a command name runs it."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "open", self.commands["open"], args
        return super().resolve_command(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] [PLAN [--workout N|NAME]] | COMMAND ...")


@contextmanager
def _plan_errors() -> Iterator[None]:
    """Turn a PlanError into its lines on stderr and exit status 2, never a traceback."""
    from pushtimer.plan.errors import PlanError

    try:
        yield
    except PlanError as error:
        for line in error.lines:
            click.echo(line, err=True)
        sys.exit(EXIT_PLAN_ERROR)


def _load(argument: str, defaults: Fallbacks | None = None) -> Plan:
    return _load_with_source(argument, defaults)[0]


def _load_with_source(argument: str, defaults: Fallbacks | None = None) -> tuple[Plan, str]:
    """The plan PLAN names, and the file it came from (as the history records it).
    ``defaults`` fills in what the plan's [defaults] leaves out (the settings')."""
    from pushtimer.plan.catalog import resolve_plan
    from pushtimer.plan.loader import load_plan

    path = resolve_plan(argument)
    plan = load_plan(argument if str(path) == argument else path, defaults)
    return plan, str(path.resolve())


def _chosen_workouts(plan: Plan, source: str, choice: str | None) -> list[int]:
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.model import find_workout

    if choice is None:
        return list(range(len(plan.workouts)))
    try:
        return [find_workout(plan, choice)]
    except LookupError as error:
        raise PlanError.single(source, str(error)) from None


_WORKOUT_OPTION = click.option(
    "--workout", "-w", metavar="N|NAME", help="A workout by number (from 1) or name."
)


_DATA_DIR_OPTION = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="PUSHTIMER_DATA_DIR",
    help="Where the history is kept [default: the user data folder].",
)


def _data_dir(value: Path | None) -> Path:
    """--data-dir as given here, or to a command this one is under (``pushtimer --data-dir
    D history delete 3``), or the user data folder (which honours XDG_DATA_HOME)."""
    if value is not None:
        return value
    context: click.Context | None = click.get_current_context()
    while context is not None:
        if context.params.get("data_dir") is not None:
            return Path(context.params["data_dir"])
        context = context.parent
    import platformdirs

    return platformdirs.user_data_path("pushtimer")


_SETTINGS = "pushtimer.settings"  # where the settings, once read, wait in the root context


def _settings() -> SettingsFile:
    """The settings in effect, read once per command; a broken file is reported as a plan
    is (one line per problem, exit status 2). See docs/settings.md."""
    from pushtimer.settings.loader import load_settings

    root = click.get_current_context().find_root()
    found: SettingsFile | None = root.meta.get(_SETTINGS)
    if found is None:
        path, named_by = _settings_path()
        with _plan_errors():
            found = load_settings(path, named=named_by is not None)
        root.meta[_SETTINGS] = found
    return found


def _settings_path() -> tuple[Path, str | None]:
    """The settings file, and what named it (--config, PUSHTIMER_CONFIG, or None for the
    one in the user config folder)."""
    from pushtimer.settings.loader import default_settings_path

    root = click.get_current_context().find_root()
    value = root.params.get("config_file")
    if value is None:
        return default_settings_path(), None
    from_env = root.get_parameter_source("config_file") is ParameterSource.ENVIRONMENT
    return Path(value), "PUSHTIMER_CONFIG" if from_env else "--config"


def _given(name: str) -> bool:
    """Whether the running command's option ``name`` was really given (on the command line
    or through its environment variable): only then does it beat the settings."""
    source = click.get_current_context().get_parameter_source(name)
    return source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)


def _flag_or(name: str, value: _T | None, setting: _T) -> _T:
    """The option's value where it was really given, else the setting's."""
    return value if value is not None and _given(name) else setting


@contextmanager
def _history_errors() -> Iterator[None]:
    """A history that cannot be used: its one line on stderr and exit status 2."""
    from pushtimer.history.errors import HistoryError

    try:
        yield
    except HistoryError as error:
        click.echo(str(error), err=True)
        sys.exit(EXIT_HISTORY_ERROR)


class _SessionOptions(NamedTuple):
    """What every session command takes besides its plan: the cue log, the sound, and
    where the history goes."""

    cue_log: str | None
    sound: str  # one of SOUND_CHOICES
    voice: bool
    data_dir: Path


def _session_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add --cue-log, --no-sound, --sound and --voice, passed on as ``session``. Sound and
    voice not given here come from the settings."""

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
        settings = _settings().settings
        if no_sound:
            sound = "off"
        elif not _given("sound"):
            sound = settings.sound
        if not _given("voice"):
            voice = settings.voice
        chosen = _SessionOptions(cue_log, sound, voice, _data_dir(data_dir))
        command(*args, session=chosen, **kwargs)

    options = (
        click.option(
            "--cue-log",
            type=click.Path(dir_okay=False, writable=True),
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
        _DATA_DIR_OPTION,
    )
    for option in reversed(options):
        run = option(run)
    return run


_PLAIN_OPTION = click.option(
    "--plain", is_flag=True, help="Plain line mode: one line per cue, no full-screen view."
)


@click.group(
    cls=_PlanOrCommand,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "--version", "-V", prog_name="pushtimer")
@_DATA_DIR_OPTION
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    envvar="PUSHTIMER_CONFIG",
    metavar="FILE",
    help="The settings file [default: config.toml in the user config folder].",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, config_file: Path | None) -> None:
    """A terminal workout timer: tempo-paced reps, holds and rests from a TOML plan.

    PLAN is a plan file, or the name of a shipped or saved plan (try `pushtimer plans`).
    """
    if ctx.invoked_subcommand is None:
        if _interactive():
            settings = _settings().settings
            options = _SessionOptions(None, settings.sound, settings.voice, _data_dir(data_dir))
            _run_tui(None, options)
        ctx.invoke(plans)  # not a terminal: print the list instead of drawing a screen


@cli.command("open", hidden=True)
@click.argument("plan")
@_WORKOUT_OPTION
@_PLAIN_OPTION
@_session_options
def open_plan(plan: str, workout: str | None, plain: bool, session: _SessionOptions) -> None:
    """Open PLAN for a live session (the workout due next, unless --workout says)."""
    with _plan_errors():
        loaded, source = _load_with_source(plan, _settings().plan_defaults())
        index = _chosen_workouts(loaded, plan, workout)[0] if workout else None
    _run_session(loaded, source, index, session, plain)


@cli.command()
@click.argument("plans", nargs=-1, required=True, metavar="PLAN...")
def validate(plans: tuple[str, ...]) -> None:
    """Check plan files; print every problem, one line each (exit status 2 if any).

    A plan is checked as written: the settings' [defaults] play no part here."""
    from pushtimer.plan.errors import PlanError
    from pushtimer.session.timeline import workout_length

    failed = False
    for argument in plans:
        try:
            loaded = _load(argument)
        except PlanError as error:
            failed = True
            for line in error.lines:
                click.echo(line, err=True)
            continue
        count = len(loaded.workouts)
        times = ", ".join(
            _total(workout_length(w, loaded.defaults).total_seconds) for w in loaded.workouts
        )
        click.echo(f"{argument}: ok, {count} workout{'s' if count != 1 else ''} ({times})")
    if failed:
        sys.exit(EXIT_PLAN_ERROR)


def _total(seconds: int) -> str:
    from pushtimer.plan.durations import format_clock

    return format_clock(seconds)


@cli.command()
def plans() -> None:
    """List the shipped plans and your own, with each workout and its length."""
    from pushtimer.outline import plan_outline
    from pushtimer.plan.catalog import find_plans, user_plans_dir
    from pushtimer.plan.errors import PlanError
    from pushtimer.plan.loader import load_plan

    defaults = _settings().plan_defaults()
    found = find_plans()
    for origin, title in (("shipped", "Shipped plans"), ("user", "Your plans")):
        entries = [p for p in found if p.origin == origin]
        folder = f"  ({user_plans_dir()})" if origin == "user" else ""
        click.echo(f"{title}{folder}")
        if not entries:
            click.echo("  none yet: save a plan as a .toml file in that folder")
        for entry in entries:
            try:
                loaded = load_plan(entry.path, defaults)
            except PlanError as error:
                count = len(error.lines)
                click.echo(
                    f"  {entry.slug}: has {count} problem{'s' if count != 1 else ''}; "
                    f"see `pushtimer validate {entry.path}`"
                )
                continue
            click.echo(f"  {entry.slug}: {loaded.name}")
            for line in plan_outline(loaded):
                click.echo(f"  {line}")


@cli.command()
@click.argument("plan")
@_WORKOUT_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
def show(plan: str, workout: str | None, as_json: bool) -> None:
    """Print the timeline of PLAN's workouts: every step with its start and length."""
    from pushtimer.outline import timeline_outline
    from pushtimer.session.timeline import build_timeline, timeline_json

    with _plan_errors():
        loaded = _load(plan, _settings().plan_defaults())
        chosen = _chosen_workouts(loaded, plan, workout)
    timelines = [build_timeline(loaded.workouts[i], loaded.defaults) for i in chosen]
    if as_json:
        document: dict[str, Any] = {
            "name": loaded.name,
            "workouts": [timeline_json(t) for t in timelines],
        }
        _echo_json(document)
        return
    click.echo(loaded.name)
    for timeline in timelines:
        click.echo("")
        for line in timeline_outline(loaded, timeline):
            click.echo(line)


@cli.command()
@click.argument("plan")
@_WORKOUT_OPTION
@_PLAIN_OPTION
@_session_options
def run(plan: str, workout: str | None, plain: bool, session: _SessionOptions) -> None:
    """Run a session of PLAN: the workout due next (after the last one you finished), or
    the one --workout names.

    In plain mode: Enter or Space pauses and resumes (or says done in an open set; type the
    count first for a "max" set), n skips, b goes back, + and - change a rest, m mutes, q quits.
    """
    with _plan_errors():
        loaded, source = _load_with_source(plan, _settings().plan_defaults())
        index = _chosen_workouts(loaded, plan, workout)[0] if workout else None
    _run_session(loaded, source, index, session, plain)


@cli.command()
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
@_PLAIN_OPTION
@_session_options
def quick(
    reps: str | None,
    hold: str | None,
    sets: str | None,
    tempo: str | None,
    rest: str | None,
    per_side: bool,
    prepare: str | None,
    plain: bool,
    session: _SessionOptions,
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

    base = _settings().settings.quick.values()
    values = QuickValues(
        reps=reps,  # always typed: a quick set never starts from a number not given here
        hold=hold,
        sets=_flag_or("sets", sets, base.sets),
        tempo=_flag_or("tempo", tempo, None if hold is not None else base.tempo),
        rest=_flag_or("rest", rest, base.rest),
        per_side=per_side,
        prepare=_flag_or("prepare", prepare, base.prepare),
    )
    with _plan_errors():
        try:
            loaded = values.plan()
        except ValueError as error:
            raise click.UsageError("give REPS or --hold SECONDS (one of the two)") from error
    # The quick-set form starts from these values next time.
    remember = functools.partial(save_last_quick, session.data_dir, values)
    _run_session(loaded, QUICK_SOURCE, 0, session, plain, starting=remember)


def _interactive() -> bool:
    """Both ends are a terminal, so a full screen can be drawn and keys read."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _run_session(
    plan: Plan,
    source: str,
    index: int | None,
    options: _SessionOptions,
    plain: bool,
    starting: Callable[[], None] | None = None,
) -> None:
    """The TUI, or plain line mode when asked for or when there is no terminal to draw on.
    ``index`` None means the workout due next by the history; ``starting`` is called once
    the session is sure to start (its history is open)."""
    with _history_errors():
        store = _open_history(options.data_dir)
        if index is None:
            from pushtimer.history.report import next_workout

            index = next_workout(store.sessions(), plan)[0]
    if starting is not None:
        starting()
    if plain or not _interactive():
        _run_plain(plan, source, index, options, store)
    from pushtimer.ui.app import Start

    _run_tui(Start(plan, index, source), options, store)


def _open_history(folder: Path) -> HistoryStore:
    from pushtimer.history.store import HistoryStore

    return HistoryStore(folder)


def _cue_log(stack: ExitStack, path: str | None) -> CueLog | None:
    from pathlib import Path

    from pushtimer.session.cuelog import CueLog

    if path is None:
        return None
    return CueLog(stack.enter_context(Path(path).open("w", encoding="utf-8")))


def _sound_maker(options: _SessionOptions) -> Callable[[Callable[[], None]], SoundPlayer]:
    """Given how to ring the bell, makes the player the options ask for. The player's
    module is imported only then: the full screen makes it after its first frame."""

    def make(ring_bell: Callable[[], None]) -> SoundPlayer:
        from pushtimer.audio.player import SoundSettings, make_player

        settings = SoundSettings(choice=options.sound, voice=options.voice)  # type: ignore[arg-type]
        return make_player(settings, ring_bell)

    return make


def _run_tui(
    start: Start | None, options: _SessionOptions, store: HistoryStore | None = None
) -> None:
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.settings.last_quick import last_quick, save_last_quick
    from pushtimer.ui.app import PushtimerApp

    settings = _settings()
    values = settings.settings
    # The picker's quick-set form starts from the last quick set (else [quick]).
    quick_start = None if start else last_quick(options.data_dir, values.quick.values())
    # COLUMNS and LINES, when exported, pin the size Python reports and would hide every
    # resize from the screen; the terminal itself knows its size.
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)
    with ExitStack() as stack:
        log = _cue_log(stack, options.cue_log)
        if store is None:
            with _history_errors():
                store = stack.enter_context(contextlib.closing(_open_history(options.data_dir)))
        writer = HistoryWriter(options.data_dir, start=False)  # the app starts it
        app = PushtimerApp(
            start=start,
            cue_log=log,
            sound=_sound_maker(options),
            history=store,
            writer=writer,
            handle_signals=True,
            count_in=values.count_in,
            reminder_every=values.reminder_every,
            big_figure=values.big_figure,
            theme=values.theme,
            plan_defaults=settings.plan_defaults(),
            quick_start=quick_start,
            remember_quick=functools.partial(save_last_quick, options.data_dir),
        )
        app.run()
        note = writer.close()
    if app.last_session is not None:
        _say_safely(app.last_session.outcome())
    if note is not None:
        _say_safely(note, err=True)
    code = app.return_code or 0
    if app.signalled:
        # The terminal may be gone, and Textual's input thread with it, which the
        # interpreter would wait for at exit: the history is flushed, so end now.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    sys.exit(code)


def _run_plain(
    plan: Plan, source: str, index: int, options: _SessionOptions, store: HistoryStore
) -> None:
    from pushtimer.history.recorder import SessionRecorder
    from pushtimer.history.writer import HistoryWriter
    from pushtimer.plain import (
        PlainSession,
        SignalStop,
        StdinWaiter,
        stop_on_signals,
        terminal_keys,
    )
    from pushtimer.session.clock import MonotonicClock
    from pushtimer.session.live import LiveSession

    release_collection()  # held by the console script for the start (pushtimer/startup.py)
    clock = MonotonicClock()
    signals = SignalStop()
    with ExitStack() as stack:
        stack.enter_context(stop_on_signals(signals))
        log = _cue_log(stack, options.cue_log)
        player = _sound_maker(options)(_ring_terminal_bell)
        for notice in player.notices:
            click.echo(notice)
        player.start()
        stack.callback(player.close)
        waiter = StdinWaiter(clock)
        stack.callback(waiter.close)
        writer = HistoryWriter(options.data_dir)
        recorder = SessionRecorder(writer, plan, source, index)
        session = LiveSession(
            plan,
            index,
            clock,
            log,
            listeners=[recorder],
            sound=player.cue,
            count_in=_settings().settings.count_in,
        )
        plain = PlainSession(session, sys.stdout, waiter, signals, lambda: writer.problem)
        stack.enter_context(terminal_keys(plain.note_suspend, plain.note_resume))
        code = plain.run()
        note = writer.close()  # still under the signal handlers: a second signal waits
    if note is not None:
        _say_safely(note, err=True)
    sys.exit(code)


def _say_safely(text: str, err: bool = False) -> None:
    """A last line after a session: the terminal may be gone by now, and that is fine."""
    with contextlib.suppress(OSError, ValueError):
        click.echo(text, err=err)


def _ring_terminal_bell() -> None:
    """The bell for plain mode and sound-check: only into a terminal, never into a log."""
    if sys.stdout.isatty():
        sys.stdout.write("\a")
        sys.stdout.flush()


@cli.command("sound-check")
@click.option(
    "--sound",
    type=click.Choice(SOUND_CHOICES),
    default="auto",
    help="Check this way of playing only [default: the settings' sound, else auto].",
)
def sound_check(sound: str) -> None:
    """Play every cue in turn and say which way of playing played it."""
    import time

    from pushtimer.audio.player import SoundPlayer, backend_factories
    from pushtimer.audio.sounds import CUES, load_sounds

    if not _given("sound"):
        sound = _settings().settings.sound

    sounds = load_sounds()
    player = SoundPlayer(backend_factories(sound, _ring_terminal_bell), sounds)  # type: ignore[arg-type]
    chosen = player.choose()
    for reason in player.passed_over:
        click.echo(f"  not used: {reason}")
    for name in CUES:
        backend = player.play_now(name)
        click.echo(f"{name:<7} {backend}")
        time.sleep(sounds[name].seconds + 0.15 if name in sounds else 0.1)
    final = player.choose().name
    after = "" if final == chosen.name else f" (after {chosen.name} failed)"
    click.echo(f"Sound plays through: {final}{after}")
    if sound == "off":
        return
    if final == "bell":
        click.echo("No sound device or player works here: cues ring the terminal bell (not ticks).")
    elif final == "silent":
        click.echo("No sound works here: the timer runs silently.")
    if final in ("bell", "silent") and any("No module named" in r for r in player.passed_over):
        click.echo(
            "For tones: pip install 'pushtimer[sound]', or a player such as paplay or aplay."
        )


@cli.group(invoke_without_command=True)
@click.option("--csv", "as_csv", is_flag=True, help="One row per set, with a header row.")
@click.option("--json", "as_json", is_flag=True, help="Every session with its sets, as JSON.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Only sessions started on or after this day.",
)
@click.option("--limit", default=20, show_default=True, help="Sessions in the table.")
@click.option("--all", "show_all", is_flag=True, help="Show empty sessions (no set done) too.")
@_DATA_DIR_OPTION
@click.pass_context
def history(
    ctx: click.Context,
    as_csv: bool,
    as_json: bool,
    since: Any,
    limit: int,
    show_all: bool,
    data_dir: Path | None,
) -> None:
    """Your sessions, newest first, with sets done, partial and skipped, reps, time and the
    current streak. Sessions with no set done are left out of the table unless --all.

    \b
    pushtimer history delete ID     remove one session (asks first; --yes does not)
    """
    from pushtimer.history.report import as_csv as csv_text
    from pushtimer.history.report import as_json as json_document
    from pushtimer.history.report import counted, hidden_line, streak, streak_line, table_lines
    from pushtimer.history.wallclock import now

    if ctx.invoked_subcommand is not None:
        return
    if as_csv and as_json:
        raise click.UsageError("choose one of --csv and --json")
    if limit < 1:
        raise click.BadParameter("must be 1 or more", param_hint="--limit")
    every = _history_rows(_data_dir(data_dir))
    first_day = since.date().isoformat() if since else ""
    rows = [row for row in every if row.started[:10] >= first_day]
    today = now().date()
    if as_csv:
        click.echo(csv_text(rows), nl=False)
    elif as_json:
        _echo_json(json_document(rows, today, streak_days=streak(every, today)))
    else:
        shown = rows if show_all else counted(rows)
        if shown or not rows:
            for line in table_lines(shown[:limit]):
                click.echo(line)
        if len(shown) > limit:
            click.echo(f"... and {len(shown) - limit} older: `--limit {len(shown)}` shows them.")
        if not show_all and (hidden := hidden_line(rows)):
            click.echo(hidden)
        click.echo(streak_line(streak(every, today)))  # the streak, whatever is shown


def _history_rows(folder: Path) -> list[Any]:
    """Every session in the history of ``folder`` (none when it has no history yet:
    reading never creates one)."""
    from pushtimer.history.store import DB_NAME, HistoryStore

    if not (folder / DB_NAME).exists():
        return []
    with _history_errors():
        store = HistoryStore(folder)
        try:
            return store.sessions()
        finally:
            store.close()


@history.command("delete")
@click.argument("session_id", type=click.IntRange(min=1), metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@_DATA_DIR_OPTION
def history_delete(session_id: int, yes: bool, data_dir: Path | None) -> None:
    """Remove session ID (the number in `pushtimer history --json`) and its sets for good."""
    from pushtimer.history.report import table_lines
    from pushtimer.history.store import HistoryStore

    folder = _data_dir(data_dir)
    row = next((r for r in _history_rows(folder) if r.id == session_id), None)
    if row is None:
        click.echo(f"pushtimer: no session {session_id} in the history ({folder})", err=True)
        sys.exit(EXIT_USAGE)
    click.echo("\n".join(table_lines([row])))
    if not yes:  # no answer at all (no input) is a no
        click.confirm("Delete this session for good?", abort=True)
    with _history_errors():
        store = HistoryStore(folder)
        try:
            store.delete_session(session_id)
        finally:
            store.close()
    click.echo(f"Deleted session {session_id}.")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors and language servers)."""
    from pushtimer.plan.schema import plan_schema

    _echo_json(plan_schema())


@cli.command("config")
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

        _echo_json(settings_schema())
    elif write_file:
        _write_settings_file(force)
    else:
        from pushtimer.settings.report import config_lines

        for line in config_lines(_settings(), _settings_path()[1]):
            click.echo(line)


def _write_settings_file(force: bool) -> None:
    from pushtimer.settings.template import init_text

    path = _settings_path()[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w" if force else "x", encoding="utf-8") as out:
            out.write(init_text())
    except FileExistsError:
        click.echo(
            f"{path}: already there; `pushtimer config --init --force` writes over it", err=True
        )
        sys.exit(EXIT_USAGE)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        click.echo(f"{path}: cannot be written: {reason}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"Wrote {path}: every key with its default, commented out.")


def _echo_json(document: object) -> None:
    """Print indented JSON, as ``json.dumps(indent=2, ensure_ascii=False)`` writes it, made
    by msgspec in C and written as bytes: a big plan's timeline is megabytes, and the json
    module's indenting encoder is pure Python (25 times slower here)."""
    import msgspec

    data = msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def main() -> None:
    """Entry point of the console script."""
    cli(prog_name="pushtimer")
