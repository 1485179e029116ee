"""``pushtimer serve``: the app in a browser tab, for a tablet, phone or TV across the room
(pushtimer/serve; the optional ``serve`` extra)."""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path

import click

from pushtimer.cli import common
from pushtimer.cli.common import COUNT, DATA_DIR_OPTION, WORKOUT_OPTION, no_sound_asked
from pushtimer.printable import say

EXIT_SERVE = 1
EXTRA_MISSING = (
    "pushtimer serve needs the serve extra: pipx install --force 'pushtimer[serve]' "
    "(or pip install 'pushtimer[serve]'; in a checkout: .venv/bin/pip install -e '.[serve]')"
)


@click.command(short_help="The app in a browser: a tablet, phone or TV.")
@click.argument("plan", required=False)
@WORKOUT_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    type=click.STRING,
    callback=lambda ctx, param, value: _checked_token(value),
    help="The token other machines need: 16 or more letters, digits, - or _ "
    "[default: a random one].",
)
@click.option(
    "--max-sessions", type=COUNT, default=4, show_default=True, help="Browser tabs at once."
)
@click.option("--no-sound", is_flag=True, help="No sound on this machine, in any tab.")
@DATA_DIR_OPTION
def serve(
    plan: str | None,
    workout: str | None,
    host: str,
    port: int,
    token: str | None,
    max_sessions: int,
    no_sound: bool,
    data_dir: Path | None,
) -> None:
    """Serve pushtimer to a browser: each tab is a session of its own (PLAN opens that
    plan, else the picker), recorded in the one history. Sound plays on this machine, not
    in the browser.

    On 127.0.0.1 (the default) only this machine can connect. Any other address needs
    the token: open the URL printed, which carries it.
    """
    try:
        from pushtimer.serve.server import GuardedServer, is_loopback
    except ImportError:
        say(EXTRA_MISSING, err=True)
        sys.exit(EXIT_SERVE)
    if plan is not None:
        from pushtimer.cli.common import chosen_workouts, load_with_source, plan_errors

        with plan_errors():  # a broken plan or workout says so here, not in every tab
            loaded, _ = load_with_source(plan)
            chosen_workouts(loaded, plan, workout)
    needs_token = not is_loopback(host)
    if needs_token and token is None:
        import secrets  # (here: it loads OpenSSL, which no other command needs)

        token = secrets.token_urlsafe(16)
    quiet = no_sound_asked(no_sound)
    command = [sys.executable, "-m", "pushtimer", "--data-dir", str(common.data_dir(data_dir))]
    if quiet:
        command.append("--no-sound")
    if plan is not None:
        command += ["open", plan] + (["--workout", workout] if workout else [])
    server = GuardedServer(
        shlex.join(command),
        host=host,
        port=port,
        token=token if needs_token else None,
        max_sessions=max_sessions,
    )
    try:
        _try_listening(host, port)
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        say(f"pushtimer serve: cannot listen on {host}:{port}: {reason}", err=True)
        sys.exit(EXIT_SERVE)
    where = _reachable(host)
    query = f"/?token={token}" if needs_token else "/"
    sound = "No sound" if quiet else "Sound plays on this machine"

    def listening() -> None:  # (said once it listens: the address loads at once)
        say(f"pushtimer is served at http://{where}:{port}{query}")
        say(f"{sound}. Ctrl+C stops the server and every session it started.")

    try:
        server.serve(listening=listening)
    except OSError as error:  # taken in the moment since the check
        reason = (error.strerror or str(error)).lower()
        say(f"pushtimer serve: cannot listen on {host}:{port}: {reason}", err=True)
        sys.exit(EXIT_SERVE)
    say("pushtimer serve: stopped; every session it started has ended, its sets kept.")


def _try_listening(host: str, port: int) -> None:
    """Raise OSError now, with its own reason, if ``host``:``port`` cannot be listened on
    (a name that does not resolve, an address not of this machine, a port in use)."""
    for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)


def _checked_token(value: str | None) -> str | None:
    """A token that goes into a URL as it is, and is not guessed soon: 16 or more of
    ``A-Z a-z 0-9 - _`` (an empty one would turn the check off)."""
    if value is None:
        return None
    if len(value) < 16 or not all(c.isascii() and (c.isalnum() or c in "-_") for c in value):
        raise click.BadParameter(
            "must be 16 or more letters, digits, - or _ (leave it out for a random one)"
        )
    return value


def _reachable(host: str) -> str:
    """The address to print: this machine's address on the network when listening on
    every address (0.0.0.0 is not one a browser can open)."""
    if host not in ("0.0.0.0", "::", ""):
        return f"[{host}]" if ":" in host else host
    six = host == "::"
    family, far = (socket.AF_INET6, "2001:db8::1") if six else (socket.AF_INET, "10.255.255.255")
    probe = socket.socket(family, socket.SOCK_DGRAM)
    try:
        probe.connect((far, 1))  # no packet is sent: it only picks a route
        found: str = probe.getsockname()[0]
        return f"[{found}]" if six else found
    except OSError:
        return socket.gethostname()
    finally:
        probe.close()
