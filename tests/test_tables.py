"""Tables as readers see them (dashboard/tables.py)."""

import pandas as pd

from dashboard import tables
from dashboard.text import md_escape


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


def test_a_small_table_is_one_markdown_table_with_its_numbers_on_the_right():
    """The front page's moves and the map's unmapped entities are markdown tables (drawn
    with the page's text): the index first, numbers right-aligned, written in the language."""
    from dashboard import cached

    fell, _rose, _every = cached.moves_between(2025, 2026, "fr", False)
    lines = tables.as_markdown(fell).splitlines()
    assert lines[0] == "| Pays | Rang 2026 | Places | Évolution du score | Fiche |"
    assert lines[1] == "| --- | ---: | ---: | ---: | --- |"
    assert lines[2] == "| Niger | 120 | -37 | -11,03 | [Ouvrir la fiche](/country?country=NER) |"
    assert len(lines) == 2 + 5
    assert tables.as_markdown(fell) is tables.as_markdown(fell)  # once per cached table


def test_a_markdown_tables_cells_stay_in_their_columns():
    frame = pd.DataFrame(
        {"name": [md_escape("A | B"), "two\nlines"], "note": [None, "x"]}
    ).set_index("name")
    lines = tables.as_markdown(frame).splitlines()
    assert lines[2] == r"| A \| B | – |"
    assert lines[3] == "| two lines | x |"


def test_a_grids_table_is_filled_once_and_not_kept_alive():
    """The Cases page's selections are cached (at most 32) and shown on many runs: filled
    once each, and dropped with them, with or without empty cells."""
    import gc
    import weakref

    import pyarrow as pa

    for values in (["a", None], ["a", "b"]):
        table = pa.table({"name": values})
        shown = tables.with_blanks(table)
        assert shown.column("name").to_pylist() == [v or tables.BLANK for v in values]
        assert tables.with_blanks(table) is shown
        gone = weakref.ref(table)
        del table, shown
        gc.collect()
        assert gone() is None
