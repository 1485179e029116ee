"""A real terminal for end-to-end tests: the project's own tmux driver (benchmarks/tui),
each test on a tmux server of its own."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

DRIVER = REPO / "benchmarks" / "tui"
PUSHTIMER = str(Path(sys.executable).parent / "pushtimer")

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


class Terminal:
    """One tmux server running one program, driven as a person would."""

    def __init__(self, name: str) -> None:
        self.env = dict(os.environ, TUI_NAME=f"{name}-{os.getpid()}")
        self.server = ["tmux", "-L", self.env["TUI_NAME"], "-f", "/dev/null"]

    def tui(self, *args: str) -> str:
        result = subprocess.run(
            [str(DRIVER), *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        if result.returncode != 0:
            raise AssertionError(f"tui {' '.join(args)}: {result.stdout}{result.stderr}")
        return result.stdout

    def start(self, *command: str, size: str = "80x24") -> None:
        self.tui("start", "-s", size, *command)

    def wait(self, text: str, seconds: int = 10) -> None:
        self.tui("wait", text, str(seconds))

    def keys(self, *keys: str) -> None:
        self.tui("keys", *keys)

    def type(self, text: str) -> None:
        self.tui("type", text)

    def screen(self) -> str:
        return self.tui("screen")

    def pid(self) -> int:
        return int(self.tui("pid").strip())

    def run_in_shell(self, *command: str) -> None:
        """Start a shell, then type ``command`` into it; the shell prints its exit status
        when it ends (``exit status N``), as a person would see it."""
        self.start("bash", "--norc", "--noprofile")
        self.type(" ".join(shlex.quote(part) for part in command) + '; echo "exit status $?"')
        self.keys("Enter")

    def program_pid(self) -> int:
        """The program the shell is running (its child)."""
        shell = self.pid()
        for _ in range(200):
            children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
            if children:
                return int(children[0])
            time.sleep(0.01)
        raise AssertionError("the shell started nothing")

    def close(self) -> None:
        """Close the terminal, as closing its window does (the program gets SIGHUP)."""
        self.tui("stop")


def running(pid: int) -> bool:
    """The process exists and has not ended (a zombie waiting to be reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def seconds_to_end(pid: int, limit: float = 10.0) -> float:
    """Wait for ``pid`` to end; returns how long that took (``limit`` if it never did)."""
    started = time.monotonic()
    while running(pid) and time.monotonic() - started < limit:
        time.sleep(0.005)
    return time.monotonic() - started
