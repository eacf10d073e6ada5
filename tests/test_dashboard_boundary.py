"""The dashboard's read-only boundary: it reads datasets and their metadata through the
registry, the model, the store and the project's own modules, and never loads the ETL's
pipeline, its publisher, its fetching or its validation (pandera)."""

import ast
import json
import subprocess
import sys

from tests.conftest import ROOT

DASHBOARD = ROOT / "dashboard"
# What the dashboard may load from `etl`: metadata and the read-only store. (Each source
# package's `meta.py` and RSF's methodology; never a package's `steps.py`.)
ALLOWED = {
    "etl",
    "etl.builds",  # past builds rebuilt from the chain of diffs: it computes, never writes
    "etl.countries",
    "etl.formats",
    "etl.model",
    "etl.project",
    "etl.registry",
    "etl.store",
    "etl.sources",
    "etl.sources.rsf_index.methodology",
}
FORBIDDEN = ("etl.pipeline", "etl.publish", "etl.release", "etl.fetch", "pandera", "requests")

# In a fresh interpreter: import every dashboard module, every module the pages import (the
# pages themselves are Streamlit scripts, run by the app rather than imported), and read
# the crosswalk's names as the pages do; then report what is loaded.
PROBE = """
import importlib, json, pkgutil, sys
import dashboard
modules = [m.name for m in pkgutil.walk_packages(dashboard.__path__, "dashboard.")
           if not m.name.startswith("dashboard.views") and m.name != "dashboard.app"]
for name in modules + json.loads(sys.argv[1]):
    importlib.import_module(name)
from dashboard import names
names.entity_names()
print(json.dumps({"modules": modules, "loaded": sorted(sys.modules)}))
"""


def _imported_by_pages() -> list[str]:
    """Every module a page script imports (from its source, without running it)."""
    found = set()
    for script in [*DASHBOARD.glob("views/*.py"), DASHBOARD / "app.py"]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                # `from dashboard import cached`: the names may be modules themselves
                found.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if (ROOT / node.module.replace(".", "/") / f"{alias.name}.py").exists()
                )
    return sorted(found)


def test_dashboard_loads_only_metadata_and_the_store_from_etl():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(_imported_by_pages())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    loaded = report["loaded"]
    assert len(report["modules"]) > 10  # the probe did import the dashboard
    assert not [m for m in loaded if m in FORBIDDEN or m.startswith(FORBIDDEN)]
    from_etl = {m for m in loaded if m == "etl" or m.startswith("etl.")}
    metadata = {
        m
        for m in from_etl
        if m.startswith("etl.sources.") and m.count(".") == 2 or m.endswith(".meta")
    }
    assert from_etl - metadata <= ALLOWED, sorted(from_etl - metadata - ALLOWED)
    assert not [m for m in from_etl if m.endswith(".steps")]
