"""One redistribution policy for every channel (etl/catalog.py WITHHELD_POLICY): datasets
whose terms are unverified are shown but never handed out in bulk, and that includes the
repository itself."""

import hashlib
import json
import shutil
import subprocess
import sys

import pytest

from etl import project, registry, store
from tests.conftest import DATASETS, MIRROR, ROOT, needs_mirror

WITHHELD = {d.filename for d in registry.withheld()}


def test_withheld_datasets_are_the_unverified_ones():
    unverified = {
        d.filename
        for d in registry.DATASETS.values()
        if d.redistribution in ("unverified", "forbidden")
    }
    assert unverified == WITHHELD
    assert "cpj_cases.csv" in WITHHELD and "rsf_index.csv" not in WITHHELD


def test_the_repository_does_not_carry_withheld_datasets():
    listed = subprocess.run(
        ["git", "ls-files", "datasets"], cwd=ROOT, capture_output=True, text=True
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    tracked = {line.removeprefix("datasets/") for line in listed.stdout.splitlines()}
    assert tracked & WITHHELD == set()
    assert "rsf_index.csv" in tracked and "provenance/cpj.json" in tracked


def test_gitignore_lists_exactly_the_withheld_datasets():
    ignored = {
        line.removeprefix("datasets/")
        for line in (ROOT / ".gitignore").read_text().splitlines()
        if line.startswith("datasets/") and line.endswith(".csv")
    }
    assert ignored == WITHHELD


def test_the_data_package_lists_withheld_datasets_without_their_rows():
    package = json.loads((DATASETS / store.DATAPACKAGE).read_text())
    assert {r["path"] for r in package["resources"]} & WITHHELD == set()
    assert {f"{w['name']}.csv" for w in package["withheld"]} == WITHHELD
    assert package["withheldPolicy"] == project.WITHHELD_POLICY


@needs_mirror
def test_a_fresh_clone_builds_withheld_datasets_identical_to_the_release(tmp_path):
    """What `make run` and `make test` do on a fresh clone: build the missing datasets
    from the publishers' files; the result matches the checksums the release recorded, and
    no new version appears."""
    out = tmp_path / "datasets"
    shutil.copytree(DATASETS, out, ignore=shutil.ignore_patterns(*WITHHELD, ".*"))
    before = (out / store.CHANGELOG).read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "etl", "run", "--missing", "--mirror", str(MIRROR)]
        + ["--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    recorded = {}
    for path in (DATASETS / "provenance").glob("*.json"):
        for output in json.loads(path.read_text())["outputs"]:
            recorded[output["path"]] = output["sha256"]
    for name in WITHHELD:
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == recorded[name], name
    assert (out / store.CHANGELOG).read_bytes() == before
    assert "summary: updated: cpj, freedomhouse, amnesty;" in result.stderr


def test_data_urls_refuse_withheld_datasets_even_where_not_built(tmp_path, monkeypatch):
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard.server import MIDDLEWARE, ROUTES

    shutil.copytree(DATASETS, tmp_path / "datasets", ignore=shutil.ignore_patterns(*WITHHELD))
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path / "datasets")
    client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
    for name in WITHHELD:
        response = client.get(f"/data/{name}")
        assert response.status_code == 403 and "Not redistributed" in response.text, name
    assert client.get("/data/pts.csv").status_code == 200


def test_exported_snapshots_of_withheld_data_carry_no_data_file(tmp_path):
    """The gallery CLI, like the app, writes no HTML (which holds every value) for charts of
    data that is not redistributed."""
    from dashboard import export, gallery
    from etl.store import DatasetNotBuilt

    load = export.cached_loader()
    try:
        chart = gallery.build("map", {"metric": "pts_a", "edition": "2020"}, load)
        open_entry = export.export_one(chart, tmp_path, formats=("html",))
        withheld_chart = gallery.build("map", {"metric": "fh_status", "edition": "2020"}, load)
    except DatasetNotBuilt:
        pytest.skip("Freedom House data not built here")
    withheld_entry = export.export_one(withheld_chart, tmp_path, formats=("html",))
    assert open_entry["files"] == {"html": open_entry["files"]["html"]}
    assert withheld_entry["files"] == {}
