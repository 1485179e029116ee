"""Choosing a backend, falling back, never raising into the session, and which event
sounds how. Fake backends stand in for devices; fake player programs for real ones."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pushtimer.audio.backends import BackendFailed, PlayerBackend, SilentBackend
from pushtimer.audio.cues import cue_sound, cue_words
from pushtimer.audio.player import (
    NO_VOICE,
    SoundPlayer,
    SoundSettings,
    backend_factories,
    make_player,
)
from pushtimer.audio.sounds import Sound, load_sounds
from pushtimer.audio.voice import Voice
from pushtimer.session.clock import FakeClock
from pushtimer.session.engine import Engine
from pushtimer.session.events import Event
from pushtimer.session.timeline import build_timeline
from tests.conftest import REPO, plan_from

SOUNDS = load_sounds(REPO / "sounds")


class FakeBackend:
    """Records what it played; can be told to fail at the probe or at the nth play."""

    def __init__(self, name: str, fail_probe: bool = False, fail_from: int | None = None):
        self.name = name
        self.fail_probe = fail_probe
        self.fail_from = fail_from
        self.played: list[str] = []

    def probe(self) -> None:
        if self.fail_probe:
            raise BackendFailed("no device")

    def play(self, sound: Sound) -> None:
        if self.fail_from is not None and len(self.played) >= self.fail_from:
            raise OSError("device went away")
        self.played.append(sound.name)


def _import_error() -> FakeBackend:
    raise ImportError("No module named 'simpleaudio'")


def test_the_first_backend_that_works_is_chosen_and_the_reasons_kept() -> None:
    working = FakeBackend("player")
    player = SoundPlayer(
        [
            ("simpleaudio", _import_error),
            ("alsa", lambda: FakeBackend("alsa", fail_probe=True)),
            ("player", lambda: working),
            ("bell", lambda: FakeBackend("bell")),
        ],
        SOUNDS,
    )
    assert player.choose() is working
    assert player.passed_over == [
        "simpleaudio: No module named 'simpleaudio'",
        "alsa: no device",
    ]


def test_nothing_working_means_silence() -> None:
    player = SoundPlayer([("a", lambda: FakeBackend("a", fail_probe=True))], SOUNDS)
    assert isinstance(player.choose(), SilentBackend)
    assert player.play_now("go") == "silent"


def test_a_backend_failing_later_drops_to_the_next_and_the_cue_still_plays(
    capfd: pytest.CaptureFixture[str],
) -> None:
    first, second = FakeBackend("first", fail_from=2), FakeBackend("second")
    player = SoundPlayer([("first", lambda: first), ("second", lambda: second)], SOUNDS)
    assert [player.play_now(n) for n in ("go", "down", "up", "rest")] == [
        "first",
        "first",
        "second",
        "second",
    ]
    assert (first.played, second.played) == (["go", "down"], ["up", "rest"])
    assert player.passed_over == ["first: device went away"]
    assert capfd.readouterr() == ("", "")  # not a word on the terminal


def test_every_play_raising_ends_in_silence_and_never_raises() -> None:
    broken = [(f"b{i}", lambda i=i: FakeBackend(f"b{i}", fail_from=0)) for i in range(3)]
    player = SoundPlayer(broken, SOUNDS)
    assert player.play_now("done") == "silent"


def _fake_program(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_player_programs_missing_or_exiting_non_zero_are_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake_program(tmp_path, "paplay", "echo 'Connection refused' >&2; exit 1")
    _fake_program(tmp_path, "aplay", "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    factories = backend_factories("player", ring=lambda: None)
    player = SoundPlayer(factories, SOUNDS)
    assert player.choose().name == "aplay"
    assert player.passed_over == [
        "paplay: paplay exited with status 1",
        "pw-play: pw-play is not installed",
    ]
    assert capfd.readouterr() == ("", "")  # the player's own complaint went nowhere


def test_a_player_that_starts_failing_is_left_for_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "broken"
    _fake_program(tmp_path, "paplay", f"[ -e {marker} ] && exit 3; exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    rang: list[str] = []
    player = SoundPlayer(backend_factories("auto", ring=lambda: rang.append("ding"))[1:], SOUNDS)
    assert player.play_now("go") == "paplay"
    marker.touch()
    assert player.play_now("down") == "paplay"  # started; its failure shows at the next play
    backend = player.choose()
    assert isinstance(backend, PlayerBackend)
    for process in backend._running:  # let the failed play finish first
        process.wait(5)
    assert player.play_now("up") == "bell" and rang == ["ding"]
    assert "paplay: paplay exited with status 3" in player.passed_over


def test_a_missing_program_raises_at_once() -> None:
    with pytest.raises(BackendFailed, match="not installed"):
        PlayerBackend("no-such-player-here")


def test_the_bell_rings_for_every_cue_but_the_tick() -> None:
    rang: list[str] = []
    player = SoundPlayer(backend_factories("bell", ring=lambda: rang.append("ding")), SOUNDS)
    for name in ("tick", "go", "tick", "done"):
        assert player.play_now(name) == "bell"
    assert rang == ["ding", "ding"]


PLAN = plan_from(
    """
    name = "Mapping"
    [defaults]
    prepare = 4
    rest = 4
    switch = 3
    [[exercise]]
    name = "Push"
    sets = 2
    reps = 1
    tempo = "3-1-1-1"
    [[exercise]]
    name = "Plank"
    hold = 4
    per_side = true
    [[exercise]]
    name = "Max"
    reps = "max"
    """
)


def _run_whole_session() -> list[Event]:
    timeline = build_timeline(PLAN.workouts[0], PLAN.defaults)
    clock = FakeClock()
    engine = Engine(timeline, clock)
    events = engine.update()
    while not engine.finished:
        deadline = engine.next_deadline()
        if deadline is None or engine.segment.kind == "open":  # (a max set is paced: end it)
            events += engine.done(10)
            continue
        clock.set(deadline)
        events += engine.update()
    return events


def test_event_to_sound_mapping_over_a_whole_session() -> None:
    sounds = [s for s in map(cue_sound, _run_whole_session()) if s is not None]
    countdown = ["tick", "tick", "tick"]
    rep = ["down", "tick", "tick", "up"]  # the 3 s lowering ticks twice; bottom and top are silent
    assert sounds == [
        *countdown,  # get ready (no sound at its start)
        *rep,
        "rest",
        *countdown,
        *rep,
        "rest",
        *countdown,
        "hold",
        *countdown,
        "switch",
        "tick",
        "tick",
        "hold",
        *countdown,
        "rest",
        *countdown,
        "down",  # the max set is paced: its first lowering (then Enter ends it)
        "done",
    ]


def test_spoken_words_for_sets_sides_rests_and_the_end() -> None:
    timeline = build_timeline(PLAN.workouts[0], PLAN.defaults)
    words = [w for e in _run_whole_session() if (w := cue_words(e, timeline)) is not None]
    assert words == [
        "Push, set 1",
        "rest",
        "Push, set 2",
        "rest",
        "Plank, set 1, left side",
        "switch sides",
        "Plank, set 1, right side",
        "rest",
        "Max, set 1",
        "done",
    ]


def test_skipped_cues_and_a_quit_are_silent() -> None:
    timeline = build_timeline(PLAN.workouts[0], PLAN.defaults)
    clock = FakeClock()
    engine = Engine(timeline, clock)
    engine.update()
    clock.advance(5.5)  # a stall over the end of get ready and into the lowering
    stale = [e for e in engine.update() if getattr(e, "skipped", False)]
    assert stale and all(cue_sound(e) is None for e in stale)
    assert all(cue_sound(e) is None for e in engine.quit())


def test_the_thread_plays_what_is_queued_in_order() -> None:
    backend = FakeBackend("fake")
    played: list[tuple[str, float]] = []
    player = SoundPlayer(
        [("fake", lambda: backend)],
        SOUNDS,
        on_played=lambda name, _b, asked, started: played.append((name, started - asked)),
    )
    timeline = build_timeline(PLAN.workouts[0], PLAN.defaults)
    events = _run_whole_session()[:8]
    player.start()
    for event in events:
        player.cue(event, timeline)
    player.close()
    expected = [s for s in map(cue_sound, events) if s is not None]
    assert backend.played == expected
    assert all(0 <= lag < 0.25 for _, lag in played)


def test_voice_says_one_thing_at_a_time(tmp_path: Path) -> None:
    log = tmp_path / "said"
    _fake_program(tmp_path, "espeak-ng", f'echo "$1" >> {log}; sleep 0.3')
    voice = Voice(str(tmp_path / "espeak-ng"))
    assert voice.say("Push, set 1")
    assert not voice.say("rest")  # still speaking: left out rather than piled up
    assert voice._speaking is not None
    voice._speaking.wait(5)
    assert voice.say("done")
    voice._speaking.wait(5)
    assert log.read_text().splitlines() == ["Push, set 1", "done"]


def test_asking_for_a_voice_with_no_speech_program_says_so_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    player = make_player(SoundSettings(choice="off", voice=True), ring=lambda: None)
    assert player.notices == [NO_VOICE]
    assert make_player(SoundSettings(choice="off"), ring=lambda: None).notices == []
