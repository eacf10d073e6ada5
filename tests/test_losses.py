"""No silent data loss: a published edition or year never loses rows unless the run names
the dataset in --allow-shrink; source invariants catch truncated files on their own; a
changed input is reported with its rows added, removed and changed per year.

All on the committed fixtures (tests/fixtures), so these run on every machine."""

import json
import subprocess
import sys

import pandas as pd
import pytest

from etl import store
from etl.__main__ import summary
from etl.fetch import Fetcher
from etl.pipeline import RunOptions, run
from tests.conftest import ROOT, copy_fixture_mirror, digest, fixture_sources, revise_norway_2023


@pytest.fixture
def mirror(tmp_path):
    return copy_fixture_mirror(tmp_path / "mirror")


def rerun(mirror, out, **options):
    return run(
        fixture_sources(), Fetcher(mirror=mirror), out, lambda m: None, RunOptions(**options)
    )


def drop_lines(path, keep):
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(line for i, line in enumerate(lines) if keep(i, line)))


def test_rsf_edition_cut_at_a_line_boundary_is_rejected_by_its_ranks(mirror, released):
    """The issue's case: the last 5 lines of an edition gone, the file still well formed."""
    drop_lines(mirror / "rsf-index" / "2026.csv", lambda i, _: i < 176)
    before = digest(released)
    report = rerun(mirror, released)
    rsf = report.outcomes[0]
    assert not rsf.ok
    assert "2026.csv" in rsf.error and "ranks account for every row" in rsf.error
    assert digest(released) == before


def test_one_row_deleted_from_an_older_edition_is_caught_by_the_next_edition(mirror, released):
    drop_lines(mirror / "rsf-index" / "2025.csv", lambda i, line: not line.startswith(b"ITA;"))
    report = rerun(mirror, released)
    error = report.outcomes[0].error
    assert "ITA was ranked" in error and "2025.csv has no row for it" in error


def test_an_entity_removed_whole_is_held_back_naming_years_and_keys(mirror, released):
    """Zimbabwe's rows cut off the end of PTS: no invariant of the file can see it (every
    remaining entity is complete), the comparison with the release does."""
    drop_lines(mirror / "pts" / "PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe"))
    before = digest(released)
    report = rerun(mirror, released)
    pts = report.outcomes[1]
    assert not pts.ok
    assert "pts.csv" in pts.error and "no rows removed from a published edition" in pts.error
    assert "year 1976–2023: 1 row(s) each: Zimbabwe" in pts.error
    assert "pts/PTS-2024.csv (sha256" in pts.error  # the changed input is named
    assert "--allow-shrink pts" in pts.error
    assert digest(released) == before
    assert report.outcomes[0].ok and report.outcomes[0].skipped  # RSF unaffected


def test_entity_cut_mid_record_is_caught_by_the_source_invariant(mirror, tmp_path):
    """Without any earlier release to compare with, PTS's own invariant sees the cut."""
    drop_lines(mirror / "pts" / "PTS-2024.csv", lambda i, _: i < 230)
    report = run(fixture_sources()[1:], Fetcher(mirror=mirror), tmp_path / "new", lambda m: None)
    error = report.outcomes[0].error
    assert "Zimbabwe has no row for 2013–2023" in error
    assert not (tmp_path / "new" / "pts.csv").exists()


def test_allow_shrink_publishes_the_named_dataset_and_records_why(mirror, released):
    drop_lines(mirror / "pts" / "PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe"))
    held = rerun(mirror, released, allow_shrink=frozenset({"rsf_index"}))  # not the one
    assert not held.outcomes[1].ok
    report = rerun(mirror, released, allow_shrink=frozenset({"pts"}))
    assert report.outcomes[1].ok, report.outcomes[1].error
    published = pd.read_csv(released / "pts.csv")
    assert "Zimbabwe" not in set(published["entity"])
    entry = store.load_changelog(released)[-1]
    assert entry["version"] == 2
    assert entry["datasets"]["pts"]["removed"] == 48
    assert entry["datasets"]["pts"]["by_year"]["2023"] == {"added": 0, "removed": 1, "changed": 0}
    assert "year 2023: 1 removed" in entry["allowed_removals"]["pts"]


def test_removal_is_held_back_even_without_the_released_file_at_hand(mirror, released):
    """A dataset not at hand locally (e.g. not committed): the release's row counts per
    year still show the loss."""
    (released / "pts.csv").unlink()
    drop_lines(mirror / "pts" / "PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe"))
    report = rerun(mirror, released)
    error = report.outcomes[1].error
    assert "year 1976–2023: 1 row(s) each: (released file not at hand)" in error
    assert not (released / "pts.csv").exists()


def test_rebuilding_a_missing_file_identical_to_its_release_is_no_new_version(mirror, released):
    (released / "pts.csv").unlink()
    report = rerun(mirror, released)
    assert report.outcomes[1].ok and report.outcomes[1].written == ["pts.csv"]
    assert report.outcomes[1].changes == []
    assert [e["version"] for e in store.load_changelog(released)] == [1]


def test_changed_input_is_named_with_rows_changed_per_year(mirror, released):
    revise_norway_2023(mirror)
    report = rerun(mirror, released)
    text = summary(report, RunOptions())
    assert "pts: inputs changed since the last release:" in text
    assert "pts/PTS-2024.csv (sha256" in text
    assert "pts.csv: +0 −0 ~1 rows" in text and "year 2023: +0 −0 ~1" in text
    assert "release: build-2" in text
    entry = store.load_changelog(released)[-1]
    assert entry["datasets"] == {
        "pts": {"added": 0, "removed": 0, "changed": 1, "by_year": {"2023": release_row(0, 0, 1)}}
    }


def release_row(added, removed, changed):
    return {"added": added, "removed": removed, "changed": changed}


def test_cli_allow_shrink_names_datasets_and_exits_nonzero_when_held(mirror, released):
    drop_lines(mirror / "pts" / "PTS-2024.csv", lambda _, line: not line.startswith(b"Zimbabwe"))

    def cli(*extra):
        return subprocess.run(
            [sys.executable, "-m", "etl", "run", "pts", "--mirror", str(mirror)]
            + ["--out", str(released), *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )

    held = cli()
    assert held.returncode == 1
    assert "rows would disappear" in held.stderr and "--allow-shrink pts" in held.stderr
    assert cli("--allow-shrink", "nonsense").returncode == 2
    allowed = cli("--allow-shrink", "pts")
    assert allowed.returncode == 0, allowed.stderr
    log = json.loads((released / "CHANGELOG.json").read_text())
    assert log[-1]["allowed_removals"]["pts"].startswith("year 1976: 1 removed")
