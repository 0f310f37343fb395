# govkg — `make demo` builds the graph from the bundled example articles and prints who signed what;
# `make test` runs the test suite. Both create the virtual environment on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= govkg-data

.PHONY: install demo test test-fast lint clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: install
	$(BIN)/govkg build --examples --data-dir $(DATA)
	$(BIN)/govkg query who-signed --data-dir $(DATA)

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not browser and not java"

lint: install
	$(BIN)/ruff check govkg ontology graph loaders queries viz tests

clean:
	rm -rf $(VENV) $(DATA) test-artifacts .pytest_cache *.egg-info
