# Every target installs what it needs: a fresh clone runs `make validate` and `make test` directly.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install validate test lint bench clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

validate: $(STAMP)
	$(BIN)/hrdocs validate .
	$(BIN)/frictionless validate datapackage.json

test: $(STAMP)
	$(BIN)/ruff check src scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src scripts tests
	$(BIN)/ruff format --check src scripts tests

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf build dist .pytest_cache
