# backcheck — `make demo` sets up and runs the checker on the bundled example; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BC     := $(VENV)/bin/backcheck
STAMP  := $(VENV)/.installed

.PHONY: install test lint typecheck pytest demo bench models clean

install: $(STAMP)

# torch first, pinned to the CPU build, so pip never pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[models,dev,ray]'
	touch $(STAMP)

lint: install
	$(VENV)/bin/ruff check src tests bench

typecheck: install
	$(VENV)/bin/mypy

pytest: install
	$(PY) -m pytest

test: lint typecheck pytest

# The example has errors on purpose, so `check` exits 1 (findings); only 2 (bad input) fails the demo.
demo: install
	@mkdir -p build
	$(BC) check examples/mt-article/article.it.txt --source examples/mt-article/source.en.txt \
		--back-translation examples/mt-article/back.en.txt --format html -o build/demo-report.html; \
		test $$? -le 1
	$(BC) check examples/mt-article/article.it.txt --source examples/mt-article/source.en.txt \
		--back-translation examples/mt-article/back.en.txt; test $$? -le 1
	@echo "HTML report: build/demo-report.html"

models: install
	$(BC) models list

bench: install
	$(PY) bench/bench_engines.py
	$(PY) bench/bench_e2e.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
