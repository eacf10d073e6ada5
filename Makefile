# Every target works on a fresh clone with only Python 3.11+ (and its pip) present:
#   1. the first run installs uv, at the version and hashes pinned in requirements-uv.txt,
#      from PyPI into .tools/uv (nothing outside the checkout is touched);
#   2. `uv sync --locked` installs into .venv exactly the set recorded in uv.lock (runtime and
#      dev extra), removing anything else; it runs again whenever pyproject.toml or uv.lock
#      changes. The venv has neither pip nor setuptools: nothing here needs them. Its modules
#      are compiled to bytecode once, as pip does: otherwise, where PYTHONDONTWRITEBYTECODE is
#      set, every Python process (the tests start many) would compile pandas & co. again.
# To change a dependency: edit pyproject.toml, then `make lock` (or `make upgrade`) and commit
# pyproject.toml with uv.lock; `uv sync --locked` refuses a lock that is out of date.
PYTHON  ?= python3
TOOLS   := .tools
UV      := $(TOOLS)/uv/bin/uv
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.synced
HOST    ?= 127.0.0.1
PORT    ?= 8501
SCALE_PORT ?= 8080
AUDIT_SERVICE ?= pypi
ALLOW_UNAUDITED ?=

# uv reads neither pip.conf nor PIP_* variables: it installs from the PyPI URLs in uv.lock.
# It trusts the system's certificate store as well as its own (a proxy's CA is found there),
# and uses $(PYTHON) rather than ever downloading a Python.
export UV_SYSTEM_CERTS ?= 1
export UV_PYTHON_DOWNLOADS ?= never

.PHONY: install lock upgrade run test datasets local-datasets lint snapshots site audit loadtest bench clean axe \
	messages scale scale-load nginx

# Files from the npm registry: a package's tarball at a pinned version, checked against its
# SHA-256 before the named files are unpacked into .tools/ (not committed). Python only: no npm.
# Arguments: package version sha256 folder file... (the make target last)
define NPM_FETCH
import hashlib, io, sys, tarfile, urllib.request
package, version, digest, folder, *names = sys.argv[1:]
url = f"https://registry.npmjs.org/{package}/-/{package}-{version}.tgz"
data = urllib.request.urlopen(url, timeout=60).read()
if hashlib.sha256(data).hexdigest() != digest:
    sys.exit(f"{package} {version}: {url} does not match the pinned SHA-256 {digest}")
with tarfile.open(fileobj=io.BytesIO(data)) as tar:
    for name in names:
        with open(f"{folder}/{name}", "wb") as out:
            out.write(tar.extractfile(f"package/{name}").read())
endef
export NPM_FETCH

# axe-core (MPL-2.0, Deque Systems), the accessibility checker tests/test_browser.py injects
# into every page.
AXE_VERSION := 4.14.1
AXE_SHA256  := e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
AXE_DIR     := $(TOOLS)/axe-core-$(AXE_VERSION)
AXE         := $(AXE_DIR)/axe.min.js

# plotly.js's own partial bundles (MIT) for the baked site: maps need only the geo bundle
# (1.4 MB), the other charts the basic one (1.2 MB), instead of the full 4.8 MB plotly.js
# each page would otherwise parse. The version is the one plotly.py ships
# (tests/test_site.py checks they agree); dashboard/bake.py falls back to the full file.
PLOTLY_JS_VERSION := 4.1.1
PLOTLY_GEO_SHA256 := 018f2d45ea703cdf0d92aba7a4679dabdeb91f8e3a5c7f4b8c2fa7b2c9ff2eb5
PLOTLY_BASIC_SHA256 := ea907f854b6cec4f6a2fa71540ec019a21ed2c61e6a109ddd5c072103a96eed0
PLOTLY_GEO   := $(TOOLS)/plotly.js-geo-dist-min-$(PLOTLY_JS_VERSION)/plotly-geo.min.js
PLOTLY_BASIC := $(TOOLS)/plotly.js-basic-dist-min-$(PLOTLY_JS_VERSION)/plotly-basic.min.js
PLOTLY_BUNDLES := $(PLOTLY_GEO) $(PLOTLY_BASIC)

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
	$(UV) sync --locked --extra dev --compile-bytecode --python $(PYTHON) || { \
	    echo "(if uv.lock is out of date: 'make lock', then commit uv.lock)" >&2; exit 1; }
	touch $@

