# Two commands: `make run` (set up, start the whole system on embedded defaults) and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv/bin

.PHONY: help setup setup-test run test check bench

help:
	@echo "make run    set up (apt + .venv) and start Prefect server + worker, API, dashboard with a demo project"
	@echo "make test   set up (apt + .venv) and run the checks and the test suite"
	@echo "make bench  run the benchmarks in bench/ (prints tables)"

setup:
	@bash scripts/setup.sh run

setup-test:
	@bash scripts/setup.sh test

run: setup
	@bash scripts/run.sh

check:
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/lint-imports
	$(VENV)/python -m expectations.export --check

# two test processes (pytest-xdist), each file whole on one of them so that a module's servers start once,
# the files with slow tests handed out first (tests/conftest.py orders them; xdist keeps that order);
# then, in one process with the machine to themselves, the files that assert wall-clock bounds on a whole
# stack (a lost worker recovered within 120 s, a graceful stop within 10 s, a cancel landing between a
# page's recognition and its document's save), the browser tests (a Streamlit
# rerun under a loaded CPU leaves stale inputs on the page longer than a click waits: a race, not a bug of
# the product) and the schema fuzzer (its per-operation results are sub-test reports, which the xdist
# workers do not pass back). Every test runs once.
# `make test PYTEST_WORKERS=0` runs the suite in one process; `PYTEST_ARGS=...` runs just those arguments.
PYTEST_WORKERS ?= 2
PYTEST_XDIST = $(if $(filter-out 0,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder,)
ALONE := tests/e2e tests/flows/test_graceful_stop.py tests/flows/test_graceful_stop_gunicorn.py \
	tests/flows/test_deployment.py \
	tests/dashboard/test_browser_e2e.py tests/dashboard/test_clerk_week_browser.py tests/dashboard/test_four_eyes_browser.py \
	tests/django_api/test_schema_fuzz.py

test: setup-test check
ifeq ($(PYTEST_ARGS)$(PYTEST_XDIST),)
	$(VENV)/pytest
else ifeq ($(PYTEST_ARGS),)
	$(VENV)/pytest $(PYTEST_XDIST) $(addprefix --ignore=,$(ALONE))
	$(VENV)/pytest $(ALONE)
else
	$(VENV)/pytest $(PYTEST_XDIST) $(PYTEST_ARGS)
endif

bench: setup
	$(VENV)/python bench/ocr_throughput.py
	$(VENV)/python bench/extraction_accuracy.py --set ../shared/corpus/sroie-sample
	$(VENV)/python bench/anomaly_eval.py
	$(VENV)/python bench/pipeline_overhead.py
