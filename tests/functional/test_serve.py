"""``pushtimer serve`` without a browser: the door (token, cap, no referrer), what a tab may
send, the command's one-line errors, and that a served app is never sent to plain mode.

The ``_serving`` tests run ``pushtimer serve`` itself, its tabs real apps, over real
websockets."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
import signal
import socket
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from pushtimer.cli import cli
from pushtimer.serve.frames import MAX_CELLS, Frame, Malformed, read_frame
from pushtimer.serve.log import LOGGERS, one_line_logs
from pushtimer.serve.server import (
    COOKIE,
    GuardedServer,
    KeptAppService,
    is_loopback,
    wait_for_apps,
)


async def _open(server: GuardedServer) -> TestClient:  # type: ignore[type-arg]
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return client


@dataclass
class Served:
    """A ``pushtimer serve`` process; ``err``: all it wrote on stderr, once it has stopped."""

    process: asyncio.subprocess.Process
    url: str
    err: str = ""


@contextlib.asynccontextmanager
async def _serving(data: Path, *options: str) -> AsyncIterator[Served]:
    """``pushtimer serve`` on a free port of 127.0.0.1, stopped (Ctrl+C) at the end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "pushtimer", "serve", "--port", str(port), "--no-sound"),
        *("--data-dir", str(data), *options),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    served = Served(process, f"http://127.0.0.1:{port}/")
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 30)
        assert line.startswith(b"pushtimer is served at "), line
        await asyncio.wait_for(_listening(port), 30)
        yield served
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
        _, err = await asyncio.wait_for(process.communicate(), 30)
        served.err = err.decode()


async def _listening(port: int) -> None:
    """The server takes connections as soon as it says where it is served (the line is
    said once it listens: a person loads the address at once)."""
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()
    await writer.wait_closed()


async def _until(tab: aiohttp.ClientWebSocketResponse, text: str) -> None:
    """Wait until what the tab's app draws holds ``text``."""
    drawn = ""
    while text not in drawn:
        message = await asyncio.wait_for(tab.receive(), 30)
        assert message.type == WSMsgType.BINARY, message  # (not closed)
        drawn += message.data.decode("utf-8", "replace")


def _children(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()


async def test_without_the_token_every_request_is_refused() -> None:
    client = await _open(GuardedServer("true", "192.0.2.1", 1, token="sekrit", max_sessions=4))
    try:
        for path in ("/", "/static/js/textual.js", "/ws", "/ws?token=wrong"):
            response = await client.get(path)
            assert response.status == 403, path
        page = await client.get("/?token=sekrit")
        assert page.status == 200
        assert page.cookies[COOKIE].value == "sekrit"
        assert page.cookies[COOKIE]["httponly"] and page.cookies[COOKIE]["samesite"] == "Strict"
        text = await page.text()
        assert "googleapis" not in text and "fonts/RobotoMono" in text  # nothing from elsewhere
        asset = await client.get("/static/js/textual.js")  # with the cookie the page set
        assert asset.status == 200
    finally:
        await client.close()


async def test_on_loopback_no_token_is_needed() -> None:
    client = await _open(GuardedServer("true", "127.0.0.1", 1, token=None, max_sessions=4))
    try:
        assert (await client.get("/")).status == 200
    finally:
        await client.close()


@pytest.mark.realtime
async def test_tabs_opened_at_once_past_the_cap_are_each_told_why(tmp_path: Path) -> None:
    """Five tabs connect in the same moment to a server for two: two apps start, and each
    of the three others has its websocket closed with the reason, which its page shows
    (a refused handshake left the page saying "Session ended"). The seat is checked and
    taken in one step, so no two tabs get the last one."""
    async with _serving(tmp_path, "--max-sessions", "2") as served, aiohttp.ClientSession() as http:
        tabs = await asyncio.gather(*(http.ws_connect(f"{served.url}ws") for _ in range(5)))
        firsts = await asyncio.gather(*(asyncio.wait_for(t.receive(), 30) for t in tabs))
        refused = [first for first in firsts if first.type == WSMsgType.CLOSE]
        assert [(first.data, first.extra) for first in refused] == 3 * [
            (1013, "2 sessions are running already; close one, then load this page again")
        ]
        assert len(_children(served.process.pid)) == 2  # the apps of the two let in
        page = await http.get(served.url)  # a page asked for now is told at once
        assert page.status == 503
        assert await page.text() == (
            "pushtimer: 2 sessions are running already; close one, then load this page again\n"
        )
        for tab in tabs:
            await tab.close()
    assert served.err == ""


@pytest.mark.realtime
async def test_a_malformed_frame_is_one_line_and_every_tab_goes_on(tmp_path: Path) -> None:
    async with _serving(tmp_path) as served, aiohttp.ClientSession() as http:
        sender, other = [await http.ws_connect(f"{served.url}ws") for _ in range(2)]
        await _until(sender, "choose a workout")
        for bad in ("not json", '{"stdin": "?"}', '["resize", {"width": "wide"}]', "[]"):
            await sender.send_str(bad)
        await sender.send_str("[" * 100_000)  # (json would recurse too deep)
        await sender.send_str(f'["resize", {{"width": {MAX_CELLS + 1}, "height": 24}}]')
        await sender.send_bytes(b"\x00\xff\xfe garbage")
        await sender.send_json(["stdin", "?"])
        await _until(sender, "these keys")  # its session goes on: the help card opened
        await _until(other, "choose a workout")
        await other.send_json(["stdin", "?"])
        await _until(other, "these keys")
        # Not even a frame: text that is not UTF-8. The websocket must close (1007).
        breaker = await http.ws_connect(f"{served.url}ws")
        await breaker._writer.send_frame(b"\xff\xfe", WSMsgType.TEXT)  # (no public way)
        closed = await asyncio.wait_for(breaker.receive(), 30)
        assert (closed.type, closed.data) == (WSMsgType.CLOSE, 1007)
        late = await http.ws_connect(f"{served.url}ws")  # the server goes on serving
        await _until(late, "choose a workout")
        for tab in (sender, other, late):
            await tab.close()
    assert served.process.returncode == 0
    assert served.err.splitlines() == [
        "pushtimer serve: a tab sent a malformed frame (not JSON): dropped",
        "pushtimer serve: a tab's websocket failed (Invalid UTF-8 text message): its session ends",
    ]


@pytest.mark.realtime
async def test_no_response_lets_the_browser_name_the_page(tmp_path: Path) -> None:
    """The page's URL may carry the token: whatever the response, no Referer leaves it."""
    async with _serving(tmp_path) as served, aiohttp.ClientSession() as http:
        responses = [
            await http.get(served.url),
            await http.get(f"{served.url}static/js/textual.js"),
            await http.get(f"{served.url}no-such-thing"),
            await http.get(served.url, headers={"Origin": "http://evil.example"}),
            await http.get(f"{served.url}ws"),  # not a websocket
        ]
        assert [response.status for response in responses] == [200, 200, 404, 403, 400]
        assert await responses[4].text() == "pushtimer: this address is the page's websocket\n"
        for response in responses:
            assert response.headers["Referrer-Policy"] == "no-referrer", response.url
        tab = await http.ws_connect(f"{served.url}ws")
        assert tab._response.headers["Referrer-Policy"] == "no-referrer"
        await tab.close()
    assert served.err == ""  # (textual-serve logged a traceback for the 400's request)


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="pushtimer")
    return result.exit_code, result.stdout, result.stderr


