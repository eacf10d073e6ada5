"""Invariants and known values of the committed RSF dataset (real figures from RSF's files)."""

import pandas as pd
import pycountry
import pytest

from etl.countries import entities
from etl.sources.rsf_index import methodology as rsf
from tests.conftest import DATASETS


@pytest.fixture(scope="module")
def index():
    return pd.read_csv(DATASETS / "rsf_index.csv", keep_default_na=False, na_values=[""])


def test_every_edition_and_its_entity_count(index):
    counts = index.groupby("year").size().to_dict()
    assert sorted(counts) == [*range(2002, 2011), *range(2012, 2027)]
    assert counts[2002] == 139
    assert counts[2012] == 179
    assert all(counts[y] == 180 for y in range(2014, 2027))


def test_one_row_per_entity_and_edition(index):
    assert not index.duplicated(["iso3", "year"]).any()


def test_codes_are_iso_or_documented(index):
    table = entities()
    assert set(index["iso3"]) <= set(table.index)
    for code in set(index["iso3"]):
        status = table.loc[code, "code_status"]
        if status == "iso3166-1":
            assert pycountry.countries.get(alpha_3=code) is not None
        elif status == "project":
            assert code.startswith("X") and table.loc[code, "note"]


def test_scores_order_as_ranks_in_every_edition(index):
    for year, edition in index.groupby("year"):
        ordered = edition.sort_values("rank")["score"]
        if rsf.ERAS[rsf.era_of(year)]["higher_is_better"]:
            assert ordered.is_monotonic_decreasing, year
        else:
            assert ordered.is_monotonic_increasing, year


def test_scores_within_their_era(index):
    modern = index[index["methodology"] != "2002-2012"]
    assert modern["score"].between(0, 100).all()
    indicators = index[index["methodology"] == "2022+"][
        ["political", "economic", "legal", "social", "safety"]
    ]
    assert indicators.notna().all().all()
    assert ((indicators >= 0) & (indicators <= 100)).all().all()
    assert index[index["methodology"] != "2022+"]["political"].isna().all()


def test_situation_bands_follow_the_score(index):
    recent = index[index["methodology"] == "2022+"]
    assert (recent["situation"] == recent["score"].map(rsf.situation_of)).all()
    assert index[index["methodology"] != "2022+"]["situation"].isna().all()


@pytest.mark.parametrize(
    ("iso3", "year", "rank", "score"),
    [
        ("NOR", 2022, 1, 92.65),  # 2022.csv: NOR;9265;1
        ("PRK", 2022, 180, 13.92),  # 2022.csv: PRK;1392;180
        ("AZE", 2008, 150, 53.63),  # 2008.csv lost its separators: 5363
        ("FIN", 2012, 1, -10.0),  # 2011-12 edition
        ("IRN", 2009, 172, 104.1428571),  # decimal comma kept in 2009
        ("AZE", 2013, 156, 52.27),  # re-expressed 2013 score (RSF printed 47.73 then)
        ("ERI", 2025, 180, 11.32),
        ("AZE", 2026, 171, 23.95),
    ],
)
def test_known_values(index, iso3, year, rank, score):
    row = index[(index["iso3"] == iso3) & (index["year"] == year)].iloc[0]
    assert row["rank"] == rank
    assert row["score"] == pytest.approx(score, abs=1e-9)


def test_three_decimal_scores_of_2025(index):
    row = index[(index["score"] == 65.487)]
    assert list(row["year"]) == [2025]


def test_rsf_specific_entities_keep_their_own_codes(index):
    codes = dict(zip(index["rsf_code"], index["iso3"], strict=False))
    assert codes["XKO"] == codes["XKX"] == "XKX"
    assert codes["CTU"] == "XNC"
    assert codes["USA1"] == "XUE" and codes["USA2"] == "USA"
    assert codes["CSS"] == codes["XCD"] == "XCD"


def test_regions_and_names_are_harmonised(index):
    assert set(index["region"]) <= set(rsf.REGIONS)
    assert index.groupby("iso3")["country"].nunique().max() == 1
    assert "Ã" not in "".join(index["country_rsf"])
