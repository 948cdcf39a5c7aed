# backcheck — `make demo` sets up and runs the checker on the bundled example; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BC     := $(VENV)/bin/backcheck
STAMP  := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
# torch's CPU build, from PyTorch's CPU wheel index when it can be reached (scripts/install-torch.sh).
TORCH_VERSION ?= 2.13.0
TORCH_INDEX   ?= https://download.pytorch.org/whl/cpu

.PHONY: install install-dev test test-fast lint typecheck pytest fuzz demo screenshots bench models train clean

# What the demo needs: torch's CPU build first, so pip never pulls the multi-GB CUDA build from PyPI
# (PyTorch's CPU index; where it cannot be reached, the configured index), then backcheck[models];
# then what the first check would build in the cache (the ONNX embedding model, the word tables).
install: $(STAMP)

$(STAMP): pyproject.toml scripts/install-torch.sh
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	sh scripts/install-torch.sh $(PY) torch $(TORCH_VERSION) $(TORCH_INDEX)
	$(PY) -m pip install --quiet -e '.[models]'
	$(PY) -m backcheck.run.prepare
	touch $(STAMP)

# The tests also need the dev tools and the Ray extra (the Ray backend test).
install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[models,dev,ray]'
	touch $(DEV_STAMP)

lint: install-dev
	$(VENV)/bin/ruff check src tests bench training

typecheck: install-dev
	$(VENV)/bin/mypy

pytest: install-dev
	$(PY) -m pytest

test: lint typecheck pytest

# Everything but the tests marked slow (models, engines, worker processes, Ray, browser): for quick edits.
test-fast: install-dev
	$(PY) -m pytest -m "not slow" -q

# The fuzz suite with many more examples than the few `make test` runs (FUZZ_EXAMPLES=N to change).
FUZZ_EXAMPLES ?= 600
fuzz: install-dev
	HYPOTHESIS_PROFILE=fuzz FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest tests/test_fuzz.py -q

# The example has errors on purpose, so `check` exits 1 (findings); only 2 (bad input) fails the demo.
demo: install
	@mkdir -p build
	$(BC) check examples/mt-article/article.it.txt --source examples/mt-article/source.en.txt \
		--back-translation examples/mt-article/back.en.txt --format html -o build/demo-report.html; \
		test $$? -le 1
	$(BC) check examples/mt-article/article.it.txt --source examples/mt-article/source.en.txt \
		--back-translation examples/mt-article/back.en.txt; test $$? -le 1
	$(BC) corpus examples --html build/demo-corpus.html --markdown build/demo-corpus.md > /dev/null; \
		test $$? -le 1
	@echo "HTML reports: build/demo-report.html (article), build/demo-corpus.html (corpus)"

# README screenshots of both demo reports, taken by headless Chromium (apt-get install chromium).
CHROMIUM ?= $(shell command -v chromium || command -v chromium-browser || command -v google-chrome)
SHOT = $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
	--user-data-dir=build/chromium-profile --window-size=1280,1000
screenshots: demo
	@test -n "$(CHROMIUM)" || { echo "screenshots need chromium (apt-get install chromium)"; exit 2; }
	rm -rf build/chromium-profile
	$(SHOT) --screenshot=docs/report-article.png "file://$(CURDIR)/build/demo-report.html" 2>/dev/null
	$(SHOT) --screenshot=docs/report-corpus.png "file://$(CURDIR)/build/demo-corpus.html" 2>/dev/null
	@echo "wrote docs/report-article.png docs/report-corpus.png"

# Retrain the judge's error model from training/data.tsv (needs ../shared beside the repository):
# rewrites src/backcheck/judge/model.json and training/REPORT.md (held-out scores by document).
train: install
	$(PY) -m pip install --quiet -e '.[train]'
	$(PY) training/train_judge.py

models: install
	$(BC) models list

bench: install
	$(PY) bench/bench_engines.py
	$(PY) bench/bench_e2e.py
	$(PY) bench/bench_scaling.py
	$(PY) bench/bench_checker.py
	$(PY) bench/bench_single.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
