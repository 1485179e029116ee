"""TOML syntax mistakes in plain words (pushtimer.plan.toml_hints): each common mistake
says what to write instead, in one line after ``file:line:col: not valid TOML: ``, for
plans and the settings file alike; any other error keeps the parser's words. Every case
runs with Python's tomllib and with tomli (what Python 3.10 uses), whose words can differ.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pushtimer.plan.toml_hints as toml_hints
import pushtimer.plan.tomlfile as tomlfile
from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import load_plan_text
from pushtimer.settings.errors import SettingsError
from pushtimer.settings.loader import load_settings
from pushtimer.settings.template import init_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 has only tomli
    import tomli as tomllib

PARSERS = ["tomllib", "tomli"] if sys.version_info >= (3, 11) else ["tomli"]
EXERCISE = 'name = "P"\n[[exercise]]\nname = "Push-up"\n'  # what comes before the mistake


@pytest.fixture(params=PARSERS, autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Read TOML with this parser, both for the file and for the lines hints offer."""
    module = pytest.importorskip(request.param)
    monkeypatch.setattr(tomlfile, "tomllib", module)
    monkeypatch.setattr(toml_hints, "tomllib", module)
    return module


def problem(text: str) -> str:
    """The one line a plan with a syntax error gives, without ``plan.toml:``."""
    with pytest.raises(PlanError) as caught:
        load_plan_text(text, "plan.toml")
    (line,) = caught.value.lines
    assert line.startswith("plan.toml:")
    return line.removeprefix("plan.toml:")


