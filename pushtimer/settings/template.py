"""The file ``pushtimer config --init`` writes: every key with what it does, its bounds and
its built-in default, commented out, all from the model (so it cannot disagree with it).
What the comments suggest is written as TOML takes it: ``true or false``, text in quotes."""

from __future__ import annotations

import inspect
import textwrap

from msgspec import inspect as mi

from pushtimer.plan.wording import describe
from pushtimer.settings.model import Settings
from pushtimer.settings.report import toml_value

_WIDTH = 90
_HEADER = """\
# pushtimer settings, written by `pushtimer config --init` (docs/settings.md says more).
# Every key is optional. Each is shown with its built-in default, commented out: take
# away the "# " in front of a key to set it. Flags on the command line beat this file;
# `pushtimer config` shows every value in effect and where it comes from.
"""


def init_text() -> str:
    """The commented settings file, ready to write."""
    parts = [_HEADER]
    for field in mi.type_info(Settings).fields:  # type: ignore[attr-defined]
        kind = field.type
        if isinstance(kind, mi.StructType):
            about = inspect.cleandoc(kind.cls.__doc__ or "")
            parts.append(f"\n[{field.encode_name}]\n{_comment(about)}")
            for inner in mi.type_info(kind.cls).fields:  # type: ignore[attr-defined]
                parts.append(_entry(inner))
        else:
            parts.append(_entry(field))
    return "".join(parts)


def _entry(field: mi.Field) -> str:
    kind = field.type
    about = ""
    if isinstance(kind, mi.Metadata):
        about = str((kind.extra_json_schema or {}).get("description", ""))
    bounds = _sentence(describe(kind))
    default = toml_value(field.default)
    return f"\n{_comment(about)}{_comment(bounds)}# {field.encode_name} = {default}\n"


def _sentence(words: str) -> str:
    """``a whole number from 0 to 10`` -> ``A whole number from 0 to 10.``; words that
    start with a value as the file writes it keep it as written (``true or false.``, never
    ``True``, which TOML refuses)."""
    if words.split(" ", 1)[0] in ("true", "false"):
        return f"{words}."
    return f"{words[0].upper()}{words[1:]}."


def _comment(text: str) -> str:
    if not text:
        return ""
    return "".join(f"# {line}\n" for line in textwrap.wrap(text, _WIDTH - 2))
