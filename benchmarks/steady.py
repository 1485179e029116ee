"""Steady cost: CPU and memory while a tempo set runs, against a bare Textual app.

Each program runs in an 80x24 tmux terminal. Once its screen is up and it has settled
(2 s into the set), its CPU time is read from /proc over 10 s and shown as a share of one
core, with its resident memory. pushtimer runs a quick set (30 reps at 3-1-1-0) full screen
and in plain mode; the baseline is benchmarks/bare_app.py (a 10 Hz Digits countdown).

    python benchmarks/steady.py     # goals: CPU < 1 % and <= the bare app, plain < 0.5 %,
                                    # memory <= 1.3x the bare app
"""

from __future__ import annotations

import tempfile
import time

from terminal import BARE_APP, PUSHTIMER, Terminal, cpu_seconds, rss_mb

WINDOW = 10.0
SETTLE = 2.0
QUICK = ["quick", "30", "--tempo", "3-1-1-0", "--prepare", "2"]


def measure(
    terminal: Terminal, command: list[str], ready: str, env: dict[str, str]
) -> tuple[float, float]:
    """(percent of one core, resident MB) over the window."""
    terminal.start(command, env)
    terminal.wait_for(ready)
    time.sleep(SETTLE)
    pid = terminal.program_pid()
    before, started = cpu_seconds(pid), time.monotonic()
    time.sleep(WINDOW)
    used, elapsed = cpu_seconds(pid) - before, time.monotonic() - started
    memory = rss_mb(pid)
    terminal.stop()
    return 100 * used / elapsed, memory


def main() -> None:
    terminal = Terminal()
    with tempfile.TemporaryDirectory() as data:
        env = {"PUSHTIMER_DATA_DIR": data}
        tui = measure(terminal, [PUSHTIMER, *QUICK], "DOWN", env)
        bare = measure(terminal, BARE_APP, "bare app", env)
        plain = measure(terminal, [PUSHTIMER, *QUICK, "--plain"], "DOWN", env)
    print(f"Steady cost over {WINDOW:.0f} s of a tempo set")
    print(f"{'':<28}{'CPU % core':>11}{'RSS MB':>9}")
    print(f"{'pushtimer, full screen':<28}{tui[0]:>11.2f}{tui[1]:>9.1f}")
    print(f"{'bare Textual app (baseline)':<28}{bare[0]:>11.2f}{bare[1]:>9.1f}")
    print(f"{'pushtimer, plain mode':<28}{plain[0]:>11.2f}{plain[1]:>9.1f}")
    cpu_ok = tui[0] < 1.0 and tui[0] <= bare[0]
    print(
        f"CPU vs bare: {tui[0] / max(bare[0], 1e-9):.2f}x (goal < 1 % and <= bare: "
        f"{'met' if cpu_ok else 'NOT met'}); plain {plain[0]:.2f} % (goal < 0.5 %: "
        f"{'met' if plain[0] < 0.5 else 'NOT met'}); RSS vs bare: {tui[1] / bare[1]:.2f}x "
        f"(goal <= 1.3x: {'met' if tui[1] <= 1.3 * bare[1] else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