$(AXE):
	@mkdir -p $(AXE_DIR)
	$(PYTHON) -c "$$NPM_FETCH" axe-core $(AXE_VERSION) $(AXE_SHA256) $(AXE_DIR) LICENSE axe.min.js

$(PLOTLY_GEO):
	@mkdir -p $(@D)
	$(PYTHON) -c "$$NPM_FETCH" plotly.js-geo-dist-min $(PLOTLY_JS_VERSION) $(PLOTLY_GEO_SHA256) \
	    $(@D) LICENSE plotly-geo.min.js

$(PLOTLY_BASIC):
	@mkdir -p $(@D)
	$(PYTHON) -c "$$NPM_FETCH" plotly.js-basic-dist-min $(PLOTLY_JS_VERSION) $(PLOTLY_BASIC_SHA256) \
	    $(@D) LICENSE plotly-basic.min.js

axe: $(AXE)  ## download axe-core (pinned, checksum-verified) for the browser tests

install: $(STAMP) $(AXE) $(PLOTLY_BUNDLES)  ## install the locked set into .venv (every target below does this first)

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

run: $(STAMP) local-datasets  ## start the dashboard on http://$(HOST):$(PORT) (HOST=0.0.0.0 to expose it)
	$(BIN)/streamlit run dashboard/server.py --server.address $(HOST) --server.port $(PORT)

# Two replicas behind nginx on loopback (README: "Scaling out"): deploy/scale.py starts them
# as `run` starts one, and nginx in the foreground with everything it writes in .tools/scale.
# Debian's nginx is installed when missing and this runs as root, as .ci/run installs it.
nginx:
	@if ! PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	    && command -v apt-get >/dev/null; then \
	    echo "installing nginx (Debian's package)"; \
	    apt-get update -qq >/dev/null; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; fi

scale: $(STAMP) local-datasets nginx  ## two replicas behind nginx on http://127.0.0.1:$(SCALE_PORT), sticky sessions; Ctrl-C stops all
	$(BIN)/python -m deploy.scale --port $(SCALE_PORT)

scale-load: $(STAMP) local-datasets nginx  ## a short load run through nginx: sessions per replica, errors, timings
	$(BIN)/python benchmarks/scale_load.py

test: $(STAMP) $(AXE) $(PLOTLY_BUNDLES) local-datasets  ## run the whole test suite
	$(BIN)/python -m pytest -n auto --dist loadfile

datasets: $(STAMP)  ## rebuild datasets/ from the raw sources (mirror by default)
	$(BIN)/python -m etl run

snapshots: $(STAMP)  ## export the chart gallery (PNG, SVG, HTML + index.html) to snapshots/
	$(BIN)/python -m dashboard.export --gallery --out snapshots

# The reader site: every chart as a static page and embed frame (one shared plotly.js and
# map geometry), PNG, SVG, PDF, CSV (where the terms allow), a JSON descriptor, oEmbed, pinned
# embeds per data build, a page per country. Incremental: only charts whose datasets or code
# changed are drawn again.
site: $(STAMP) $(PLOTLY_BUNDLES) local-datasets  ## bake the static reader site into site/ (python -m dashboard.bake)
	$(BIN)/python -m dashboard.bake --out site $(SITE_ARGS)

# pip-audit (locked in uv.lock's `audit` group, run in a throwaway environment) checks every
# package of the lock, for this platform, against $(AUDIT_SERVICE)'s advisories. It fails on a
# known vulnerability, and also when any package could not be audited (the service had no
# answer for it), unless ALLOW_UNAUDITED=1.
define AUDIT_SUMMARY
import json, re, sys
report, requirements, status, allow = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
locked = [l for l in open(requirements) if re.match(r"[A-Za-z0-9]", l)]
try:
    deps = json.load(open(report))["dependencies"]
except (OSError, ValueError):
    deps = None
if deps is None:
    print(f"audit: pip-audit failed (exit {status}) before auditing anything: "
          f"0 of the {len(locked)} locked packages were audited (see its error above).")
    sys.exit(0 if allow == "1" else status or 1)
