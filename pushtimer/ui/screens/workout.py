"""The live workout screen: what to do now, for how long, how to do it well, what is next.

Top to bottom: the plan and workout, the exercise and "Set 2/4 · Left · Rep 5/12", the
phase word on its colour band, the big figure (the rep, or the seconds), what the coming
exercise is, the tempo bar, the form reminder, the next step, the workout's progress and
the keys. The figure takes the rows the rest leaves. From 40x12 a compact layout; from 20x6
only the phase, the figure as a line and the set; below that a "terminal too small" line,
and the session runs on regardless (docs/architecture.md, "Sizes").
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from pushtimer.session.endings import history_waits
from pushtimer.session.engine import REST_LEAST, REST_STEP, EngineState
from pushtimer.session.events import StopReason
from pushtimer.session.live import LiveSession
from pushtimer.ui.messages import MuteToggled, SessionMoved
from pushtimer.ui.view import FigureChoice, workout_view
from pushtimer.ui.widgets.big_figure import BigFigure
from pushtimer.ui.widgets.key_bar import KeyBar
from pushtimer.ui.widgets.phase_banner import PhaseBanner
from pushtimer.ui.widgets.tempo_bar import TempoBar
from pushtimer.ui.widgets.text_line import StatusLine, TextLine
from pushtimer.ui.widgets.workout_progress import WorkoutProgress

TINY_WIDTH, TINY_HEIGHT = 20, 6  # below this: "terminal too small"
MIN_WIDTH, MIN_HEIGHT = 40, 12  # below this: the phase, the figure and the set only
FULL_WIDTH, FULL_HEIGHT = 56, 20  # from this: every line, with room between them
TALL_HEIGHT = 32  # from this: a description may take three lines (below: one, cut with …)


def size_classes(width: int, height: int) -> dict[str, bool]:
    """The breakpoint classes of WorkoutScreen at a size, as Textual works them out: for
    each direction the largest breakpoint the size reaches."""
    classes: dict[str, bool] = {}
    for dimension, points in (
        (width, WorkoutScreen.HORIZONTAL_BREAKPOINTS),
        (height, WorkoutScreen.VERTICAL_BREAKPOINTS),
    ):
        reached = max(point for point in points if dimension >= point[0])
        classes.update({name: (name == reached[1]) for _, name in points})
    return classes


# Left out of a narrow key bar first (the help lists them all): the keys a person in a set
# needs least.
KEYS_TO_SPARE = ("mute", "unmute", "back", f"rest({-REST_STEP})", f"rest({REST_STEP})")
MUTE_HELP = "sound off or on"
PAUSE_HELP = "pause; again to go on (GET READY, then the rep from its lowering)"


@dataclass(frozen=True)
class _Parts:
    """The widgets a frame updates, found once. (Finding them each frame filled the
    screen's query cache: its keys count changes below the screen, and the key bar's
    recompose is one, so each left a dozen entries behind, up to 1024.)"""

    exercise: TextLine
    position: TextLine
    banner: PhaseBanner
    figure: BigFigure
    status: StatusLine
    description: TextLine
    tempo: TempoBar
    reminder: TextLine
    hint: TextLine
    next_up: TextLine
    progress: WorkoutProgress

    @classmethod
    def of(cls, screen: Screen[None]) -> _Parts:
        def line(name: str) -> TextLine:
            return screen.query_one(f"#{name}", TextLine)

        return cls(
            exercise=line("exercise"),
            position=line("position"),
            banner=screen.query_one(PhaseBanner),
            figure=screen.query_one(BigFigure),
            status=screen.query_one(StatusLine),
            description=line("description"),
            tempo=screen.query_one(TempoBar),
            reminder=line("reminder"),
            hint=line("hint"),
            next_up=line("next-up"),
            progress=screen.query_one(WorkoutProgress),
        )


def collect_garbage() -> None:
    """Free the cycles a session has made, once its first frame froze what the start made
    (pushtimer/startup.py): the collection then walks only what came after, a few ms.

    Called as each rest starts. Left to itself, Python collects them only every few
    minutes (its oldest generation waits for ten collections of the middle one), and the
    resident memory climbed between those collections: 90-190 KB a minute over the first
    ten minutes of a session, none of it a leak (docs/performance.md, "Memory over a long
    session"). Tests and other hosts that froze nothing are left alone."""
    if gc.isenabled() and gc.get_freeze_count() > 0:
        gc.collect()


class WorkoutScreen(Screen[None]):
    """Renders the running session and turns keys into engine operations."""

    HORIZONTAL_BREAKPOINTS = [
        (0, "-w-tiny"),
        (TINY_WIDTH, "-w-mini"),
        (MIN_WIDTH, "-w-compact"),
        (FULL_WIDTH, "-w-full"),
    ]
    VERTICAL_BREAKPOINTS = [
        (0, "-h-tiny"),
        (TINY_HEIGHT, "-h-mini"),
        (MIN_HEIGHT, "-h-compact"),
        (FULL_HEIGHT, "-h-full"),
        (TALL_HEIGHT, "-h-tall"),
    ]
    BINDINGS = [
        # Space says Pause, or Resume while paused (one key, one line of help).
        Binding("space", "pause", "Pause", tooltip=PAUSE_HELP),
        Binding("space", "resume", "Resume", tooltip=PAUSE_HELP),
        Binding("enter,d", "done", "Done", tooltip="end an open set (a max set asks the count)"),
        Binding("n", "skip", "Skip", tooltip="skip to the next step (a rest, a set, a side)"),
        Binding(
            "b", "back", "Back", tooltip="restart this step (in its first 2 s: the one before)"
        ),
        Binding(
            "plus,equals_sign",
            f"rest({REST_STEP})",
            f"+{REST_STEP}s",
            key_display="+",
            tooltip=f"add {REST_STEP} s to a rest",
        ),
        Binding(
            "minus",
            f"rest({-REST_STEP})",
            f"-{REST_STEP}s",
            key_display="-",
            tooltip=f"take {REST_STEP} s off a rest ({REST_LEAST:g} s always stay)",
        ),
        # m says Mute, or Unmute while muted; neither when there is no sound at all.
        Binding("m", "mute", "Mute", tooltip=MUTE_HELP),
        Binding("m", "unmute", "Unmute", tooltip=MUTE_HELP),
        Binding(
            "q", "quit_session", "Quit", tooltip="stop: asks why first, finished sets are kept"
        ),
    ]

    def __init__(
        self,
        session: LiveSession,
        big_figure: FigureChoice = "rep",
        marks: Mapping[int, str] | None = None,
        sound_off: bool = False,
        not_kept: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.big_figure: FigureChoice = big_figure
        self.marks = marks or {}  # targets moved from the plan's, by exercise: "12 -> 13 reps"
        self.sound_off = sound_off  # --no-sound, or sound = "off": nothing to mute
        self.not_kept = not_kept  # why sessions are not recorded (the history is unusable)
        self._muted = False  # as the app's ``muted``, which this screen watches
        self._open_segment: int | None = None  # the open set whose footer shows "Done"
        self._resting = False
        self._paused = False  # the footer offers Resume instead of Pause
        self._parts: _Parts | None = None  # the widgets state is shown in, once they exist

    def compose(self) -> ComposeResult:
        # The lines start with what they show now: the first frame is the whole screen, with
        # no second layout for lines that were empty.
        view = workout_view(self.session, self.session.engine.state(), self.big_figure, self.marks)
        # The size classes Textual sets on the first resize, set now: the widgets are styled
        # once, for the size they will be drawn at.
        self.update_classes(size_classes(self.app.size.width, self.app.size.height), update=False)
        with Vertical(id="session"):
            with Horizontal(id="title-bar"):
                yield TextLine(self.session.title, id="title")
                yield StatusLine(id="status")
                yield TextLine(id="sound-state")
            yield TextLine(view.exercise, id="exercise")
            yield TextLine(view.position, id="position")
            yield PhaseBanner(id="phase")
            yield BigFigure(id="figure")
            yield TextLine(view.description, id="description")
            yield TempoBar(id="tempo")
            yield TextLine(view.reminder, id="reminder")
            yield TextLine(view.hint, id="hint")
            yield TextLine(view.next_up, id="next-up")
            yield WorkoutProgress(id="progress")
        yield TextLine(
            f"Too small: make it {TINY_WIDTH}x{TINY_HEIGHT} or more. The workout goes on.",
            id="too-small",
        )
        yield KeyBar(spare=KEYS_TO_SPARE)

    def on_mount(self) -> None:
        self._parts = _Parts.of(self)
        self.watch(self.app, "muted", self._show_muted)
        # (At once too: the history may have been waiting since before this screen.)
        self.watch(self.app, "history_problem", self._show_history_problem)
        self.show_state()

    def _show_muted(self, muted: bool) -> None:
        self._muted = muted
        # (SOUND OFF: --no-sound, or sound = "off" in the settings)
        text = "SOUND OFF" if self.sound_off else "MUTED (m)" if muted else ""
        self.query_one("#sound-state", TextLine).text = text
        self.refresh_bindings()

    def _show_history_problem(self, problem: str) -> None:
        """While history writes wait: say why, and that nothing is lost. The line is made
        the first time it is needed (most sessions never need it)."""
        if self.not_kept:
            text = f"Not kept: {self.not_kept}"
        else:
            text = history_waits(problem) if problem else ""
        warning = next(self.query("#history-warning").results(TextLine), None)
        if warning is None:
            if not text:
                return
            warning = TextLine(id="history-warning")
            self.query_one("#session").mount(warning, before="#progress")
        warning.text = text

    def on_unmount(self) -> None:
        self._parts = None  # the widgets are going: a last wake-up draws nothing

    def show_state(self) -> None:
        """Draw the engine's state now; each widget repaints only if its part changed."""
        parts = self._parts
        if parts is None:
            return
        if self.app.return_code is not None:  # the app is closing: its widgets may be gone
            return
        state = self.session.engine.state()
        view = workout_view(self.session, state, self.big_figure, self.marks)
        parts.exercise.text = view.exercise
        parts.position.text = view.position
        banner = parts.banner
        banner.word, banner.kind = view.word, view.kind
        banner.shape, banner.number = view.shape, view.number
        banner.side, banner.sided = view.side, view.sided
        figure = parts.figure
        figure.value, figure.line = view.figure, view.figure_line
        # The band and the figure as plain text too: for a screen reader, a terminal
        # scraped as text, and anyone close to the screen.
        parts.status.text = view.status
        parts.description.text = view.description
        tempo = parts.tempo
        tempo.phases = view.tempo
        tempo.current = view.kind if view.tempo else ""
        parts.reminder.text = view.reminder
        parts.hint.text = view.hint
        parts.next_up.text = view.next_up
        progress = parts.progress
        progress.fraction, progress.time_left = view.progress, view.time_left
        self.set_class(view.paused, "-paused")
        self._update_footer(state)

    def _update_footer(self, state: EngineState) -> None:
        """Offer Done in an open set, +/- in a rest and Resume while paused (the footer
        redraws on a change)."""
        # An open set (a paced max set shows its phases, but is open all the same).
        open_segment = state.index if self.session.engine.segment.kind == "open" else None
        now = (open_segment, state.segment.kind == "rest", state.paused)
        if now != (self._open_segment, self._resting, self._paused):
            if now[1] and not self._resting:
                self.call_after_refresh(collect_garbage)  # a rest starts: nothing is due
            self._open_segment, self._resting, self._paused = now
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Done shows in open sets only, +/- during a rest only, and Space says Pause or
        Resume."""
        if action == "done":
            return self._open_segment is not None
        if action == "rest":
            return self._resting
        if action in ("pause", "resume"):
            return self._paused == (action == "resume")
        if action in ("mute", "unmute"):
            if self.sound_off:
                return False
            return self._muted == (action == "unmute")
        return True

    # -- keys: each is one of the session's operations --------------------------------------

    def _moved(self) -> None:
        self.post_message(SessionMoved())

    def action_pause(self) -> None:
        self.session.toggle_pause()
        self._moved()

    action_resume = action_pause  # one operation; the footer names what it will do

    def action_skip(self) -> None:
        self.session.skip()
        self._moved()

    def action_back(self) -> None:
        self.session.back()
        self._moved()

    def action_rest(self, seconds: int) -> None:
        self.session.adjust_rest(seconds)
        self._moved()

    def action_mute(self) -> None:
        self.post_message(MuteToggled(self.session.toggle_mute()))

    action_unmute = action_mute  # one operation; the key bar names what it will do

    def action_done(self) -> None:
        """Enter or d: an open set ends now. A max set asks how many, the session standing
        still meanwhile (its time ends at the key), starting from the reps it counted."""
        session = self.session
        if session.engine.segment.kind != "open":
            return
        if not session.wants_count:
            session.done()
            self._moved()
            return
        exercise = session.timeline.exercise_of(session.engine.segment)
        session.ask()
        self._moved()

        def counted(reps: int | None) -> None:
            session.answer_count(reps)
            self._moved()

        from pushtimer.ui.screens.dialogs import RepCountScreen  # loaded when first needed

        start = session.counted if session.engine.segment.pace else None
        self.app.push_screen(RepCountScreen(exercise.name if exercise else "", start), counted)

    def action_quit_session(self) -> None:
        """Ask why, with the session paused: done for today, something hurts, or go on."""
        session = self.session
        session.ask()
        self._moved()

        def answered(reason: StopReason | None) -> None:
            session.answer_stop(reason)
            self._moved()

        from pushtimer.ui.screens.dialogs import StopScreen  # loaded when first needed

        self.app.push_screen(StopScreen(), answered)
