# govkg — `make demo` builds the graph from the bundled example articles and prints who signed what;
# `make test` runs the test suite. Both create the virtual environment on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= govkg-data

.PHONY: install demo test test-fast lint bench bench-extraction bench-build bench-viz bench-serve bench-store clean

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
	$(BIN)/ruff check govkg ontology graph loaders queries viz tests benchmarks

# Benchmarks (not run by CI; see benchmarks/README.md). `make bench` runs extraction, build and store
# (~45 minutes); each also on its own, with options, e.g. `make bench-build BENCH_ARGS="--sample 2000"`.
BENCH_ARGS ?=

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

bench: bench-extraction bench-build bench-store

# Extraction throughput, govkg against underthesea's NER (~6 minutes). Needs the corpus beside the repo.
bench-extraction: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.extraction $(BENCH_ARGS)

# The whole bench corpus through `govkg build` (1 and 2 processes, rerun, load and query baselines
# against rdflib; ~15 minutes); results in benchmarks/results/build.*
bench-build: install
	$(BIN)/python -m benchmarks.build $(BENCH_ARGS)

# Graph page load time in headless Chromium (/usr/bin/chromium) for synthetic graphs of 250 to 10,000
# nodes and a 20,000-node one drawn with the default cap (~5 minutes); results in benchmarks/results/viz.*
bench-viz: install
	$(BIN)/python -m benchmarks.viz $(BENCH_ARGS)

# `govkg serve` on loopback: 8 clients × 500 named queries; p50/p95 in benchmarks/results/serve.*
bench-serve: install
	$(BIN)/python -m benchmarks.serve $(BENCH_ARGS)

# Store at scale: load rate (bulk, per-article transactions, rdflib) and named-query p50/p95 on a synthetic
# 5M-triple graph in /tmp (~15-20 minutes, needs ~3 GB of /tmp); results in benchmarks/results/store.*
bench-store: install
	$(BIN)/python -m benchmarks.store $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(DATA) test-artifacts .pytest_cache *.egg-info
