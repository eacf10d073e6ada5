"""Biggest movers over a span the reader picks: two editions of one RSF methodology era,
in the URL, linked to profiles; a span across a methodology change is refused with a note."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import change
from etl.sources.rsf_index import methodology as rsf
from tests.conftest import DATASETS, ROOT, html_tables


@pytest.fixture(scope="module")
def index() -> pd.DataFrame:
    return pd.read_csv(DATASETS / "rsf_index.csv")


def test_editions_compared_only_within_an_era(index):
    years = sorted(index["year"].unique())
    assert change.comparable_editions(years, 2026) == [2025, 2024, 2023, 2022]
    assert change.comparable_editions(years, 2022) == []  # the first of its method
    assert change.comparable_editions(years, 2013) == []
    assert change.comparable_editions(years, 2012)[:2] == [2010, 2009]  # no 2011 edition
    with pytest.raises(ValueError):
        change.between(index, 2021, 2026)
    with pytest.raises(ValueError):
        change.between(index, 2026, 2026)


def test_one_edition_apart_the_moves_are_the_published_changes(index):
    moves = change.between(index, 2025, 2026).set_index("iso3")
    published = rsf.with_changes(index)
    published = published[published["year"] == 2026].set_index("iso3").loc[moves.index]
    assert (moves["rank_change"] == published["rank_change"]).all()
    assert (moves["score_change"] == published["score_change"]).all()


def test_the_span_2022_to_2026(index):
    moves = change.between(index, 2022, 2026)
    fell, rose = moves.iloc[0], moves.iloc[-1]
    # read from the index itself: Bhutan 33rd in 2022, 150th in 2026; Fiji 102nd → 24th
    assert (fell["country"], fell["rank_since"], fell["rank"], fell["rank_change"]) == (
        "Bhutan",
        33,
        150,
        -117,
    )
    assert (rose["country"], rose["rank_since"], rose["rank"], rose["rank_change"]) == (
        "Fiji",
        102,
        24,
        78,
    )
    assert moves["rank_change"].is_monotonic_increasing


def page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at


def fell_furthest(at: AppTest) -> list[str]:
    return html_tables(at)[0].index.tolist()


def test_the_overview_picks_the_span_and_keeps_it_in_the_url():
    at = page()
    assert not at.exception
    assert at.header[0].value == "Largest moves since 2025"
    assert at.selectbox(key="since").options == ["2025", "2024", "2023", "2022"]
    at.selectbox(key="since").set_value(2022).run()
    assert at.header[0].value == "Largest moves since 2022"
    assert fell_furthest(at)[0] == "Bhutan"
    # each table named in its own caption (read out with it), not by a line above it
    assert [t.attrs["caption"] for t in html_tables(at)] == ["Fell furthest", "Rose furthest"]
    assert at.query_params.get("since") == "2022"
    at = page(since="2022", to="2026")
    assert fell_furthest(at)[0] == "Bhutan"


@pytest.mark.parametrize(
    ("params", "note"),
    [
        ({"since": "2010", "to": "2026"}, "different RSF methodologies"),
        ({"since": "abc"}, "There is no edition"),
        ({"to": "1999"}, "There is no edition"),
    ],
)
def test_a_span_that_cannot_be_compared_gets_a_note(params, note):
    at = page(**params)
    assert not at.exception
    assert any(note in element.value for element in at.info)
    assert html_tables(at)  # the default span is shown instead


def test_the_first_edition_of_a_method_has_nothing_to_compare_with():
    at = page(to="2022")
    assert not at.exception
    assert any("first edition of its RSF methodology" in e.value for e in at.info)
    assert at.header[-1].value  # the rest of the page is still drawn ("Explore")


def test_changing_the_end_edition_keeps_the_start_within_its_era():
    at = page()
    at.selectbox(key="to").set_value(2021).run()
    assert not at.exception
    assert at.selectbox(key="since").value == 2020
    assert at.header[0].value == "Largest moves since 2020"
    at.selectbox(key="to").set_value(2022).run()  # the first of its method
    assert not at.exception
    assert any("first edition" in e.value for e in at.info)
