"""Every download the app offers: the rows shown, parsed back; withheld where terms are
unverified; formula-like cells neutralised."""

import io

import pandas as pd
import pytest
import streamlit as st

from etl import store
from tests.conftest import needs_built
from tests.test_app import page


@pytest.fixture
def captured(monkeypatch):
    """Record every st.download_button call made while pages run."""
    calls = []
    original = st.download_button

    def recording(label, data=None, file_name=None, *args, **kwargs):
        # lazy CSVs are built on click: build them here (images are left unrendered)
        built = data() if callable(data) and str(file_name).endswith(".csv") else data
        calls.append(
            {
                "label": label,
                "data": built,
                "file_name": file_name,
                "disabled": kwargs.get("disabled", False),
            }
        )
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return calls


def parse(data: bytes) -> tuple[list[str], pd.DataFrame]:
    text = data.decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    return header, pd.read_csv(
        io.StringIO(text), skiprows=len(header), dtype=str, keep_default_na=False
    )


def test_rankings_download_is_exactly_the_table_shown(captured):
    at = page("views/rankings.py", edition="2024", q="ia", region="Africa")
    shown = at.dataframe[0].value
    call = next(c for c in captured if c["file_name"] == "rsf_ranking_2024.csv")
    header, back = parse(call["data"])
    assert list(back.columns) == [c for c in shown.columns if c != "Profile"]
    assert list(back["Country"]) == list(shown["Country"])
    assert len(back) == len(shown) > 0
    assert header[0].startswith("# Source: Source: RSF") or "RSF" in header[0]
    assert any("View:" in line and "edition=2024" in line and "q=ia" in line for line in header)


@needs_built()
def test_every_chart_on_the_map_and_profile_offers_its_data(captured):
    page("views/world_map.py", edition="2026")
    map_call = next(c for c in captured if c["file_name"] == "map.csv")
    _, back = parse(map_call["data"])
    assert len(back) == 180 and {"iso3", "rank", "score"} <= set(back.columns)
    assert back.set_index("iso3").loc["AZE", "rank"] == "171"
    captured.clear()
    for chart in ("rank", "score", "indicators"):  # the RSF section draws one at a time
        page("views/country.py", country="AZE", chart=chart)
    for section in ("CPJ records", "All sources"):
        page("views/country.py", country="AZE", section=section)
    names = {c["file_name"] for c in captured}
    assert {"rank.csv", "score.csv", "indicators.csv", "cpj.csv", "sources.csv"} <= names
    _, rank = parse(next(c for c in captured if c["file_name"] == "rank.csv")["data"])
    # one point per edition drawn, then the three dated arrests marked on it (documented cases)
    assert (rank["rank"] != "").sum() == 24 and len(rank) == 27
    assert rank["event_date"][rank["event_date"] != ""].tolist() == [
        "2023-09",
        "2025-05-06",
        "2025-05-07",
    ]


@needs_built()
def test_views_built_on_unverified_terms_are_withheld(captured):
    page("views/cases.py", country="AZE")
    cases = next(c for c in captured if c["file_name"] == "cpj_cases_filtered.csv")
    assert cases["disabled"] and cases["data"] == b""
    captured.clear()
    for section in ("RSF index", "CPJ records"):
        page("views/country.py", country="AZE", section=section)
    by_name = {c["file_name"]: c for c in captured}
    assert by_name["cpj.csv"]["disabled"]
    assert not by_name["rank.csv"]["disabled"]


def test_dataset_page_download_and_formula_neutralisation(captured, tmp_path, monkeypatch):
    page("views/datasets.py", dataset="rsf_index")
    call = next(c for c in captured if c["file_name"] == "rsf_index.csv")
    _, back = parse(call["data"])
    assert len(back) == 4200

    import shutil

    for file in store.DATASETS_DIR.glob("*.csv"):
        shutil.copy(file, tmp_path / file.name)
    for file in store.DATASETS_DIR.glob("*.json"):
        shutil.copy(file, tmp_path / file.name)
    index = pd.read_csv(tmp_path / "rsf_index.csv", dtype=str, keep_default_na=False)
    index.loc[index.iso3 == "AZE", "country"] = '=HYPERLINK("http://x","y")'
    index.to_csv(tmp_path / "rsf_index.csv", index=False, lineterminator="\n")
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path)
    st.cache_data.clear()
    captured.clear()
    try:
        page("views/rankings.py", edition="2026", q="hyperlink")
        _, back = parse(
            next(c for c in captured if c["file_name"].startswith("rsf_ranking"))["data"]
        )
        assert back["Country"].tolist() == ['\'=HYPERLINK("http://x","y")']
    finally:
        st.cache_data.clear()
