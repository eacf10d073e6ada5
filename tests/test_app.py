"""The dashboard pages run headless (Streamlit AppTest) and honour URL state."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.navigation import PAGES
from etl import store
from tests.conftest import ROOT, html_tables, needs_built

TIMEOUT = 60
NOT_BUILT = "is not on this installation"


def page(script: str, **params) -> AppTest:
    """Run the app through its entry point (so navigation exists), on the page `script`."""
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # AppTest can switch pages only once navigation has been declared
    return at.switch_page(script).run()


def chart_titles(at: AppTest) -> list[str]:
    """The charts' titles as they read (unwrapped: the style breaks them for the width)."""
    import json

    from dashboard.charts import style

    return [
        style.plain(json.loads(c.proto.spec)["layout"]["title"]["text"])
        for c in at.get("plotly_chart")
    ]


@pytest.mark.parametrize("spec", PAGES, ids=[p.title for p in PAGES])
def test_every_page_runs_without_exception(spec):
    at = page(spec.script)
    assert not at.exception
    if at.error and NOT_BUILT in at.error[0].value:
        pytest.skip("the page's data is not redistributed and not built here")
    assert at.title or (spec.hidden and at.get("plotly_chart"))
    # no link icon after a page's title: invisible until hovered, it still took its place
    # and pushed a title that fits a phone's line onto a second one ("Data & downloads")
    assert all(title.proto.hide_anchor for title in at.title)


def test_app_entry_point_runs_with_navigation():
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "Press Freedom Dashboard"


def test_map_opens_the_edition_in_the_url():
    at = page("views/world_map.py", edition="2010")
    assert at.selectbox(key="edition").value == 2010
    assert chart_titles(at) == ["World Press Freedom Index 2010"]
    unmapped = html_tables(at)[0]
    assert "Kosovo" in unmapped.to_string()  # listed, since the map cannot draw it


def test_map_lists_unmapped_entities_and_offline_geometry_config():
    at = page("views/world_map.py", edition="2026")
    chart = at.get("plotly_chart")[0]
    assert "/app/static/topojson/" in chart.proto.config


def test_country_from_url_and_its_summary():
    at = page("views/country.py", country="TUR")
    assert at.selectbox(key="country").value == "TUR"
    assert chart_titles(at)[0].startswith("Türkiye")
    assert any("Türkiye" in m.value for m in at.markdown)


def test_compare_countries_and_measure_from_url():
    at = page("views/compare.py", countries="AZE,RUS", measure="safety")
    assert at.multiselect(key="countries").value == ["AZE", "RUS"]
    assert at.selectbox(key="measure").value == "safety"
    assert at.query_params["countries"] == "AZE,RUS"


def test_rankings_edition_and_search_from_url():
    at = page("views/rankings.py", edition="2008", q="azer")
    table = at.dataframe[0].value
    assert list(table["Country"]) == ["Azerbaijan"]
    assert table["Rank"].iloc[0] == 150


HOSTILE = [
    "1999",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u202e\x00evil",
    "x" * 20_000,
    ",".join(["ZZZ"] * 10_000),
]


@pytest.mark.parametrize("value", HOSTILE, ids=["year", "script", "sql", "control", "long", "list"])
@pytest.mark.parametrize("script", [p.script for p in PAGES])
def test_hostile_parameters_give_a_note_not_a_crash(script, value):
    keys = (
        "edition",
        "country",
        "countries",
        "measure",
        "region",
        "q",
        "metric",
        "status",
        "charge",
        "role",
        "from",
        "to",
        "census",
        "case",
        "dataset",
        "chart",
        "section",
        "year",
    )
    at = page(script, **dict.fromkeys(keys, value))
    assert not at.exception
    for element in [*at.info, *at.markdown, *at.caption]:
        assert "<script>" not in element.value  # echoed input is escaped or dropped


def test_missing_dataset_gives_an_error_naming_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path)
    st.cache_data.clear()
    try:
        at = page("views/world_map.py")
        assert not at.exception
        assert "rsf_index.csv" in at.error[0].value and "make datasets" in at.error[0].value
    finally:
        st.cache_data.clear()


def test_corrupt_dataset_gives_an_error_naming_the_file(tmp_path, monkeypatch):
    (tmp_path / "rsf_index.csv").write_bytes(b"\x00\xff garbage\n,,,\n")
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path)
    st.cache_data.clear()
    try:
        at = page("views/country.py")
        assert not at.exception
        assert "rsf_index.csv" in at.error[0].value
    finally:
        st.cache_data.clear()


