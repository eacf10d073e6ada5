"""The whole RSF pipeline on the mirror: reproducible, and nothing lost when input is bad."""

import hashlib
import shutil
import subprocess
import sys

import pytest

from etl.fetch import Fetcher
from etl.pipeline import run_source
from etl.sources import SOURCES, rsf_index
from tests.conftest import DATASETS, MIRROR, ROOT, needs_mirror


def digest(folder):
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@needs_mirror
@pytest.mark.parametrize("source", list(SOURCES.values()), ids=list(SOURCES))
def test_rebuild_from_mirror_reproduces_committed_files(tmp_path, source):
    outcome = run_source(source, Fetcher(mirror=MIRROR), tmp_path, lambda m: None)
    assert outcome.ok, outcome.error
    names = [d.filename for d in source.datasets] + [f"provenance/{source.name}.json"]
    for name in names:
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes(), name


@pytest.fixture
def broken_mirror(tmp_path):
    """A copy of the RSF mirror folder, to be damaged by the test."""
    if MIRROR is None or not (MIRROR / "rsf-index").is_dir():
        pytest.skip("raw-source mirror not found (set PRESSFREEDOM_MIRROR)")
    mirror = tmp_path / "mirror"
    shutil.copytree(MIRROR / "rsf-index", mirror / "rsf-index")
    out = tmp_path / "out"
    shutil.copytree(DATASETS, out)
    return mirror, out


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda b: b[: len(b) // 2], "2022.csv"),  # truncated mid-file
        (lambda b: b"<!DOCTYPE html><html>Maintenance</html>", "HTML page"),
        (lambda b: b.replace(b"Rank_Pol", b"Rank_Politics"), "required columns"),
        (lambda b: b + b.splitlines(keepends=True)[1], "NOR appears twice in 2022"),
        (lambda b: b.replace(b"NOR;9265;1", b"NOR;n/a;1"), "2022.csv, line 2"),
    ],
    ids=["truncated", "html", "renamed-column", "duplicate-key", "non-numeric"],
)
def test_bad_input_fails_loudly_and_keeps_datasets(broken_mirror, damage, expected):
    mirror, out = broken_mirror
    target = mirror / "rsf-index" / "2022.csv"
    target.write_bytes(damage(target.read_bytes()))
    before = digest(out)
    outcome = run_source(rsf_index.SOURCE, Fetcher(mirror=mirror), out, lambda m: None)
    assert not outcome.ok
    assert expected in outcome.error
    assert "rsf_index" in outcome.error
    assert digest(out) == before


def cli(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, **kwargs
    )


def test_cli_lists_sources():
    result = cli("list")
    assert result.returncode == 0
    assert "rsf_index" in result.stdout


def test_cli_rejects_unknown_source():
    result = cli("run", "nonsense")
    assert result.returncode == 2
    assert "unknown source" in result.stderr


@needs_mirror
def test_cli_run_exits_nonzero_and_names_the_file_when_input_is_bad(broken_mirror):
    mirror, out = broken_mirror
    (mirror / "rsf-index" / "2010.csv").write_bytes(b"garbage;\n")
    before = digest(out)
    result = cli("run", "rsf_index", "--mirror", str(mirror), "--out", str(out))
    assert result.returncode == 1
    assert "2010.csv" in result.stderr
    assert "last good version kept" in result.stderr
    assert digest(out) == before


def test_data_package_and_dictionary_are_current(tmp_path):
    import shutil

    from etl import release

    for file in DATASETS.iterdir():
        if file.is_file():
            shutil.copy(file, tmp_path / file.name)
    assert release.finalize(tmp_path, {}) == [], "stale: run `python -m etl docs`"


def test_every_published_dataset_is_in_the_catalog():
    from etl import catalog

    published = {d.name for source in SOURCES.values() for d in source.datasets}
    assert published == set(catalog.DATASETS)
    for source in SOURCES.values():
        for dataset in source.datasets:
            assert catalog.DATASETS[dataset.name] is dataset


@needs_mirror
def test_unchanged_inputs_and_code_are_skipped(tmp_path):
    shutil.copytree(DATASETS, tmp_path / "out")
    outcome = run_source(rsf_index.SOURCE, Fetcher(mirror=MIRROR), tmp_path / "out", lambda m: None)
    assert outcome.ok and outcome.skipped
    (tmp_path / "out" / "rsf_index.csv").write_bytes(b"tampered\n")
    outcome = run_source(rsf_index.SOURCE, Fetcher(mirror=MIRROR), tmp_path / "out", lambda m: None)
    assert not outcome.skipped and "rsf_index.csv" in outcome.changed
