"""``pushtimer serve`` in a real browser: headless Chromium (Debian's, driven by Playwright)
opens the page, runs a quick set to its end, and the session lands in the history; on an
address other than loopback, the page without its token is refused, and with it the token
leaves the address bar; a tab over ``--max-sessions`` says why.

textual-serve draws into a canvas, so what the app sends is read off the websocket.
``PUSHTIMER_SCREENSHOTS=DIR`` keeps the screenshots (docs/usage.md's picture comes from here).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.realtime]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():  # pragma: no cover - CI installs it (.ci/run)
    pytest.skip("no chromium here (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _here() -> str:
    """An address of this machine that is not loopback."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address: str = probe.getsockname()[0]
        return address
    finally:
        probe.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    """``pushtimer serve`` on a free port, its quick-set form starting from a short set."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "last-quick.json").write_text(
        '{"reps": "2", "hold": null, "sets": "1", "tempo": "1-0-1-0", "rest": "0",'
        ' "per_side": false}'
    )
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pushtimer", "serve", "--port", str(port), "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("pushtimer is served at http://127.0.0.1:"), line
    yield process, f"http://127.0.0.1:{port}/", data
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def _listen(page: sync_api.Page, received: list[str]) -> None:
    """Keep what the app sends to ``page`` (the canvas has no text to read)."""

    def frame(data: str | bytes) -> None:
        received.append(data if isinstance(data, str) else data.decode("utf-8", "replace"))

    page.on("websocket", lambda ws: ws.on("framereceived", frame))


def _shoot(page: object, name: str) -> None:
    folder = os.environ.get("PUSHTIMER_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name))  # type: ignore[attr-defined]


def test_a_quick_set_runs_in_the_browser_and_is_kept(
    served: tuple[subprocess.Popen[str], str, Path],
) -> None:
    process, url, data = served
    received: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        _listen(page, received)
        opened = time.monotonic()
        page.goto(url)

        def wait_for(text: str, seconds: float = 15) -> float:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                if text in "".join(received):
                    return time.monotonic()
                page.wait_for_timeout(50)  # (time.sleep would starve Playwright's loop)
            raise AssertionError(f"{text!r} never came; got {len(received)} frames")

        first = wait_for("choose a workout")
        print(f"page open to the picker's first frame: {first - opened:.2f} s")
        wait_for("Quit")  # the key bar shows before any click or key (a tablet taps it)
        page.wait_for_timeout(500)  # the terminal refits once its font has loaded
        page.keyboard.press("End")  # no click first: the terminal has the keys
        wait_for("Pace one exercise")
        page.keyboard.press("Enter")
        wait_for("Tempo")
        received.clear()
        page.keyboard.press("Enter")  # the form's values: 2 reps at 1-0-1-0
        wait_for("DOWN")
        wait_for("Rep 1")
        page.wait_for_timeout(300)
        _shoot(page, "browser-session.png")
        wait_for("Workout complete", 20)
        page.close()  # its app ends
        # A second tab, stopped with the server in its first set: kept, as stopped.
        second = browser.new_page(viewport={"width": 1280, "height": 800})
        _listen(second, received)
        received.clear()
        second.goto(url)
        page = second  # (wait_for reads the frames of any tab)
        wait_for("choose a workout")
        second.wait_for_timeout(500)
        second.mouse.click(640, 400)
        second.keyboard.press("End")
        wait_for("Pace one exercise")
        second.keyboard.press("Enter")
        wait_for("Tempo")
        received.clear()
        second.keyboard.press("Enter")
        wait_for("Rep 1")
        process.send_signal(signal.SIGINT)  # the server stops: every session it started ends
        out, err = process.communicate(timeout=10)
        browser.close()
    assert process.returncode == 0, err
    assert "stopped; every session it started has ended" in out
    assert err == ""  # (no asyncio complaint of an app process still ending)
    result = subprocess.run(
        [sys.executable, "-m", "pushtimer", "history", "--json", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        check=True,
    )
    stopped, done = json.loads(result.stdout)["sessions"]  # newest first
    assert done["status"] == "complete"
    assert [(s["reps_done"], s["outcome"]) for s in done["sets"]] == [(2, "done")]
    assert (stopped["status"], stopped["stop_reason"]) == ("stopped", "signal")


def test_on_a_phone_the_page_fits_its_width_and_the_key_bar_takes_taps(
    served: tuple[subprocess.Popen[str], str, Path],
) -> None:
    _, url, _ = served
    received: list[str] = []
    sockets: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        phone = browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        page = phone.new_page()
        page.on("websocket", lambda ws: sockets.append(ws.url))
        _listen(page, received)
        page.goto(url)
        end = time.monotonic() + 15
        while "Quit" not in "".join(received) and time.monotonic() < end:
            page.wait_for_timeout(50)
        page.wait_for_timeout(500)  # the terminal refits once its font has loaded
        # Laid out at the phone's own width (a page without a viewport tag is laid out
        # 980 px wide: about 100 columns of unreadably small text).
        assert page.evaluate("window.innerWidth") == 390
        width = int(sockets[-1].split("width=")[1].split("&")[0])
        height = int(sockets[-1].split("height=")[1].split("&")[0])
        assert 50 <= width <= 70, sockets
        received.clear()
        # "? Help" sits at columns 10-16 of the key bar
        # ("⏎ Start  ? Help  q Quit  h History  n New  e Edit").
        page.touchscreen.tap(13.5 * 390 / width, 844 - 0.5 * 844 / height)
        end = time.monotonic() + 10
        while "these keys" not in "".join(received) and time.monotonic() < end:
            page.wait_for_timeout(50)
        assert "these keys" in "".join(received)  # the help card opened
        _shoot(page, "browser-phone.png")
        browser.close()


def test_on_the_network_the_page_needs_its_token(tmp_path: Path) -> None:
    host, port = _here(), _free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "pushtimer", "serve", "--host", host, "--port", str(port)),
            *("--data-dir", str(tmp_path)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        prefix = f"pushtimer is served at http://{host}:{port}/?token="
        assert line.startswith(prefix) and len(line) > len(prefix) + 16
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page()
            refused = page.goto(f"http://{host}:{port}/")
            assert refused is not None and refused.status == 403
            assert refused is not None and "needs its token" in page.content()
            wrong = page.goto(f"http://{host}:{port}/?token=guess")
            assert wrong is not None and wrong.status == 403
            assert not list(tmp_path.iterdir())  # no app has started: nothing was written
            opened = page.goto(line.split("served at ", 1)[1])
            assert opened is not None and opened.status == 200
            browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def _serve(*options: str) -> tuple[subprocess.Popen[str], str]:
    """``pushtimer serve`` with ``options`` (and a free port), once it takes connections;
    the URL it prints."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pushtimer", "serve", "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("pushtimer is served at "), line
    url = line.split("served at ", 1)[1].strip()
    host, port_text = url.split("/")[2].rsplit(":", 1)
    # Listening already: the line is said once it listens.
    socket.create_connection((host, int(port_text)), timeout=5).close()
    return process, url


