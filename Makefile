# One-command set-up: every target builds .venv from the pinned requirements first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The venv's bundled pip can be old and trips over extras (lxml[html-clean]); pin a good one.
PIP_VERSION := 26.3

.PHONY: run test fuzz bench model lint format clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot run

test: $(STAMP)
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

# The engine's property-based fuzz test with many more examples than `make test` runs.
FUZZ_EXAMPLES ?= 5000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q tests/briefing/test_engine_properties.py

bench: $(STAMP)
	$(PY) -m bench

# Retrain the language layer from ../shared/eval (EVAL_DIR) into bot/briefing/language/model
# and print its accuracy; about 15 minutes on 2 cores. Tests use the shipped model.
model: $(STAMP)
	OPENBLAS_NUM_THREADS=1 $(PY) -m bot.briefing.language.training.train

lint: $(STAMP)
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
