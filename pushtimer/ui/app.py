"""The pushtimer App: owns the clock, the running session and the one timer that wakes it.

The app wakes exactly when something next happens (a cue, a phase boundary, or a change
in what the screen shows) with a single timer, catches the engine up with the clock, and
hands the new state to the workout screen. It never counts ticks: tests drive it with a
FakeClock by moving the clock and calling ``catch_up``.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from msgspec import Struct
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from pushtimer.history.errors import HistoryError
from pushtimer.history.recorder import SessionRecorder
from pushtimer.plan.catalog import PlanFile, find_plans
from pushtimer.plan.model import Plan
from pushtimer.session.clock import Clock, MonotonicClock
from pushtimer.session.cuelog import CueLog
from pushtimer.session.events import Event
from pushtimer.session.live import Listener, LiveSession
from pushtimer.session.timeline import Timeline
from pushtimer.ui.screens.workout import WorkoutScreen

if TYPE_CHECKING:
    from pushtimer.audio.player import SoundPlayer
    from pushtimer.history.store import HistoryStore, SessionRow

# Screens other than the workout screen are imported when first shown: opening a plan
# straight away (the common case) does not pay for the picker, the summary or help.

EXIT_INTERRUPTED = 130


class Start(Struct, frozen=True):
    """A session to open straight away (``pushtimer PLAN``, ``pushtimer quick``)."""

    plan: Plan
    workout: int
    plan_file: str  # as the history records it


class PushtimerApp(App[int]):
    """Plan picker -> workout screen -> summary."""

    CSS_PATH = "pushtimer.tcss"
    TITLE = "pushtimer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+c", "interrupt", "Stop now", show=False, priority=True),
    ]

    muted: reactive[bool] = reactive(False)

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        start: Start | None = None,
        cue_log: CueLog | None = None,
        plans: Callable[[], list[PlanFile]] = find_plans,
        muted: bool = False,
        sound: Callable[[Callable[[], None]], SoundPlayer] | None = None,
        history: HistoryStore | None = None,
    ) -> None:
        super().__init__()
        self.clock: Clock = clock or MonotonicClock()
        self.start = start
        self.cue_log = cue_log
        self.find_plans = plans
        self.session: LiveSession | None = None
        self.last_session: LiveSession | None = None  # the most recent one, for the CLI
        self.next_wake: float | None = None  # when the timer below fires
        self._timer: Timer | None = None
        self._workout_screen: WorkoutScreen | None = None
        self.set_reactive(PushtimerApp.muted, muted)
        self.history = history
        self._recorder: SessionRecorder | None = None
        self._make_player = sound  # given how to ring the bell, makes the sound player
        self.player: SoundPlayer | None = None
        self._early_cues: list[tuple[Event, Timeline, float]] = []

    def get_default_screen(self) -> Screen[None]:
        """The first screen: the workout when a plan was named, else the picker."""
        if self.start is not None:
            return self._new_session(self.start.plan, self.start.workout, self.start.plan_file)
        from pushtimer.ui.screens.picker import PickerScreen

        return PickerScreen()

    def on_mount(self) -> None:
        self._event_loop = asyncio.get_running_loop()
        self._stop_on_signals()
        if self.session is not None:
            self.catch_up()
        self.call_after_refresh(self._start_sound)  # the first screen comes first

    def _start_sound(self) -> None:
        """Make the player and hand it the cues that came before it (those still fresh
        sound; the player drops any that waited too long)."""
        if self._make_player is None:
            return
        self.player = self._make_player(self._ring_bell)
        self.player.muted = self.muted
        self.player.start()
        for event, timeline, due in self._early_cues:
            self.player.cue(event, timeline, due)
        self._early_cues.clear()
        for notice in self.player.notices:
            self.notify(notice, severity="warning")

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
            self.notify(str(error), title="History", severity="error", timeout=30)
            return []

    # -- the session ---------------------------------------------------------------------

    def begin(self, plan: Plan, workout: int, plan_file: str) -> None:
        """Start a session of ``plan``'s workout number ``workout`` (from 0), recorded in
        the history (when there is one) as coming from ``plan_file``."""
        self.push_screen(self._new_session(plan, workout, plan_file))
        self.catch_up()

    def _new_session(self, plan: Plan, workout: int, plan_file: str) -> WorkoutScreen:
        listeners: list[Listener] = [self._cue_sound]
        self._recorder = None
        if self.history is not None:
            try:
                self._recorder = SessionRecorder(self.history, plan, plan_file, workout)
            except HistoryError as error:
                self.notify(str(error), title="History", severity="error", timeout=30)
            else:
                listeners.append(self._recorder)
        self.session = LiveSession(plan, workout, self.clock, self.cue_log, listeners)
        self.last_session = self.session
        self._workout_screen = WorkoutScreen(self.session)
        return self._workout_screen

    def catch_up(self) -> None:
        """Bring the session up to the clock: the timer's callback, and the tests' too."""
        if self.session is not None:
            self.apply(self.session.engine.update())

    def apply(self, events: list[Event]) -> None:
        """Take in what an engine call reported, redraw, and set the timer for what next."""
        session = self.session
        if session is None:
            return
        session.record(events)
        if self._recorder is not None and self._recorder.problem is not None:
            self.notify(self._recorder.problem, title="History", severity="error", timeout=30)
            self._recorder.problem = None
        if session.finish is not None:
            self._show_summary(session)
            return
        if self._workout_screen is not None:
            self._workout_screen.show_state()
        self._schedule(session.next_wake())

    def _schedule(self, wake: float | None) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.next_wake = wake
        if wake is not None:
            delay = max(0.0, wake - self.clock.now())
            self._timer = self.set_timer(delay, self.catch_up, name="session")

    def _show_summary(self, session: LiveSession) -> None:
        self._schedule(None)
        self.session = None
        self._workout_screen = None
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        from pushtimer.history.report import max_set_records
        from pushtimer.ui.screens.summary import SummaryScreen

        records = {}
        if self._recorder is not None:  # only a recorded session can be compared
            past = self.past_sessions()
            records = max_set_records(session.completed, past, self._recorder.session_id)
        summary = SummaryScreen(session, leave_app=self.start is not None, notes=records)
        if self.start is not None:
            self.push_screen(summary)  # the workout is the first screen: leaving quits
        else:
            self.switch_screen(summary)  # back to the picker when it is left

    def end_session(self) -> None:
        """Stop the running session now (after the user confirmed); completed sets stay."""
        if self.session is not None:
            self.apply(self.session.engine.quit())

    # -- keys everywhere -------------------------------------------------------------------

    def action_help(self) -> None:
        from pushtimer.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_mute(self) -> None:
        self.muted = not self.muted

    def watch_muted(self, muted: bool) -> None:
        if self.player is not None:
            self.player.muted = muted

    def _ring_bell(self) -> None:
        """The bell backend's ring, from the sound thread: through the app, never straight
        to the terminal while the screen is being drawn."""
        with contextlib.suppress(RuntimeError):  # the app has already closed
            self._event_loop.call_soon_threadsafe(self.bell)

    async def on_unmount(self) -> None:
        if self.player is not None:
            self.player.close()

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on the picker): leave, ending any session the way quitting does."""
        self.stop_everything(0)

    def action_interrupt(self) -> None:
        """Ctrl+C: end at once, keeping what was done."""
        self.stop_everything(EXIT_INTERRUPTED)

    def stop_everything(self, code: int) -> None:
        if self.session is not None:
            self.session.record(self.session.engine.quit())
            self._schedule(None)
        self.exit(code, return_code=code)

    def _stop_on_signals(self) -> None:
        """SIGTERM and a closed terminal (SIGHUP) end like Ctrl+C, with the terminal
        restored and the session's completed sets kept."""
        loop = self._event_loop
        for sig in (signal.SIGTERM, signal.SIGHUP):
            # Not possible off the main thread (as in some test runners): then do without.
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.stop_everything, 128 + sig)
