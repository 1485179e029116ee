# pushtimer: `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
PLAN ?= plans/back-week.toml

.PHONY: run test check dist-check lint format typecheck layers bench sounds clean constraints

# The versions CI uses, from constraints.txt: a newer release of a dependency never
# arrives unannounced (`make constraints` writes the file again from this venv).
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "pushtimer: installing into $(VENV) with the sound extra (a minute or two the first time)"
	@$(PIP) 'pip>=25.1'
	@$(PIP) --group dev -e '.[sound]' \
	  || { echo "pushtimer: the sound extra (simpleaudio) did not build; it needs libasound2-dev"; \
	       echo "pushtimer: and a C compiler. Going on without it: a sound player or the bell."; \
	       $(PIP) --group dev -e .; }
	@touch $@

constraints: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/python -m pip freeze --all --exclude-editable; } > constraints.new
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

# Strict, for each platform pushtimer runs on (pushtimer/platforms.py keeps the others'
# names behind sys.platform checks).
typecheck: $(STAMP)
	$(BIN)/mypy --platform linux
	$(BIN)/mypy --platform win32
	$(BIN)/mypy --platform darwin

layers: $(STAMP)
	$(BIN)/lint-imports

check: lint typecheck layers test

# The release as a user gets it: wheel and sdist built, the wheel installed in a fresh
# venv outside the repo, and the commands a new user runs first.
DIST_VENV := $(shell mktemp -u -d /tmp/pushtimer-dist.XXXXXX)
DIST_RUN := cd $(DIST_VENV) && env XDG_CONFIG_HOME=$(DIST_VENV)/config \
  PUSHTIMER_DATA_DIR=$(DIST_VENV)/data bin/pushtimer
dist-check: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist . >/dev/null
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt dist/*.whl
	$(DIST_RUN) --version
	$(DIST_RUN) plans
	$(DIST_RUN) validate back-week
	$(DIST_RUN) quick 1 --tempo 1-0-0-0 --prepare 0 --plain --no-sound </dev/null
	rm -rf $(DIST_VENV)

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
