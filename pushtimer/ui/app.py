"""The pushtimer App: owns the clock, the running session and the one timer that wakes it.

The app wakes exactly when something next happens (a cue, a phase boundary, or a change
in what the screen shows) with a single timer, catches the engine up with the clock, and
hands the new state to the workout screen. It never counts ticks: tests drive it with a
FakeClock by moving the clock and calling ``catch_up``.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from msgspec import Struct
from textual import events, on
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from pushtimer.coach.targets import Coaching
from pushtimer.history.errors import HistoryError
from pushtimer.history.recorder import SessionRecorder
from pushtimer.plan.catalog import PlanFile, find_plans
from pushtimer.plan.model import Plan
from pushtimer.plan.quick import QuickValues
from pushtimer.printable import printable
from pushtimer.served import served
from pushtimer.session.clock import Clock, MonotonicClock
from pushtimer.session.cuelog import CueLog
from pushtimer.session.endings import EXIT_INTERRUPTED
from pushtimer.session.events import Event, StopReason
from pushtimer.session.live import DEFAULT_COUNT_IN, Listener, LiveSession
from pushtimer.session.readout import REMINDER_SECONDS
from pushtimer.session.timeline import Timeline
from pushtimer.startup import release_collection
from pushtimer.ui.closing import ClosingApp
from pushtimer.ui.messages import DeleteSession, MuteToggled, SessionMoved, WorkoutChosen
from pushtimer.ui.palette import THEMES, ThemeChoice
from pushtimer.ui.process import HANGUP_CHECK, ProcessGuard
from pushtimer.ui.screens.workout import WorkoutScreen
from pushtimer.ui.view import FigureChoice

if TYPE_CHECKING:
    from pushtimer.audio.player import SoundPlayer
    from pushtimer.history.store import HistoryStore, SessionRow
    from pushtimer.history.writer import HistoryWriter

# Screens other than the workout screen are imported when first shown: opening a plan
# straight away (the common case) does not pay for the picker, the summary or help.

MIN_DELAY = 0.001  # a wake-up already due still goes through a timer (Textual needs > 0)
# History writes begin once the first screen is out (rows handed over before that wait).
WRITER_START = 0.3


class Start(Struct, frozen=True):
    """A session to open straight away (``pushtimer PLAN``, ``pushtimer quick``)."""

    plan: Plan  # with the targets in effect
    workout: int
    plan_file: str  # as the history records it
    coaching: Coaching | None = None  # the plan as written and its targets


class AppSettings(Struct, frozen=True, kw_only=True):
    """What the app shows and how, from the settings and the command line (the app's
    collaborators, a clock, the history, the sound, are its other arguments)."""

    count_in: float = DEFAULT_COUNT_IN  # seconds a resume counts back into work
    reminder_every: float = REMINDER_SECONDS
    big_figure: FigureChoice = "rep"
    theme: ThemeChoice = "dark"
    muted: bool = False
    sound_off: bool = False  # --no-sound or sound = "off": no sound to mute
    not_kept: str | None = None  # why sessions are not recorded (the history is unusable)
    # For the picker: what plans' [defaults] leave out (the settings'), and the values the
    # quick-set form starts from.
    plan_defaults: Mapping[str, object] | None = None
    quick_start: QuickValues | None = None


class PushtimerApp(ClosingApp):
    """Plan picker -> workout screen -> summary."""

    CSS_PATH = "pushtimer.tcss"
    TITLE = "pushtimer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?", tooltip="these keys"),
        Binding(
            "ctrl+c",
            "interrupt",
            "Stop now",
            show=False,
            priority=True,
            tooltip="stop at once; finished sets are kept",
        ),
        Binding(
            "ctrl+z",
            "suspend_process",
            "Suspend",
            show=False,
            tooltip="to the shell, paused (fg comes back)",
        ),
        Binding("ctrl+q", "quit", "Quit", show=False, tooltip="leave pushtimer"),
    ]

    muted: reactive[bool] = reactive(False)
    history_problem: reactive[str] = reactive("")  # why history writes wait, while they do

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        start: Start | None = None,
        cue_log: CueLog | None = None,
        plans: Callable[[], list[PlanFile]] = find_plans,
        sound: Callable[[Callable[[], None]], SoundPlayer] | None = None,
        history: HistoryStore | None = None,
        writer: HistoryWriter | None = None,
        handle_signals: bool = False,
        remember_quick: Callable[[QuickValues], None] | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__()
        shown = settings or AppSettings()
        self.not_kept = shown.not_kept  # why sessions are not recorded (the history is unusable)
        self.sound_off = shown.sound_off  # --no-sound or sound = "off": no sound to mute
        self.count_in = shown.count_in  # seconds a resume counts back into work
        self.reminder_every = shown.reminder_every
        self.big_figure: FigureChoice = shown.big_figure
        for choice in THEMES.values():
            self.register_theme(choice)
        self._first_theme(THEMES[shown.theme].name)
        self.clock: Clock = clock or MonotonicClock()
        self.start = start
        self.cue_log = cue_log
        self.find_plans = plans
        self.session: LiveSession | None = None
        self.last_session: LiveSession | None = None  # the most recent one, for the CLI
        self.next_wake: float | None = None  # when the timer below fires
        self._timer: Timer | None = None
        self._workout_screen: WorkoutScreen | None = None
        self.set_reactive(PushtimerApp.muted, shown.muted)
        self.history = history  # for reading
        self.writer = writer  # for recording, off the event loop
        self._recorder: SessionRecorder | None = None
        self._coaching: Coaching | None = None  # the running session's targets
        self._make_player = sound  # given how to ring the bell, makes the sound player
        self.player: SoundPlayer | None = None
        self._early_cues: list[tuple[Event, Timeline, float]] = []
        self._handle_signals = handle_signals
        self.process = ProcessGuard(self, terminal=handle_signals)  # signals, the watchdog
        # For the picker: what plans' [defaults] leave out (the settings'), the values the
        # quick-set form starts from, and what keeps those a quick set was started with.
        self.plan_defaults = shown.plan_defaults
        self.quick_start = shown.quick_start
        self.remember_quick = remember_quick

    def _first_theme(self, name: str) -> None:
        """Start in a theme without the CSS pass a theme change costs.

        Setting ``theme`` runs its watcher, which parses every stylesheet again once the
        app runs (about 10 ms before the first frame). Before the app runs there is no
        CSS yet to refresh: the theme's name and the classes Textual gives its themes
        are enough, with the ANSI colour map and the stylesheet's variables, which the first
        parse reads."""
        self.set_reactive(ClosingApp.theme, name)
        dark = self.current_theme.dark
        self.update_classes(
            {f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark},
            update=False,
        )
        # ANSI colours map through the light or dark terminal theme, as the watcher does.
        self._refresh_truecolor_filter(self.ansi_theme)
        # The stylesheet took the default theme's variables when the app was made.
        self.stylesheet.set_variables(self.get_css_variables())

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the workout when a plan was named, else the picker."""
        if self.start is not None:
            start = self.start
            return self._new_session(start.plan, start.workout, start.plan_file, start.coaching)
        from pushtimer.ui.screens.picker import PickerScreen

        return PickerScreen(
            self.find_plans,
            self.past_sessions,
            plan_defaults=self.plan_defaults,
            quick_start=self.quick_start,
            remember_quick=self.remember_quick,
        )

    def on_mount(self) -> None:
        self._event_loop = asyncio.get_running_loop()
        if self._handle_signals:
            self.process.install(self._event_loop)
            if not served() and self.process.has_terminal:  # a terminal that can hang up
                self.set_interval(HANGUP_CHECK, self.process.check_hangup)
        self.app_suspend_signal.subscribe(self, self._pause_for_suspend)
        self.app_resume_signal.subscribe(self, self._redraw_everything)
        if self.session is not None:
            self.catch_up()
        self.call_after_refresh(self._start_sound)  # the first screen comes first
        self.call_after_refresh(release_collection)  # held by the console script till now
        if self.writer is not None:
            self.writer.on_change = self._history_changed
            self._history_changed(self.writer.problem)  # one it had before it was watched
            self.set_timer(WRITER_START, self.writer.start)

    def _start_sound(self) -> None:
        """Make the player and hand it the cues that came before it (those still fresh
        sound; the player drops any that waited too long)."""
        if self._make_player is None:
            return
        self.player = self._make_player(self._ring_bell)
        self.player.start()
        for event, timeline, due in self._early_cues:
            self.player.cue(event, timeline, due)
        self._early_cues.clear()
        for notice in self.player.notices:
            self.notify(printable(notice), severity="warning", markup=False)

    def _history_changed(self, problem: str | None) -> None:
        """From the history writer's thread: show or clear the warning on the loop's."""
        with contextlib.suppress(RuntimeError):  # the app has already closed
            self._event_loop.call_soon_threadsafe(self._set_history_problem, problem or "")

    def _set_history_problem(self, problem: str) -> None:
        self.history_problem = problem

    def _pause_for_suspend(self, _app: object = None) -> None:
        """Ctrl+Z: the session pauses (reps cannot be done while the screen is gone); after
        fg it shows PAUSED until Space. Textual hands this signal on through the event
        loop, so it arrives after fg: the pause goes back to when the process stopped."""
        if self._pause_as_suspended():
            self.show_session()
        elif self.session is not None and self.session.finish is None:
            self.session.pause()
            self.show_session()

    def _redraw_everything(self, _app: object = None) -> None:
        """After Ctrl+Z and fg (SIGCONT) the terminal shows whatever the shell left: draw
        every widget again, not only those that changed; a session goes on paused."""
        if self._pause_as_suspended():
            self.show_session()
        self.screen.refresh(self.screen.region)  # the whole region: a full update

    def _cue_sound(self, event: Event, timeline: Timeline) -> None:
        """The session's sound listener; cues before the player exists wait for it."""
        if self.player is not None:
            self.player.cue(event, timeline)
        elif self._make_player is not None:
            self._early_cues.append((event, timeline, time.monotonic()))

    def past_sessions(self) -> list[SessionRow]:
        """Sessions from the history, newest first (none when there is no history)."""
        if self.history is None:
            return []
        try:
            return self.history.sessions()
        except HistoryError as error:
            self.notify(
                printable(str(error)), title="History", severity="error", timeout=30, markup=False
            )
            return []

    # -- the session ---------------------------------------------------------------------

    @on(WorkoutChosen)
    def _workout_chosen(self, message: WorkoutChosen) -> None:
        self.begin(message.plan, message.workout, message.plan_file, message.coaching)

    def begin(
        self, plan: Plan, workout: int, plan_file: str, coaching: Coaching | None = None
    ) -> None:
        """Start a session of ``plan``'s workout number ``workout`` (from 0), recorded in
        the history (when there is one) as coming from ``plan_file``; ``coaching``: the
        targets in effect (``plan`` has them)."""
        self.push_screen(self._new_session(plan, workout, plan_file, coaching))
        self.catch_up()

    def _new_session(
        self, plan: Plan, workout: int, plan_file: str, coaching: Coaching | None = None
    ) -> WorkoutScreen:
        self._coaching = coaching
        listeners: list[Listener] = []
        self._recorder = None
        if self.writer is not None:
            self._recorder = SessionRecorder(self.writer, plan, plan_file, workout)
            listeners.append(self._recorder)
        self.session = LiveSession(
            plan,
            workout,
            self.clock,
            self.cue_log,
            listeners,
            self._cue_sound,
            self.muted,
            count_in=self.count_in,
            reminder_every=self.reminder_every,
        )
        self.last_session = self.session
        marks = coaching.marks(workout) if coaching is not None else {}
        self._workout_screen = WorkoutScreen(
            self.session, self.big_figure, marks, sound_off=self.sound_off, not_kept=self.not_kept
        )
        return self._workout_screen

    def catch_up(self) -> None:
        """Bring the session up to the clock: the timer's callback, and the tests' too."""
        if self.session is not None:
            if not self._pause_as_suspended():
                self.session.update()
            self.show_session()

    def note_suspended(self) -> None:
        """The terminal's Ctrl+Z (SIGTSTP) stops the process before any key reaches the
        app: the session notes when, so it is paused as of that moment once it goes on (and
        not as of ``fg``, with the reps of the time away counted as done)."""
        if self.session is not None:
            self.session.note_suspended()

    def _pause_as_suspended(self) -> bool:
        """Pause the session as of the moment the process was stopped, if it was; True
        when it did (the pause caught the session up to then)."""
        return self.session is not None and self.session.catch_suspend() is not None

    @on(SessionMoved)
    def show_session(self) -> None:
        """Redraw the running session and set the timer for what comes next, or show the
        summary when it has ended."""
        session = self.session
        if session is None:
            return
        if session.finish is not None:
            self._show_summary(session)
            return
        if self._workout_screen is not None:
            self._workout_screen.show_state()
        self._schedule(session.next_wake())

    def _schedule(self, wake: float | None) -> None:
        """Arm the one timer for ``wake``. A moment already past (the loop was late) still
        gets a timer, the shortest Textual takes, so the schedule never stops."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.next_wake = wake
        if wake is not None:
            delay = max(MIN_DELAY, wake - self.clock.now())
            self._timer = self.set_timer(delay, self.catch_up, name="session")

    def _show_summary(self, session: LiveSession) -> None:
        self._schedule(None)
        self.session = None
        self._workout_screen = None
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        from pushtimer.ui.screens.summary import SummaryScreen

        notes: dict[str, str] = {}
        lines: list[str] = []
        if self._recorder is not None:  # only a recorded session can be compared
            from pushtimer.coach.next_step import closing_words

            past, recorded = self.past_sessions(), self._recorder.session_id
            said = closing_words(self._coaching, session, past, recorded)
            notes, lines = said.notes, said.records + said.steps
        summary = SummaryScreen(session, leave_app=self.start is not None, notes=notes, lines=lines)
        if self.start is not None:
            self.push_screen(summary)  # the workout is the first screen: leaving quits
        else:
            self.switch_screen(summary)  # back to the picker when it is left

    @on(MuteToggled)
    def _mute_toggled(self, message: MuteToggled) -> None:
        self.muted = message.muted

    @on(DeleteSession)
    def _delete_session(self, message: DeleteSession) -> None:
        from pushtimer.ui.screens.history import HistoryScreen

        if self.history is None:
            return
        try:
            self.history.delete_session(message.session_id)
        except HistoryError as error:
            self.notify(
                printable(str(error)), title="History", severity="error", timeout=30, markup=False
            )
            return
        if isinstance(self.screen, HistoryScreen):
            self.screen.show_rows(self.past_sessions())

    # -- keys everywhere -------------------------------------------------------------------

    def action_help(self) -> None:
        """The keys of the screen showing. Over a running workout, the workout pauses while
        they show, and goes on through the count-in when they close."""
        from pushtimer.ui.screens.help import HelpScreen, key_rows

        if isinstance(self.screen, ModalScreen):
            return
        session = self.session
        pausing = (
            isinstance(self.screen, WorkoutScreen)
            and session is not None
            and not session.engine.paused
        )
        footnote = "Escape or ? closes this."
        if pausing and session is not None:
            session.pause()
            self.show_session()
            count_in = f" after a {self.count_in:g} s count-in" if self.count_in else ""
            footnote = f"The workout is paused: Escape or ? goes on{count_in}."

        def closed(_: None) -> None:
            if (
                pausing
                and session is not None
                and session.engine.paused
                and session is self.session
            ):
                session.resume()
                self.show_session()

        self.push_screen(HelpScreen(key_rows(self, self.screen), footnote), closed)

    def action_mute(self) -> None:
        """m: mute the running session's cues (and those of sessions started later)."""
        if self.session is not None:
            self.muted = self.session.toggle_mute()
        else:
            self.muted = not self.muted

    def _ring_bell(self) -> None:
        """The bell backend's ring, from the sound thread: through the app, never straight
        to the terminal while the screen is being drawn."""
        with contextlib.suppress(RuntimeError):  # the app has already closed
            self._event_loop.call_soon_threadsafe(self.bell)

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on the picker): leave, ending any session the way quitting does."""
        self.stop_everything(0, "quit")

    def action_interrupt(self) -> None:
        """Ctrl+C: end at once, keeping what was done."""
        self.stop_everything(EXIT_INTERRUPTED, "interrupt")

    def stop_everything(self, code: int, reason: StopReason) -> None:
        """End the running session (the set in progress is kept as partial or skipped) and
        leave with ``code``."""
        if self.session is not None and self.session.finish is None:
            self.session.stop(reason)
            self._schedule(None)
        self.exit(code, return_code=code)

    # -- signals -------------------------------------------------------------------------

    def on_app_blur(self, event: events.AppBlur) -> None:
        """Served to a page, the app never counts as blurred: on a tablet the key bar is the
        keys (Textual empties it while blurred), and the page gives the terminal the keys as
        it connects."""
        if served():
            event.prevent_default()  # App's own handler would mark the app unfocused

    async def on_unmount(self) -> None:
        # Ended from outside with a session running (served to a browser: the tab closed,
        # or `pushtimer serve` stopped): it ends as a closed terminal does, sets kept.
        if self.session is not None and self.session.finish is None:
            self.session.stop("signal")
            self._schedule(None)
            self.session = None  # no screen is left to show its summary on
        if self.player is not None:
            self.player.close()
        self.process.uninstall()

    @property
    def signalled(self) -> bool:
        """Ended by a signal (the terminal may be gone)."""
        return self.process.signalled
