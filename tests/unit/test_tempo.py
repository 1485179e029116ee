import pytest

from pushtimer.plan.tempo import FREE, Tempo, parse_tempo


@pytest.mark.parametrize(
    ("text", "phases"),
    [
        ("3-1-1-0", (3, 1, 1, 0)),
        ("3110", (3, 1, 1, 0)),
        ("10-0-2-0", (10, 0, 2, 0)),
        ("30-30-30-30", (30, 30, 30, 30)),
        ("3-1-X-0", (3, 1, None, 0)),
        ("31x0", (3, 1, None, 0)),
        (" 2-0-2-0 ", (2, 0, 2, 0)),
        ("0-0-X-0", (0, 0, None, 0)),
    ],
)
def test_parse_tempo(text: str, phases: tuple[int | None, ...]) -> None:
    assert parse_tempo(text) == Tempo(phases)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["free", "FREE", "Free"])
def test_free(text: str) -> None:
    tempo = parse_tempo(text)
    assert tempo is FREE and tempo.free and str(tempo) == "free"


def test_explosive_phase_takes_the_explosive_length() -> None:
    assert parse_tempo("3-1-X-0").seconds(explosive=2) == (3, 1, 2, 0)
    assert str(parse_tempo("31x0")) == "3-1-X-0"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "3-1-1",
            'must be four phases like "3-1-1-0" or "3110" (lowering, bottom, up, top), or "free"; got "3-1-1"',
        ),
        (
            "31100",
            'must be four phases like "3-1-1-0" or "3110" (lowering, bottom, up, top), or "free"; got "31100"',
        ),
        (
            "fast",
            'must be four phases like "3-1-1-0" or "3110" (lowering, bottom, up, top), or "free"; got "fast"',
        ),
        (
            "31-1-1-0",
            'has "31" for the lowering; each phase must be 0 to 30 seconds or X (explosive), got "31-1-1-0"',
        ),
        (
            "3-1-y-0",
            'has "y" for the pushing up; each phase must be 0 to 30 seconds or X (explosive), got "3-1-y-0"',
        ),
        (
            "3--1-0",
            'has "" for the pause at the bottom; each phase must be 0 to 30 seconds or X (explosive), got "3--1-0"',
        ),
        (
            "0000",
            'adds up to 0 seconds ("0000"); give a phase some time, or use "free" for an unpaced set',
        ),
        (
            "0-0-0-0",
            'adds up to 0 seconds ("0-0-0-0"); give a phase some time, or use "free" for an unpaced set',
        ),
    ],
)
def test_bad_tempo_messages(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_tempo(text)
    assert str(caught.value) == message


def test_free_tempo_has_no_phase_lengths() -> None:
    with pytest.raises(ValueError):
        FREE.seconds(1)
