"""The one function outside text passes on its way to a terminal, and JSON's version."""

from __future__ import annotations

import json
import unicodedata

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from pushtimer.printable import ESCAPED, json_safe, printable


def test_each_kind_of_character_becomes_a_visible_escape() -> None:
    assert printable("a\x1b]2;T\x07b") == "a\\x1b]2;T\\x07b"  # C0
    assert printable("x\x7fy\x9bz") == "x\\x7fy\\x9bz"  # DEL, C1
    assert printable("safe\u202eexe") == "safe\\u202eexe"  # bidi override
    assert printable("a\u2066b\u2069") == "a\\u2066b\\u2069"  # isolates
    assert printable("pu\u200bsh\ufeff") == "pu\\u200bsh\\ufeff"  # zero-width, BOM
    assert printable("tab\there") == "tab\\x09here"
    # A file name that is not UTF-8: each odd byte as the byte it was.
    assert printable("bad\udcffname") == "bad\\xffname"
    assert printable("lone\ud800") == "lone\\ud800"


def test_ordinary_text_is_left_alone_and_lines_keep_their_breaks() -> None:
    for text in ("Wide push-up", "Set 1/4 · Rep 2/12", "↓ DOWN ‖", "Pompe à genoux 中文", ""):
        assert printable(text) == text
    assert printable("one\ntwo", lines=True) == "one\ntwo"
    assert printable("one\ntwo") == "one\\x0atwo"
    assert printable("one\r\ntwo", lines=True) == "one\\x0d\ntwo"


@given(st.text())
def test_nothing_that_is_escaped_survives(text: str) -> None:
    shown = printable(text)
    assert ESCAPED.search(shown) is None
    # ... and, by Unicode's own word, no control character nor lone surrogate is left
    assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in shown)
    assert ESCAPED.search(printable(text, lines=True).replace("\n", "")) is None


def test_json_escapes_del_though_it_is_ascii() -> None:
    assert json_safe(msgspec.json.encode("rub\x7fout")) == b'"rub\\u007fout"'


@given(st.text())
def test_json_keeps_its_meaning_with_no_raw_character(text: str) -> None:
    data = json_safe(msgspec.json.encode({"name": text}))
    assert ESCAPED.search(data.decode("utf-8")) is None
    assert json.loads(data) == {"name": text}


def test_fit_pads_and_cuts_by_terminal_cells() -> None:
    from pushtimer.printable import cells, fit

    assert cells("第一天") == 6 and cells("e\u0301") == 1 and cells("Rep 3") == 5
    assert fit("Push", 6) == "Push  "
    assert fit("第一天宽距", 8) == "第一天… "  # 7 cells, and a space
    assert cells(fit("第一天宽距", 8)) == 8
    assert fit("a\x1b]2;T", 12) == "a\\x1b]2;T   "  # escaped first, then padded
    assert fit("a very long name", 8, cut=False) == "a very long name"


def test_plan_lists_and_history_tables_line_up_whatever_the_names_hold() -> None:
    from pushtimer.history.report import table_lines
    from pushtimer.history.store import SessionRow
    from pushtimer.outline import plan_outline
    from pushtimer.printable import cells
    from tests.conftest import plan_from

    plan = plan_from(
        'name = "P"\n'
        + "".join(
            f'[[workout]]\nname = "{name}"\n[[workout.exercise]]\nname = "E"\nreps = 5\n'
            for name in ("Day 1", "第一天宽距俯卧撑", "Bidi \\u202eTRAP", "Pompe à genoux")
        )
    )
    ends = {cells(line) for line in plan_outline(plan)}
    assert len(ends) == 1, plan_outline(plan)
    rows = [
        SessionRow(
            plan_file="p",
            plan_name=name,
            workout_index=0,
            workout_name=name,
            workout_day=None,
            plan_days=None,
            started="2026-11-20T08:00:00+01:00",
            id=1,
            ended=None,
            completed=True,
            seconds=60.0,
            sets=(),
        )
        for name in ("Plan", "第一天宽距俯卧撑", "x\x1b]2;T")
    ]
    widths = {cells(line) for line in table_lines(rows)[1:]}
    assert len(widths) == 1, table_lines(rows)
