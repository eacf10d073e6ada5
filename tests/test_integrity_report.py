"""The integrity report every ETL run writes (datasets/integrity.json, the dictionary's
section, the Data page) and the reasons a run gives for its changes (changelog).

Runs on the committed fixtures (tests/fixtures), so these run on every machine."""

import dataclasses
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl import changes, formats, model, registry, release, store
from etl.fetch import Fetcher
from etl.pipeline import RunOptions, run
from tests.conftest import (
    DATASETS,
    FIXTURE_MIRROR,
    copy_fixture_mirror,
    fixture_sources,
    revise_norway_2023,
)

WHY_MISSING = model.Tally(
    column="missing_a",
    title="Amnesty-coded years without a score, by reason",
    description="PTS's NA_Status_A, for the years PTS_A is blank.",
)


@pytest.fixture
def tallied_sources(monkeypatch):
    """The fixture sources, PTS declaring one integrity count; the registry knows them."""
    rsf, pts = fixture_sources()
    dataset = dataclasses.replace(pts.datasets[0], integrity=(WHY_MISSING,))
    sources = [rsf, dataclasses.replace(pts, datasets=(dataset,))]
    monkeypatch.setattr(registry, "sources", lambda: sources)
    return sources


def test_tally_counts_each_value_of_a_listing_cell_and_names_blanks():
    cells = pd.Series(["normalised", "", "exact; text repaired", "exact"])
    assert changes.tally_counts(cells) == {
        "exact": 2,
        "(blank)": 1,
        "normalised": 1,
        "text repaired": 1,
    }


def test_every_run_writes_the_counts_a_dataset_declares(tallied_sources, tmp_path):
    out = tmp_path / "out"
    report = run(tallied_sources, Fetcher(mirror=FIXTURE_MIRROR), out, lambda m: None)
    assert all(o.ok for o in report.outcomes)
    [entry] = store.load_integrity(out)
    # 5 entities × 48 years in the fixture: Amnesty's coding of each year, as PTS says
    assert entry["dataset"] == "pts" and entry["rows"] == 240
    assert entry["counts"] == {
        "(blank)": 150,
        "no report published": 54,
        "state did not exist": 36,
    }
    provenance = json.loads((out / "provenance" / "pts.json").read_text())
    assert provenance["outputs"][0]["integrity"]["missing_a"] == entry["counts"]
    dictionary = (out / store.DICTIONARY).read_text()
    assert "## Integrity report" in dictionary
    assert "`pts.missing_a` — Amnesty-coded years without a score, by reason: (blank): 150" in (
        dictionary
    )


def test_the_report_keeps_counts_of_sources_this_run_did_not_build(tallied_sources, tmp_path):
    out = tmp_path / "out"
    run(tallied_sources, Fetcher(mirror=FIXTURE_MIRROR), out, lambda m: None)
    first = store.load_integrity(out)
    run(
        tallied_sources[:1],
        Fetcher(mirror=FIXTURE_MIRROR),
        out,
        lambda m: None,
        RunOptions(force=True),
    )
    assert store.load_integrity(out) == first


def test_a_reason_given_for_a_change_is_kept_with_its_row_changes(tallied_sources, tmp_path):
    out, mirror = tmp_path / "out", copy_fixture_mirror(tmp_path / "mirror")
    run(tallied_sources, Fetcher(mirror=mirror), out, lambda m: None)
    revise_norway_2023(mirror)
    why = {"pts": "PTS corrected Norway 2023", "rsf_index": "unchanged, so not recorded"}
    run(tallied_sources, Fetcher(mirror=mirror), out, lambda m: None, RunOptions(reasons=why))
    entry = store.load_changelog(out)[-1]
    assert entry["reasons"] == {"pts": "PTS corrected Norway 2023"}
    assert entry["datasets"]["pts"]["changed"] == 1
    dictionary = (out / store.DICTIONARY).read_text()
    assert "- `pts`: +0 rows, −0, 1 changed (2023: +0 −0 ~1) — why: PTS corrected" in dictionary


def test_committed_report_matches_the_committed_datasets():
    """What integrity.json says of each redistributed dataset is what its rows say."""
    report = store.load_integrity(DATASETS)
    declared = {(d.name, t.column) for d in registry.DATASETS.values() for t in d.integrity}
    assert {(e["dataset"], e["column"]) for e in report} == declared
    for entry in report:
        path = DATASETS / f"{entry['dataset']}.csv"
        if not path.exists():
            continue  # a withheld dataset not built on this machine
        rows = changes.read_rows(path.read_bytes())
        assert entry["counts"] == changes.tally_counts(rows[entry["column"]])
        assert entry["rows"] == len(rows)
    assert release.integrity_report(DATASETS, {}) == report


CELL_TEXT = st.text(alphabet=st.sampled_from(list("ab ,;\"\n\r\t=-+@é'NA0.")), max_size=8)


@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT, st.integers(-5, 5)), max_size=12))
def test_a_published_files_columns_read_as_read_rows_reads_them(rows):
    frame = pd.DataFrame(
        {
            "key": pd.Series([r[0] for r in rows], dtype="string"),
            "note": pd.Series([r[1] for r in rows], dtype="string"),
            "year": pd.Series([r[2] for r in rows], dtype="Int64"),
        }
    )
    content = formats.csv_bytes(frame)
    count, columns = changes.published_columns(content, {"note", "year", "absent"})
    expected = changes.read_rows(content)
    assert count == len(expected)
    assert columns == {name: expected[name].tolist() for name in ("note", "year")}


def test_the_published_datasets_columns_read_as_read_rows_reads_them():
    for path in sorted(DATASETS.glob("*.csv")):
        content = path.read_bytes()
        expected = changes.read_rows(content)
        count, columns = changes.published_columns(content, set(expected.columns))
        assert count == len(expected), path.name
        assert columns == {name: expected[name].tolist() for name in expected.columns}
