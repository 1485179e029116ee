"""The one function outside text passes on its way to a terminal, and JSON's version."""

from __future__ import annotations

import json

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
    assert not set(shown) & ESCAPED
    assert not set(printable(text, lines=True)) & (ESCAPED - {"\n"})


def test_json_escapes_del_though_it_is_ascii() -> None:
    assert json_safe(msgspec.json.encode("rub\x7fout")) == b'"rub\\u007fout"'


@given(st.text())
def test_json_keeps_its_meaning_with_no_raw_character(text: str) -> None:
    data = json_safe(msgspec.json.encode({"name": text}))
    assert not set(data.decode("utf-8")) & ESCAPED
    assert json.loads(data) == {"name": text}
