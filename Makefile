# The two commands that matter: `make site` builds everything, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The checkout's own macros/ package wins over any installed copy (worktrees, CI).
export PYTHONPATH := $(CURDIR)

.PHONY: site test check schema serve render pdf bench clean setup browser i18n i18n-status

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## check: validate the curriculum only (fast; run it before every commit)
check: $(STAMP)
	$(PY) -m macros check

## schema: rewrite the JSON Schemas in curriculum/schema/ from the model
schema: $(STAMP)
	$(PY) -m macros schema

## i18n: write the translation templates (locale/templates/*.pot) from the English and update
##       every French and Spanish catalogue (locale/fr/, locale/es/): changed English -> fuzzy
i18n: $(STAMP)
	$(PY) -m macros i18n

## i18n-status: how much of each page is translated, per language
i18n-status: $(STAMP)
	$(PY) -m macros i18n-status

## site: build the learner site, trainer edition, PDFs, data and offline zip into site/
##       (ENGINE=zensical make site builds the same trees with Zensical)
site: $(STAMP)
	$(PY) -m macros site

## pdf: build the PDFs only, into site/downloads/
pdf: $(STAMP)
	$(PY) -m macros pdf

## serve: preview the learner site with live reload at http://127.0.0.1:8000 (problems show on every page)
serve: $(STAMP)
	$(PY) -m macros serve

## render: the plain-Markdown trees and engine configs under build/tree/ (what any engine builds)
render: $(STAMP)
	$(PY) -m macros render

## browser: install what the tests drive: Debian's chromium, Java and the Nu HTML Checker
browser: node_modules/.installed
	@command -v chromium >/dev/null && command -v java >/dev/null || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium default-jre-headless >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## test: every test: unit, content, build, browser, PDF and quality gates
test: $(STAMP) browser
	$(PY) -m pytest -q

## bench: the benchmark at 1x, 10x and 50x the curriculum (not part of test)
bench: $(STAMP)
	$(PY) -m macros.bench

clean:
	rm -rf site build .pytest_cache
