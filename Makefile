# case-assist — `make help` lists the targets.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP_CORE := $(VENV)/.core-installed
STAMP_DEV := $(VENV)/.dev-installed

.DEFAULT_GOAL := help
.PHONY: help run test lint typecheck unit corpora eval bench clean

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

run: $(STAMP_CORE) ## set up and analyse the bundled sample documents
	$(BIN)/assist demo

test: $(STAMP_DEV) lint unit ## set up, lint, type-check and run every test

lint: $(STAMP_DEV) ## ruff + mypy --strict
	$(BIN)/ruff check assist tests training corpora bench
	$(BIN)/ruff format --check assist tests training corpora bench
	$(BIN)/mypy

unit: $(STAMP_DEV) ## pytest only
	$(BIN)/pytest -q

corpora: $(STAMP_CORE) ## rebuild corpora/ from ../shared/corpora (maintainers only)
	$(BIN)/python -m corpora.build --shared ../shared/corpora --out corpora

eval: $(STAMP_CORE) ## parsing accuracy on the real dev documents → reports/parsing.md
	$(BIN)/python -m training.eval_parsing --out reports/parsing.md

bench: $(STAMP_DEV) ## throughput vs jieba → reports/bench_parsing.md
	$(BIN)/python -m bench.throughput --out reports/bench_parsing.md

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
