"""Reading the history: the streak, the next workout due, weekly reps, and the exports.

An *empty* session (no set done or partial) is kept and exported, but hidden from the table
unless asked for, and never counts for the streak, the next workout due or records.

The streak counts days with at least one session, in a row up to today. A day without one
breaks it, unless the plan said rest: after a workout with a ``day`` number, the gap may
last until the plan's next training day (Day 1 on Monday, Day 3 on Wednesday: a streak of
two). Today without a session yet does not break it.
"""

from __future__ import annotations

import csv
import io
import itertools
from datetime import date, datetime, timedelta
from typing import Any

from pushtimer.history.store import SessionRow
from pushtimer.plan.durations import format_clock
from pushtimer.plan.model import Plan
from pushtimer.printable import cells, fit, printable
from pushtimer.session.events import Outcome
from pushtimer.session.tally import held_counted, last_runs, outcomes_by_set

WEEK_PLAN_DAYS = 7  # a plan whose days all fall in 1-7 repeats weekly
CSV_COLUMNS = (
    "session",
    "started",
    "plan",
    "workout",
    "status",
    "exercise",
    "set",
    "side",
    "outcome",
    "reps_target",
    "reps_done",
    "hold_seconds",
    "held_seconds",
    "seconds",
    "done_at",
)
# A CSV cell starting with one of these would be read as a formula by a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def session_day(row: SessionRow) -> date:
    """The local calendar day a session started on."""
    return date.fromisoformat(row.started[:10])


def instant(row: SessionRow) -> datetime:
    """The moment a session started, with its offset."""
    return stamp_instant(row.started)


def stamp_instant(stamp: str) -> datetime:
    """The moment of a history stamp, with its offset (one recorded without, as local)."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo is not None else moment.astimezone()


def status(row: SessionRow) -> str:
    """``complete`` (the end was reached), ``stopped`` (ended early), or ``unfinished``
    (it never ended: killed). How much was done is in the sets; see ``shown_status``."""
    if row.completed is None:
        return "unfinished"
    return "complete" if row.completed else "stopped"


def shown_status(row: SessionRow) -> str:
    """The status for a table: ``empty`` when no set was done or partial, however it
    ended (a session skipped to its end is not "complete" to a reader)."""
    return "empty" if row.empty else status(row)


def counted(rows: list[SessionRow]) -> list[SessionRow]:
    """The sessions that count: those with at least one set done or partial."""
    return [row for row in rows if not row.empty]


def set_outcomes(row: SessionRow) -> list[Outcome]:
    """Each set's outcome in a session, by its last run (both sides for a per-side set)."""
    runs = last_runs(row.sets, lambda s: (s.exercise_index, s.set_number, s.side))
    return outcomes_by_set(runs, lambda s: (s.exercise_index, s.set_number))


def _allowed_gap(row: SessionRow) -> int:
    """Days this session may be followed by a rest before the streak breaks: 1, or up to
    the plan's next training day."""
    if row.workout_day is None or not row.plan_days:
        return 1
    days = sorted(int(d) for d in row.plan_days.split(","))
    cycle = WEEK_PLAN_DAYS if days[-1] <= WEEK_PLAN_DAYS else days[-1]
    later = [d for d in days if d > row.workout_day]
    following = later[0] if later else days[0] + cycle
    return max(1, following - row.workout_day)


def streak(rows: list[SessionRow], today: date) -> int:
    """Days in the current streak (see the module's docstring)."""
    gaps: dict[date, int] = {}
    for row in counted(rows):
        day = session_day(row)
        gaps[day] = max(gaps.get(day, 1), _allowed_gap(row))
    days = sorted(gaps, reverse=True)
    if not days or (today - days[0]).days > gaps[days[0]]:
        return 0
    count = 1
    for later, earlier in itertools.pairwise(days):
        if (later - earlier).days > gaps[earlier]:
            break
        count += 1
    return count


