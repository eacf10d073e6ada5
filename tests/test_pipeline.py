"""The pipeline: every source reproduces the committed files from the mirror; bad input
fails loudly and keeps the last release (on the committed fixtures, so everywhere)."""

import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.fetch import Fetcher
from etl.model import Column, Dataset
from etl.pipeline import run_source
from etl.registry import sources as registered_sources
from tests.conftest import (
    DATASETS,
    FIXTURE_MIRROR,
    MIRROR,
    ROOT,
    copy_fixture_mirror,
    digest,
    fixture_sources,
    needs_mirror,
    revise_norway_2023,
)

SOURCES = {source.name: source for source in registered_sources()}


@needs_mirror
@pytest.mark.parametrize("source", list(SOURCES.values()), ids=list(SOURCES))
def test_rebuild_from_mirror_reproduces_committed_files(tmp_path, source):
    for raw in source.raw_files:  # datasets of other sources it reads, as published
        if raw.dataset:
            (tmp_path / f"{raw.dataset}.csv").write_bytes(
                (DATASETS / f"{raw.dataset}.csv").read_bytes()
            )
    outcome = run_source(source, Fetcher(mirror=MIRROR), tmp_path, lambda m: None)
    assert outcome.ok, outcome.error
    names = [d.filename for d in source.datasets] + [f"provenance/{source.name}.json"]
    for name in names:
        assert (tmp_path / name).read_bytes() == (DATASETS / name).read_bytes(), name


@pytest.fixture
def broken_mirror(tmp_path, released):
    """A copy of the fixture mirror, to be damaged by the test, and a released output."""
    return copy_fixture_mirror(tmp_path / "mirror"), released


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda b: b[: len(b) // 2], "2026.csv"),  # truncated mid-line
        (lambda b: b"<!DOCTYPE html><html>Maintenance</html>", "HTML page"),
        (lambda b: b.replace(b"Rank_Pol", b"Rank_Politics"), "required columns"),
        (lambda b: b + b.splitlines(keepends=True)[1], "FIN appears twice in 2026"),
        (lambda b: b.replace(b"NOR;9272;1", b"NOR;n/a;1"), "2026.csv, line 12"),
        (lambda b: b.split(b"\n")[0] + b"\n", "2026.csv: file has rows: no data rows"),
    ],
    ids=["truncated", "html", "renamed-column", "duplicate-key", "non-numeric", "header-only"],
)
def test_bad_input_fails_loudly_and_keeps_datasets(broken_mirror, damage, expected):
    mirror, out = broken_mirror
    target = mirror / "rsf-index" / "2026.csv"
    target.write_bytes(damage(target.read_bytes()))
    before = digest(out)
    outcome = run_source(fixture_sources()[0], Fetcher(mirror=mirror), out, lambda m: None)
    assert not outcome.ok
    assert expected in outcome.error, outcome.error
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


def test_cli_run_exits_nonzero_and_names_the_file_when_input_is_bad(broken_mirror):
    mirror, out = broken_mirror
    (mirror / "pts" / "PTS-2024.csv").write_bytes(b"garbage;\n")
    before = digest(out)
    result = cli("run", "pts", "--mirror", str(mirror), "--out", str(out))
    assert result.returncode == 1
    assert "PTS-2024.csv" in result.stderr
    assert "last good version kept" in result.stderr
    assert digest(out) == before


def test_data_package_and_dictionary_are_current(tmp_path):
    import shutil

    from etl import release

    for file in DATASETS.iterdir():
        if file.is_file():
            shutil.copy(file, tmp_path / file.name)
    # the provenance records hold the integrity counts the release reports
    shutil.copytree(DATASETS / "provenance", tmp_path / "provenance")
    assert release.finalize(tmp_path, {}) == [], "stale: run `python -m etl docs`"


def test_every_published_dataset_is_in_the_catalog():
    from etl import registry

    published = {d.name for source in SOURCES.values() for d in source.datasets}
    assert published == set(registry.DATASETS)
    for source in SOURCES.values():
        for dataset in source.datasets:
            assert registry.DATASETS[dataset.name] is dataset


