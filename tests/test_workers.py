"""Sources built by forked worker processes (RunOptions.workers > 1, as `python -m etl run`
does) publish what a sequential run publishes, byte for byte, print the same progress, fail
a source the same way, and a worker that dies stops the run with nothing published."""

import dataclasses
import os

import pytest

from etl.errors import EtlError
from etl.fetch import Fetcher
from etl.pipeline import RunOptions, run
from etl.registry import sources as registered_sources
from tests.conftest import (
    FIXTURE_MIRROR,
    MIRROR,
    copy_fixture_mirror,
    digest,
    fixture_sources,
    needs_mirror,
)


def built(sources, mirror, out, workers: int):
    lines: list[str] = []
    report = run(sources, Fetcher(mirror=mirror), out, lines.append, RunOptions(workers=workers))
    return report, lines


def test_workers_publish_and_print_what_a_sequential_run_does(tmp_path):
    alone, alone_lines = built(fixture_sources(), FIXTURE_MIRROR, tmp_path / "one", 1)
    shared, shared_lines = built(fixture_sources(), FIXTURE_MIRROR, tmp_path / "two", 2)
    assert all(o.ok for o in shared.outcomes)
    assert digest(tmp_path / "two") == digest(tmp_path / "one")
    assert [line.replace("two", "one") for line in shared_lines] == alone_lines
    assert [o.written for o in shared.outcomes] == [o.written for o in alone.outcomes]


def test_a_source_failing_in_a_worker_fails_as_it_does_alone(tmp_path, released):
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    (mirror / "pts" / "PTS-2024.csv").write_bytes(b"garbage;\n")
    alone, _ = built(fixture_sources(), mirror, tmp_path / "one", 1)
    shared, _ = built(fixture_sources(), mirror, tmp_path / "two", 2)
    assert [(o.ok, o.error) for o in shared.outcomes] == [(o.ok, o.error) for o in alone.outcomes]
    assert not shared.outcomes[1].ok and "PTS-2024.csv" in shared.outcomes[1].error
    assert digest(tmp_path / "two") == digest(tmp_path / "one")


def test_a_worker_that_dies_stops_the_run_with_nothing_published(released):
    def die(fetched):
        os._exit(3)  # no exception, no clean-up: as a worker killed by the system

    rsf, pts = fixture_sources()
    before = digest(released)
    options = RunOptions(workers=2, force=True)
    with pytest.raises(EtlError, match=r"a worker process stopped while building .*pts"):
        run(
            [rsf, dataclasses.replace(pts, parse=die)],
            Fetcher(mirror=FIXTURE_MIRROR),
            released,
            lambda m: None,
            options,
        )
    assert digest(released) == before


@needs_mirror
def test_a_source_reads_the_dataset_a_worker_built_in_this_run(tmp_path):
    sources = {source.name: source for source in registered_sources()}
    chosen = [sources["cpj"], sources["documented_cases"]]  # which reads cpj_cases
    report, _ = built(chosen, MIRROR, tmp_path, 2)  # a fresh folder: nothing published
    assert all(o.ok for o in report.outcomes), [o.error for o in report.outcomes]
    # in a fresh folder only this run's cpj_cases exists: documented_cases got it from cpj
    assert (tmp_path / "documented_cases.csv").exists()
