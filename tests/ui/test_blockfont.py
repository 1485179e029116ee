"""Block letters and the big figure's sizing: pure functions of the text and the room."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pushtimer.ui.blockfont import DIGITS, SMALL, draw, largest_scale
from pushtimer.ui.widgets.big_figure import figure_lines


def test_a_pixel_is_as_many_columns_as_half_rows() -> None:
    one = draw("1", DIGITS, 1)
    assert len(one) == 4 and {len(line) for line in one} == {5}  # 7 px: 3.5 rows
    two = draw("1", DIGITS, 2)
    assert len(two) == 7 and {len(line) for line in two} == {10}
    assert two[0] == "    ██    " and two[-1] == "  ██████  "


def test_every_glyph_is_drawn_and_unknown_characters_are_blank() -> None:
    for font in (DIGITS, SMALL):
        for char in font.glyphs:
            assert len(draw(char, font, 1)) == (font.height + 1) // 2
    assert largest_scale(SMALL, "é", 80, 24) == 0
    assert set("".join(draw("é", SMALL, 1))) == {" "}


def test_the_figure_is_seven_rows_at_least_where_80x24_leaves_it_room() -> None:
    # At 80x24 the figure gets 76 columns and 9 to 11 rows; at 160x48 156 and about 28.
    assert len(figure_lines("12", 76, 9)) == 7
    assert len(figure_lines("12", 76, 11)) == 11
    assert len(figure_lines("1:30", 156, 28)) >= 14
    # A rep number and the time after it are drawn the same size.
    assert len(figure_lines("3", 156, 28)) == len(figure_lines("1:30", 156, 28))


def test_where_the_width_decides_a_number_is_not_held_to_the_width_of_a_time() -> None:
    # A phone upright (65x64 in the browser): the figure gets about 61 x 40.
    rep, rest = len(figure_lines("12", 61, 40)), len(figure_lines("1:30", 61, 40))
    assert rep >= 1.5 * rest
    # A number keeps its size from rep 1 to 99, and a time through its minutes.
    assert len(figure_lines("3", 61, 40)) == rep
    assert len(figure_lines("10:00", 61, 40)) <= rest == len(figure_lines("1:05", 61, 40))


def test_with_little_room_the_small_digits_then_nothing() -> None:
    assert len(figure_lines("45", 36, 3)) == 3  # the 5-pixel digits
    assert figure_lines("45", 36, 2) == ()


@given(
    value=st.sampled_from(["1", "12", "0:45", "1:30", "10:00", "59:59", "500"]),
    width=st.integers(0, 300),
    height=st.integers(0, 120),
)
def test_the_figure_never_overflows_its_room(value: str, width: int, height: int) -> None:
    lines = figure_lines(value, width, height)
    assert len(lines) <= height
    assert all(len(line) <= width for line in lines)