CASES = {
    # 1. A bare word where text goes.
    "bare word": (
        EXERCISE.replace('"Push-up"', "Push-up"),
        '3:8: not valid TOML: text needs quotes: name = "Push-up"',
    ),
    "bare words with a comment": (
        "name = Push-up plan # the plan\n",
        '1:8: not valid TOML: text needs quotes: name = "Push-up plan"',
    ),
    "bare word after a number": (
        EXERCISE + "tempo = 3-1-1-0\n",
        '4:10: not valid TOML: text needs quotes: tempo = "3-1-1-0"',
    ),
    "bare word in a list": (
        EXERCISE + 'cues = ["Slow", Elbows-in]\n',
        '4:17: not valid TOML: text needs quotes: "Elbows-in"',
    ),
    # 2. True and False.
    "True": (
        EXERCISE + "per_side = True\n",
        "4:12: not valid TOML: write true or false in lower case: per_side = true",
    ),
    "FALSE": (
        EXERCISE + "per_side=FALSE # one side\n",
        "4:10: not valid TOML: write true or false in lower case: per_side = false",
    ),
    # 3. A duration with a unit, without quotes.
    "60s": (
        'name = "P"\n[defaults]\nrest = 60s\n',
        '3:10: not valid TOML: a duration with a unit needs quotes: rest = "60s", or write 60',
    ),
    "1m30s": (
        'name = "P"\n[defaults]\nrest = 1m30s\n',
        '3:9: not valid TOML: a duration with a unit needs quotes: rest = "1m30s", or write 90',
    ),
    "90 s": (
        'name = "P"\n[defaults]\nrest = 90 s\n',
        '3:11: not valid TOML: a duration with a unit needs quotes: rest = "90s", or write 90',
    ),
    "2 minutes": (
        'name = "P"\n[defaults]\nrest = 2 minutes\n',
        '3:10: not valid TOML: a duration with a unit needs quotes: rest = "2m", or write 120',
    ),
    "1.5m: no seconds worked out": (
        'name = "P"\n[defaults]\nrest = 1.5m\n',
        '3:11: not valid TOML: a duration with a unit needs quotes: rest = "1.5m"',
    ),
    # 4. No "=" between a key and its value.
    "rest 60": (
        'name = "P"\n[defaults]\nrest 60\n',
        '3:6: not valid TOML: a key and its value need "=" between them: rest = 60',
    ),
    'name "Push-up"': (
        'name "Push-up"\n',
        '1:6: not valid TOML: a key and its value need "=" between them: name = "Push-up"',
    ),
    "per_side True": (
        EXERCISE + "per_side True\n",
        '4:10: not valid TOML: a key and its value need "=" between them: per_side = true',
    ),
    "rest 60s": (
        'name = "P"\n[defaults]\nrest 60s\n',
        '3:6: not valid TOML: a key and its value need "=" between them: rest = "60s", or write 60',
    ),
    "a colon instead": (
        'name: "Push-up"\n',
        '1:5: not valid TOML: a key and its value need "=" between them: name = "Push-up"',
    ),
    "a key alone": (
        'name = "P"\n[defaults]\nrest\n',
        '3:5: not valid TOML: "rest" needs "=" and a value after it',
    ),
    # 5. Text, a list or an inline table never closed.
    "unclosed quote": (
        EXERCISE.replace('"Push-up"', '"Push-up') + "reps = 10\n",
        '3:16: not valid TOML: the text is missing its closing quote: name = "Push-up"',
    ),
    "unclosed quote at the end of the file": (
        'name = "Push-up',
        '1:16: not valid TOML: the text is missing its closing quote: name = "Push-up"',
    ),
    "unclosed literal quote": (
        "name = 'Push-up\n",
        "2:1: not valid TOML: the text that starts on line 1 is missing its closing quote: "
        "name = 'Push-up'",
    ),
    "unclosed multi-line text": (
        'name = "P"\ndescription = """Long\ntext\n',
        '4:1: not valid TOML: the text that starts on line 2 is missing its closing """',
    ),
    "unclosed list at the end of the line and file": (
        EXERCISE + 'cues = ["a", "b"',
        '4:17: not valid TOML: the list is missing its closing "]"',
    ),
    "unclosed list at the end of the file": (
        EXERCISE + 'cues = ["a", "b"\n',
        '5:1: not valid TOML: the list that starts on line 4 is missing its closing "]"',
    ),
    "unclosed list of several lines, then a table": (
        EXERCISE + 'cues = [\n  "Slow",\n  "Elbows in",\n\n[[exercise]]\nname = "Squat"\n',
        '8:3: not valid TOML: the list that starts on line 4 is missing its closing "]"',
    ),
    "unclosed list, then a key": (
        EXERCISE + 'cues = ["Slow",\n  "Elbows in"\nreps = 10\n',
        '6:1: not valid TOML: the list that starts on line 4 is missing its closing "]"',
    ),
    "a list closed with }": (
        EXERCISE + 'cues = ["a", "b"}\n',
        '4:17: not valid TOML: the list is missing its closing "]"',
    ),
    "unclosed inline table": (
        EXERCISE + "reps = 8\nprogress = { add = 1, up_to = 12",
        '5:33: not valid TOML: the inline table is missing its closing "}"',
    ),
    # 6. A key or a table given twice.
    "a key twice": (
        EXERCISE + "reps = 10\nreps = 12\n",
        '5:10: not valid TOML: "reps" is given twice in the same table; keep one',
    ),
    "a key twice, written two ways": (
        'name = "P"\n[defaults]\n"rest" = 60\nswitch = 5\nrest = 90\n',
        '5:10: not valid TOML: "rest" is given twice in the same table; keep one',
    ),
    "a table twice": (
        'name = "P"\n[defaults]\nrest = 60\n[defaults]\nswitch = 5\n',
        "4:10: not valid TOML: [defaults] is given twice; keep one",
    ),
    # Anything else keeps the parser's words.
    "no value": (EXERCISE + "reps =\n", "4:7: not valid TOML: Invalid value"),
    "a missing comma": (
        EXERCISE + 'cues = ["a" "b"]\n',
        "4:13: not valid TOML: Unclosed array",
    ),
    "a number TOML refuses": (
        EXERCISE + "reps = 08\n",
        "4:9: not valid TOML: Expected newline or end of document after a statement",
    ),
    "a key with a space": (
        'name = "P"\n[defaults]\nrest between = 60\n',
        "3:6: not valid TOML: Expected '=' after a key in a key/value pair",
    ),
    "a value, then a table of the same name": (
        'name = "P"\ndefaults = 1\n[defaults]\n',
        "3:10: not valid TOML: Cannot overwrite a value",
    ),
    "a table, then tables of the same name": (
        'name = "P"\n[[exercise]]\nname = "a"\n[exercise]\n',
        "4:10: not valid TOML: Cannot declare ('exercise',) twice",
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_each_mistake_in_plain_words(text: str, expected: str) -> None:
    assert problem(text) == expected


def test_every_line_offered_is_valid_toml() -> None:
    """What a hint says to write, put in place of the wrong line, parses."""
    offered = 0
    for _, expected in CASES.values():
        words = expected.partition("not valid TOML: ")[2]
        found = re.fullmatch(r"[^:]+: ([a-z_]+ = .*?)(?:, or write (\d+))?", words)
        if found is None:
            continue
        offered += 1
        assert tomllib.loads(found.group(1)), words
        if found.group(2):
            assert tomllib.loads(found.group(1).split(" = ")[0] + " = " + found.group(2))
    assert offered >= 15


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("name = Push\x1bup\n", '"Push\\u001bup"'),
        ("name = Push\u202eup\n", '"Push\\u202eup"'),
        ("name = Push\u200bup\n", '"Push\\u200bup"'),
        ('"k\\u001b" = Push\n', '"k\\u001b" = "Push"'),
    ],
)
def test_text_from_the_file_is_shown_escaped(text: str, shown: str) -> None:
    line = problem(text)
    assert shown in line and line.isprintable()


