"""A private tmux terminal for the benchmarks: start a program, watch its screen, read its
CPU time and memory from /proc. Shared by ``startup.py`` and ``steady.py``."""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PUSHTIMER = str(BIN / "pushtimer")
BARE_APP = [sys.executable, str(REPO / "benchmarks" / "bare_app.py")]
TICKS = os.sysconf("SC_CLK_TCK")


def as_installed(tree: Path) -> None:
    """Write the bytecode of ``tree``'s pushtimer package, as installing a wheel does.

    Python caches compiled modules in __pycache__ on first import, unless
    PYTHONDONTWRITEBYTECODE is set (as it is on some CI and sandbox machines): then every
    launch compiles all of pushtimer from source, about 60 ms that no installed copy pays,
    while Textual (compiled when pip installed it) starts from bytecode. Existing bytecode
    is read either way, so compiling once puts both on the same footing."""
    compileall.compile_dir(tree / "pushtimer", quiet=1)


class Terminal:
    """One tmux server of our own, 80x24, running one program at a time."""

    def __init__(self, name: str = f"pushtimer-bench-{os.getpid()}") -> None:
        self._tmux = ["tmux", "-L", name, "-f", "/dev/null"]

    def start(self, command: list[str], env: dict[str, str] | None = None) -> float:
        """Start ``command``; returns the moment it was launched (time.monotonic)."""
        self.stop()
        prefix = ["env", *(f"{k}={v}" for k, v in (env or {}).items())]
        line = " ".join(_quote(part) for part in [*prefix, *command])
        started = time.monotonic()
        subprocess.run(
            [*self._tmux, "new-session", "-d", "-s", "main", "-x", "80", "-y", "24", line],
            check=True,
        )
        return started

    def screen(self) -> str:
        result = subprocess.run(
            [*self._tmux, "capture-pane", "-p", "-t", "main"], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, text: str, limit: float = 20.0) -> float:
        """Poll the screen until ``text`` shows; returns that moment (time.monotonic)."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if text in self.screen():
                return time.monotonic()
            time.sleep(0.005)
        raise TimeoutError(f"{text!r} never showed; the screen:\n{self.screen()}")

    def program_pid(self) -> int:
        """The pid of the Python process running in the pane."""
        result = subprocess.run(
            [*self._tmux, "display-message", "-p", "-t", "main", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        )
        pid = int(result.stdout.strip())
        for _ in range(50):
            if "python" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                return pid
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            if children:
                pid = int(children[0])
            else:
                time.sleep(0.02)
        return pid

    def keys(self, *keys: str) -> None:
        """Press ``keys`` (tmux names: n, Space, Enter, C-c)."""
        subprocess.run([*self._tmux, "send-keys", "-t", "main", *keys], check=True)

    def stop(self) -> None:
        """Close the terminal: its program gets SIGHUP, as when a window is closed."""
        subprocess.run([*self._tmux, "kill-server"], capture_output=True)


def ended(pid: int) -> bool:
    """``pid`` has exited (a zombie not yet reaped has exited too)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state == "Z"


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of ``pid`` and its threads so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)
