"""Political Terror Scale: real values in the published dataset."""

import pytest

from etl import store
from tests.conftest import DATASETS


def value(dataset, column, **where):
    frame = store.read_dataset(dataset, DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (dataset, where, len(frame))
    return frame[column].iloc[0]


@pytest.mark.parametrize(
    ("iso3", "a", "h", "s"),
    [("AZE", 4, 4, 3), ("TUR", 4, 4, 4), ("RUS", 4, 4, 5), ("UKR", 3, 4, 3)],
)
def test_political_terror_scale_2023(iso3, a, h, s):
    assert (
        value("pts", "pts_a", iso3=iso3, year=2023),
        value("pts", "pts_h", iso3=iso3, year=2023),
        value("pts", "pts_s", iso3=iso3, year=2023),
    ) == (a, h, s)


def test_pts_amnesty_gap_in_2013_is_explained():
    assert value("pts", "missing_a", iso3="AZE", year=2013) == "no report published"


def test_unmatched_entities_are_kept_and_reported():
    import json

    provenance = json.loads((DATASETS / "provenance" / "pts.json").read_text())
    assert "Gaza (Hamas)" in provenance["unmatched_entities"]["pts"]
    pts = store.read_dataset("pts", DATASETS)
    assert (pts["entity"] == "Gaza (Hamas)").any()
