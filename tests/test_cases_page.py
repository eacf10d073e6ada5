"""The Cases page: filters and URL state, case detail, census list, escaping of data text."""

import shutil

import pandas as pd
import pytest
import streamlit as st

from dashboard.text import md_escape
from etl import store
from tests.conftest import DATASETS, needs_built
from tests.test_app import page

pytestmark = needs_built("cpj_cases", "cpj_census_people")

CASES = "views/cases.py"


def test_filters_come_from_the_url_and_go_back_into_it():
    at = page(CASES, country="AZE", status="imprisoned", charge="retaliatory", **{"from": "2017"})
    assert not at.exception
    assert at.multiselect(key="country").value == ["AZE"]
    assert at.multiselect(key="status").value == ["imprisoned"]
    assert at.slider(key="years").value[0] == 2017
    table = at.dataframe[0].value
    assert len(table) > 0
    assert set(table["Country"]) == {"Azerbaijan"}
    assert table["Charges"].str.contains("retaliatory").all()
    assert at.query_params["charge"] == "retaliatory"


def test_search_by_outlet_and_name():
    at = page(CASES, q="meydan tv")
    names = set(at.dataframe[0].value["Name"])
    assert "Afgan Mukhtarli" in names


def test_case_detail_from_url_shows_every_field_and_links():
    at = page(CASES, case="afgan-mukhtarli:imprisoned:2017-05-29")
    assert not at.exception
    detail = at.table[0].value
    fields = dict(zip(detail["field"], detail["value"], strict=True))
    assert fields["Census years"] == "2017; 2018; 2019"
    assert fields["Charge categories"] == "retaliatory"
    # every cell of st.table is markdown: the address is shown as text, the link is a button
    assert fields["CPJ profile"] == md_escape("https://cpj.org/data/people/afgan-mukhtarli/")


def test_census_drill_through_lists_the_people_counted():
    at = page(CASES, country="AZE", census="2016")
    census = store.read_dataset("cpj_census", DATASETS)
    expected = census[
        (census.iso3 == "AZE") & (census.year == 2016) & (census.source == "cpj-person-years-2020")
    ]["imprisoned"].item()
    people = at.dataframe[0].value  # the census list comes first when asked for
    assert len(people) == expected == 6


def test_a_census_year_without_a_list_is_named_as_a_census_year():
    at = page(CASES, census="1990")
    assert not at.exception
    notes = [i.value for i in at.info]
    assert md_escape("There is no census year '1990'. Census years: 1992–2019.") in notes
    assert not any("edition" in note for note in notes)


def test_killed_drill_through_link_matches_the_count():
    at = page("views/country.py", country="MEX", section="CPJ records")
    links = [link for link in at.get("page_link") if link.proto.label.startswith("See the ")]
    links = [link for link in links if "case" in link.proto.label]
    assert links, "the profile offers a link from the killed count to its cases"
    metric = [m for m in at.metric if m.label.startswith("Killed in")][0]
    params = dict(p.split("=") for p in links[0].proto.query_string.split("&"))
    cases = page(CASES, **params)
    assert len(cases.dataframe[0].value) == int(metric.value)


@pytest.mark.parametrize(
    "name",
    ['<img src=x onerror="alert(1)">', "**bold** [link](http://x)", '=HYPERLINK("http://x")'],
)
def test_names_from_data_are_shown_as_text(tmp_path, monkeypatch, name):
    for file in DATASETS.glob("*.csv"):
        shutil.copy(file, tmp_path / file.name)
    cases = pd.read_csv(tmp_path / "cpj_cases.csv", dtype=str, keep_default_na=False)
    cases.loc[cases.case_id == "afgan-mukhtarli:imprisoned:2017-05-29", "name"] = name
    cases.to_csv(tmp_path / "cpj_cases.csv", index=False, lineterminator="\n")
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path)
    st.cache_data.clear()
    try:
        at = page(CASES, case="afgan-mukhtarli:imprisoned:2017-05-29")
        assert not at.exception
        heading = at.header[0].value
        assert heading == md_escape(name)  # every markdown/HTML character escaped
        assert "\\<img" in heading or "<" not in name
    finally:
        st.cache_data.clear()


def test_downloaded_csv_is_the_table_shown_and_neutralised():
    from dashboard.downloads import safe_csv

    frame = pd.DataFrame(
        {"Name": ["=cmd|' /C calc'!A0", "Ana", "-5", "@SUM(1)"], "n": [1, 2, 3, 4]}
    )
    back = pd.read_csv(pd.io.common.BytesIO(safe_csv(frame)), dtype=str)
    assert list(back["Name"]) == ["'=cmd|' /C calc'!A0", "Ana", "-5", "'@SUM(1)"]
    assert list(back["n"]) == ["1", "2", "3", "4"]