def test_a_port_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = _run("serve", "--port", str(port))
    assert code == 1 and out == ""
    assert err == f"pushtimer serve: cannot listen on 127.0.0.1:{port}: address already in use\n"


def test_a_host_that_is_not_here_is_one_line() -> None:
    code, _, err = _run("serve", "--host", "no-such-host.invalid")
    assert code == 1
    assert err.startswith("pushtimer serve: cannot listen on no-such-host.invalid:8000: ")
    assert len(err.splitlines()) == 1


def test_without_the_extra_it_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pushtimer.serve.server", None)  # as if not installed
    code, _, err = _run("serve")
    assert code == 1
    assert err == (
        "pushtimer serve needs the serve extra: pipx install --force 'pushtimer[serve]' "
        "(or pip install 'pushtimer[serve]'; in a checkout: .venv/bin/pip install -e '.[serve]')\n"
    )


def test_a_broken_plan_is_said_before_serving(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\n')
    code, _, err = _run("serve", str(bad))
    assert code == 2 and "has no workouts" in err


def test_a_served_app_is_never_sent_to_plain_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    from pushtimer.cli.group import interactive

    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert interactive()  # (the test's own stdin and stdout are not a terminal)
    monkeypatch.delenv("TEXTUAL_DRIVER")
    assert not interactive()


async def test_another_sites_page_may_not_open_a_session() -> None:
    client = await _open(GuardedServer("true", "127.0.0.1", 1, token=None, max_sessions=4))
    try:
        own = f"http://{client.host}:{client.port}"
        assert (await client.get("/", headers={"Origin": own})).status == 200
        refused = await client.get("/ws", headers={"Origin": "http://evil.example"})
        assert refused.status == 403
        assert "only the page pushtimer serves" in await refused.text()
    finally:
        await client.close()


async def test_on_loopback_a_page_asked_for_by_another_name_is_refused() -> None:
    """DNS rebinding: evil.example made to resolve to 127.0.0.1 still says its own name."""
    client = await _open(GuardedServer("true", "127.0.0.1", 1, token=None, max_sessions=4))
    try:
        response = await client.get("/ws", headers={"Host": "evil.example:8000"})
        assert response.status == 403
        assert (await client.get("/", headers={"Host": "localhost:8000"})).status == 200
        assert (await client.get("/", headers={"Host": "[::1]:8000"})).status == 200
    finally:
        await client.close()


async def test_a_page_over_the_cap_says_so_before_it_loads() -> None:
    server = GuardedServer("true", "127.0.0.1", 1, token=None, max_sessions=1)
    server.sessions = 1
    client = await _open(server)
    try:
        page = await client.get("/")
        assert page.status == 503
        assert "close one, then load this page again" in await page.text()
    finally:
        await client.close()


@pytest.mark.parametrize("token", ["", "short", "sixteen chars ok", "ab&c#d-ab&c#d-ab&c"])
def test_a_token_that_would_not_protect_or_fit_a_url_is_refused(token: str) -> None:
    code, _, err = _run("serve", "--host", "0.0.0.0", "--token", token)
    assert code == 2
    assert "must be 16 or more letters, digits, - or _" in err


def test_a_bad_workout_is_said_before_serving() -> None:
    code, _, err = _run("serve", "back-week", "--workout", "9")
    assert code == 2 and 'no workout "9"' in err


@pytest.mark.realtime
async def test_stopping_waits_for_each_app_and_ends_one_that_will_not() -> None:
    """Every app process has ended when the server says it stopped: one that ends on its
    own is waited for, one that does not is sent SIGTERM."""
    quick, stuck = [
        await asyncio.create_subprocess_exec(sys.executable, "-c", f"import time; time.sleep({s})")
        for s in (0.1, 60)
    ]
    KeptAppService.processes = {quick, stuck}
    await wait_for_apps(seconds=1.0)
    assert (quick.returncode, stuck.returncode) == (0, -signal.SIGTERM)
    assert KeptAppService.processes == set()


@pytest.mark.parametrize("where", ["serve --no-sound", "--no-sound serve"])
def test_no_sound_reaches_the_app_of_every_tab(
    where: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """(Serving itself is left out here: the browser tests serve for real.)"""
    commands: list[str] = []

    def serve(self: GuardedServer, listening: Callable[[], None]) -> None:
        commands.append(self.command)
        listening()

    monkeypatch.setattr(GuardedServer, "serve", serve)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, _ = _run(*where.split(), "--port", str(port), "--data-dir", str(tmp_path))
    assert code == 0 and out.splitlines()[1].startswith("No sound.")
    assert "--no-sound" in shlex.split(commands[0])
    commands.clear()
    _run("serve", "--port", str(port), "--data-dir", str(tmp_path))
    assert "--no-sound" not in shlex.split(commands[0])


@pytest.fixture
def one_line() -> Iterator[None]:
    """The server's logging as ``pushtimer serve`` sets it, undone after the test."""
    kept = [(logging.getLogger(name), logging.getLogger(name).handlers[:]) for name in LOGGERS]
    one_line_logs()
    yield
    for logger, handlers in kept:
        logger.handlers[:] = handlers
        logger.propagate = True


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("{", "not JSON"),
        ("[" * 100_000, "not JSON"),
        (b"\x00\xff", "binary, where the page sends text"),
        ('{"0": "stdin"}', "not a list that starts with its kind"),
        ("[1, 2]", "not a list that starts with its kind"),
        ('["stdin", 5]', "keys that are not text"),
        ('["stdin", "\\ud800"]', "keys that are not UTF-8"),
        ('["resize", {"width": 80}]', "a resize without a height of 1 to 1000 cells"),
        ('["resize", {"width": true, "height": 24}]', "a resize without a width"),
        (f'["resize", {{"width": {MAX_CELLS + 1}, "height": 24}}]', "a resize without a width"),
        ('["resize", {"width": 0, "height": 24}]', "a resize without a width"),
        ('["resize", [80, 24]]', "a resize without a width"),
        ('["ping"]', "a ping without its text"),
    ],
)
def test_what_is_wrong_with_a_frame_is_said(raw: str | bytes, why: str) -> None:
    with pytest.raises(Malformed) as malformed:
        read_frame(raw)
    assert str(malformed.value).startswith(why)


def test_the_frames_a_page_sends_are_read() -> None:
    assert read_frame('["stdin", "\\u001b[A"]') == Frame("stdin", text="\x1b[A")
    assert read_frame('["resize", {"width": 80, "height": 24}]') == Frame("resize", "", 80, 24)
    assert read_frame('["ping", "17"]') == Frame("ping", text="17")
    assert read_frame('["blur"]') == Frame("blur")
    assert read_frame('["something new", 1]') is None  # a newer page's: ignored


def test_a_logged_error_is_one_line_never_a_traceback(
    one_line: None, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        raise OSError("Broken pipe\nsecond line")
    except OSError as error:
        logging.getLogger("textual-serve").exception(error)
        logging.getLogger("aiohttp.server").exception("Error handling request from %s", "::1")
    logging.getLogger("asyncio").error("a \x1b]0;title\x07 in a message")
    assert capsys.readouterr().err.splitlines() == [
        "pushtimer serve: OSError: Broken pipe second line",
        "pushtimer serve: Error handling request from ::1 (OSError: Broken pipe second line)",
        "pushtimer serve: a \\x1b]0;title\\x07 in a message",
    ]
