"""``pushtimer serve`` without a browser: the door (token, cap), the command's one-line
errors, and that a served app is never sent to plain mode."""

from __future__ import annotations

import asyncio
import shlex
import signal
import socket
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from pushtimer.cli import cli
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


async def test_one_session_more_than_the_cap_gets_503_and_no_process() -> None:
    server = GuardedServer("true", "127.0.0.1", 1, token=None, max_sessions=2)
    server.sessions = 2  # two tabs running
    client = await _open(server)
    try:
        response = await client.get("/ws")
        assert response.status == 503
        assert "2 sessions are running already" in await response.text()
    finally:
        await client.close()


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
        "pushtimer serve needs the serve extra: pip install 'pushtimer[serve]' "
        "(in a checkout: .venv/bin/pip install -e '.[serve]')\n"
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
    monkeypatch.setattr(GuardedServer, "serve", lambda self: commands.append(self.command))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, _ = _run(*where.split(), "--port", str(port), "--data-dir", str(tmp_path))
    assert code == 0 and out.splitlines()[1].startswith("No sound.")
    assert "--no-sound" in shlex.split(commands[0])
    commands.clear()
    _run("serve", "--port", str(port), "--data-dir", str(tmp_path))
    assert "--no-sound" not in shlex.split(commands[0])
