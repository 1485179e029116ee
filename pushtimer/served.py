"""Whether this process is an app served to a browser tab (``pushtimer serve``): textual-serve
runs each tab's app with Textual's web driver, on pipes rather than a terminal."""

from __future__ import annotations

import os

WEB_DRIVER = "textual.drivers.web_driver"


def served() -> bool:
    """This process draws into a browser page (its pipes are its screen and keys)."""
    return os.environ.get("TEXTUAL_DRIVER", "").startswith(WEB_DRIVER)
