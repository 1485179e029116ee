"""Everything the workout screen shows, as plain values computed from the engine's state.

Pure functions (no Textual): the screen hands each widget its part, and a widget redraws
only when its part changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from msgspec import Struct

from pushtimer.plan.durations import format_clock, format_span
from pushtimer.plan.model import Exercise
from pushtimer.plan.tempo import parse_tempo
from pushtimer.session.engine import EngineState
from pushtimer.session.live import LiveSession
from pushtimer.session.readout import (
    reminder_at,
    reminders_for,
    rep_words,
    set_words,
    shown_seconds,
)
from pushtimer.session.timeline import (
    PHASE_WORDS,
    TEMPO_KINDS,
    WORK_KINDS,
    Segment,
    SegmentKind,
)

TempoPhase = tuple[SegmentKind, int]  # (kind, seconds)


class WorkoutView(Struct, frozen=True):
    """One frame of the workout screen."""

    exercise: str
    position: str  # "Set 2/4 · Left · Rep 5/12"
    kind: str  # the band's colour: the phase, the work to come (GET READY), or "paused"
    word: str  # GET READY, DOWN, ... or PAUSED
    shape: str  # beside the word: ↓ for DOWN, ↑ for UP, ‖ while paused
    number: str  # beside the word: the seconds of a tempo phase (when the figure is the rep)
    side: str  # beside the word in a per-side set: "· LEFT", "→ RIGHT" on a switch, or ""
    sided: bool  # the exercise shown is done per side: the band keeps room for the side
    status: str  # the band and the figure as one line: "↓ DOWN 2 · LEFT · Rep 2"
    figure: str  # the big figure: the rep number, or the seconds ("3", "1:30")
    figure_line: str  # the same as one line of text, for a small terminal
    tempo: tuple[TempoPhase, ...]  # the current rep's phases; empty outside tempo sets
    description: str  # what the coming exercise is, or which side comes next
    reminder: str
    next_up: str
    progress: float  # 0 to 1 over the workout's timed seconds
    time_left: str
    paused: bool
    hint: str  # what a key would do now, for the moment that needs it


FigureChoice = Literal["rep", "seconds"]
WARNING_KINDS = frozenset({"prepare", "rest", "switch"})  # GET READY in their last seconds
WARNING_SECONDS = 3
SHAPES = {"down": "↓", "up": "↑"}


def clock_text(seconds: int) -> str:
    """``3`` under a minute, ``1:30`` from a minute up: large and quick to read."""
    return str(seconds) if seconds < 60 else format_clock(seconds)


def workout_view(
    session: LiveSession,
    state: EngineState,
    big_figure: FigureChoice = "rep",
    marks: Mapping[int, str] | None = None,
) -> WorkoutView:
    """``marks``: by exercise (from 0), its target where it differs from the plan
    (``12 -> 13 reps``), shown while the screen looks ahead to a set of it."""
    timeline = session.timeline
    segment = state.segment
    exercise = timeline.exercise_of(segment)
    ahead = timeline.next_work(state.index)
    upcoming = None if ahead is None else (ahead, timeline.exercise_of(ahead))
    resting = segment.kind in ("prepare", "rest")  # the screen looks ahead
    # A rest, or a switch (which has no side of its own), shows the set to come.
    looking_ahead = resting or segment.kind == "switch"
    shown_exercise = upcoming if looking_ahead and upcoming is not None else (segment, exercise)
    total = timeline.total_seconds
    done = max(0.0, total - state.remaining_total)
    seconds = shown_seconds(state)
    get_ready = state.count_in is not None or (
        segment.kind in WARNING_KINDS and state.remaining is not None and seconds <= WARNING_SECONDS
    )
    if state.paused:
        kind, word = "paused", "PAUSED"
    elif get_ready:  # the colour of the work to come
        work = segment if state.count_in is not None else ahead
        kind, word = (segment.kind if work is None else work.kind), "GET READY"
    else:
        kind, word = segment.kind, PHASE_WORDS[segment.kind]
    figure, number, line = _figure(state, seconds, big_figure)
    first_of_exercise = resting and _new_exercise(segment, ahead)
    shape = "‖" if state.paused else "" if get_ready else SHAPES.get(kind, "")
    side = _side(state, ahead, get_ready)
    return WorkoutView(
        exercise=_exercise_line(segment, shown_exercise),
        position=_position(*shown_exercise, ahead=looking_ahead, marks=marks or {}),
        kind=kind,
        word=word,
        shape=shape,
        number="" if state.paused else number,
        side=side,
        sided=shown_exercise[1] is not None and shown_exercise[1].per_side,
        status=_status(state, " ".join(part for part in (shape, word) if part), side, line),
        figure=figure,
        figure_line=line,
        tempo=_tempo(session, segment, exercise),
        description=_description(segment, ahead, shown_exercise[1], first_of_exercise),
        reminder=_reminder(
            session, state, shown_exercise[1] if resting else exercise, first_of_exercise
        ),
        next_up="" if resting else _next_up(session, state.index),
        progress=1.0 if state.finished or total == 0 else min(1.0, done / total),
        time_left=f"{format_clock(int(state.remaining_total + 0.999))} left",
        paused=state.paused,
        hint=_hint(segment, exercise, state),
    )


def _figure(state: EngineState, seconds: int, choice: FigureChoice) -> tuple[str, str, str]:
    """(the big figure, the number beside the phase word, the figure as a line). In a tempo
    rep the figure is the rep number and the phase's seconds go beside its word (or the other
    way round, by the setting); elsewhere it is the time left, or so far in an open set."""
    segment = state.segment
    if state.count_in is None and segment.kind in TEMPO_KINDS and segment.rep is not None:
        if choice == "rep":
            return str(segment.rep), str(seconds), f"Rep {segment.rep}"
        return str(seconds), "", f"{seconds}s"
    text = clock_text(seconds)
    unit = "" if ":" in text else "s"
    return text, "", f"{text}{unit} {'so far' if state.remaining is None else 'left'}"


def _side(state: EngineState, ahead: Segment | None, get_ready: bool) -> str:
    """The side beside the phase word: of the work under way (``· LEFT``), of the work a
    GET READY is for, or the side a switch goes to (``→ RIGHT``); none in a rest."""
    segment = state.segment
    at_work = segment.kind in WORK_KINDS
    if not at_work and (state.paused or not get_ready) and segment.kind != "prepare":
        towards = ahead.side if segment.kind == "switch" and ahead is not None else None
        return f"→ {towards.upper()}" if towards else ""
    coming = segment if at_work or state.count_in is not None else ahead
    return f"· {coming.side.upper()}" if coming is not None and coming.side else ""


def _status(state: EngineState, words: str, side: str, figure_line: str) -> str:
    """The top line: the phase word with its seconds left, the side, and the rep
    (``↓ DOWN 2 · LEFT · Rep 2``, ``HOLD 25 · RIGHT``, ``SWITCH 4 → RIGHT``, ``REST 1:30``);
    paused, or in a set that counts up, the figure as a line (``GO · LEFT · 12s so far``)."""
    segment = state.segment
    if state.paused or (state.remaining is None and state.count_in is None):
        head = " ".join(part for part in (words, side) if part)
        return f"{head} · {figure_line}"
    line = " ".join(part for part in (words, clock_text(shown_seconds(state)), side) if part)
    if segment.kind in TEMPO_KINDS and segment.rep is not None:
        line += f" · Rep {segment.rep}"
    return line


def _new_exercise(segment: Segment, ahead: Segment | None) -> bool:
    """A prepare, or a rest before an exercise other than the one just done."""
    if ahead is None:
        return False
    return segment.kind == "prepare" or ahead.exercise != segment.exercise


def _description(
    segment: Segment, ahead: Segment | None, exercise: Exercise | None, first: bool
) -> str:
    """Before a new exercise, what it is; on a switch, the side to come."""
    if segment.kind == "switch" and ahead is not None and ahead.side is not None:
        return f"Now the {ahead.side} side."
    if first and exercise is not None and exercise.description:
        return exercise.description
    return ""


def _exercise_line(segment: Segment, shown: tuple[Segment, Exercise | None]) -> str:
    exercise = shown[1]
    if exercise is None:
        return "Workout complete"
    if segment.kind == "prepare":
        return f"First: {exercise.name}"
    if segment.kind == "rest":
        return f"Next: {exercise.name}"
    return exercise.name


def _position(
    segment: Segment,
    exercise: Exercise | None,
    ahead: bool = False,
    marks: Mapping[int, str] | None = None,
) -> str:
    """``Set 2/4 · Left · Rep 5/12``; looking ahead (in a rest), ``Set 2/4 · 12 reps``, or
    ``Set 1/4 · 12 -> 13 reps`` where the target has moved from the plan's."""
    if exercise is None or segment.set is None:
        return ""
    parts = [set_words(segment, exercise)]
    if segment.side is not None:
        parts.append(segment.side.capitalize())
    mark = (marks or {}).get(segment.exercise) if segment.exercise is not None else None
    if ahead and mark:
        parts.append(mark if exercise.hold is None else f"hold {mark}")
    elif ahead and isinstance(exercise.reps, int):
        parts.append(_reps(exercise.reps))
    elif (rep := rep_words(segment, exercise)) is not None:
        parts.append(rep if isinstance(exercise.reps, int) else f"{rep} · as many as you can")
    elif segment.kind == "open":
        parts.append("as many as you can" if exercise.reps == "max" else _reps(exercise.reps))
    elif exercise.hold is not None:
        parts.append(f"hold {format_span(exercise.hold)}")
    return " · ".join(parts)