def _wait_for(page: sync_api.Page, received: list[str], text: str, seconds: float = 15) -> None:
    end = time.monotonic() + seconds
    while text not in "".join(received):
        assert time.monotonic() < end, f"{text!r} never came; got {len(received)} frames"
        page.wait_for_timeout(50)  # (time.sleep would starve Playwright's loop)


def test_the_token_leaves_the_address_bar_and_no_request_names_the_page(tmp_path: Path) -> None:
    """Once the cookie holds the token, the address bar (and so the tab's history, a
    bookmark, a screenshot) no longer shows it, and no request the page makes names it in
    a Referer (every response says ``no-referrer``; Chromium still sends the page's
    address, without the token by then, for what its inline style loads). A reload opens
    the app again on the cookie alone."""
    host = _here()
    process, url = _serve("--host", host, "--data-dir", str(tmp_path))
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page()
            requests: list[sync_api.Request] = []
            page.on("request", lambda request: requests.append(request))
            received: list[str] = []
            _listen(page, received)
            opened = page.goto(f"{url}&fontsize=14")
            assert opened is not None and opened.status == 200
            assert opened.headers["referrer-policy"] == "no-referrer"
            _wait_for(page, received, "choose a workout")
            assert page.url == url.split("?")[0] + "?fontsize=14"
            token = url.split("token=")[1]
            assert len(requests) > 3  # the page, its style, script, font...
            for request in requests:
                assert token not in request.all_headers().get("referer", ""), request.url
            received.clear()
            reloaded = page.reload()
            assert reloaded is not None and reloaded.status == 200
            _wait_for(page, received, "choose a workout")
            browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def test_a_tab_over_the_cap_says_why_in_its_page(tmp_path: Path) -> None:
    """A page let in while the seat was free, whose websocket comes once it is taken (tabs
    opened in the same moment): the page says why, not "Session ended"."""
    process, url = _serve("--max-sessions", "1", "--data-dir", str(tmp_path))
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            late = browser.new_page()
            held: list[sync_api.Route] = []  # its script, held back until...
            late.route("**/js/textual.js", lambda route: held.append(route))
            served = late.goto(url, wait_until="commit")  # this page is served (seat free),
            assert served is not None and served.status == 200
            while not held:
                late.wait_for_timeout(50)
            first = browser.new_page()  # another tab takes the seat,
            received: list[str] = []
            _listen(first, received)
            first.goto(url)
            _wait_for(first, received, "choose a workout")
            held[0].continue_()  # and only then does the page served first connect
            late.wait_for_function("document.body?.classList.contains('-closed')")
            assert late.inner_text(".closed-dialog .message") == (
                "1 session is running already; close one, then load this page again"
            )
            assert late.inner_text(".closed-dialog button") == "Try again"
            _shoot(late, "browser-over-the-cap.png")
            browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)


def test_a_plan_made_in_the_editor_in_the_browser_is_saved(tmp_path: Path) -> None:
    """n in the served picker opens the plan editor; a typed name and Ctrl+S save a plan
    that validates, in the user's plans folder."""
    config = tmp_path / "config"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pushtimer", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path)},
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("pushtimer is served at")
    received: list[str] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            _listen(page, received)
            page.goto(f"http://127.0.0.1:{port}/")

            def wait_for(text: str, seconds: float = 15) -> None:
                end = time.monotonic() + seconds
                while time.monotonic() < end:
                    if text in "".join(received):
                        return
                    page.wait_for_timeout(50)
                raise AssertionError(f"{text!r} never came; got {len(received)} frames")

            wait_for("choose a workout")
            wait_for("Quit")
            page.wait_for_timeout(500)
            page.keyboard.press("n")
            wait_for("Workouts")
            page.keyboard.type("Browser plan")
            wait_for("Browser plan")
            page.keyboard.press("Control+s")
            wait_for("Saved to")
            _shoot(page, "browser-editor.png")
            browser.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    saved = config / "pushtimer" / "plans" / "browser-plan.toml"
    result = subprocess.run(
        [sys.executable, "-m", "pushtimer", "validate", str(saved)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{saved}: ok, 1 workout")
