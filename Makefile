# The Makefile only sets things up; the work itself is the `localoffer` command line (plugins/cli/)
# and, for this repository's own tasks, tasks.py (invoke).
# `make serve` and `make test` are the two commands a fresh machine needs.

PYTHON ?= python3
VENV := .venv
INVOKE := $(VENV)/bin/invoke
LOCALOFFER := $(VENV)/bin/localoffer
# apt-get needs root; on a developer's own machine sudo provides it.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: setup ci-setup build serve test validate preview clean browser theme-assets

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
	$(LOCALOFFER) build $(if $(STRICT),--strict)

serve: setup
	$(LOCALOFFER) serve

validate: setup
	$(LOCALOFFER) validate

preview: setup
	$(LOCALOFFER) preview

test: setup browser
	$(INVOKE) test

# After a change to theme/scss/ or package.json: recompile the CSS and copy the vendored front-end files
# the package carries into theme/static/, then commit them (tests/test_theme_assets.py checks they are current).
theme-assets: setup
	$(VENV)/bin/python -m localoffer.theme_assets.refresh

clean:
	rm -rf output cache preview .pytest_cache
