# One task runner: CI (.ci/run and the GitHub workflows) calls these same targets.
PY := .venv/bin/python
STAMP := .venv/.installed
LIGHTHOUSE := node_modules/.bin/lighthouse

.PHONY: install system-deps validate build serve test test-fast test-browser ci clean release

# --require-hashes: every file installed must be the one requirements.lock names by its SHA-256. pip is
# not upgraded: that would fetch whatever pip is newest, unchecked; the venv's own pip installs the lock.
$(STAMP): pyproject.toml requirements.lock
	python3 -m venv .venv
	.venv/bin/pip install --quiet --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Debian packages for the browser tests (Chromium and a CJK font); needs root, runs once.
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

validate: $(STAMP)
	$(PY) -m scripts.validate

build: $(STAMP)
	$(PY) -m scripts.build

# Cut a release (README, "Releases"): make release VERSION=1.0.1. Refuses what may not be released.
VERSION ?=
release: $(STAMP)
	$(PY) -m scripts.publication.cut $(VERSION)

serve: build
	@echo "Serving site/ at http://127.0.0.1:8000/"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory site

# The whole suite, on every core (pytest-xdist; tests/conftest.py says how the work is shared): the two
# tiers below together, browser tests and the benchmark's one-page smoke run (Lighthouse) included.
# A test run writes thousands of small files (each build is hundreds): its temporary folders go to memory
# where /dev/shm has room (scripts/scratch.py), which on the 2-core machine's disk cost seconds per build.
PYTEST := TMPDIR=$$($(PY) -c "from scripts.scratch import MEMORY, in_memory; print(MEMORY if in_memory() else '')") \
	$(PY) -m pytest -n auto --dist loadgroup
test: $(STAMP) system-deps $(LIGHTHOUSE)
	$(PYTEST)

# The tiers CI runs one after the other (.github/workflows/ci.yml): no browser, then the browser tests.
test-fast: $(STAMP)
	$(PYTEST) -m "not browser and not bench"

test-browser: $(STAMP) system-deps $(LIGHTHOUSE)
	$(PYTEST) -m browser

clean:
	rm -rf build site test-artifacts

# Performance: build, page weight and Lighthouse figures against the budget (see README, "Performance").
.PHONY: bench lighthouse

$(LIGHTHOUSE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: $(LIGHTHOUSE)

bench: $(STAMP) system-deps $(LIGHTHOUSE)
	$(PY) -m benchmarks.run --results benchmarks/results/bench.json

# What changed in data/ since BASE (default origin/main) in HEAD_REV (default the working tree):
#   make diff    make diff BASE=v1.0.0 HEAD_REV=HEAD FORMAT=markdown
BASE ?= origin/main
HEAD_REV ?=
FORMAT ?= text
.PHONY: diff
diff: $(STAMP)
	$(PY) -m scripts.datadiff $(BASE) $(HEAD_REV) --format $(FORMAT)

# The test tiers timed against their budgets (README, "Tests"): figures into benchmarks/results/tiers.json.
.PHONY: budgets readme
budgets: $(STAMP)
	$(PY) -m benchmarks.tiers

# README.md's generated parts (the map of the code, the figures of the last bench and budgets runs).
readme: $(STAMP)
	$(PY) -m cogapp -r README.md