def next_workout(rows: list[SessionRow], plan: Plan) -> tuple[int, SessionRow | None]:
    """The workout due next in ``plan`` (the one after the last completed, wrapping) and
    that last completed session, if any."""
    for row in rows:  # newest first
        if row.plan_name == plan.name and row.completed and not row.empty:
            names = [w.name for w in plan.workouts]
            done = names.index(row.workout_name) if row.workout_name in names else row.workout_index
            return (done + 1) % len(plan.workouts), row
    return 0, None


def due_date(rows: list[SessionRow], plan: Plan) -> tuple[int, date] | None:
    """The workout due next in ``plan`` and the day it is due, for a plan whose workouts
    have day numbers: after Day 1 done on a Monday, Day 3 is due on Wednesday (a plan whose
    days all fall in 1-7 repeats weekly, so Day 1 after Day 5 comes 3 days later). None
    before the plan is done, or when the workouts have no day numbers."""
    due, last = next_workout(rows, plan)
    day = plan.workouts[due].day
    if last is None or last.workout_day is None or day is None:
        return None
    days = [w.day for w in plan.workouts if w.day is not None]
    cycle = WEEK_PLAN_DAYS if max(days) <= WEEK_PLAN_DAYS else max(days)
    gap = day - last.workout_day
    if gap <= 0:
        gap += cycle
    return due, session_day(last) + timedelta(days=gap)


def recovery_line(rows: list[SessionRow], plan: Plan, today: date) -> str | None:
    """``Recovery day: Day 3 is due tomorrow`` on the days before the workout due next
    (starting it early is allowed); None on the day it is due, or after."""
    found = due_date(rows, plan)
    if found is None or found[1] <= today:
        return None
    due, when = found
    ahead = (when - today).days
    said = "tomorrow" if ahead == 1 else f"on {when:%A} (in {ahead} days)"
    return f"Recovery day: Day {plan.workouts[due].day} is due {said}"


def weekly_reps(rows: list[SessionRow], today: date, weeks: int = 12) -> list[int]:
    """Reps done in each of the last ``weeks`` weeks (Monday to Sunday), oldest first."""
    this_monday = today - timedelta(days=today.weekday())
    totals = [0] * weeks
    for row in rows:
        day = session_day(row)
        back = (this_monday - (day - timedelta(days=day.weekday()))).days // 7
        if 0 <= back < weeks:
            totals[weeks - 1 - back] += row.reps
    return totals


def as_csv(rows: list[SessionRow]) -> str:
    """One row per set, oldest session first, under a header of ``CSV_COLUMNS``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in reversed(rows):
        for done in row.sets:
            held = held_counted(done.outcome, done.held_seconds)  # as the summary counts it
            writer.writerow(
                (
                    row.id,
                    row.started,
                    _cell(row.plan_name),
                    _cell(row.workout_name),
                    status(row),
                    _cell(done.exercise),
                    done.set_number,
                    done.side or "",
                    done.outcome,
                    done.reps_target or "",
                    "" if done.reps_done is None else done.reps_done,
                    "" if done.hold_seconds is None else done.hold_seconds,
                    "" if held is None else held,
                    done.seconds,
                    done.done_at,
                )
            )
    return out.getvalue()


def _cell(text: str) -> str:
    """Text as a CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def as_json(rows: list[SessionRow], today: date, streak_days: int | None = None) -> dict[str, Any]:
    """Every session with its sets, newest first, and the streak (of ``rows``, unless
    given: a list cut by date still has the whole streak)."""
    return {
        "streak_days": streak(rows, today) if streak_days is None else streak_days,
        "sessions": [
            {
                "id": row.id,
                "plan": row.plan_name,
                "plan_file": row.plan_file,
                "workout": row.workout_name,
                "day": row.workout_day,
                "started": row.started,
                "ended": row.ended,
                "status": status(row),
                "stop_reason": row.stop_reason,
                "empty": row.empty,
                "seconds": row.seconds,
                "sets": [
                    {
                        "exercise": s.exercise,
                        "exercise_index": s.exercise_index,  # (two of one name: apart)
                        "set": s.set_number,
                        "side": s.side,
                        "outcome": s.outcome,
                        "reps_target": json_target(s.reps_target),
                        "reps_done": s.reps_done,
                        "hold_seconds": s.hold_seconds,
                        "held_seconds": held_counted(s.outcome, s.held_seconds),
                        "seconds": s.seconds,
                        "done_at": s.done_at,
                    }
                    for s in row.sets
                ],
            }
            for row in rows
        ],
    }


