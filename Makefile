# Every target works on a fresh clone with only Python 3.11+ (and its pip) present:
#   1. the first run installs uv, at the version and hashes pinned in requirements-uv.txt,
#      from PyPI into .tools/uv (nothing outside the checkout is touched);
#   2. `uv sync --locked` installs into .venv exactly the set recorded in uv.lock (runtime and
#      dev extra), removing anything else; it runs again whenever pyproject.toml or uv.lock
#      changes. The venv has neither pip nor setuptools: nothing here needs them.
# To change a dependency: edit pyproject.toml, then `make lock` (or `make upgrade`) and commit
# pyproject.toml with uv.lock; `uv sync --locked` refuses a lock that is out of date.
PYTHON  ?= python3
TOOLS   := .tools
UV      := $(TOOLS)/uv/bin/uv
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.synced
PORT    ?= 8501

# uv reads neither pip.conf nor PIP_* variables: it installs from the PyPI URLs in uv.lock.
# It trusts the system's certificate store as well as its own (a proxy's CA is found there),
# and uses $(PYTHON) rather than ever downloading a Python.
export UV_SYSTEM_CERTS ?= 1
export UV_PYTHON_DOWNLOADS ?= never

.PHONY: install lock upgrade run test datasets local-datasets lint snapshots audit loadtest bench clean

$(UV): requirements-uv.txt
	rm -rf $(TOOLS)/uv
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
	    --no-warn-script-location --require-hashes --only-binary=:all: \
	    --target $(TOOLS)/uv -r requirements-uv.txt
	touch $@

$(STAMP): pyproject.toml uv.lock $(UV)
	@# A .venv made by pip (before uv.lock) has its own old pip and setuptools, which uv keeps.
	@if [ -d $(VENV) ] && ! grep -qs '^uv = ' $(VENV)/pyvenv.cfg; then \
	    echo "replacing $(VENV), made without uv"; rm -rf $(VENV); fi
	$(UV) sync --locked --extra dev --python $(PYTHON)
	touch $@

install: $(STAMP)  ## install the locked set into .venv (every target below does this first)

lock: $(UV)  ## re-lock after editing pyproject.toml (keeps every version that still fits)
	$(UV) lock --python $(PYTHON)

upgrade: $(UV)  ## re-lock with the newest versions that pyproject.toml allows
	$(UV) lock --upgrade --python $(PYTHON)

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

audit: $(UV)  ## known vulnerabilities in the locked set (pip-audit, from uv.lock's audit group)
	@mkdir -p $(TOOLS)/audit
	$(UV) export --locked --quiet --format requirements-txt --no-hashes --no-emit-project \
	    --all-extras --all-groups --output-file $(TOOLS)/audit/requirements.txt
	$(UV) run --locked --quiet --isolated --only-group audit -- \
	    pip-audit --requirement $(TOOLS)/audit/requirements.txt --no-deps --disable-pip \
	    --progress-spinner off

loadtest: $(STAMP)  ## 20 browser sessions against a local server for a minute (not in make test)
	$(BIN)/python benchmarks/loadtest.py

bench: $(STAMP)  ## performance figures against the budgets → docs/benchmarks.md
	$(BIN)/python benchmarks/bench.py

lint: $(STAMP)
	$(BIN)/ruff check etl dashboard tests benchmarks
	$(BIN)/ruff format --check etl dashboard tests benchmarks

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache
