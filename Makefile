# The README's commands. Each one sets up .venv with the pinned dependencies first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_READY := $(VENV)/.site-ready
TEST_READY := $(VENV)/.test-ready
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build test test-fast bench search-eval

# A writer's setup installs what the site needs; the tests add their own tools on top.
$(SITE_READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --group site
	touch $(SITE_READY)

$(TEST_READY): $(SITE_READY)
	$(BIN)/python -m pip install --quiet --group test
	touch $(TEST_READY)

serve: $(SITE_READY)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(SITE_READY)
	$(BIN)/mkdocs build --strict

# The checker's rules (JavaScript) run under Node's test runner on the JSON the real data builds.
test: $(TEST_READY) node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHONPATH=hooks $(BIN)/python -m causepages generate $(VENV)/generated > /dev/null
	CHECKER_JSON=$(VENV)/generated/check/checker.json node --test tests/js/*.test.mjs
	$(BIN)/pytest $(PYTEST_ARGS)

# A quicker loop while writing: the Python tests that need no browser. `make test` runs them all
# (the slow linkchecker crawl only with PYTEST_ARGS="-m slow").
test-fast: $(TEST_READY)
	$(BIN)/pytest -m "not browser and not slow" $(PYTEST_ARGS)

# Lighthouse comes from npm (package.json); Chromium from the system (Debian's chromium).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Builds synthetic data sets of 100 and 1,000 causes and writes bench/RESULTS.md (about 10 min).
bench: $(TEST_READY) node_modules/.package-lock.json
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python -m bench.run $(BENCH_ARGS)

# Every query of bench/search_queries.yaml through the site's search in Chromium: hit rates, misses.
search-eval: $(TEST_READY)
	$(BIN)/python -m bench.search_eval