def json_target(reps_target: str | None) -> int | str | None:
    """A set's rep target as JSON gives it: a number, ``"max"``, or null for a hold."""
    if reps_target is not None and reps_target.isdigit():
        return int(reps_target)
    return reps_target


def table_lines(rows: list[SessionRow], width: int = 80) -> list[str]:
    """The sessions as a text table that fits ``width`` columns (the terminal's): date,
    plan, workout, sets done, partial and skipped, reps, time, status. The names get the
    room the other columns leave (half each when both need more); a name is cut with an
    ellipsis only where it does not fit, and never to under 10 cells."""
    if not rows:
        return ["No sessions yet: start one with `pushtimer` or `pushtimer quick 10`."]
    cells_of = [_table_cells(row) for row in rows]
    header = ("ID", "Date", "Plan", "Workout", "Done", "Part", "Skip", "Reps", "Time", "Status")
    # Each column as wide as its widest cell (a number's no narrower than it always was).
    wide = [
        max(least, *(cells(line[i]) for line in [header, *cells_of]))
        for i, least in enumerate(_LEAST_WIDTHS)
    ]
    # The names get what the others leave; the status counts at its widest, so the table
    # fits whatever statuses it holds, and a column is left free at the right edge.
    status = max(wide[9], len("unfinished"))
    others = sum(wide[:2]) + sum(wide[4:9]) + status + len(header) - 1
    wide[2], wide[3] = _name_widths(wide[2], wide[3], width - 1 - others)
    return [_table_line(line, wide) for line in [header, *cells_of]]


NAME_LEAST = 10  # cells a cut name keeps, however narrow the terminal
_LEAST_WIDTHS = (3, 16, 4, 7, 4, 4, 4, 4, 5, 0)  # the table's columns, at their narrowest


def _name_widths(plan: int, workout: int, room: int) -> tuple[int, int]:
    """The widths of the plan and workout columns, which need ``plan`` and ``workout``
    cells, in ``room`` cells: what they need when both fit, else half the room each (a
    column that needs less keeps to what it needs)."""
    if plan + workout <= room:
        return plan, workout
    half = room // 2
    return min(plan, max(NAME_LEAST, half)), min(workout, max(NAME_LEAST, room - half))


def _table_cells(row: SessionRow) -> tuple[str, ...]:
    """One session's cells, names made printable (so their width is what shows)."""
    sets = set_outcomes(row)
    return (
        str(row.id),
        row.started[:16].replace("T", " "),
        printable(row.plan_name),
        printable(row.workout_name),
        str(sets.count("done")),
        str(sets.count("partial")),
        str(sets.count("skipped")),
        str(row.reps),
        "-" if row.seconds is None else format_clock(row.seconds),
        shown_status(row),
    )


def _table_line(values: tuple[str, ...], wide: list[int]) -> str:
    """A row of the table: numbers to the right, text to the left, the names fitted to
    their columns (cut with "…" where longer), the status last and unpadded."""
    ident, started, plan, workout, *numbers, status = values
    counts = " ".join(f"{value:>{size}}" for value, size in zip(numbers, wide[4:9], strict=True))
    return (
        f"{ident:>{wide[0]}} {started:<{wide[1]}} {fit(plan, wide[2])} {fit(workout, wide[3])} "
        f"{counts} {status}"
    )


def hidden_line(rows: list[SessionRow]) -> str | None:
    """What the table leaves out: ``2 empty sessions not shown (pushtimer history --all)``."""
    empty = len(rows) - len(counted(rows))
    if not empty:
        return None
    noun = "session" if empty == 1 else "sessions"
    return f"{empty} empty {noun} (no set done) not shown: `pushtimer history --all` shows them."


def streak_line(days: int) -> str:
    return f"Streak: {days} day{'s' if days != 1 else ''}"


def cut(text: str, width: int) -> str:
    """``text`` made printable, in ``width`` cells (cut with "…", padded with spaces)."""
    return fit(text, width)