def test_profile_puts_every_source_side_by_side():
    at = page("views/country.py", country="RUS", section="All sources")
    assert not at.exception
    titles = chart_titles(at)
    assert "Russia: every source side by side" in titles
    summary = " ".join(m.value for m in at.markdown)
    assert "measures from" in summary and "percentile" in summary
    standings = at.dataframe[-1].value
    assert {
        "Political Terror Scale from Amnesty reports (1–5)",
        "V-Dem: harassment of journalists",
    } <= set(standings["Measure"])


@needs_built()
def test_profile_of_an_entity_only_cpj_records():
    at = page("views/country.py", country="XIP", section="CPJ records")
    assert not at.exception
    assert any("not ranked in RSF" in i.value for i in at.info)
    assert chart_titles(at) == [
        "Israel and the Occupied Palestinian Territory: journalists imprisoned and killed"
    ]


@needs_built()
def test_profile_runs_and_draws_only_the_open_section():
    """Changing country redraws one section: the others' charts are not even built."""
    expected = {
        None: ["Türkiye: rank in the World Press Freedom Index"],
        "CPJ records": ["Türkiye: journalists imprisoned and killed"],
        "All sources": ["Türkiye: every source side by side"],
    }
    for section, titles in expected.items():
        params = {"country": "TUR"} | ({"section": section} if section else {})
        at = page("views/country.py", **params)
        assert not at.exception
        assert [t.label for t in at.tabs] == ["RSF index", "CPJ records", "All sources"]
        assert chart_titles(at)[: len(titles)] == titles
        assert len(chart_titles(at)) == {None: 1, "CPJ records": 1, "All sources": 1}[section]


def test_profile_ignores_an_unknown_section():
    at = page("views/country.py", country="TUR", section="<script>alert(1)</script>")
    assert not at.exception
    assert chart_titles(at)[0] == "Türkiye: rank in the World Press Freedom Index"


@needs_built()
def test_sources_compared_page_shows_both_counts_and_reasons():
    at = page("views/compared.py", edition="2021")
    assert not at.exception
    table = html_tables(at)[0]
    assert table.loc["China", "RSF (round-up, where published)"] == "127"
    assert table.loc["China", "CPJ (1 December census)"] == "49"
    assert "None" not in set(table.stack())
    assert any("World: CPJ 305 · RSF 488" in c.value for c in at.caption)
    assert any("Reference date" in m.value for m in at.markdown)


@needs_built()
def test_sources_compared_opens_on_the_latest_year_both_sources_cover():
    """RSF's round-ups run to 2024, CPJ's census to 2023: 2023, with no blank column."""
    at = page("views/compared.py")
    assert not at.exception
    assert at.select_slider[0].value == 2023
    table = html_tables(at)[0]
    assert "no census" not in set(table["CPJ (1 December census)"])
    assert "not published" in set(table["RSF (round-up, where published)"])


@needs_built()
def test_cpj_download_is_withheld_until_terms_are_cleared():
    at = page("views/cases.py", country="AZE")
    button = at.get("download_button")[0]
    assert button.proto.disabled
    assert any("terms are cleared" in c.value for c in at.caption)


@needs_built()
@pytest.mark.parametrize("metric", ["pts_a", "fh_status", "vdem_harassment", "imprisoned"])
def test_map_measures(metric):
    at = page("views/world_map.py", metric=metric)
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1


@needs_built()
def test_embed_url_renders_the_chart_alone():
    at = page("views/embed.py", chart="map", metric="imprisoned", edition="2022", embed="true")
    assert not at.exception
    assert chart_titles(at) == ["Journalists imprisoned on 1 December (CPJ census), 2022"]
    assert not at.title and not at.markdown and not at.get("download_button")
    at = page("views/embed.py", chart="rank", country="UKR")
    assert chart_titles(at)[0].startswith("Ukraine")


@pytest.mark.parametrize("script", [p.script for p in PAGES])
def test_every_page_explains_a_missing_dataset(script, tmp_path, monkeypatch):
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path)
    st.cache_data.clear()
    try:
        at = page(script)
        assert not at.exception
        assert at.error
        assert "is missing" in at.error[0].value or NOT_BUILT in at.error[0].value
    finally:
        st.cache_data.clear()


