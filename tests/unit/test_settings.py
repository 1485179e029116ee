"""The settings file: every broken one gives exactly its lines (tests/data/bad_settings),
every bound holds, and only a regular file is read. Real files in tmp_path throughout."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import get_args, get_type_hints

import pytest

from pushtimer.audio import SOUND_CHOICES
from pushtimer.audio.player import Choice
from pushtimer.plan import load_plan_text
from pushtimer.plan.errors import PlanError
from pushtimer.plan.loader import MAX_PLAN_BYTES
from pushtimer.settings.errors import SettingsError
from pushtimer.settings.loader import default_settings_path, load_settings
from pushtimer.settings.model import QuickSettings, Settings
from pushtimer.settings.report import entries, toml_value
from pushtimer.settings.template import init_text
from tests.conftest import DATA
from tests.unit.test_plan_errors import expected_lines

BAD_SETTINGS = DATA / "bad_settings"
FIXTURES = sorted(BAD_SETTINGS.glob("*.toml"))


def settings_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str) -> Settings:
    return load_settings(settings_file(tmp_path, text), named=True).settings


def problems(tmp_path: Path, text: str) -> list[str]:
    path = settings_file(tmp_path, text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    prefix = f"{path}: "
    return [line.removeprefix(prefix) for line in caught.value.lines]


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_broken_settings_give_exactly_their_lines(path: Path) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=False)
    assert caught.value.lines == expected_lines(path)
    assert isinstance(caught.value, PlanError)  # reported the way a plan's problems are


def test_every_key_from_the_file(tmp_path: Path) -> None:
    settings = load(
        tmp_path,
        'sound = "bell"\nvoice = true\ncount_in = 0\nreminder_every = 60\n'
        'big_figure = "seconds"\ntheme = "high-contrast"\n'
        '[quick]\nreps = "max"\nsets = 3\ntempo = "2-0-X-0"\nrest = "1m30s"\nprepare = "10s"\n'
        '[defaults]\nprepare = 0\nrest = "2m"\nrest_between_exercises = "1h"\nswitch = 120\n',
    )
    assert dict(entries(settings)) == {
        "sound": "bell",
        "voice": True,
        "count_in": 0,
        "reminder_every": 60,
        "big_figure": "seconds",
        "theme": "high-contrast",
        "quick.reps": "max",
        "quick.sets": 3,
        "quick.tempo": "2-0-X-0",
        "quick.rest": 90,
        "quick.prepare": 10,
        "defaults.prepare": 0,
        "defaults.rest": 120,
        "defaults.rest_between_exercises": 3600,
        "defaults.switch": 120,
    }


def test_an_empty_file_is_every_default(tmp_path: Path) -> None:
    loaded = load_settings(settings_file(tmp_path, "# nothing set\n"), named=True)
    assert loaded.exists and loaded.settings == Settings() and loaded.keys == frozenset()


@pytest.mark.parametrize(
    ("key", "good", "bad"),
    [
        ("count_in", ["0", "10"], ["-1", "11", '"3"', "true"]),
        ("reminder_every", ["2", "60"], ["1", "61", '"6s"']),
        ("quick.reps", ["1", "500", '"max"'], ["0", "501", '"many"']),
        ("quick.sets", ["1", "50"], ["0", "51"]),
        ("quick.rest", ["0", "3600", '"1h"'], ["-1", "3601", '"1h1s"']),
        ("quick.prepare", ["0", '"60m"'], ["3601"]),
        ("quick.tempo", ['"free"', '"3110"', '"30-0-X-0"'], ['"0-0-0-0"', '"31-0-0-0"', "3"]),
        ("defaults.prepare", ["0", "3600"], ["3601"]),
        ("defaults.rest", ['"90s"', "3600"], ["-1", '"61m"']),
        ("defaults.rest_between_exercises", ["0", '"1h"'], ["3601"]),
        ("defaults.switch", ["0", "120", '"2m"'], ["121", '"2m1s"']),
    ],
)
def test_bounds(tmp_path: Path, key: str, good: list[str], bad: list[str]) -> None:
    table, _, name = key.rpartition(".")
    header = f"[{table}]\n" if table else ""
    for value in good:
        load(tmp_path, f"{header}{name} = {value}\n")
    for value in bad:
        (line,) = problems(tmp_path, f"{header}{name} = {value}\n")
        assert f'"{name}"' in line, line


def test_every_choice_loads(tmp_path: Path) -> None:
    for sound in SOUND_CHOICES:
        assert load(tmp_path, f'sound = "{sound}"').sound == sound
    for theme in ("dark", "light", "high-contrast"):
        assert load(tmp_path, f'theme = "{theme}"').theme == theme
    assert load(tmp_path, 'big_figure = "seconds"').big_figure == "seconds"


def test_sound_choices_are_the_command_lines() -> None:
    annotated = get_type_hints(Settings, include_extras=True)["sound"]
    assert get_args(get_args(annotated)[0]) == SOUND_CHOICES == get_args(Choice)


def test_keys_the_file_sets_are_known(tmp_path: Path) -> None:
    path = settings_file(tmp_path, 'theme = "light"\n[quick]\nrest = 90\n[defaults]\nrest = 45\n')
    loaded = load_settings(path, named=True)
    assert loaded.keys == {"theme", "quick.rest", "defaults.rest"}
    assert (loaded.origin("theme"), loaded.origin("sound")) == ("file", "default")
    assert loaded.plan_defaults() == {"rest": 45}


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    path = settings_file(tmp_path, 'theme = "dark"\n[quick\n')
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    (line,) = caught.value.lines
    assert line.startswith(f"{path}:2:") and "not valid TOML" in line


def test_a_missing_file_at_the_default_place_is_no_settings(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "config.toml", named=False)
    assert (loaded.exists, loaded.settings, loaded.keys) == (False, Settings(), frozenset())


def test_a_missing_file_that_was_named_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nope.toml"
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    assert caught.value.lines == [f"{path}: no such file"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    for named in (True, False):
        with pytest.raises(SettingsError) as caught:
            load_settings(tmp_path, named=named)
        assert caught.value.lines == [f"{tmp_path}: is a folder, not a settings file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    """Opening a FIFO for reading would wait for a writer for ever: it is never opened."""
    path = tmp_path / "config.toml"
    os.mkfifo(path)
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=False)
    assert caught.value.lines == [f"{path}: is not a regular file"]


def test_a_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    path = settings_file(tmp_path, "#" * MAX_PLAN_BYTES + "\n")
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    size = path.stat().st_size
    assert caught.value.lines == [
        f"{path}: is {size:,} bytes; a settings file may be at most 1 MiB (1,048,576 bytes)"
    ]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes('# Einstellungen für pushtimer\ntheme = "dark"\n'.encode("latin-1"))
    with pytest.raises(SettingsError) as caught:
        load_settings(path, named=True)
    assert caught.value.lines == [f"{path}:1:18: not UTF-8 text; save the settings as UTF-8"]


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are a Linux convention")
def test_the_default_place_honours_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_settings_path() == tmp_path / "pushtimer" / "config.toml"


def test_the_init_file_loads_and_names_every_key_with_its_default(tmp_path: Path) -> None:
    text = init_text()
    loaded = load_settings(settings_file(tmp_path, text), named=True)
    assert loaded.settings == Settings() and loaded.keys == frozenset()
    for key, value in entries(Settings()):
        name = key.rpartition(".")[2]
        assert f"\n# {name} = {toml_value(value)}\n" in text, key


def test_the_init_file_set_to_its_own_values_loads_the_same(tmp_path: Path) -> None:
    """Every key taken out of its comment: the file sets all of them, to the defaults."""
    lines = [
        line[2:] if line.startswith("# ") and " = " in line else line
        for line in init_text().splitlines()
    ]
    loaded = load_settings(settings_file(tmp_path, "\n".join(lines)), named=True)
    assert loaded.settings == Settings()
    assert loaded.keys == {key for key, _ in entries(Settings())}


def test_settings_defaults_fill_only_what_a_plan_leaves_out() -> None:
    plan = 'name = "P"\n[defaults]\nrest = 30\n[[exercise]]\nname = "E"\nreps = 1\nsets = 2\n'
    loaded = load_plan_text(plan, "p.toml", defaults={"rest": 90, "switch": 10, "prepare": 0})
    assert (loaded.defaults.rest, loaded.defaults.switch, loaded.defaults.prepare) == (30, 10, 0)
    bare = load_plan_text(
        'name = "P"\n[[exercise]]\nname = "E"\nreps = 1\n', "p.toml", {"rest": 90}
    )
    assert bare.defaults.rest == 90


def test_a_plan_error_stays_the_plans_own_with_settings_defaults() -> None:
    plan = 'name = "P"\ndefaults = 3\n[[exercise]]\nname = "E"\nreps = 1\n'
    with pytest.raises(PlanError) as caught:
        load_plan_text(plan, "p.toml", defaults={"rest": 90})
    assert caught.value.lines == ['p.toml: "defaults" must be a table ([defaults]), got 3']


def test_quick_settings_as_the_forms_text() -> None:
    values = QuickSettings(reps="max", sets=3, tempo="free", rest=90, prepare=0).values()
    assert (values.reps, values.hold, values.sets, values.tempo, values.rest) == (
        "max",
        None,
        "3",
        "free",
        "90",
    )
    assert (values.per_side, values.prepare) == (False, "0")
    assert values.plan().workouts[0].exercises[0].rest == 90
