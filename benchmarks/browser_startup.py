"""Browser mode: page open to the app's first frame in headless Chromium, against the bare
Textual app served by textual-serve itself, in the same run.

pushtimer is timed from ``page.goto`` until the picker's title arrives over the websocket
(``pushtimer serve``, loopback); the bare app (benchmarks/bare_app.py, served by stock
textual-serve) until its line arrives. Runs alternate; the ratio is of the medians and
the median of the paired ratios. Needs Chromium (``apt-get install chromium``).

    python benchmarks/browser_startup.py
"""

from __future__ import annotations

import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from playwright.sync_api import Page, sync_playwright
from terminal import BARE_APP, PUSHTIMER, REPO, as_installed

RUNS = 7


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def first_frame(page: Page, url: str, text: str) -> float:
    frames: list[str] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda f: frames.append(f if isinstance(f, str) else f.decode("utf-8", "replace")),
        ),
    )
    started = time.monotonic()
    page.goto(url)
    while text not in "".join(frames):
        page.wait_for_timeout(10)
        if time.monotonic() - started > 30:
            raise RuntimeError(f"{text!r} never came")
    return time.monotonic() - started


def main() -> None:
    as_installed(REPO)
    ours_port, bare_port = free_port(), free_port()
    bare_server = (
        "from textual_serve.server import Server; "
        f"Server({shlex.join(BARE_APP)!r}, host='127.0.0.1', port={bare_port}).serve()"
    )
    with tempfile.TemporaryDirectory() as data:
        servers = [
            subprocess.Popen(
                [PUSHTIMER, "serve", "--port", str(ours_port), "--data-dir", data],
                stdout=subprocess.DEVNULL,
            ),
            subprocess.Popen(
                [sys.executable, "-c", bare_server],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            ),
        ]
        time.sleep(2)  # both listening (a benchmark, not a test: the wall clock is fine)
        ours, bare = [], []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
                )
                for _ in range(RUNS):
                    for times, port, text in (
                        (ours, ours_port, "choose a workout"),
                        (bare, bare_port, "bare app"),
                    ):
                        page = browser.new_page(viewport={"width": 1280, "height": 800})
                        times.append(first_frame(page, f"http://127.0.0.1:{port}/", text))
                        page.close()
                browser.close()
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=10)
    paired = statistics.median(a / b for a, b in zip(ours, bare, strict=True))
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"Browser mode, page open to first frame, median of {RUNS} (ms)")
    print(f"pushtimer serve (picker)    {ours_ms:7.0f}")
    print(f"bare app via textual-serve  {bare_ms:7.0f}")
    print(f"ratio {ours_ms / bare_ms:.2f}x, paired {paired:.2f}x")


if __name__ == "__main__":
    main()