def _reps(reps: object) -> str:
    return f"{reps} rep{'' if reps == 1 else 's'}"


def _tempo(
    session: LiveSession, segment: Segment, exercise: Exercise | None
) -> tuple[TempoPhase, ...]:
    """The phases of a rep, those of 0 s left out (as the timeline leaves them out)."""
    if exercise is None or segment.kind not in TEMPO_KINDS:
        return ()
    tempo = parse_tempo(exercise.tempo or session.plan.defaults.tempo)
    seconds = tempo.seconds(session.plan.defaults.explosive)
    return tuple(
        (kind, length) for kind, length in zip(TEMPO_KINDS, seconds, strict=True) if length
    )


def _reminder(
    session: LiveSession, state: EngineState, exercise: Exercise | None, first: bool
) -> str:
    """The form reminder turning over every few seconds; before a new exercise, its first
    cue, held still while its description shows."""
    if state.segment.kind == "switch":
        return "Change sides, and set up the same way as the first."
    reminders = reminders_for(exercise)
    if first:
        return reminders[0]
    return reminder_at(reminders, state.step_elapsed, session.reminder_every)


def _next_up(session: LiveSession, index: int) -> str:
    """What follows the current step: the next set, or the next exercise."""
    timeline = session.timeline
    segments = timeline.segments
    current = segments[index]
    # From the end of the current step: a long set's reps are not walked every second.
    for position in range(session.engine.step_at(index).last, len(segments)):
        segment = segments[position]
        if segment.kind not in WORK_KINDS:
            continue
        if current.kind in WORK_KINDS and (segment.exercise, segment.set, segment.side) == (
            current.exercise,
            current.set,
            current.side,
        ):
            continue
        exercise = timeline.exercise_of(segment)
        assert exercise is not None
        if segment.exercise == current.exercise and current.kind != "prepare":
            side = f" {segment.side}" if segment.side else ""
            return f"Next: set {segment.set}/{exercise.sets}{side}"
        return f"Next: {exercise.name} {_dose(exercise)}"
    return "Next: the end of the workout"


def _dose(exercise: Exercise) -> str:
    """``4x12``, ``3x max``, ``2x 45s hold``, with ``each side`` when per side."""
    if exercise.hold is not None:
        work = f"{exercise.sets}x {format_span(exercise.hold)} hold"
    elif exercise.reps == "max":
        work = f"{exercise.sets}x max"
    else:
        work = f"{exercise.sets}x{exercise.reps}"
    return f"{work} each side" if exercise.per_side else work


def _hint(segment: Segment, exercise: Exercise | None, state: EngineState) -> str:
    if state.paused:
        return "Space to go on"
    if state.count_in is not None and segment.kind in TEMPO_KINDS:
        return f"Rep {segment.rep} begins with the lowering after the count"
    if segment.kind in TEMPO_KINDS and exercise is not None and exercise.reps == "max":
        return "As many as you can, paced: Enter when you stop"
    if segment.kind == "open" and exercise is not None:
        if exercise.reps == "max":
            return "As many as you can, then Enter to give the count"
        return "At your own pace: Enter when done"
    if segment.kind == "rest":
        return "n skips the rest · + and - change it by 15 s"
    return ""
