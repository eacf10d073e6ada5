"""RSF's round-up figures: real values in the published dataset."""

from etl import store
from tests.conftest import DATASETS


def value(dataset, column, **where):
    frame = store.read_dataset(dataset, DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (dataset, where, len(frame))
    return frame[column].iloc[0]


def test_rsf_roundup_keeps_revisions_side_by_side():
    roundup = store.read_dataset("rsf_roundup", DATASETS)
    killed_2022 = roundup[(roundup.year == 2022) & (roundup.measure == "killed")]
    assert sorted(killed_2022["value"]) == [57, 61]
    assert value("rsf_roundup", "value", scope="world", year=2024, measure="detained") == 550
    assert value("rsf_roundup", "value", iso3="AZE", year=2025, measure="detained") == 24
