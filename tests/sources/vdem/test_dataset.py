"""V-Dem: real values in the published dataset."""

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
    ("iso3", "harassment", "censorship"),
    [
        ("AZE", -0.677, -1.945),
        ("RUS", -1.991, -2.163),
        ("TUR", -1.042, -1.980),
        ("UKR", 0.014, -0.452),
    ],
)
def test_vdem_2023(iso3, harassment, censorship):
    assert value("vdem", "journalist_harassment", iso3=iso3, year=2023) == harassment
    assert value("vdem", "media_censorship", iso3=iso3, year=2023) == censorship
