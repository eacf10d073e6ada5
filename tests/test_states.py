"""One state, one code (README, "Country codes"): every dataset codes a historic state the
same way, no dataset gives one state two values for one year, and values for a state in a
year it did not exist are flagged. Real values from the published datasets."""

from __future__ import annotations

import pandas as pd
import pytest

from etl import registry, store
from etl.countries import EXISTENCE_FLAG, entities, existed, in_their_years, state_in
from tests.conftest import DATASETS

COUNTRY_YEAR = [
    d.name
    for d in registry.DATASETS.values()
    if {"iso3", "year"} <= {c.name for c in d.columns} and (DATASETS / d.filename).exists()
]


def counted(name: str, frame: pd.DataFrame) -> pd.Series:
    """Rows that carry a value some chart shows; every row where no measure is declared."""
    columns = {m.column for m in registry.MEASURES.values() if m.dataset.name == name}
    if not columns:
        return pd.Series(True, index=frame.index)
    return frame[sorted(columns)].notna().any(axis=1)


# (dataset, the source's name for the unit, year, the code it must have): each historic
# state as every dataset that rates it names it.
HISTORIC = [
    *[
        (dataset, entity, 1985, "SUN")
        for dataset, entity in (
            ("pts", "Soviet Union"),
            ("cirights", "Soviet Union"),
            ("fh_status", "USSR"),
            ("vdem", "Russia"),
            ("hrps", "Russia"),
        )
    ],
    *[
        (dataset, entity, 1985, "XYS")
        for dataset, entity in (
            ("pts", "Yugoslavia, Socialist Federal Republic of"),
            ("cirights", "Yugoslavia"),
            ("fh_status", "Yugoslavia"),
            ("hrps", "Yugoslavia"),
            ("amnesty_attention", "Yugoslavia"),
            ("vdem", "Serbia"),
        )
    ],
    *[
        (dataset, entity, 1995, "YUG")
        for dataset, entity in (
            ("pts", "Yugoslavia, Federal Republic of"),
            ("cirights", "Serbia and Montenegro"),
            ("fh_status", "Yugoslavia"),
            ("hrps", "Yugoslavia"),
            ("amnesty_attention", "Yugoslavia"),
            ("amnesty_itt", "SRB"),
            ("vdem", "Serbia"),
        )
    ],
    *[
        (dataset, entity, 2004, "SCG")
        for dataset, entity in (
            ("pts", "Yugoslavia, Federal Republic of"),
            ("cirights", "Serbia and Montenegro"),
            ("fh_status", "Serbia and Montenegro"),
            ("fh_fotp", "Serbia and Montenegro"),
            ("hrps", "Yugoslavia"),
            ("amnesty_itt", "SRB"),
            ("vdem", "Serbia"),
        )
    ],
    ("fh_fotp", "Serbia and Montenegro", 2001, "YUG"),  # renamed in 2003
    ("hrps", "Yugoslavia", 2010, "SRB"),
    *[
        (dataset, entity, 1985, "XYA")
        for dataset, entity in (
            ("pts", "Yemen Arab Republic"),
            ("cirights", "Yemen Arab Republic"),
            ("fh_status", "Yemen, N."),
            ("hrps", "Yemen Arab Republic"),
            ("amnesty_attention", "Yemen Arab Republic"),
            ("vdem", "Yemen"),
        )
    ],
    *[
        (dataset, entity, 1985, "YMD")
        for dataset, entity in (
            ("pts", "Yemen People's Republic"),
            ("fh_status", "Yemen, S."),
            ("hrps", "Yemen People's Republic"),
            ("amnesty_attention", "Yemen People's Republic"),
            ("vdem", "South Yemen"),
        )
    ],
    *[
        (dataset, entity, 1985, "XWG")
        for dataset, entity in (
            ("pts", "German Federal Republic"),
            ("fh_status", "Germany, W."),
            ("hrps", "German Federal Republic"),
            ("amnesty_attention", "German Federal Republic"),
            ("vdem", "Germany"),
        )
    ],
    *[
        (dataset, entity, 1985, "DDR")
        for dataset, entity in (
            ("pts", "German Democratic Republic"),
            ("fh_status", "Germany, E."),
            ("hrps", "German Democratic Republic"),
            ("amnesty_attention", "German Democratic Republic"),
            ("vdem", "German Democratic Republic"),
        )
    ],
    *[
        (dataset, entity, 1985, "CSK")
        for dataset, entity in (
            ("pts", "Czechoslovakia"),
            ("cirights", "Czechoslovakia"),
            ("fh_status", "Czechoslovakia"),
            ("hrps", "Czechia"),
            ("vdem", "Czechia"),
        )
    ],
]


@pytest.mark.parametrize(("dataset", "entity", "year", "code"), HISTORIC)
def test_a_historic_state_has_one_code_in_every_dataset(dataset, entity, year, code):
    if not (DATASETS / f"{dataset}.csv").exists():
        pytest.skip(f"{dataset} is not redistributed and not built here (make test builds it)")
    frame = store.read_dataset(dataset, DATASETS)
    rows = frame[(frame["entity"] == entity) & (frame["year"] == year)]
    assert list(rows.loc[counted(dataset, rows), "iso3"].unique()) == [code]