skipped = [d for d in deps if "skip_reason" in d]
audited = [d for d in deps if "skip_reason" not in d]
vulnerable = [d for d in audited if d["vulns"]]
for d in vulnerable:
    for v in d["vulns"]:
        fix = ", ".join(v["fix_versions"]) or "none yet"
        print(f"VULNERABLE {d['name']} {d['version']}: {v['id']} (fixed in {fix})")
reasons = {}
for d in skipped:
    reason, _, what = d["skip_reason"].rpartition(": ")
    reasons.setdefault(reason or "no reason given", []).append(what or d["name"])
for reason, packages in reasons.items():
    print(f"NOT AUDITED ({reason}): {', '.join(packages)}")
print(f"audit ({sys.argv[5]}): {len(deps)} locked packages apply to this platform "
      f"({len(locked) - len(deps)} more are for other platforms or Pythons); "
      f"{len(audited)} audited, {len(skipped)} could NOT be audited; "
      f"{sum(len(d['vulns']) for d in vulnerable)} known vulnerabilities in {len(vulnerable)} packages.")
if vulnerable:
    sys.exit(1)
if skipped:
    if allow == "1":
        print("audit: passing anyway because ALLOW_UNAUDITED=1: the packages above are unchecked.")
    else:
        print("audit: FAILED because packages could not be audited "
              "(`make audit ALLOW_UNAUDITED=1` to accept that).")
        sys.exit(2)
endef
export AUDIT_SUMMARY

audit: $(UV)  ## known vulnerabilities in the locked set; fails if any package could not be audited
	@mkdir -p $(TOOLS)/audit
	@rm -f $(TOOLS)/audit/report.json
	$(UV) export --locked --quiet --format requirements-txt --no-hashes --no-emit-project \
	    --all-extras --all-groups --output-file $(TOOLS)/audit/requirements.txt
	@status=0; $(UV) run --locked --quiet --isolated --only-group audit -- \
	    pip-audit --requirement $(TOOLS)/audit/requirements.txt --no-deps --disable-pip \
	    --vulnerability-service $(AUDIT_SERVICE) --progress-spinner off --format json \
	    --output $(TOOLS)/audit/report.json 2>$(TOOLS)/audit/stderr.txt || status=$$?; \
	grep -v -e 'encouraged to fully hash' -e 'pip-compile' -e 'known vulnerabilit' \
	    $(TOOLS)/audit/stderr.txt | tail -n 5 >&2; \
	$(PYTHON) -c "$$AUDIT_SUMMARY" $(TOOLS)/audit/report.json $(TOOLS)/audit/requirements.txt \
	    $$status "$(ALLOW_UNAUDITED)" $(AUDIT_SERVICE)

loadtest: $(STAMP)  ## 20 browser sessions against a local server for a minute (not in make test)
	$(BIN)/python benchmarks/loadtest.py

bench: $(STAMP) $(PLOTLY_BUNDLES)  ## performance figures against the budgets → docs/benchmarks.md
	$(BIN)/python benchmarks/bench.py

# The interface's languages (README, "Languages"): the messages the code marks and the
# metadata the pages show, extracted into the template and merged into every catalogue
# (dashboard/locales/<lang>/LC_MESSAGES/messages.po; new or changed messages come out
# untranslated or fuzzy, and tests/test_i18n.py fails until a translator has seen them).
# Nothing is compiled here: the app compiles each catalogue in memory when it loads it.
# A new language: `$(BIN)/pybabel init -i $(LOCALES)/messages.pot -d $(LOCALES) -l <code>`.
LOCALES := dashboard/locales
messages: $(STAMP)  ## extract the interface's messages and update every language's catalogue
	$(BIN)/pybabel extract -F babel.cfg --add-location=file --sort-output \
	    --add-comments=TRANSLATORS: --project="Press Freedom Dashboard" \
	    --copyright-holder="Press Freedom Dashboard contributors" \
	    -o $(LOCALES)/messages.pot .
	$(BIN)/pybabel update -i $(LOCALES)/messages.pot -d $(LOCALES) -D messages \
	    --ignore-obsolete --ignore-pot-creation-date

lint: $(STAMP)
	$(BIN)/ruff check etl dashboard tests benchmarks deploy
	$(BIN)/ruff format --check etl dashboard tests benchmarks deploy

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .ruff_cache
