# Every target installs what it needs: a fresh clone runs `make validate` and `make test` directly.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: install validate test test-fast lint bench clean release release-files

# the bytecode of src/ is written here, once: where PYTHONDONTWRITEBYTECODE is set (this machine's CI sets it),
# Python would otherwise compile every hrdocs module again in each process (about 0.2 s a command); up to date, it
# costs 0.05 s
install: $(STAMP)
	@$(BIN)/python -m compileall -q src

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

validate: install
	$(BIN)/hrdocs validate .
	$(BIN)/frictionless validate datapackage.json

# one pytest worker per core (pytest-xdist); the tests of one xdist_group (a module's shared release, the shipped
# package's build) run in one worker
test: install
	$(BIN)/ruff check src scripts tests
	$(BIN)/python -m pytest -n auto --dist loadgroup

# the same without the tests marked slow (releases, subprocesses of the command line, whole-package validations)
test-fast: install
	$(BIN)/ruff check src scripts tests
	$(BIN)/python -m pytest -n auto --dist loadgroup -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src scripts tests
	$(BIN)/ruff format --check src scripts tests

# The release archive: refuses an invalid package, a dirty tree or a version without a CHANGELOG entry.
# RELEASE_ARGS e.g. "--previous dist/hrdocs-0.1.0.zip" or "--allow-dirty".
release: install
	$(BIN)/hrdocs release --out dist $(RELEASE_ARGS)

# CITATION.cff, .zenodo.json and docs/data-dictionary.md, regenerated from VERSION, datapackage.json, CHANGELOG.md,
# schemas/ and data/
release-files: install
	$(BIN)/python scripts/make_release_files.py

bench: install
	$(BIN)/python scripts/bench.py

clean:
	rm -rf build dist .pytest_cache
