"""Versions, changelog, data package and dictionary."""

import json
import shutil

import pytest

from etl import model, registry, release, store
from tests.conftest import DATASETS

RSF = registry.DATASETS["rsf_index"]


def test_row_changes_by_primary_key():
    old = b"iso3,year,rank\nAZE,2025,167\nTUR,2025,159\nNOR,2025,1\n"
    new = b"iso3,year,rank\nAZE,2025,167\nTUR,2025,158\nFIN,2025,5\n"
    dataset = model.Dataset(
        **{**RSF.__dict__, "columns": RSF.columns[:0], "primary_key": ("iso3", "year")}
    )
    assert release.row_changes(dataset, old, new) == {"added": 1, "removed": 1, "changed": 1}
    assert release.row_changes(dataset, None, new) == {"added": 3, "removed": 0, "changed": 0}


@pytest.fixture
def copy_of_datasets(tmp_path):
    for file in DATASETS.iterdir():
        if file.is_file():
            shutil.copy(file, tmp_path / file.name)
    # the provenance records hold the integrity counts the release reports
    shutil.copytree(DATASETS / "provenance", tmp_path / "provenance")
    return tmp_path


def test_a_build_without_changes_writes_nothing(copy_of_datasets):
    before = (copy_of_datasets / store.CHANGELOG).read_bytes()
    assert release.finalize(copy_of_datasets, {}) == []
    assert (copy_of_datasets / store.CHANGELOG).read_bytes() == before


def test_a_build_with_changes_gets_a_new_version(copy_of_datasets):
    log = store.load_changelog(copy_of_datasets)
    changes = {"cpj_census": {"added": 0, "removed": 0, "changed": 3}}
    written = release.finalize(copy_of_datasets, changes)
    assert set(written) == {store.CHANGELOG, store.DATAPACKAGE, store.DICTIONARY}
    new_log = store.load_changelog(copy_of_datasets)
    assert new_log[-1]["version"] == log[-1]["version"] + 1
    assert new_log[-1]["datasets"] == changes
    package = json.loads((copy_of_datasets / store.DATAPACKAGE).read_text())
    assert package["version"] == f"build-{new_log[-1]['version']}"
    assert "changed" in (copy_of_datasets / store.DICTIONARY).read_text()


def test_data_package_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATASETS / store.DATAPACKAGE))
    assert report.valid, report.flatten(["type", "note"])[:10]


def test_data_package_describes_every_file_by_hash():
    package = json.loads((DATASETS / store.DATAPACKAGE).read_text())
    resources = {r["name"]: r for r in package["resources"]}
    withheld = {d.name for d in registry.withheld()}
    assert set(resources) == set(registry.DATASETS) - withheld
    assert {w["name"] for w in package["withheld"]} == withheld
    for name, resource in resources.items():
        content = (DATASETS / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == f"sha256:{release.sha256(content)}"
        fields = [f["name"] for f in resource["schema"]["fields"]]
        assert fields == [c.name for c in registry.DATASETS[name].columns]
    assert resources["rsf_index"]["schema"]["foreignKeys"][0]["reference"]["resource"] == (
        "countries"
    )


def test_dictionary_covers_every_column_of_every_dataset():
    text = (DATASETS / store.DICTIONARY).read_text()
    for dataset in registry.DATASETS.values():
        assert f"datasets/{dataset.filename}" in text
        for column in dataset.columns:
            assert f"| `{column.name}` |" in text, (dataset.name, column.name)