@pytest.mark.parametrize("name", COUNTRY_YEAR)
def test_no_dataset_gives_one_state_two_values_for_a_year(name):
    """Two rows for one code and year only where the primary key says why (a role, a
    motive, a territory beside a country...), never two source units on one code."""
    dataset = registry.DATASETS[name]
    frame = store.read_dataset(name, DATASETS)
    why = [c for c in dataset.primary_key if c not in ("iso3", "entity", "year")]
    rows = frame[frame["iso3"].notna() & counted(name, frame)]
    twice = rows[rows.duplicated(["iso3", "year", *why], keep=False)]
    assert twice.empty, twice[["iso3", "year", *why]].head().to_string()


@pytest.mark.parametrize("name", COUNTRY_YEAR)
def test_values_for_a_state_that_did_not_exist_are_flagged(name):
    frame = store.read_dataset(name, DATASETS)
    rows = frame[frame["iso3"].notna() & counted(name, frame)]
    outside = ~existed(rows["iso3"], rows["year"])
    if EXISTENCE_FLAG.name not in frame.columns:
        assert not outside.any(), rows[outside][["iso3", "year"]].head().to_string()
        return
    flagged = rows[EXISTENCE_FLAG.name].notna()
    assert (outside == flagged).all()


def test_stray_values_in_the_sources_are_flagged():
    """CIRIGHTS still rates Serbia and Montenegro after 2006, beside Serbia; PTS rates the
    Federal Republic of Yugoslavia in 1991 beside the federation it came from."""
    cirights = store.read_dataset("cirights", DATASETS)
    stray = cirights[cirights[EXISTENCE_FLAG.name].notna()]
    union = stray[stray["entity"] == "Serbia and Montenegro"]
    assert (set(union["iso3"]), union["year"].min(), union["year"].max()) == ({"SCG"}, 2007, 2017)
    pts = store.read_dataset("pts", DATASETS)
    flagged = pts[pts[EXISTENCE_FLAG.name].notna()]
    assert set(zip(flagged["iso3"], flagged["year"], strict=True)) == {
        ("YUG", 1991),
        ("SVK", 1992),
    }


def test_years_and_relations_of_the_historic_states():
    table = entities()
    assert table.loc["SUN", ["first_year", "last_year"]].tolist() == ["1922", "1991"]
    assert table.at["RUS", "continues"] == "SUN"
    assert table.at["SCG", "successors"].split() == ["MNE", "SRB"]
    assert table.at["DEU", "predecessors"].split() == ["DDR", "XWG"]


@pytest.mark.parametrize(
    ("code", "year", "state"),
    [
        ("RUS", 1980, "SUN"),
        ("RUS", 1991, "RUS"),  # a year of change belongs to both
        ("XYS", 1993, "YUG"),
        ("XYS", 2010, "SRB"),
        ("SRB", 2004, "SCG"),
        ("YEM", 1985, "XYA"),
        ("SVK", 1992, "SVK"),  # continues no state: stays, to be flagged
        ("FRA", 1900, "FRA"),  # no years recorded: no limit
    ],
)
def test_state_in_walks_the_line_of_continuity(code, year, state):
    assert state_in(code, year) == state


def test_a_row_is_not_moved_onto_a_state_the_source_already_rates():
    table = pd.DataFrame(
        {"entity": ["Soviet Union", "Russia", "Russia"], "year": [1990, 1990, 1992]},
    ).assign(iso3=pd.Series(["SUN", "RUS", "RUS"], dtype="string"))
    out = in_their_years(table)
    assert out["iso3"].tolist() == ["SUN", "RUS", "RUS"]
    assert out[EXISTENCE_FLAG.name].notna().tolist() == [False, True, False]


def test_cpj_records_take_the_state_of_their_year():
    """CPJ names places as they are today: its Serbia cases of 1994–2005 belong to the FR
    Yugoslavia and Serbia and Montenegro; Montenegro 2004 (Duško Jovanović, killed in
    Podgorica) is the one record for a state before it existed, flagged."""
    try:
        cases = store.read_dataset("cpj_cases", DATASETS)
    except store.DatasetNotBuilt as exc:
        pytest.skip(str(exc))
    serbia = cases[cases["country_cpj"] == "Serbia"].dropna(subset=["event_year"])
    assert serbia[["iso3", "event_year"]].values.tolist() == [["YUG", 1994], ["SCG", 2005]] or (
        sorted(serbia[["iso3", "event_year"]].values.tolist()) == [["SCG", 2005], ["YUG", 1994]]
    )
    flagged = cases[cases[EXISTENCE_FLAG.name].notna()]
    assert flagged[["iso3", "event_year"]].values.tolist() == [["MNE", 2004]]
