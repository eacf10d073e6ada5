"""The datasets the pages read are read once and shared by every run and session
(dashboard/cached.py): a page that changes its copy must not change anyone else's."""

import pandas as pd

from dashboard import cached
from etl import store


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
