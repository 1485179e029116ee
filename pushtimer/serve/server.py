"""``pushtimer serve``: textual-serve with a door. Every tab runs the app in a process of its
own (the same app as in a terminal: no second UI).

- On an address other than loopback every request needs the token: the page URL carries
  it (``?token=...``); the page then gets it as an HTTP-only, same-site cookie, so its
  assets and its websocket carry it too, and the page takes it out of the address bar.
  Anything without it gets 403 before any app process starts. Compared in constant time.
- At most ``max_sessions`` apps at once. A seat is taken where a websocket comes in,
  checked and taken in one step with no ``await`` between (pages opened in the same moment
  all pass the page's own check); one tab more has its websocket closed with the reason,
  which its page shows, and no process starts. A page asked for when full gets 503.
- What a tab sends is checked before its app gets it (frames.py); a malformed frame is
  dropped and said in one line, and what the server logs is one line each (log.py).
- No response lets the browser name the page to another (``Referrer-Policy: no-referrer``:
  its URL may carry the token), and the page asks no other host for anything
  (templates/app_index.html ships the font).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import logging
import signal
from asyncio.subprocess import Process
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve import server as textual_serve_server
from textual_serve.app_service import AppService
from textual_serve.server import Server

from pushtimer.serve.frames import Frame, Malformed, read_frame
from pushtimer.serve.log import LOGGER, one_line_logs

COOKIE = "pushtimer_token"
SHUTDOWN_SECONDS = 1.0
APP_EXIT_SECONDS = 3.0  # for an app told to quit to end (it saves its session first)
HERE = Path(__file__).resolve().parent
log = logging.getLogger(LOGGER)


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1 and ``localhost``: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class KeptAppService(AppService):
    """textual-serve's app service, noting each app's process so that stopping the server
    can wait for it to end (asyncio complains of a process still ending as its loop closes,
    and the app may still be writing its history)."""

    processes: ClassVar[set[Process]] = set()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        process = await super()._open_app_process(width, height)
        running = {kept for kept in self.processes if kept.returncode is None}
        type(self).processes = running | {process}
        return process


async def wait_for_apps(seconds: float = APP_EXIT_SECONDS) -> None:
    """Wait for every app process to end; one still running after ``seconds`` is sent
    SIGTERM (it ends its session as stopped, sets kept) and waited for again."""
    running = [process for process in KeptAppService.processes if process.returncode is None]
    if running and not await _ended(running, seconds):
        for process in running:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
        await _ended(running, seconds)
    KeptAppService.processes = set()


async def _ended(processes: list[Process], seconds: float) -> bool:
    """Whether all of ``processes`` ended within ``seconds``."""
    await asyncio.wait([asyncio.ensure_future(p.wait()) for p in processes], timeout=seconds)
    return all(process.returncode is not None for process in processes)


class GuardedServer(Server):
    """textual-serve's server with the door (the token, the cap on sessions), frames
    checked and one-line logs."""

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        token: str | None,
        max_sessions: int,
        say: Any = print,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="pushtimer",
            templates_path=HERE / "templates",
        )
        self.token = token  # None: loopback, no token needed
        self.max_sessions = max_sessions
        self.sessions = 0
        self.say = say

    def initialize_logging(self) -> None:
        """Quiet, and one line for what goes wrong: the lines that matter are said by
        ``pushtimer serve`` itself."""
        one_line_logs()
        logging.getLogger("textual-serve").setLevel(logging.WARNING)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        """(textual-serve prints its logo here.)"""

    def serve(self, debug: bool = False, listening: Callable[[], None] | None = None) -> None:
        """Serve until SIGINT or SIGTERM; ``listening`` is called once the server listens
        (so an address said then can be loaded at once). Stopping gives each tab's websocket
        ``SHUTDOWN_SECONDS`` to end, then cancels it: its app is told to quit and ends its
        session as stopped, sets kept (aiohttp would wait a minute for open websockets)."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *args: listening() if listening else None,  # (once it listens)
            shutdown_timeout=SHUTDOWN_SECONDS,
        )

    async def handle_index(self, request: web.Request) -> Any:
        """The page, with its websocket and assets at the address the browser used (the
        server may listen on 0.0.0.0, which no browser can connect to)."""
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def _make_app(self) -> web.Application:
        # textual-serve's websocket handler makes its app services by this name.
        textual_serve_server.AppService = KeptAppService  # type: ignore[attr-defined]
        app = await super()._make_app()
        app.middlewares.append(self._door)
        app.on_response_prepare.append(_no_referrer)
        app.on_cleanup.append(lambda app: wait_for_apps())
        return app

    @web.middleware
    async def _door(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        refusal = self._refusal(request)
        if refusal is not None:
            raise web.HTTPForbidden(text=f"pushtimer: {refusal}\n")
        route = request.match_info.route.name
        if route == "websocket":
            return await self._session(request, handler)
        if route == "index" and self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=f"pushtimer: {self._full()}\n")
        response = await handler(request)
        if self.token is not None and request.query.get("token"):
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def _session(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """A tab's websocket, its app running for as long as it is open. The seat is
        checked and taken before anything is awaited, so two tabs cannot both take the
        last one. A tab over the cap is let in only to be told why: its websocket closes
        with "try again later" and the reason (its page shows it), and no process starts."""
        websocket = web.WebSocketResponse()
        if not websocket.can_prepare(request).ok:
            # (textual-serve would start on it, fail, and log the failure)
            raise web.HTTPBadRequest(text="pushtimer: this address is the page's websocket\n")
        if self.sessions >= self.max_sessions:
            await websocket.prepare(request)
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=self._full().encode())
            return websocket
        self.sessions += 1
        try:
            return await handler(request)
        finally:
            self.sessions -= 1

    def _full(self) -> str:
        running = "1 session is" if self.max_sessions == 1 else f"{self.max_sessions} sessions are"
        return f"{running} running already; close one, then load this page again"

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        """What the tab sends, passed on to its app once checked (frames.py), where
        textual-serve's own loop raised on a malformed frame: a traceback on the server's
        terminal, the tab's session ended. Such a frame is dropped and said in one line,
        the first of each tab only (one that sends nothing else does not fill the
        terminal); the session goes on."""
        said = False
        async for message in websocket:
            if message.type == WSMsgType.ERROR:  # (not even a frame: aiohttp closes it)
                log.warning("a tab's websocket failed (%s): its session ends", message.data)
                return
            try:
                frame = read_frame(message.data)
            except Malformed as why:
                if not said:
                    log.warning("a tab sent a malformed frame (%s): dropped", why)
                    said = True
                continue
            if frame is not None:
                await _pass_on(frame, websocket, app_service)

    def _refusal(self, request: web.Request) -> str | None:
        """Why ``request`` is refused, or None.

        - Without the token (any address but loopback).
        - On loopback, a Host that is not this machine's: a page elsewhere that renamed
          itself to 127.0.0.1 by DNS (rebinding) gets no further.
        - An Origin other than the page's own: another site's page may not open a
          session here (a websocket is not held back by the same-origin rule).
        """
        if self.token is not None:
            given = request.query.get("token") or request.cookies.get(COOKIE) or ""
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return "this page needs its token (see `pushtimer serve`)"
        elif not is_loopback(_hostname(request.host)):
            return "served to this machine only (the page was asked for by another name)"
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            return "only the page pushtimer serves may open a session"
        return None


async def _pass_on(frame: Frame, websocket: web.WebSocketResponse, app_service: AppService) -> None:
    """Do what ``frame`` asks, as textual-serve does."""
    if frame.kind == "stdin":
        await app_service.send_bytes(frame.text.encode("utf-8"))
    elif frame.kind == "resize":
        await app_service.set_terminal_size(frame.width, frame.height)
    elif frame.kind == "ping":
        await websocket.send_json(["pong", frame.text])
    elif frame.kind == "blur":
        await app_service.blur()
    elif frame.kind == "focus":
        await app_service.focus()


async def _no_referrer(request: web.Request, response: web.StreamResponse) -> None:
    """Every response: the browser names this page to no other (its URL may hold the
    token, and a link the app opens should not learn of this server)."""
    response.headers["Referrer-Policy"] = "no-referrer"


def _hostname(host: str) -> str:
    """``127.0.0.1`` from ``127.0.0.1:8000``, ``::1`` from ``[::1]:8000``."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