def test_snapshot_and_embed_controls_are_built_when_opened(tmp_path, monkeypatch):
    """Closed popovers cost nothing; opened, they offer the images, alt text and embed code
    (here with no baked site: the live embed; tests/test_site.py has the static one)."""
    from dashboard import embeds

    monkeypatch.setattr(embeds, "SITE_DIR", tmp_path)
    at = page("views/world_map.py", edition="2026")
    assert [b.proto.label for b in at.get("download_button")] == ["Data behind this view"]
    # closed: no alt text, no embed code; only the data API's address of the map's rows
    api = "http://localhost:8501/data/rsf_index.csv?year=2026&columns=iso3,country,year,rank,score,situation"
    assert not at.text_area and not at.code and any(f"<{api}>" in c.value for c in at.caption)
    at.session_state["map-snapshot"] = True
    at.session_state["map-embed"] = True
    at.run()
    assert not at.exception
    assert {"PNG", "SVG", "PDF (print)", "HTML"} <= {
        b.proto.label for b in at.get("download_button")
    }
    assert "Best placed: Norway (92.72)" in at.text_area[0].value
    assert "chart=map&metric=rsf&edition=2026&embed=true" in at.code[0].value
    assert at.code[1].value.startswith("<iframe")


@pytest.fixture
def installation_without_withheld_data(tmp_path, monkeypatch):
    """A fresh clone that could not build the datasets it does not redistribute (offline,
    no mirror): only the committed datasets are there."""
    import shutil

    from etl import registry

    withheld = [d.filename for d in registry.withheld()]
    shutil.copytree(
        store.DATASETS_DIR, tmp_path / "datasets", ignore=shutil.ignore_patterns(*withheld)
    )
    monkeypatch.setattr(store, "DATASETS_DIR", tmp_path / "datasets")
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("spec", PAGES, ids=[p.title for p in PAGES])
def test_pages_explain_withheld_data_not_built_here(spec, installation_without_withheld_data):
    at = page(spec.script)
    assert not at.exception
    messages = [m.value for m in (*at.error, *at.info)]
    assert not any("is missing" in m for m in messages)  # never blamed on a broken install


def test_profile_shows_rsf_and_explains_the_sources_it_lacks(installation_without_withheld_data):
    at = page("views/country.py", country="AZE", section="All sources")
    assert not at.exception
    assert chart_titles(at)[0].startswith("Azerbaijan")
    assert any(NOT_BUILT in i.value and "make datasets" in i.value for i in at.info)
    at = page("views/country.py", country="AZE", section="CPJ records")
    assert any(
        "Committee to Protect Journalists" in i.value and NOT_BUILT in i.value for i in at.info
    )


def test_cases_page_explains_why_cpj_records_are_absent(installation_without_withheld_data):
    at = page("views/cases.py")
    assert not at.exception
    assert NOT_BUILT in at.error[0].value and "terms do not let this project" in at.error[0].value


def test_an_empty_ranking_says_why_and_where_the_search_matches():
    """The README's own example: Azerbaijan is not in RSF's Africa region."""
    at = page("views/rankings.py", edition="2024", q="azer", region="Africa")
    assert not at.exception
    [note] = at.info
    assert "Search country: azer; Region: Africa" in note.value
    assert "finds Azerbaijan (Eastern Europe & Central Asia) in other regions" in note.value


@needs_built()
def test_an_empty_case_list_says_which_filters_to_widen():
    at = page("views/cases.py", q="no such name anywhere", country="AZE")
    assert not at.exception
    assert "Search: no such name anywhere; Country: Azerbaijan" in at.info[0].value


def key_figures(at: AppTest) -> tuple[str, dict[str, int], list[str]]:
    """The front page's headline numbers (tables.key_figures): (their caption, term →
    number, the notes under the numbers in order)."""
    import html
    import re

    figures = next(e.value for e in at.html if e.value.startswith("<figure"))
    caption = html.unescape(re.search(r"<figcaption>(.*?)</figcaption>", figures).group(1))
    found = re.findall(r"<dt>(.*?)</dt><dd>(\d+)</dd>", figures)
    notes = re.findall(r'<dd class="note">(.*?)</dd>', figures)
    return (
        caption,
        {html.unescape(term): int(number) for term, number in found},
        [html.unescape(note) for note in notes],
    )


