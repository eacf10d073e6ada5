"""Tables as readers see them (dashboard/tables.py)."""

import pandas as pd

from dashboard import tables


def test_readable_tables_have_headers_names_and_no_none():
    frame = pd.DataFrame(
        {
            "name": ["A. Person", None],
            "iso3": ["GBR", "AZE"],
            "charges": [pd.NA, "Anti-state"],
            "year": [2020, 2021],
            "extra": [1, 2],
        }
    )
    shown = tables.readable(
        frame,
        {"name": "Name", "iso3": "Country", "charges": "Charges", "year": "Year"},
        {"GBR": "United Kingdom", "AZE": "Azerbaijan"},
    )
    assert list(shown.columns) == ["Name", "Country", "Charges", "Year"]
    assert list(shown["Country"]) == ["United Kingdom", "Azerbaijan"]
    text = shown.astype(str).to_string()
    assert "None" not in text and "<NA>" not in text and "nan" not in text
    assert shown["Year"].dtype.kind == "i"  # numbers stay numbers (sortable)


def test_name_columns_are_wide_enough_for_the_longest_name():
    frame = pd.DataFrame({"Country": ["Niger", "United Kingdom"], "Rank": [1, 2]})
    config = tables.column_config(frame)
    assert set(config) == {"Country"}
    width = config["Country"]["width"]
    assert width >= tables.CHAR_PX * len("United Kingdom")
    many = pd.DataFrame({"Country": ["x" * 200]})
    assert tables.column_config(many)["Country"]["width"] == tables.WIDE_COLUMNS["Country"]
