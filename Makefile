# The Makefile only sets things up; the work itself is in tasks.py (invoke).
# `make serve` and `make test` are the two commands a fresh machine needs.

PYTHON ?= python3
VENV := .venv
INVOKE := $(VENV)/bin/invoke
# apt-get needs root; on a developer's own machine sudo provides it.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: setup ci-setup build serve test validate preview clean browser

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# CI installs exactly the files pinned in requirements.lock, each checked against its
# hash (tools/lock_requirements.py makes the lock), and runs no package's install scripts.
ci-setup:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	touch $(VENV)/.installed node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests; Playwright's own browser download
# cannot work offline, so the tests drive this one.
browser:
	@[ -x $(CHROMIUM) ] || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium; }

# `make build STRICT=1` fails on any provider file with a problem, as a real site's CI should.
build: setup
	$(INVOKE) build $(if $(STRICT),--strict)

serve: setup
	$(INVOKE) serve

validate: setup
	$(INVOKE) validate

preview: setup
	$(INVOKE) preview

test: setup browser
	$(INVOKE) test

clean:
	rm -rf output cache .pytest_cache
