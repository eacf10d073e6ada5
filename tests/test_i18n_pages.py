"""Rankings, Compare, Sources compared and Data & downloads in every language (issue 18):
their headings, control labels, table headers, chart titles and legends, notes and
downloads read in the page's language, and none of the English a reader sees in English is
left in another language, except data values and words a language writes the same way."""

from __future__ import annotations

import html
import io
import json

import pandas as pd
import pytest
import streamlit as st
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from tests.conftest import ROOT, html_tables, needs_built

LANGUAGES = i18n.languages()
TRANSLATED = LANGUAGES[1:]
TIMEOUT = 90


def page(script: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(script).run()


def _chart_texts(at: AppTest) -> dict[str, list[str]]:
    """What the charts say in words: titles, axis titles and legend entries."""
    from dashboard.charts import style

    titles, axes, legends = [], [], []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec["layout"]
        titles.append(style.plain(layout["title"]["text"]))
        if layout["title"].get("subtitle", {}).get("text"):
            titles.append(style.plain(layout["title"]["subtitle"]["text"]))
        for key, axis in layout.items():
            if key.startswith(("xaxis", "yaxis")) and (axis.get("title") or {}).get("text"):
                axes.append(style.plain(axis["title"]["text"]))
        legends += [trace["name"] for trace in spec["data"] if trace.get("showlegend", True)]
    return {"chart titles": titles, "axis titles": axes, "legend": legends}


def shown(at: AppTest) -> dict[str, list[str]]:
    """The words of a page a reader reads as the interface (not its data cells)."""
    widgets = [*at.selectbox, *at.multiselect, *at.text_input, *at.select_slider]
    return {
        "headings": [e.value for e in (*at.title, *at.header, *at.subheader)],
        "labels": [w.label for w in widgets if w.key != i18n.PARAM],
        "table headers": [
            str(column)
            for frame in (*at.dataframe, *at.table)
            for column in frame.value.reset_index().columns
            if column != "index"
        ],
        "notes": [e.value for e in (*at.info, *at.warning)],
        "buttons": [b.proto.label for b in at.get("download_button")],
        **_chart_texts(at),
    }


def _same_in(lang: str) -> set[str]:
    """Words a language writes as English does ("Score" in French, "Amnesty" in Russian),
    from its catalogue, and the places' names in it (CLDR's)."""
    with i18n.catalogue_path(lang).open("rb") as po:
        catalogue = read_po(po, locale=lang)
    same = {m.string for m in catalogue if m.id and m.string == m.id}
    from etl.countries import entities

    return same | {i18n.country_name(code, lang) for code in entities().index}


def assert_translated(english: dict[str, list[str]], other: dict[str, list[str]], lang: str):
    allowed = _same_in(lang)
    for kind, words in english.items():
        left = (set(words) & set(other[kind])) - allowed
        assert not left, f"{lang}: English {kind} left: {sorted(left)[:5]}"
        assert len(other[kind]) == len(words), (lang, kind, other[kind], words)


PAGES = {
    "rankings": ("views/rankings.py", {"edition": "2026"}),
    "rankings, nothing matches": (
        "views/rankings.py",
        {"edition": "2024", "q": "azer", "region": "Africa"},
    ),
    "rankings, a bad edition": ("views/rankings.py", {"edition": "1999"}),
    "compare": ("views/compare.py", {"countries": "AZE,TUR,ZZZ"}),
    "compare by era": ("views/compare.py", {"countries": "AZE,RUS", "measure": "safety"}),
    "data & downloads": ("views/datasets.py", {"dataset": "rsf_index"}),
    "data & downloads, an unknown dataset": ("views/datasets.py", {"dataset": "nope"}),
}


@pytest.fixture(scope="module")
def english() -> dict[str, dict[str, list[str]]]:
    runs = {}
    for name, (script, params) in PAGES.items():
        at = page(script, lang="en", **params)
        assert not at.exception, name
        runs[name] = shown(at)
    return runs


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_pages_speak_every_language(lang, english):
    for name, (script, params) in PAGES.items():
        at = page(script, lang=lang, **params)
        assert not at.exception, (lang, name)
        assert_translated(english[name], shown(at), lang)
        assert at.query_params.get(i18n.PARAM) == lang, (lang, name)  # kept in the URL


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rankings_in_the_language(lang):
    tr = i18n.translator(lang)
    _ = tr.gettext
    at = page("views/rankings.py", lang=lang, edition="2026", region="Africa")
    assert not at.exception
    assert at.title[0].value == _("Rankings")
    assert at.selectbox(key="edition").label == _("Edition (%(first)s–%(latest)s)") % {
        "first": 2002,
        "latest": 2026,
    }
    region = at.selectbox(key="region")
    assert region.value == "Africa"  # the URL's value stays the index's own
    assert at.query_params["region"] == "Africa"
    assert region.options[0] == _("All regions")  # as the reader reads them
    assert tr.pgettext("region", "Africa") in region.options
    table = at.dataframe[0].value
    assert list(table.columns)[:5] == [
        _("Rank"),
        _("Country"),
        _("Score"),
        _("Rank change"),
        _("Score change"),
    ]
    assert tr.pgettext("indicator", "Safety of journalists") in table.columns
    assert set(table[_("Region")]) == {tr.pgettext("region", "Africa")}
    assert i18n.country_name("ERI", lang) in set(table[_("Country")])
    assert table[_("Profile")].str.contains("country=ERI").any()


def test_rankings_search_finds_a_country_by_its_name_in_either_language():
    at = page("views/rankings.py", lang="fr", edition="2026", q="Azerbaïdjan")
    assert list(at.dataframe[0].value["Pays"]) == ["Azerbaïdjan"]
    at = page("views/rankings.py", lang="ru", edition="2026", q="azerbaijan")
    assert list(at.dataframe[0].value["Страна"]) == ["Азербайджан"]


@pytest.fixture
def captured(monkeypatch):
    calls = []
    original = st.download_button

    def recording(label, data=None, file_name=None, *args, **kwargs):
        built = data() if callable(data) and str(file_name).endswith(".csv") else data
        calls.append({"label": label, "data": built, "file_name": file_name})
        return original(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return calls


def test_the_ranking_download_has_the_tables_headers_in_the_language(captured):
    at = page("views/rankings.py", lang="es", edition="2024", q="ia", region="Africa")
    shown_table = at.dataframe[0].value
    call = next(c for c in captured if c["file_name"] == "rsf_ranking_2024.csv")
    text = call["data"].decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("# ")]
    back = pd.read_csv(io.StringIO(text), skiprows=len(header))
    assert list(back.columns) == [c for c in shown_table.columns if c != "Ficha"]
    assert {"Puesto", "País", "Región"} <= set(back.columns)
    assert set(back["Región"]) == {"África"}
    assert header[0].startswith("# Fuente: RSF")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compare_in_the_language(lang):
    tr = i18n.translator(lang)
    _ = tr.gettext
    at = page("views/compare.py", lang=lang, countries="AZE,TUR", measure="rank")
    assert not at.exception
    assert at.title[0].value == _("Compare countries")
    assert at.multiselect(key="countries").value == ["AZE", "TUR"]
    assert at.query_params["countries"] == "AZE,TUR"  # codes, whatever the language
    texts = _chart_texts(at)
    measure = tr.pgettext("measure", "Rank (1 = best)")
    assert texts["chart titles"][0] == _("Compared: %(measure)s") % {"measure": measure}
    assert texts["axis titles"] == [measure]
    assert texts["legend"] == sorted(
        [i18n.country_name("AZE", lang), i18n.country_name("TUR", lang)]
    )
    caveat = _(
        "Ranks span every edition, but the number of ranked entities grew from %(first)s "
        "(%(first_year)s) to %(latest)s (%(since)s on), and the method changed in "
        "%(changes)s."
    )
    assert any(c.value.startswith(caveat.split("%(")[0]) for c in at.caption)


def test_the_compare_chart_draws_in_its_language():
    from dashboard.charts import rsf_index, style
    from etl import registry
    from etl.sources.rsf_index import methodology as rsf
    from tests.conftest import DATASETS

    index = rsf.with_changes(pd.read_csv(DATASETS / "rsf_index.csv"))
    shown = index[index["iso3"].isin(["AZE", "TUR"])]
    figure = rsf_index.compare_chart(shown, registry.ON_COMPARE["safety"], "ar")
    assert style.language(figure) == "ar"
    assert style.plain(figure.layout.title.text) == "مقارنة: المؤشر الأمني، منذ 2022 (0–100)"
    assert {t.name for t in figure.data} == {"أذربيجان", "تركيا"}
    assert "المصدر: مراسلون بلا حدود" in figure.layout.annotations[0].text
    assert style.fit(figure).layout.title.xanchor == "right"  # right to left
    english = rsf_index.compare_chart(shown, registry.ON_COMPARE["safety"])
    assert {t.name for t in english.data} == {"Azerbaijan", "Türkiye"}


def test_the_world_totals_chart_draws_in_its_language():
    from dashboard.charts import counts, style

    world = pd.DataFrame(
        {
            "year": [2021, 2022, 2022],
            "source": [counts.DETAINED_SOURCES["rsf"], *counts.DETAINED_SOURCES.values()],
            "value": [488, 533, 1367],
        }
    )
    figure = counts.detained_compared(world, "fr")
    assert style.plain(figure.layout.title.text) == (
        "Journalistes en prison dans le monde\u00a0: RSF et CPJ"
    )
    names = [t.name for t in figure.data if t.showlegend is not False]
    assert names == ["Bilan de RSF (détenus)", "Recensement du CPJ (1er décembre)"]
    assert "non publié" in figure.data[3].text  # CPJ's missing 2021, said in French
    assert "1\u202f367" in figure.data[2].text  # French thousands
    assert figure.layout.separators == ",\u202f"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_data_and_downloads_in_the_language(lang):
    tr = i18n.translator(lang)
    _ = tr.gettext
    at = page("views/datasets.py", lang=lang, dataset="rsf_index")
    assert not at.exception
    assert at.title[0].value == _("Data & downloads")
    title = tr.pgettext("dataset title", "RSF World Press Freedom Index, 2002–2026")
    assert at.header[0].value == title
    assert at.selectbox(key="dataset").value == "rsf_index"
    assert title in at.selectbox(key="dataset").options
    notes = "\n".join(m.value for m in at.markdown)
    note = "There is no 2011 edition: the 2011-12 edition is recorded as 2012."
    assert tr.pgettext("dataset note", note).split(":")[0] in notes.replace("\\", "")
    # the dataset's description and its columns' descriptions, from the metadata
    from etl import registry

    dataset = registry.DATASETS["rsf_index"]
    description = tr.pgettext("dataset description", dataset.description)
    assert any(m.value.replace("\\", "") == description for m in at.markdown)
    columns = at.dataframe[0].value
    assert list(columns[_("description")]) == [
        tr.pgettext("column", c.description) for c in dataset.columns
    ]
    if lang != "en":
        assert columns[_("description")].iloc[0] != dataset.columns[0].description
    assert list(at.dataframe[0].value.columns) == [
        _("column"),
        _("type"),
        _("unit"),
        _("direction"),
        _("description"),
        _("source column"),
    ]


def test_the_data_page_runs_only_its_open_section():
    """A reader going through the datasets waits for the section they read: the columns by
    default; the citation and code, or the integrity counts and changes, when opened (the
    tab, in the reader's language; the URL names the section, a link with it opens there,
    and another dataset keeps it). The licence and the download stay above the sections."""

    def downloads(at):
        return [b.proto.label for b in at.get("download_button")]

    at = page("views/datasets.py", lang="es", dataset="pts")
    assert not at.exception
    assert len(at.dataframe) == 1 and not at.code  # the columns, no citation or code
    assert [s.value for s in at.subheader] == ["Notas metodológicas"]
    assert downloads(at) == ["Descargar pts.csv"]
    at.session_state["section-es"] = "Cita y código"
    at.run()
    assert not at.exception and at.query_params["section"] == "Citation and code"
    assert [s.value for s in at.subheader] == ["Citar", "Código"] and not at.dataframe
    assert any("/data/pts.csv" in c.value for c in at.code)
    assert downloads(at) == ["Descargar pts.csv"]
    at.selectbox(key="dataset").set_value("hrps").run()
    assert at.query_params["section"] == "Citation and code"
    assert any("/data/hrps.csv" in c.value for c in at.code)
    at = page("views/datasets.py", lang="es", dataset="pts", section="Integrity and changes")
    assert [s.value for s in at.subheader] == ["Integridad", "Cambios por versión"]
    assert not at.dataframe and not at.code
    at.session_state["section-es"] = "Columnas"
    at.run()
    assert "section" not in at.query_params and len(at.dataframe) == 1


def test_every_dataset_has_its_title_and_notes_in_every_catalogue():
    """Other pages show any dataset's title and notes with tr.term: every one is in every
    catalogue, translated (a proper name may stay as it is)."""
    from etl import registry

    for lang in TRANSLATED:
        with i18n.catalogue_path(lang).open("rb") as po:
            catalogue = read_po(po, locale=lang)
        for dataset in registry.DATASETS.values():
            for context, text in [
                ("dataset title", dataset.title),
                *(("dataset note", note) for note in dataset.notes),
            ]:
                message = catalogue.get(text, context=context)
                assert message and message.string and not message.fuzzy, (lang, text[:40])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_url_notes_in_the_language(lang):
    tr = i18n.translator(lang)
    at = page("views/rankings.py", lang=lang, edition="1999", region="Atlantis")
    assert not at.exception
    edition, region = (note.value.replace("\\", "") for note in at.info)
    assert edition.startswith(
        tr.gettext("There is no edition %(value)s; showing %(default)s.")
        % {"value": "'1999'", "default": 2026}
    )
    assert region == tr.gettext("Unknown option %(value)s; showing %(default)s.") % {
        "value": "'Atlantis'",
        "default": repr(tr.gettext("All regions")),
    }


def test_arabic_pages_run_right_to_left():
    for script, params in PAGES.values():
        at = page(script, lang="ar", **params)
        assert not at.exception, script
        styles = " ".join(h.proto.body for h in at.get("html"))
        assert "direction:rtl" in styles, script
    at = page("views/rankings.py", lang="ar", edition="2026")
    assert at.title[0].value == "التصنيفات"
    assert "المرتبة" in at.dataframe[0].value.columns


@needs_built("cpj_census")
@pytest.mark.parametrize("lang", LANGUAGES)
def test_sources_compared_in_the_language(lang):
    tr = i18n.translator(lang)
    _ = tr.gettext
    at = page("views/compared.py", lang=lang, edition="2021")
    assert not at.exception
    assert at.title[0].value == _("Sources compared: journalists in prison")
    table = html_tables(at)[0]
    china = i18n.country_name("CHN", lang)
    assert table.loc[china, _("RSF (round-up, where published)")] == "127"
    assert table.loc[china, _("CPJ (1 December census)")] == "49"
    texts = _chart_texts(at)
    assert texts["chart titles"][0] == _("Journalists in prison worldwide: RSF and CPJ")
    assert texts["legend"] == [_("RSF round-up (detained)"), _("CPJ census (1 December)")]
    assert any(_("Reference date") in m.value for m in at.markdown)
    if lang != "en":
        english = shown(page("views/compared.py", lang="en", edition="2021"))
        assert_translated(english, shown(at), lang)


def test_why_a_download_is_withheld_is_said_in_the_language():
    from dashboard.downloads import withheld_reason
    from etl import registry

    census = registry.DATASETS["cpj_census"]
    assert withheld_reason([census]) == census.download_blocked  # English as the model says
    french = withheld_reason([registry.DATASETS["rsf_index"], census], "fr")
    assert french.startswith("Non redistribué tant que les conditions de l’éditeur")
    assert withheld_reason([registry.DATASETS["rsf_index"]], "ar") is None


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_integrity_counts_are_explained_in_the_language(lang):
    """The ETL's integrity counts of a dataset (store.load_integrity), titled and explained
    in the page's language."""
    from etl import store

    tr = i18n.translator(lang)
    checks = [e for e in store.load_integrity(store.DATASETS_DIR) if e["dataset"] == "pts"]
    assert checks
    at = page("views/datasets.py", lang=lang, dataset="pts", section="Integrity and changes")
    assert not at.exception
    assert tr.gettext("Integrity") in [s.value for s in at.subheader]
    text = "\n".join(html.unescape(h.value) for h in at.html)
    for check in checks:
        assert tr.pgettext("integrity title", check["title"]) in text
        assert check["title"] not in text


def test_a_bad_measure_in_the_url_is_named_in_the_language():
    at = page("views/compare.py", lang="ru", measure="nope")
    assert not at.exception
    note = at.info[0].value.replace("\\", "")
    assert note == "Неизвестный вариант 'nope'; показан 'Место (1 = лучшее)'."
    assert at.query_params["measure"] == "rank"  # the URL keeps the neutral key


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_agreement_is_summarised_in_the_language(lang):
    """text.agreement_summary (the profile's all-sources section) in every language, with
    the measures named as the catalogue names them."""
    from dashboard.text import agreement_summary
    from etl import registry

    tr = i18n.translator(lang)
    standings = [
        {"measure": registry.MEASURES["pts_a"], "year": 2023, "percentile": 4},
        {"measure": registry.MEASURES["vdem_harassment"], "year": 2023, "percentile": 8},
        {"measure": registry.MEASURES["rsf_score"], "year": 2026, "percentile": 70},
    ]
    lines = agreement_summary(i18n.country_name("AZE", lang), standings, lang)
    assert len(lines) == 3
    assert i18n.country_name("AZE", lang) in lines[0]
    assert f"**{tr.pgettext('percentile band', 'worst tenth')}**" in lines[0]
    assert tr.pgettext("measure", registry.MEASURES["pts_a"].label).split(" ")[0] in lines[1]
    disagree = tr.gettext(
        "The sources disagree (%(spread)s percentile points apart). Counts of jailed or "
        "killed journalists and expert scores measure different things: a country that "
        "has silenced its press may jail few journalists."
    )
    assert lines[2] == disagree % {"spread": tr.number(66)}
    english = agreement_summary("Azerbaijan", standings)
    if lang != "en":
        assert not set(lines) & set(english)
    else:
        assert lines[0].startswith("On 2 of 3 measures from 3 sources, Azerbaijan is in the")
    assert agreement_summary("X", [], lang)[0] == tr.gettext(
        "No source in this dashboard rates %(name)s against other countries."
    ) % {"name": "X"}
