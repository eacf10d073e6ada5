# Every target works on a fresh clone with only Python 3.11 present: the
# virtual environment is created and (re)installed when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test datasets local-datasets lint snapshots audit loadtest bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Datasets whose terms do not allow redistribution are not committed (README: "What is
# redistributed"): each machine builds them from the publishers' files (the mirror, else
# the upstream URLs). Offline and without the mirror this fails, says why, and the app and
# tests carry on without them.
local-datasets: $(STAMP)  ## build the datasets that are not redistributed, where missing
	@$(BIN)/python -m etl run --missing || echo "note: some datasets could not be built here; pages and tests that need them say so"

run: $(STAMP) local-datasets  ## start the dashboard on the committed datasets
	$(BIN)/streamlit run dashboard/server.py --server.port $(PORT)

test: $(STAMP) local-datasets  ## run the whole test suite
	$(BIN)/python -m pytest

datasets: $(STAMP)  ## rebuild datasets/ from the raw sources (mirror by default)
	$(BIN)/python -m etl run

snapshots: $(STAMP)  ## export the chart gallery (PNG, SVG, HTML + index.html) to snapshots/
	$(BIN)/python -m dashboard.export --gallery --out snapshots

audit: $(STAMP)  ## known vulnerabilities in the installed packages (pip-audit, asks PyPI)
	$(BIN)/python -m pip install --quiet "pip-audit>=2.7,<3"
	$(BIN)/pip-audit --progress-spinner off

loadtest: $(STAMP)  ## 20 browser sessions against a local server for a minute (not in make test)
	$(BIN)/python -m pip install --quiet "playwright>=1.45,<2"
	$(BIN)/python benchmarks/loadtest.py

bench: $(STAMP)  ## performance figures against the budgets → docs/benchmarks.md
	$(BIN)/python -m pip install --quiet "playwright>=1.45,<2"
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check etl dashboard tests benchmarks
	$(BIN)/ruff format --check etl dashboard tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