def test_only_the_open_section_runs_and_the_url_names_it():
    """A reader filtering CPJ's records does not wait for the documented cases to be laid
    out again; opening them (the tab, in the reader's language) puts the section's
    identifier in the URL, and a link with it opens there."""
    at = page(CASES, lang="fr", status="killed")
    assert not at.exception
    assert len(at.dataframe) == 1 and not at.expander  # the records; no documented case
    at.session_state["section-fr"] = "Cas documentés (autres sources)"
    at.run()
    assert not at.exception
    assert at.query_params["section"] == "Documented cases"
    assert not at.dataframe and len(at.expander) > 10  # the cases, then Amnesty's people
    assert at.query_params["status"] == "killed"  # the filters stay in the link
    reopened = page(CASES, section="Documented cases")
    assert not reopened.dataframe and len(reopened.expander) == len(at.expander)
    at.session_state["section-fr"] = "Fiches du CPJ"
    at.run()
    assert "section" not in at.query_params and len(at.dataframe) == 1


def test_a_filters_rows_are_selected_once_and_shared_by_its_readers():
    from dashboard import case_filter

    killed = case_filter.CaseFilter(statuses=("killed",))
    table = case_filter.selected("fr", killed, case_filter.TABLE_COLUMNS)
    assert case_filter.selected("fr", killed, case_filter.TABLE_COLUMNS) is table
    cases, _listed = case_filter.listing("fr")
    assert table.num_rows == (cases["status"] == "killed").sum() > 1000
    assert set(table.column("status").to_pylist()) == {"tués"}  # CPJ's status, in French


def test_a_missing_value_reads_as_a_dash_in_the_grid_and_stays_empty_in_the_csv():
    """The grid printed CPJ's missing charges as "None", in English on every page; the rows
    the download writes keep them empty, as CPJ's records have them."""
    from dashboard import case_filter

    at = page(CASES, lang="fr", q="Abbas al-Dailami")
    assert not at.exception
    grid = at.dataframe[0].value.set_index("Nom")
    shown = grid.loc["Abbas al-Dailami"]
    assert shown["Chefs d’accusation"] == "–"  # CPJ records no charge for him
    assert shown["Statut"] == "tués" and shown["Pays"] == "Yémen"
    assert grid.notna().all().all()
    # the same filter's rows, as the page hands them to the download
    wanted = case_filter.CaseFilter(query="Abbas al-Dailami")
    rows = case_filter.selected("fr", wanted, case_filter.TABLE_COLUMNS).to_pandas()
    assert rows["name"].tolist() == grid.index.tolist()
    assert rows["charge_categories"].isna().all()


def test_the_grid_is_sent_compact_with_the_same_text():
    import pyarrow as pa

    from dashboard import case_filter

    cases, table = case_filter.listing("en")
    for column in case_filter.TABLE_COLUMNS:  # row for row, the records' text
        assert (
            table.column(column).to_pylist()
            == cases[column].astype(object).where(cases[column].notna(), None).tolist()
        )
    kinds = {field.name: field.type for field in table.schema}
    assert pa.types.is_dictionary(kinds["country_cpj"]) and pa.types.is_dictionary(kinds["status"])
    assert kinds["case_id"] == kinds["name"] == pa.string()  # one value a row: left as text


def test_the_grid_leaves_out_the_case_ids_and_a_selected_row_opens_its_case():
    """The grid is sent without its case ids (a third of its bytes); a row the reader selects
    is looked up, row for row, in the table the CSV is written from, which keeps them."""
    from dashboard import case_filter

    at = page(CASES, status="missing")
    grid = at.dataframe[0].value
    assert "Case id" not in grid.columns and "Name" in grid.columns
    missing = case_filter.CaseFilter(statuses=("missing",))
    whole = case_filter.selected("en", missing, case_filter.TABLE_COLUMNS)
    shown = case_filter.in_grid("en", missing, case_filter.TABLE_COLUMNS)
    assert shown.column_names == whole.column_names[:-1] and whole.column_names[-1] == "case_id"
    assert shown.to_pylist() == whole.drop_columns(["case_id"]).to_pylist()
    row = 3
    at.session_state["table"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert at.header[0].value == md_escape(grid["Name"].iloc[row])
    detail = at.table[0].value
    fields = dict(zip(detail["field"], detail["value"], strict=True))
    assert fields["Case id"] == md_escape(whole.column("case_id")[row].as_py())
    assert at.query_params["case"] == whole.column("case_id")[row].as_py()
