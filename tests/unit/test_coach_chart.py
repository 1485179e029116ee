"""The progress chart's axes (sessions where they fall in time, dates under whole days,
whole numbers up the side) and its heading."""

from __future__ import annotations

import re

import pytest

from pushtimer.coach.chart import axes, chart_text, whole_ticks
from pushtimer.coach.progress import ExerciseProgress, Point
from pushtimer.coach.records import Records


def _progress(*sessions: tuple[str, int]) -> ExerciseProgress:
    points = tuple(Point(when, "P", "Day 1", 1, 1, reps, 0) for when, reps in sessions)
    return ExerciseProgress("Push-up", "P", "reps", (), Records(), points)


def test_sessions_fall_on_their_days_so_a_break_shows_as_a_gap() -> None:
    drawn = axes(
        _progress(
            ("2026-11-01T06:00:00+01:00", 8),
            ("2026-11-03T18:00:00+01:00", 9),
            ("2026-11-17T06:00:00+01:00", 10),  # two weeks off
        ),
        levels=4,
    )
    assert drawn.sessions == [0.25, 2.75, 16.25]
    assert drawn.right == 17  # to the end of the last session's day
    assert drawn.ticks == [0.5, 4.5, 8.5, 12.5, 16.5]  # under the middle of each day
    assert drawn.labels == ["1 Nov", "5 Nov", "9 Nov", "13 Nov", "17 Nov"]
    assert drawn.figures == [8, 9, 10]


def test_two_sessions_on_one_day_stay_apart_and_a_month_turns() -> None:
    drawn = axes(
        _progress(
            ("2026-11-30T07:00:00+00:00", 5),
            ("2026-11-30T19:00:00+00:00", 6),
            ("2026-12-01T07:00:00+00:00", 7),
        ),
        levels=4,
    )
    assert drawn.sessions[0] < drawn.sessions[1] < drawn.sessions[2]
    assert (drawn.right, drawn.labels) == (2, ["30 Nov", "1 Dec"])


def test_sessions_all_on_one_day_stand_side_by_side_over_its_date() -> None:
    drawn = axes(
        _progress(
            ("2026-11-24T09:00:00+00:00", 5),
            ("2026-11-24T09:05:00+00:00", 6),
            ("2026-11-24T09:10:00+00:00", 4),
        ),
        levels=4,
    )
    assert drawn.sessions == pytest.approx([1 / 6, 3 / 6, 5 / 6])
    assert (drawn.ticks, drawn.labels, drawn.right) == ([0.5], ["24 Nov"], 1)


def test_each_session_is_placed_at_its_own_wall_clock_time() -> None:
    drawn = axes(
        _progress(("2026-11-01T08:00:00+01:00", 5), ("2026-11-02T08:00:00-05:00", 6)),
        levels=4,
    )
    assert drawn.sessions == pytest.approx([1 / 3, 4 / 3])


def test_numbers_up_the_side_are_whole() -> None:
    assert whole_ticks(20, 48, 4) == [20, 27, 34, 41, 48]
    assert whole_ticks(5, 5, 4) == [5]


def test_the_text_chart_puts_dates_under_the_days() -> None:
    chart = chart_text(
        _progress(("2026-11-01T07:00:00+00:00", 8), ("2026-11-15T07:00:00+00:00", 12)), 60
    )
    assert chart is not None
    dates = re.findall(r"\d+ Nov", chart.splitlines()[-1])
    assert dates == ["1 Nov", "4 Nov", "7 Nov", "10 Nov", "13 Nov"]
    assert chart_text(_progress(("2026-11-01T07:00:00+00:00", 8)), 60) is None


def test_the_heading_names_a_quick_set_once() -> None:
    assert _progress().heading == "Push-up (P)"
    quick = ExerciseProgress("Quick set", "Quick set", "reps", (), Records(), ())
    assert quick.heading == "Quick set"


def test_a_session_done_later_in_a_zone_behind_comes_after_the_one_before() -> None:
    # Day 1 at 08:00 in Tokyo, then an hour later Day 3 in New York (19:00 the evening
    # before, there): on the chart it comes an hour after Day 1, not half a day before.
    drawn = axes(
        _progress(
            ("2026-12-02T08:00:00+09:00", 5),
            ("2026-12-01T19:00:00-05:00", 6),
            ("2026-12-03T08:00:00-05:00", 7),  # the next morning, in New York
        ),
        levels=4,
    )
    assert drawn.sessions == pytest.approx([8 / 24, 9 / 24, 1 + 8 / 24])
