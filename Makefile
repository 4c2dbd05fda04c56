# Two commands: `make serve` installs and serves the course; `make test` installs and tests it.
# Both create and reuse a local virtual environment in .venv, pinned by constraints.txt.
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: serve test check lint install browser benchmark lock clean

$(STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,author,hub]"
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/coproduce serve $(ARGS)

check: $(STAMP)
	$(BIN)/coproduce check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

browser:
	@command -v chromium >/dev/null || sh .ci/install-chromium

test: $(STAMP) browser lint
	$(BIN)/pytest

benchmark: $(STAMP) browser
	$(BIN)/python benchmarks/learner_app.py
	$(BIN)/python benchmarks/live_latency.py

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock:
	rm -rf .lock-venv && python3 -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -e ".[test,author,hub]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
