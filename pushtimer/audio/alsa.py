"""Keep ALSA quiet: with no sound device, libasound prints "ALSA lib ..." lines straight to
stderr, which is where the full-screen view draws. A no-op error handler stops that."""

from __future__ import annotations

import ctypes
import ctypes.util
from typing import Any

# snd_lib_error_handler_t: (file, line, function, err, fmt, ...); the varargs are ignored.
_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _ignore(*_args: Any) -> None:
    return None


_handler = _HANDLER_TYPE(_ignore)  # kept alive for as long as libasound may call it
_installed = False


def silence_alsa() -> bool:
    """Install the no-op handler once; False when libasound is not there (nothing to quiet)."""
    global _installed
    if _installed:
        return True
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        library = ctypes.CDLL(name)
        library.snd_lib_error_set_handler(_handler)
    except (OSError, AttributeError):
        return False
    _installed = True
    return True
