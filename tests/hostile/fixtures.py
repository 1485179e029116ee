"""Hostile input, written as an attacker would: escape sequences for every text field,
invisible characters that reorder or hide text, and helpers to find anything raw in
output."""

from __future__ import annotations

import json
import re

# Control sequences a terminal acts on: the clipboard (OSC 52), the window title (OSC 2),
# a hyperlink (OSC 8), clearing the screen (CSI), the same through a C1 CSI, the bell, DEL
# and NUL.
CONTROL = {
    "osc52-clipboard": "\x1b]52;c;cHduZWQ=\x1b\\",
    "osc2-title": "\x1b]2;TITLE\x1b\\",
    "osc8-link": "\x1b]8;;https://example.com\x1b\\click\x1b]8;;\x1b\\",
    "csi-clear": "\x1b[2J\x1b[H",
    "c1-csi": "\x9b31mred",
    "bell": "ring\a",
    "del": "rub\x7fout",
    "nul": "nul\x00l",
}
# Shown, never acted on: bidi overrides and isolates, zero-width characters, a BOM.
INVISIBLE = {
    "bidi-override": "safe\u202eexe.txt",
    "bidi-isolate": "a\u2066b\u2069c",
    "zero-width": "pu\u200bsh",
    "bom": "\ufeffname",
}

# Every text field of a plan, as (TOML table, key); the cue field is a list.
TEXT_FIELDS = [
    ("", "name"),
    ("", "description"),
    ("workout", "name"),
    ("workout", "description"),
    ("exercise", "name"),
    ("exercise", "description"),
    ("exercise", "cues"),
]

RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


def raw_characters(text: str) -> list[str]:
    """Characters in ``text`` that would reach a terminal raw (line breaks are fine)."""
    return RAW.findall(text)


def plan_with(table: str, key: str, text: str) -> str:
    """A valid plan with ``text`` in one field (TOML strings take JSON's escapes)."""
    fields = {("", "name"): '"Plan"', ("workout", "name"): '"Day 1"'}
    fields[("exercise", "name")] = '"Push-up"'
    value = json.dumps([text]) if key == "cues" else json.dumps(text)
    fields[(table, key)] = value
    lines = [f"{k} = {v}" for (t, k), v in fields.items() if t == ""]
    lines += ["[[workout]]"] + [f"{k} = {v}" for (t, k), v in fields.items() if t == "workout"]
    lines += ["[[workout.exercise]]", "reps = 5"]
    lines += [f"{k} = {v}" for (t, k), v in fields.items() if t == "exercise"]
    return "\n".join(lines) + "\n"
