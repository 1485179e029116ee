# pushtimer: `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
PLAN ?= plans/back-week.toml

.PHONY: run test check lint format typecheck layers bench sounds clean constraints

# The versions CI uses, from constraints.txt: a newer release of a dependency never
# arrives unannounced (`make constraints` writes the file again from this venv).
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e '.[dev,sound]' \
	  || { echo "pushtimer: the sound extra (simpleaudio) did not build; it needs libasound2-dev"; \
	       echo "pushtimer: and a C compiler. Going on without it: a sound player or the bell."; \
	       $(PIP) -e '.[dev]'; }
	@touch $@

constraints: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt

run: $(STAMP)
	$(BIN)/pushtimer $(PLAN)

# Six workers on two cores: the end-to-end tests mostly wait on the wall clock (real
# processes, terminals, signals), so more of them overlap. Work stealing keeps a worker
# from idling behind one long test. The browser tests (headless Chromium) come after, on
# their own: a browser beside them would starve the tests that keep time.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n 6 --dist worksteal -m "not browser"
	$(BIN)/python -m pytest -q -m browser

lint: $(STAMP)
	$(BIN)/ruff check pushtimer tests benchmarks
	$(BIN)/ruff format --check pushtimer tests benchmarks

format: $(STAMP)
	$(BIN)/ruff format pushtimer tests benchmarks
	$(BIN)/ruff check --fix pushtimer tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck layers test

# Needs tmux (the app runs in a private terminal). About ten minutes (the soak takes five;
# run benchmarks/soak.py alone for its full ten).
bench: $(STAMP)
	cd benchmarks && ../$(BIN)/python startup.py
	cd benchmarks && ../$(BIN)/python steady.py
	cd benchmarks && ../$(BIN)/python scale.py
	$(BIN)/python benchmarks/drift.py
	$(BIN)/python benchmarks/sound_latency.py
	cd benchmarks && ../$(BIN)/python history_lock.py
	cd benchmarks && ../$(BIN)/python exit_time.py
	cd benchmarks && ../$(BIN)/python soak.py --minutes 5 --interval 15

sounds: $(STAMP)
	$(BIN)/python -m pushtimer.audio.synth sounds

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
