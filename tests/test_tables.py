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


def test_a_small_table_is_one_html_table_with_its_numbers_on_the_right():
    """The front page's moves and the map's unmapped entities are HTML tables (drawn at once
    by the browser): the index first, as row headers, numbers right-aligned, written in the
    language, each profile a link."""
    from dashboard import cached

    fell, _rose, _every = cached.moves_between(2025, 2026, "fr", False)
    table = tables.as_html(fell)
    header, first_row = table.split("</tr>")[:2]
    assert header.endswith(
        '<th scope="col">Pays</th><th scope="col" class="number">Rang 2026</th>'
        '<th scope="col" class="number">Places</th>'
        '<th scope="col" class="number">Évolution du score</th><th scope="col">Fiche</th>'
    )
    assert first_row == (
        '</thead><tbody><tr><th scope="row">Niger</th><td class="number">120</td>'
        '<td class="number">-37</td>'
        '<td class="number">-11,03</td>'
        '<td><a href="/country?country=NER">Ouvrir la fiche</a></td>'
    )
    assert table.count("<tr>") == 1 + 5
    assert tables.as_html(fell) is table  # once per cached table


def test_an_html_tables_cells_are_text_whatever_they_hold():
    """Data text is escaped, never markup; a cell keeps to one line; none reads "–"."""
    frame = pd.DataFrame(
        {"name": ["<b>A</b> & B", "two\nlines"], "note": [None, "[x](javascript:alert(1))"]}
    ).set_index("name")
    table = tables.as_html(frame)
    assert '<th scope="row">&lt;b&gt;A&lt;/b&gt; &amp; B</th><td>–</td>' in table
    assert '<th scope="row">two lines</th><td>[x](javascript:alert(1))</td>' in table
    link = tables.as_html(pd.DataFrame({"a": [tables.Link('say "hi"', '/x?a=1&b="2"')]}))
    assert '<a href="/x?a=1&amp;b=&quot;2&quot;">say &quot;hi&quot;</a>' in link
    named = tables.as_html(frame, "Moves <2025> & after")
    assert named.startswith(
        f'<table class="{tables.CLASS}"><caption>Moves &lt;2025&gt; &amp; after</caption><thead>'
    )


def test_key_figures_are_one_description_list_with_their_text_escaped():
    """Each figure a term, its number and a note, in its colour; one caption for all; text
    escaped."""
    figures = tables.key_figures(
        [
            ("Good", 7, "#1a7f8a", ""),
            ("<i>Bad</i> & worse", 42, '#000"><script>', "<b>6</b> more"),
        ],
        "In <2026>",
    )
    assert figures == (
        f'<figure class="{tables.FIGURES_CLASS}"><figcaption>In &lt;2026&gt;</figcaption><dl>'
        '<div style="--swatch:#1a7f8a"><dt>Good</dt><dd>7</dd></div>'
        '<div style="--swatch:#000&quot;&gt;&lt;script&gt;"><dt>&lt;i&gt;Bad&lt;/i&gt; &amp; '
        'worse</dt><dd>42</dd><dd class="note">&lt;b&gt;6&lt;/b&gt; more</dd></div></dl></figure>'
    )


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
