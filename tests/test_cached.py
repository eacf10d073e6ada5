"""The datasets the pages read are read once and shared by every run and session
(dashboard/cached.py): a page that changes its copy must not change anyone else's."""

import pandas as pd

from dashboard import cached, chart_specs
from etl import registry, store
from tests.conftest import needs_built
from tests.test_app import page


def test_a_page_changing_its_copy_leaves_the_shared_dataset_alone():
    stamp = store.published_stamp("rsf_index")
    first = cached._cached("rsf_index", stamp)
    before = first.copy(deep=True)
    first["added"] = 1
    first.iloc[0, first.columns.get_loc("score")] = -1.0
    first.loc[first.index[1], "country"] = "changed"
    del first["year"]
    again = cached._cached("rsf_index", stamp)
    pd.testing.assert_frame_equal(again, before)
    assert again is not first


def test_the_dataset_is_read_once_per_published_version():
    stamp = store.published_stamp("rsf_index")
    folder = str(store.DATASETS_DIR)
    read = cached._shared("rsf_index", folder, stamp, None)
    assert cached._shared("rsf_index", folder, stamp, None) is read
    frame = cached._cached("rsf_index", stamp)
    norway = frame[(frame["iso3"] == "NOR") & (frame["year"] == 2026)]  # RSF 2026: first
    assert norway[["rank", "score"]].values.tolist() == [[1, 92.72]]


@needs_built("cpj_cases")
def test_the_pages_that_read_the_shared_frame_leave_it_as_read():
    """The Cases and Data pages read a dataset's one shared frame (`load_shared`), not a copy
    of it: after their runs (a chosen case and the person's other cases, Amnesty's links to
    cases, every dataset's page) each frame equals its file as read afresh."""
    at = page("views/cases.py", case="afgan-mukhtarli:imprisoned:2017-05-29")
    assert not at.exception and at.table  # the case in full
    assert not page("views/cases.py", section="Documented cases").exception
    built = [name for name in registry.DATASETS if store.published_stamp(name)[0] is not None]
    for name in built:
        assert not page("views/datasets.py", dataset=name).exception
    for name in built:
        read = store.read_dataset(name)
        expected = cached.rsf.with_changes(read) if name == "rsf_index" else read
        shared = cached._one_frame(name, store.published_stamp(name), None)
        pd.testing.assert_frame_equal(shared, expected)


def test_the_release_stamp_changes_when_any_dataset_file_does(tmp_path):
    """Every page's derived values are kept per release stamp (`cached.per_release`): a file
    published or rebuilt locally, with the changelog untouched, must change it. (The files'
    paths are joined once per folder; their states are read on every call.)"""
    (tmp_path / store.CHANGELOG).write_text("[]", encoding="utf-8")
    first = store.release_stamp(tmp_path)
    assert store.release_stamp(tmp_path) == first
    for dataset in (registry.DATASETS["pts"], registry.DATASETS["cpj_cases"]):
        (tmp_path / dataset.filename).write_text("iso3\n", encoding="utf-8")
        assert store.release_stamp(tmp_path) != first
        first = store.release_stamp(tmp_path)


def _dead_references(*frames) -> int:
    blocks = [block for frame in frames for block in frame._mgr.blocks]
    lists = [block.refs.referenced_blocks for block in blocks]
    lists += [frame.index._references.referenced_blocks for frame in frames]
    return sum(ref() is None for refs in lists for ref in refs)


@needs_built()
def test_a_shared_result_keeps_no_dead_references_of_the_frames_it_was_built_through():
    """pandas lists a weak reference to every frame derived from a block's values and drops
    the dead ones only once a list passes 500: kept by a shared cache, a result would keep
    those of every intermediate frame (objects the server's collector walks) for as long
    as it is cached. The cache keeps it settled (memo.settled)."""
    index = cached.load_rsf_index()

    @cached.per_release
    def derived(country: str):
        rows = index
        for _ in range(20):
            rows = rows.assign(mark=1).rename(columns={"mark": "flag"}).drop(columns="flag")
        rows = rows[rows["iso3"] == country].reset_index(drop=True)
        return rows, {"columns": rows[["year", "rank"]]}

    unsettled = index.assign(mark=1).drop(columns="mark").rename(columns={"rank": "place"})
    assert _dead_references(unsettled) > 0  # what pandas keeps of the frames in between
    rows, more = derived("TUR")
    assert not rows.empty and _dead_references(rows, more["columns"]) == 0
    # and a chart's table, kept in a dataclass, as the cache keeps it when it draws it (the
    # pages' runs derive views from it afterwards: their dead references come back, up to
    # pandas' 500 a list)
    cached._chart.cache_clear()
    chart = cached.chart_at(chart_specs.CountryChart("rank", "TUR"), "en", None)
    assert _dead_references(chart.table) == 0
    # and a dataset as read and typed (CPJ's cases: 158 dead references unsettled)
    cached._shared.cache_clear()
    assert _dead_references(cached.load_shared("cpj_cases")) == 0