@pytest.mark.parametrize(
    ("lang", "caption", "first"),
    [
        ("en", "Entities in each of RSF's situation bands, 2026 edition", "Good"),
        (
            "fr",
            "Pays et territoires dans chaque catégorie de situation de RSF, édition 2026",
            "Bonne",
        ),
    ],
)
def test_the_front_pages_figures_count_the_latest_edition_by_band(lang, caption, first):
    """Five numbers, best band first, that add up to the latest edition's entities; one
    caption names what they count (where five help icons did, which a phone cannot hover)."""
    import pandas as pd

    from etl.sources.rsf_index import methodology as rsf
    from tests.conftest import DATASETS

    index = pd.read_csv(DATASETS / "rsf_index.csv")
    latest = index[index["year"] == index["year"].max()]
    named, figures, _notes = key_figures(page("views/overview.py", lang=lang))
    assert named == caption
    assert list(figures)[0] == first and len(figures) == len(rsf.SITUATIONS)
    counts = latest["situation"].value_counts()
    assert list(figures.values()) == [int(counts.get(band, 0)) for band in rsf.SITUATIONS]
    assert sum(figures.values()) == len(latest) == 180  # RSF ranks 180 entities


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("{} more than in 2025", "{} fewer than in 2025", "as many as in 2025")),
        (
            "ru",
            (
                "на {} больше, чем в 2025 году",
                "на {} меньше, чем в 2025 году",
                "столько же, сколько в 2025 году",
            ),
        ),
    ],
)
def test_each_figure_says_how_its_band_moved_since_the_edition_before(lang, words):
    """2026 against 2025 (one methodology era), in words: counted from the dataset."""
    import pandas as pd

    from etl.sources.rsf_index import methodology as rsf
    from tests.conftest import DATASETS

    index = pd.read_csv(DATASETS / "rsf_index.csv")
    counts = index[index["year"].isin([2025, 2026])].groupby(["year", "situation"]).size()
    more, fewer, same = words
    expected = []
    for band in rsf.SITUATIONS:
        moved = counts.get((2026, band), 0) - counts.get((2025, band), 0)
        expected.append((more if moved > 0 else fewer).format(abs(moved)) if moved else same)
    *_, notes = key_figures(page("views/overview.py", lang=lang))
    assert notes == expected
    assert "4 more than in 2025" in notes or lang != "en"  # "difficult": 48 → 52


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_front_pages_links_open_their_pages(lang):
    """The Explore links (given the menu's st.Page, navigation.link) go to the pages they
    name, as the menu registered them, in any language."""
    from dashboard import i18n, navigation

    at = page("views/overview.py", lang=lang)
    links = [link.proto for link in at.get("page_link")]
    specs = (
        navigation.WORLD_MAP,
        navigation.COUNTRY,
        navigation.CASES,
        navigation.COMPARED,
        navigation.DATA,
    )
    tr = i18n.translator(lang)
    assert [(link.page, link.label) for link in links] == [
        (spec.url_path, tr.gettext(spec.title)) for spec in specs
    ]
    assert len({link.page_script_hash for link in links}) == len(specs)
    assert all(link.page_script_hash for link in links)


def test_a_charts_note_and_its_source_are_one_caption():
    """What to keep in mind reading the chart, then who published the data: one element."""
    last = page("views/overview.py").caption[-1].value
    note, source = last.split("\n\n")
    assert note.startswith("The 2022 methodology: a 0–100 score")
    assert source.startswith("Source: RSF, World Press Freedom Index. Licence:")
    last = page("views/compare.py", countries="AZE,TUR", measure="rank").caption[-1].value
    assert last.startswith("Ranks span every edition, but the number of ranked entities grew")
    assert last.endswith("[Source](https://rsf.org/en/index)")


def test_year_controls_show_their_range_and_movers_link_to_profiles():
    at = page("views/world_map.py")
    assert at.selectbox(key="edition").label == "Edition (2002–2026)"
    at = page("views/overview.py")
    fell = html_tables(at)[0]
    links = r"\[Open profile\]\(/country\?country=[A-Z]{3}\)"
    assert len(fell) == 5 and set(fell["Profile"].str.fullmatch(links)) == {True}


@needs_built()
def test_cpj_counts_say_how_far_they_run_and_what_imprisoned_means():
    expected = (
        "Imprisoned means held on 1 December of that year, not necessarily still held. "
        "CPJ's country counts here run 1992–2023; the lists of the people counted, 1992–2019."
    )
    for view, params in (
        ("views/world_map.py", {"metric": "imprisoned"}),
        ("views/country.py", {"country": "AZE", "section": "CPJ records"}),
        ("views/cases.py", {"census": "2019"}),
    ):
        at = page(view, **params)
        assert not at.exception
        assert expected in [c.value for c in at.caption], view