def test_long_text_is_cut() -> None:
    assert problem("name = " + "A" * 100 + "\n").endswith('name = "' + "A" * 39 + '…"')
    assert problem("k" * 100 + " = Push\n").endswith("k" * 39 + '… = "Push"')
    assert problem('name = "' + "B" * 100 + "\n").endswith('name = "' + "B" * 39 + '…"')


def test_crlf_line_endings() -> None:
    text = 'name = "P"\r\n[[exercise]]\r\nname = "Push-up\r\nreps = 10\r\n'
    assert problem(text) == (
        '3:16: not valid TOML: the text is missing its closing quote: name = "Push-up"'
    )


def test_the_settings_file_gets_the_same_words(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "dark"\nvoice = True\n', encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    assert caught.value.lines == [
        f"{path}:2:9: not valid TOML: write true or false in lower case: voice = true"
    ]


def test_validate_prints_the_one_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('name = "P"\n[[exercise]]\nname = Push-up\nreps = 10\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pushtimer", "validate", str(plan)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f'{plan}:3:8: not valid TOML: text needs quotes: name = "Push-up"\n'


# Text made of what TOML's syntax is made of, so most of it is broken in some way.
TOML_BITS = st.sampled_from(
    ["name", "rest", " = ", "=", " ", "\n", "\r\n", '"', "'", '"""', "'''", "[", "]", "[[",
     "]]", "{", "}", ",", ".", "#", "\\", "60s", "True", "Push-up", "1", "\x1b", "\u202e"]
)  # fmt: skip


# (The parser fixture only swaps a module: nothing of it carries from one example to the next.)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(TOML_BITS, max_size=40).map("".join))
def test_any_text_gives_data_or_one_printable_line(text: str) -> None:
    try:
        tomlfile.toml_from_text(text, "plan.toml")
    except PlanError as error:
        (line,) = error.lines
        assert line.startswith("plan.toml") and line.isprintable()


def test_the_init_file_suggests_only_valid_toml() -> None:
    """Each ``# key = value`` line of `pushtimer config --init`, taken out of its comment,
    is valid TOML, and no comment writes true or false as TOML refuses them."""
    text = init_text()
    keys = [line[2:] for line in text.splitlines() if re.match(r"# [a-z_]+ = ", line)]
    assert len(keys) >= 15
    for line in keys:
        assert tomllib.loads(line), line
    assert "\n# true or false.\n# voice = false\n" in text
    assert re.search(r"\b(True|False)\b", text) is None