def test_unchanged_inputs_and_code_are_skipped(released):
    rsf = fixture_sources()[0]
    outcome = run_source(rsf, Fetcher(mirror=FIXTURE_MIRROR), released, lambda m: None)
    assert outcome.ok and outcome.skipped
    (released / "rsf_index.csv").write_bytes(b"tampered\n")
    outcome = run_source(rsf, Fetcher(mirror=FIXTURE_MIRROR), released, lambda m: None)
    assert not outcome.skipped and "rsf_index.csv" in outcome.written


def test_an_unchanged_rerun_is_told_by_checksums_and_any_change_runs_the_pipeline(tmp_path):
    mirror, out = copy_fixture_mirror(tmp_path / "mirror"), tmp_path / "out"
    run_pts = ("run", "pts", "--mirror", str(mirror), "--out", str(out))
    assert cli(*run_pts).returncode == 0
    released = digest(out)
    again = cli(*run_pts)
    assert again.returncode == 0 and "nothing to do" in again.stderr
    assert "unchanged: pts" in again.stderr and digest(out) == released

    (out / "pts.csv").write_bytes(b"tampered\n")  # an output edited by hand: rebuilt
    repaired = cli(*run_pts)
    assert "nothing to do" not in repaired.stderr and digest(out) == released
    assert "nothing to do" in cli(*run_pts).stderr

    revise_norway_2023(mirror)  # an input revised upstream: the pipeline runs and publishes
    revised = cli(*run_pts)
    assert "inputs changed since the last release" in revised.stderr
    assert digest(out)["pts.csv"] != released["pts.csv"]
    forced = cli(*run_pts, "--force")
    assert forced.returncode == 0 and "nothing to do" not in forced.stderr


# A dataset with every kind of rule the metadata can state: a bounded integer, a required
# number, an optional string from a vocabulary, a two-column primary key.
RULED = Dataset(
    name="ruled",
    title="",
    description="",
    publisher="",
    homepage="",
    source_urls=(),
    licence="",
    licence_url=None,
    attribution="",
    citation="",
    primary_key=("code", "year"),
    columns=(
        Column("code", "string", ""),
        Column("year", "integer", "", minimum=2000, maximum=2030),
        Column("score", "number", "", minimum=0, maximum=100),
        Column("status", "string", "", required=False, enum=("free", "not free")),
    ),
)
CELLS = {
    "code": st.sampled_from(["AZE", "TUR", None]),
    "year": st.sampled_from([1999, 2000, 2030, 2031, "2010", "x", None, 2010.5]),
    "score": st.sampled_from([0, 55.5, 100, -1, 100.5, None, "7"]),
    "status": st.sampled_from(["free", "not free", "partly", None]),
}


@given(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=6))
def test_the_quick_schema_screen_never_passes_a_table_pandera_rejects(rows):
    import pandera.pandas as pa

    from etl.pipeline import may_break_schema, schema_for, typed

    table = pd.DataFrame(rows, dtype=object)
    try:
        schema_for(RULED).validate(table, lazy=True)
        valid = True
    except pa.errors.SchemaErrors:
        valid = False
    assert valid or may_break_schema(RULED, typed(RULED, table))


def test_schema_problems_name_rule_file_and_line():
    from etl.pipeline import check_schema, typed

    table = pd.DataFrame(
        {
            "code": ["AZE", "AZE", "TUR"],
            "year": [2020, 2020, 1990],
            "score": [10.0, 20.0, 101.0],
            "status": ["free", "partly", None],
            "source_file": "f.csv",
            "source_line": [2, 3, 4],
        }
    )
    clean = table.iloc[[0]]
    assert check_schema("s", RULED, clean, typed(RULED, clean)) == []
    problems = check_schema("s", RULED, table, typed(RULED, table))
    found = {(p.file, p.row, p.rule) for p in problems}
    assert ("f.csv", 4, "year: greater_than_or_equal_to(2000)") in found
    assert ("f.csv", 4, "score: less_than_or_equal_to(100)") in found
    assert ("f.csv", 3, "status: isin(('free', 'not free'))") in found
    assert ("f.csv", 3, "year: multiple_fields_uniqueness") in found
