# bouncetui: `make run` opens the explorer on sample_mail/, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test fuzz lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/bouncetui sample_mail

test: $(STAMP)
	$(BIN)/python -m pytest

# A long fuzz run with a fresh seed (make test runs a short, fixed-seed pass of the same suite).
fuzz: $(STAMP)
	FUZZ_ITERATIONS=$${FUZZ_ITERATIONS:-20000} FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-3000} \
	FUZZ_SEED=$${FUZZ_SEED:-$$(date +%s)} $(BIN)/python -m pytest tests/fuzz

# The scan benchmark beside Sisimai (figures, not a pass/fail); bench/ has the others.
bench: $(STAMP)
	$(BIN)/python bench/scan.py

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet ruff
	$(BIN)/ruff check bouncetui tests bench

clean:
	rm -rf $(VENV) build *.egg-info
