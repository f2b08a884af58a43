# case-assist — `make help` lists the targets.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP_CORE := $(VENV)/.core-installed
STAMP_DEV := $(VENV)/.dev-installed

.DEFAULT_GOAL := help
.PHONY: help run test lint unit corpora statutes eval eval-parsing eval-signals eval-leads eval-drafts eval-similar train-router train-default bench-training calibrate bench bench-screen bench-service demo clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP_CORE): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@ $(STAMP_CORE)

run: $(STAMP_CORE) ## set up, then start the service on embedded defaults (SQLite, samples loaded); prints the URL and a local token
	ASSIST_DATA_DIR=$${ASSIST_DATA_DIR:-.assist-data} $(BIN)/assist serve --demo

demo: $(STAMP_CORE) ## analyse the bundled sample documents and print a summary table
	$(BIN)/assist demo

test: $(STAMP_DEV) lint unit ## set up, lint, type-check and run every test

lint: $(STAMP_DEV) ## ruff + mypy --strict
	$(BIN)/ruff check assist tests training corpora bench
	$(BIN)/ruff format --check assist tests training corpora bench
	$(BIN)/mypy

unit: $(STAMP_DEV) ## pytest only
	$(BIN)/python -m compileall -q assist  # bytecode ready before tests start threads
	$(BIN)/pytest -q

corpora: $(STAMP_CORE) ## rebuild corpora/ from ../shared/corpora (maintainers only)
	$(BIN)/python -m corpora.build --shared ../shared/corpora --out corpora

statutes: $(STAMP_CORE) ## rebuild the bundled statute store from ../shared/corpora (maintainers only)
	$(BIN)/python -m corpora.build_statutes --shared ../shared/corpora --out assist/data/statutes.jsonl.gz

eval: eval-parsing eval-signals eval-leads eval-drafts eval-similar ## every accuracy report under reports/

eval-parsing: $(STAMP_CORE) ## parsing accuracy on the real dev documents → reports/parsing.md
	$(BIN)/python -m training.eval_parsing --out reports/parsing.md

eval-signals: $(STAMP_CORE) ## signal P/R/F1 on the hand-labelled real texts → reports/signals.md
	$(BIN)/python -m training.eval_signals --out reports/signals.md

eval-leads: $(STAMP_CORE) ## lead P/R on generated archives with planted patterns → reports/leads.md
	$(BIN)/python -m training.eval_leads --out reports/leads.md

eval-drafts: $(STAMP_CORE) ## every drafted citation verbatim in the statute store → reports/drafts.md
	$(BIN)/python -m training.eval_drafts --out reports/drafts.md

eval-similar: $(STAMP_DEV) ## SCM triplet accuracy of similar-case search (nested CV) → reports/similar.md
	$(BIN)/python -m training.eval_similar

train-router: $(STAMP_DEV) ## retrain, evaluate and register the domain router → models/router/, reports/router.md
	$(BIN)/python -m training.train_router --out models/router

train-default: $(STAMP_DEV) ## train + report the shipped tfidf models → models/router|issues/<next>, reports/training.md
	$(BIN)/python -m training.train_default

bench-training: $(STAMP_DEV) ## training time, model size, tfidf + transformer inference docs/s → reports/bench_training.md
	$(BIN)/python -m bench.training

calibrate: $(STAMP_DEV) ## refit detector weights on the real labels → assist/data/detectors.toml, reports/detectors.md
	$(BIN)/python -m training.calibrate_detectors --labels corpora/labels/real_signals.jsonl \
		corpora/labels/real_signals_extra.jsonl --out assist/data/detectors.toml --report reports/detectors.md

bench: $(STAMP_DEV) ## throughput vs jieba → reports/bench_parsing.md
	$(BIN)/python -m bench.throughput --out reports/bench_parsing.md

bench-screen: $(STAMP_DEV) ## worker scaling, RSS per worker, cross-case share → reports/bench_screen.md (slow)
	$(BIN)/python -m bench.screen

bench-service: $(STAMP_DEV) ## loopback load test of POST /v1/analyze vs in-process → reports/bench_service.md
	$(BIN)/python -m bench.service

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
