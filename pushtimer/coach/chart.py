"""A chart of an exercise's figure per session, as text (plotext), for ``pushtimer
progress``. plotext is imported only here, when a chart is drawn."""

from __future__ import annotations

import re
from datetime import datetime

from msgspec import Struct

from pushtimer.coach.progress import ExerciseProgress
from pushtimer.history.report import stamp_instant

_STYLE = re.compile(r"\x1b\[[0-9;]*m")  # plotext ends lines with a colour reset, even plain
MIN_WIDTH = 30
TICKS = 5  # dates under the chart, at most about this many


def whole_ticks(low: int, high: int, most: int) -> list[int]:
    """Whole numbers from ``low`` to ``high``, at most about ``most`` of them: reps and
    seconds are counted, never 4.67."""
    step = max(1, -(-(high - low) // max(1, most)))
    return list(range(low, high + 1, step))


def day_label(started: str) -> str:
    """``24 Nov``."""
    from datetime import date

    day = date.fromisoformat(started[:10])
    return f"{day.day} {day:%b}"


class Axes(Struct, frozen=True):
    """What a chart of an exercise plots, for plotext here and textual-plotext on the
    progress view: its figure per session at the session's day and time (a week off shows
    as a gap; two sessions on one day stay apart; when all are on one day, they stand side
    by side in order), the days from the first session's to the end of the last one's
    (``right``), a date under the middle of some of them and whole numbers up the side."""

    sessions: list[float]  # days since the first session's day began
    figures: list[float]
    right: float
    ticks: list[float]
    labels: list[str]
    levels: list[float]


def axes(progress: ExerciseProgress, levels: int) -> Axes:
    """The chart of ``progress`` with about ``levels`` numbers up the side."""
    from datetime import timedelta

    figures = progress.figures
    moments = _moments([p.started for p in progress.sessions])
    first = datetime.combine(moments[0].date(), datetime.min.time())
    sessions = [(moment - first) / timedelta(days=1) for moment in moments]
    days = int(max(sessions)) + 1
    if days == 1:  # all on one day: side by side in order, not in a heap at one time
        sessions = [(n + 0.5) / len(sessions) for n in range(len(sessions))]
    ticks = list(range(0, days, max(1, -(-days // TICKS))))
    return Axes(
        sessions=sessions,
        figures=[float(f) for f in figures],
        right=float(days),
        ticks=[t + 0.5 for t in ticks],  # a date under the middle of its day
        labels=[day_label((first + timedelta(days=t)).isoformat()) for t in ticks],
        levels=[float(n) for n in whole_ticks(min(figures), max(figures), levels)],
    )


def _moments(stamps: list[str]) -> list[datetime]:
    """Each session at its own wall-clock time, where it was done, in the order they
    happened: one that falls before the one before it (it was done later, in a time zone
    behind) is placed after that one by the time between them."""
    placed: list[datetime] = []
    before: datetime | None = None
    for stamp in stamps:
        instant = stamp_instant(stamp)
        wall = datetime.fromisoformat(stamp).replace(tzinfo=None)
        if before is not None and wall < placed[-1]:
            wall = placed[-1] + (instant - before)
        placed.append(wall)
        before = instant
    return placed


def chart_title(progress: ExerciseProgress) -> str:
    return "longest hold per session (s)" if progress.unit == "seconds" else "reps per session"


def chart_text(progress: ExerciseProgress, width: int, height: int = 12) -> str | None:
    """The chart as plain text lines (no colour), or None with fewer than two sessions
    or too little room to draw one."""
    if len(progress.sessions) < 2 or width < MIN_WIDTH:
        return None
    import plotext as plt

    drawn = axes(progress, height // 2)
    plt.clf()
    plt.clc()  # no colour: the text goes through printable() like all output
    plt.theme("clear")
    plt.plotsize(width, height)
    plt.plot(drawn.sessions, drawn.figures, marker="dot")
    plt.scatter(drawn.sessions, drawn.figures, marker="●")
    plt.xlim(0, drawn.right)
    plt.xticks(drawn.ticks, drawn.labels)
    plt.yticks(drawn.levels)
    plt.title(chart_title(progress))
    lines = _STYLE.sub("", plt.build()).splitlines()
    return "\n".join(line.rstrip() for line in lines).strip("\n")
