# Every target works on a fresh clone with only Python 3.11 present: the
# virtual environment is created and (re)installed when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test datasets lint snapshots audit loadtest bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## start the dashboard on the committed datasets
	$(BIN)/streamlit run dashboard/server.py --server.port $(PORT)

test: $(STAMP)  ## run the whole test suite
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
