"""Real values from each context source for Azerbaijan, Türkiye, Russia and Ukraine."""

import pytest

from etl import store
from tests.conftest import DATASETS, needs_built


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


@needs_built()
@pytest.mark.parametrize(
    ("iso3", "status", "d1", "total"),
    [
        ("AZE", "not free", 0, 7),
        ("RUS", "not free", 0, 12),
        ("TUR", "not free", 1, 33),
        ("UKR", "partly free", 2, 51),
    ],
)
def test_freedom_in_the_world_2025_edition(iso3, status, d1, total):
    assert value("fh_fiw", "year", iso3=iso3, edition=2025) == 2024
    assert value("fh_fiw", "status", iso3=iso3, edition=2025) == status
    assert value("fh_fiw", "d1", iso3=iso3, edition=2025) == d1
    assert value("fh_fiw", "total", iso3=iso3, edition=2025) == total


@needs_built()
def test_freedom_of_the_press_and_on_the_net():
    assert value("fh_fotp", "score", iso3="AZE", edition=2015) == 87
    assert value("fh_fotp", "score", iso3="TUR", edition=2015) == 65
    assert value("fh_fotn", "total", iso3="AZE", edition=2024) == 34
    assert value("fh_fotn", "total", iso3="UKR", edition=2024) == 59


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


@needs_built()
def test_amnesty_derived_values():
    assert value("cirights", "speech", iso3="AZE", year=2020) == 0
    assert value("amnesty_itt", "torture_level", iso3="AZE", year=2005) == "Systematic"
    assert value("amnesty_executions", "executions", iso3="CHN", year=2008) == 1000
    assert value("amnesty_executions", "at_least", iso3="CHN", year=2008) == "yes"


@needs_built()
def test_freedom_house_status_history_reaches_back():
    assert value("fh_status", "status", iso3="TUR", year=1972, kind="country") == "partly free"
    assert value("fh_status", "status", iso3="AZE", year=2023, kind="country") == "not free"


def test_rsf_roundup_keeps_revisions_side_by_side():
    roundup = store.read_dataset("rsf_roundup", DATASETS)
    killed_2022 = roundup[(roundup.year == 2022) & (roundup.measure == "killed")]
    assert sorted(killed_2022["value"]) == [57, 61]
    assert value("rsf_roundup", "value", scope="world", year=2024, measure="detained") == 550
    assert value("rsf_roundup", "value", iso3="AZE", year=2025, measure="detained") == 24


def test_unmatched_entities_are_kept_and_reported():
    import json

    provenance = json.loads((DATASETS / "provenance" / "pts.json").read_text())
    assert "Gaza (Hamas)" in provenance["unmatched_entities"]["pts"]
    pts = store.read_dataset("pts", DATASETS)
    assert (pts["entity"] == "Gaza (Hamas)").any()
