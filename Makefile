# The README's commands. Each one sets up .venv with the pinned dependencies first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_READY := $(VENV)/.site-ready
TEST_READY := $(VENV)/.test-ready
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check generate schema test test-fast bench search-eval workbox search-engine

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

# Every problem `make build` would report, without building the site.
check: $(SITE_READY)
	PYTHONPATH=hooks $(BIN)/python -m causepages check

# The pages as plain Markdown, for another site generator: make generate OUT=DIR
generate: $(SITE_READY)
	PYTHONPATH=hooks $(BIN)/python -m causepages generate $(OUT)

# The JSON Schemas that editors use, after a change under hooks/causepages/schema/.
schema: $(SITE_READY)
	PYTHONPATH=hooks $(BIN)/python -m causepages schema

# The checker's rules and the search (JavaScript) run under Node's test runner on the files the
# real data builds.
test: $(TEST_READY) node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy hooks/causepages hooks/adapter.py
	PYTHONPATH=hooks $(BIN)/python -m causepages generate $(VENV)/generated > /dev/null
	CHECKER_JSON=$(VENV)/generated/check/checker.json \
	  SEARCH_INDEX=$(VENV)/generated/search/index.json node --test tests/js/*.test.mjs
	$(BIN)/pytest $(PYTEST_ARGS)

# The pytest suite without the browser tests and the slow ones (marked in pyproject.toml).
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

# The Workbox files the service worker loads, copied from npm after a version change in
# package.json (and WORKBOX_VERSION in hooks/causepages/features/offline.py); make test checks them.
WORKBOX_VERSION := $(shell sed -n 's/^WORKBOX_VERSION = "\(.*\)"/\1/p' hooks/causepages/features/offline.py)
workbox: node_modules/.package-lock.json
	mkdir -p docs/assets/vendor/workbox-$(WORKBOX_VERSION)
	for m in core routing strategies precaching; do \
	  cp node_modules/workbox-$$m/build/workbox-$$m.prod.js docs/assets/vendor/workbox-$(WORKBOX_VERSION)/; done
	cp node_modules/workbox-core/LICENSE docs/assets/vendor/workbox-$(WORKBOX_VERSION)/LICENSE

# The search's libraries, copied from npm after a version change in package.json (and in the
# import lines of docs/assets/search-engine.js); make test checks them byte for byte.
version = $$(node -p "require('./node_modules/$(1)/package.json').version")
search-engine: node_modules/.package-lock.json
	d=docs/assets/vendor/minisearch-$(call version,minisearch) && mkdir -p $$d && \
	  cp node_modules/minisearch/dist/es/index.js node_modules/minisearch/LICENSE.txt $$d/
	d=docs/assets/vendor/stemmer-$(call version,stemmer) && mkdir -p $$d && \
	  cp node_modules/stemmer/index.js $$d/ && cp node_modules/stemmer/license $$d/LICENSE
