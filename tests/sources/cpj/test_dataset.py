"""The committed CPJ datasets: CPJ's own published totals, and drill-through parity."""

import pandas as pd
import pytest

from dashboard.case_filter import CaseFilter, filter_cases
from dashboard.cpj_census import latest_census
from etl import store
from etl.sources.cpj import meta as cpj_meta
from tests.conftest import DATASETS


def read(name):
    return store.read_dataset(name, DATASETS)


@pytest.fixture(scope="module")
def census():
    return read("cpj_census")


@pytest.mark.parametrize(
    ("year", "total"), [(1992, 113), (1994, 175), (2016, 273), (2018, 255), (2019, 250)]
)
def test_person_years_reproduce_cpj_census_totals(census, year, total):
    # CPJ's revised census totals, as counted from its person-level export (SOURCES.md)
    rows = census[(census.source == "cpj-person-years-2020") & (census.year == year)]
    assert rows["imprisoned"].sum() == total


@pytest.mark.parametrize(
    ("year", "total"), [(2019, 260), (2020, 286), (2021, 305), (2022, 367), (2023, 320)]
)
def test_newest_counts_add_up_to_the_world_census(census, year, total):
    latest = latest_census(census)
    assert latest[latest.year == year]["imprisoned"].sum() == total


@pytest.mark.parametrize(
    ("iso3", "year", "source", "count"),
    [
        ("TUR", 2016, "cpj-person-years-2020", 86),
        ("TUR", 2016, "gapminder-fasttrack-2024", 84),  # a revision: both exports kept
        ("CHN", 2019, "cpj-person-years-2020", 48),
        ("CHN", 2019, "gapminder-fasttrack-2024", 49),
        ("AZE", 2023, "gapminder-fasttrack-2024", 5),
    ],
)
def test_country_counts_from_each_export(census, iso3, year, source, count):
    row = census[(census.iso3 == iso3) & (census.year == year) & (census.source == source)]
    assert row["imprisoned"].tolist() == [count]


def test_exactly_one_latest_figure_per_country_year(census):
    latest = census[census.latest == "yes"]
    assert not latest.duplicated(["iso3", "year"]).any()
    assert set(census[["iso3", "year"]].itertuples(index=False)) == set(
        latest[["iso3", "year"]].itertuples(index=False)
    )


def test_confirmed_journalists_killed_match_cpj_current_lists():
    counts = read("cpj_killed_counts")
    confirmed = counts[(counts.role == "journalist") & (counts.motive == "confirmed")]
    by_year = confirmed.groupby("year")["killed"].sum()
    assert by_year[2024] == 105 and by_year[2025] == 93  # the 2026 people list's counts


def test_killed_counts_equal_case_rows_and_drill_through_returns_them():
    cases, counts = read("cpj_cases"), read("cpj_killed_counts")
    totals = counts.groupby(["iso3", "year"])["killed"].sum()
    assert totals.sum() == ((cases.status == "killed") & cases.event_year.notna()).sum()
    for (iso3, year), count in totals.sample(40, random_state=7).items():
        wanted = CaseFilter(countries=(iso3,), years=(year, year), statuses=("killed",))
        assert len(filter_cases(cases, wanted)) == count, (iso3, year)


def test_census_drill_through_lists_exactly_the_people_counted(census):
    people = read("cpj_census_people")
    person_years = census[census.source == "cpj-person-years-2020"]
    for row in person_years.sample(40, random_state=3).itertuples():
        listed = people[(people.iso3 == row.iso3) & (people.year == row.year)]
        assert len(listed) == row.imprisoned


def test_case_records_are_well_formed():
    cases = read("cpj_cases")
    assert cases["case_id"].is_unique
    assert cases["url"].str.startswith("https://cpj.org/").all()
    day = cases[cases.event_date_precision == "day"]["event_date"]
    assert day.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert set(cases["status"]) <= set(cpj_meta.CASE_STATUSES)
    mukhtarli = cases[cases.person_id == "afgan-mukhtarli"].iloc[0]
    assert mukhtarli["census_years"] == "2017; 2018; 2019"
    assert mukhtarli["charge_categories"] == "retaliatory"


def test_multi_value_table_covers_every_split_cell():
    cases, values = read("cpj_cases"), read("cpj_case_values")
    orgs = values[values.field == "organizations"]
    expected = cases["organizations"].dropna().str.split("; ").map(len).sum()
    assert len(orgs) == expected


def test_no_page_renders_data_as_html():
    from tests.conftest import ROOT

    sources = list((ROOT / "dashboard").rglob("*.py"))
    assert sources
    assert not any("unsafe_allow_html" in p.read_text() for p in sources)
    assert not pd.isna(read("cpj_cases")["name"]).any()
