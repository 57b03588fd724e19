# NegoLab — every set-up step lives here, so a fresh machine needs only `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 5000
APT_PACKAGES := chromium poppler-utils fonts-dejavu-core

.PHONY: run install test test-fast fuzz e2e-deps bench loadtest translations lint screenshots clean help

help:
	@echo "make run    installe, migre la base SQLite, charge la démo et sert sur http://$(HOST):$(PORT)"
	@echo "           (autre adresse ou port : make run HOST=0.0.0.0 PORT=8080)"
	@echo "make test   installe les dépendances de test (Chromium compris) et lance toute la suite"
	@echo "make bench  lance les bancs d'essai de bench/ (ratios contre une référence mesurée)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d simulator/translations

run: install
	$(BIN)/simulator init-db
	$(BIN)/simulator demo
	$(BIN)/simulator run --host $(HOST) --port $(PORT)

# The full route fuzzer (tests/fuzz): every route as its owner, ≤ 10,000 requests, ≤ 5 minutes,
# through Flask's test client (no network); `make test` runs a 300-request sample of it.
fuzz: install
	FUZZ_REQUESTS=$${FUZZ_REQUESTS:-9500} FUZZ_SECONDS=$${FUZZ_SECONDS:-300} \
	  $(BIN)/python -m pytest tests/fuzz -q -s -p no:cacheprovider

# Debian's Chromium (never a browser download) and pdftotext for the browser and PDF tests.
e2e-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installation des paquets Debian :$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: install e2e-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not e2e"

BENCH_STAMP := $(VENV)/.bench-$(shell sha256sum pyproject.toml | cut -c1-12)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	rm -f $(VENV)/.bench-*
	touch $@

bench: install $(BENCH_STAMP)
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

LOADTEST_STAMP := $(VENV)/.loadtest-$(shell sha256sum pyproject.toml | cut -c1-12)

$(LOADTEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,loadtest]'
	rm -f $(VENV)/.loadtest-*
	touch $@

# One class (35 students, 3 jurors, the trainer) against gunicorn + PostgreSQL: see bench/loadtest/README.md
loadtest: install $(LOADTEST_STAMP)
	$(BIN)/python bench/loadtest/run.py

# ruff and mypy versions are bounded in pyproject.toml (dev extras); .ci/run runs this before the tests.
lint: install
	$(BIN)/ruff check simulator tests bench
	$(BIN)/ruff format --check simulator tests bench
	$(BIN)/mypy

# README screenshots: the e2e tests that take them, writing into docs/screenshots (tests otherwise
# write screenshots to a temporary folder, never into tracked files).
screenshots: install e2e-deps
	NEGOLAB_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -m e2e tests/e2e

clean:
	rm -rf $(VENV) instance/negolab.db .pytest_cache
