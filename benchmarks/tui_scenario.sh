#!/usr/bin/env bash
# A person's walk through a live session, in a real terminal (tmux, 80x24):
# plan name, GET READY, DOWN with "Set 1/2" and "Rep 1/2", the form cue, PAUSED on Space
# and back on Space, UP, REST, resizes to 30x8 (the phase, the figure, the set) and 16x5
# (too small) and back in the rest, n skips the rest,
# and the end on "Workout complete". Prints one line per check; exits 1 at the first that fails.
#
#   bash benchmarks/tui_scenario.sh            (needs tmux and .venv: run `make test` once)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
tui=${TUI:-$repo/benchmarks/tui}
pushtimer=${PUSHTIMER:-$repo/.venv/bin/pushtimer}
export TUI_NAME=pushtimer-scenario-$$
trap '"$tui" stop' EXIT

seen() { # TEXT [SECONDS]: wait until TEXT shows
  if "$tui" wait "$1" "${2:-10}" >/dev/null 2>&1; then echo "ok    shows: $1"; return; fi
  echo "FAIL  never showed: $1"; "$tui" screen; exit 1
}
gone() { # TEXT: wait until TEXT no longer shows
  for _ in $(seq 100); do
    if ! "$tui" screen | grep -qF -- "$1"; then echo "ok    gone:  $1"; return; fi
    sleep 0.05
  done
  echo "FAIL  still shows: $1"; "$tui" screen; exit 1
}
never() { # TEXT: is not on the screen now (stray output from sound libraries and the like)
  if "$tui" screen | grep -qF -- "$1"; then echo "FAIL  stray text: $1"; "$tui" screen; exit 1; fi
  echo "ok    never: $1"
}
press() { "$tui" keys "$@"; echo "      key:   $*"; }

# From a shell prompt, as a person starts it: the shell outlives pushtimer, so its last line
# stays on the screen (a pane whose program has just exited may drop that line in tmux).
"$tui" start -s 80x24 bash --norc --noprofile
"$tui" type "$(printf '%q %q' "$pushtimer" "$repo/tests/data/two_sets.toml"); echo \"exit status \$?\""
"$tui" keys Enter
seen "Two-set tempo check"
seen "GET READY"
seen "DOWN"
seen "Set 1/2"
seen "Rep 1/2"
seen "Pull the shoulder blades together"
never "ALSA"
never "Traceback"
press Space
seen "PAUSED"
press Space
gone "PAUSED"
seen "UP"
seen "REST" 15
seen "Next: Wide push-up"
"$tui" resize 30x8; echo "      size:  30x8"
seen "s left"
"$tui" resize 16x5; echo "      size:  16x5"
seen "Too small"
"$tui" resize 80x24; echo "      size:  80x24"
seen "REST"
press n
seen "Set 2/2 · Rep 1/2"
seen "Workout complete" 20
press q
seen "Workout complete: 2 sets, 4 reps"
seen "exit status 0"
echo "scenario passed"
