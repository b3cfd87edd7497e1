# dyadwatch: every task is one command. The first run creates .venv and installs the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= out/example.duckdb

.PHONY: run test lint eval bench backtest clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	rm -f $(DB)
	$(BIN)/dyadwatch code examples/ --db $(DB)
	$(BIN)/dyadwatch escalation USA IRN --db $(DB) --penalty 3

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

SHARED ?= ../shared/data

eval: $(STAMP)
	$(BIN)/dyadwatch eval $(SHARED)/gold/conflibert/conflibert_cameo_test.jsonl --format conflibert
	$(BIN)/dyadwatch eval $(SHARED)/ontology/plover/PLOVER_GSR_CAMEO.json --format plover
	$(BIN)/dyadwatch eval tests/golden/constructions.yaml --format golden
	$(BIN)/dyadwatch eval tests/eval/realnews --format events --data $(SHARED)
	$(BIN)/dyadwatch petrarch-validate $(SHARED)/gold/petrarch_unittest/PETR.UnitTest.records.xml --jsonl /dev/null
	$(BIN)/dyadwatch petrarch-validate $(SHARED)/gold/tabari_validate/Validate.text --jsonl /dev/null
	$(BIN)/python tests/eval/eval_gate.py

# Timed from compiled modules, as an installed wheel runs (pip compiles on install; a
# checkout run with PYTHONDONTWRITEBYTECODE=1 would compile every module in every process).
bench: $(STAMP)
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/run.py $(BENCH)

# Forecast backtests on ICEWS dyad-years and MID onsets (several minutes; not in `make test`).
backtest: $(STAMP)
	OMP_NUM_THREADS=$${OMP_NUM_THREADS:-1} $(BIN)/python bench/backtest.py --data $(SHARED)/events --out out/backtest

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
