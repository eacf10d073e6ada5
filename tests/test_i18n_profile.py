"""The country profile (all three sections), its charts and the Cases page in every language
(issue 18): headings, labels, tabs, table headers, chart titles, axes, legends and hover in
the run's language, none of the English messages of these pages left over (data values,
quotes and CPJ's own vocabulary stay as published), the `section=` URL value a
language-neutral identifier, and Arabic drawing right to left."""

from __future__ import annotations

import json
import re
from functools import cache

import pyarrow as pa
import pytest
from babel.messages.pofile import read_po

from dashboard import i18n
from etl.sources.rsf_index import methodology as rsf
from tests.conftest import DATASETS, ROOT, needs_built
from tests.test_i18n import page

LANGS = [lang for lang in i18n.languages() if lang != i18n.SOURCE_LANGUAGE]
# The files whose messages these pages show (helper B's part of issue 18)
FILES = (
    "dashboard/views/country.py",
    "dashboard/views/cases.py",
    "dashboard/case_filter.py",
    "dashboard/amnesty.py",
    "dashboard/cpj_census.py",
    "dashboard/charts/counts.py",
    "dashboard/charts/panels.py",
    "dashboard/charts/rsf_index.py",
)
CASE = "afgan-mukhtarli:imprisoned:2017-05-29"
RUNS = {  # name → (script, URL parameters)
    "rsf": ("views/country.py", {"country": "AZE"}),
    "cpj": ("views/country.py", {"country": "AZE", "section": "CPJ records"}),
    "sources": ("views/country.py", {"country": "AZE", "section": "All sources"}),
    "cases": ("views/cases.py", {"country": "AZE", "census": "2016", "case": CASE}),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")
# placeholders that are numbers (years, counts, ranks, scores) and how they are written
NUMERIC = {"num", "total", "year", "years", "rank", "ranked", "score", "first", "last"}
NUMERIC |= {"lists_first", "lists_last"}
NUMBER = r"[\d\s.,+\u2212\u00a0\u202f-]+"


@cache
def run(name: str, lang: str):
    script, params = RUNS[name]
    return page(script, lang=lang, **params)


def _chart_texts(at) -> list[str]:
    from dashboard.charts import style

    texts = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        layout = spec["layout"]
        title = layout.get("title", {})
        texts += [
            style.plain(title.get("text")),
            style.plain(title.get("subtitle", {}).get("text")),
        ]
        for key, axis in layout.items():
            if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                texts.append(style.plain((axis.get("title") or {}).get("text")))
        for note in layout.get("annotations", []):
            texts += style.plain(note.get("text")).split("\n")
        texts.append(style.plain(((layout.get("legend") or {}).get("title") or {}).get("text")))
        for trace in spec["data"]:
            texts.append(trace.get("name") or "")
            texts += [style.plain(h) for h in (trace.get("hovertext") or [])]
    return [text for text in texts if text]


def shown(at) -> dict[str, list[str]]:
    """What a reader sees, by kind: short texts (headings, labels, headers, chart texts) and
    running text (markdown, captions, notes)."""
    short = [e.value for e in [*at.title, *at.header, *at.subheader]]
    short += [t.label for t in at.tabs] + [e.label for e in at.expander]
    short += [m.label for m in at.metric] + [m.proto.help for m in at.metric]
    for kind in ("selectbox", "multiselect", "text_input", "slider"):
        short += [w.label for w in at.get(kind) if w.key != i18n.PARAM]
    short += [e.proto.label for kind in ("page_link", "download_button", "link_button")
              for e in at.get(kind)]  # fmt: skip
    short += [str(c) for d in at.dataframe for c in d.value.columns]
    short += [str(c) for t in at.table for c in [*t.value.columns, t.value.index.name] if c]
    short += _chart_texts(at)
    running = [e.value for e in [*at.markdown, *at.caption, *at.info]]
    return {"short": [s.replace("\\", "") for s in short], "running": running}


@cache
def marked() -> list[tuple[str, tuple[str, ...]]]:
    """The English messages of these pages, each with its translations in every language
    (every plural form), from the template and the catalogues."""
    with (ROOT / "dashboard/locales/messages.pot").open("rb") as f:
        template = read_po(f)
    catalogues = {}
    for lang in LANGS:
        with i18n.catalogue_path(lang).open("rb") as f:
            catalogues[lang] = read_po(f, locale=lang)
    out = []
    for message in template:
        if not message.id or not any(path in FILES for path, _ in message.locations):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for english in ids:
            found = {}
            for lang, catalogue in catalogues.items():
                string = catalogue.get(message.id, message.context).string
                found[lang] = string if isinstance(string, tuple) else (string,)
            out.append((english, found))
    return out


def _pattern(message: str) -> re.Pattern | None:
    """A message as shown, its placeholders filled in by anything; None for a message with
    too few words of its own to tell it from data ("%(status)s (%(date)s)")."""
    literal = PLACEHOLDER.sub(" ", message)
    if len(re.findall(r"[A-Za-z]{3,}", literal)) < 1:
        return None
    pieces = PLACEHOLDER.split(message)  # text, name, text, name, ..., text
    pattern = re.escape(pieces[0])
    for name, text in zip(pieces[1::2], pieces[2::2], strict=True):
        pattern += (NUMBER if name in NUMERIC else ".+?") + re.escape(text)
    return re.compile(pattern, re.DOTALL)


def _filled(message: str) -> str:
    """A message with sample values in its placeholders (numbers where numbers go)."""
    return PLACEHOLDER.sub(lambda m: "1" if m.group(1) in NUMERIC else "x", message)


def english_left(lang: str, texts: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(English message, what was shown) for each short text that is an English message of
    these pages whose translation differs, and each English sentence of theirs found in the
    running text."""
    left = []
    for english, translations in marked():
        pattern = _pattern(english)
        # spelled alike ("Date" in French), or shaped alike ("%(year)s : score %(score)s")
        if english in translations[lang] or (
            pattern and any(pattern.fullmatch(_filled(t)) for t in translations[lang])
        ):
            continue
        if pattern is not None:
            left += [(english, s) for s in texts["short"] if pattern.fullmatch(s)]
        for part in PLACEHOLDER.split(english)[::2]:
            part = part.strip(" .:;,()*")
            if len(part) >= 25 and not any(part in t for t in translations[lang]):
                left += [(english, s) for s in texts["running"] if part in s.replace("\\", "")]
    return left


# ------------------------------------------------------------------ the pages


@needs_built("cpj_cases", "cpj_census", "cpj_killed_counts", "cpj_census_people")
@pytest.mark.parametrize("name", list(RUNS))
def test_english_runs_show_the_messages_checked(name):
    """The check below is not vacuous: on the English pages it finds the English messages
    (here judged as if they were the French run)."""
    at = run(name, "en")
    assert not at.exception
    texts = shown(at)
    found = {english for english, _ in english_left("fr", texts)}
    assert len(found) >= 5, found


@needs_built("cpj_cases", "cpj_census", "cpj_killed_counts", "cpj_census_people")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(RUNS))
def test_no_english_message_is_left(name, lang):
    at = run(name, lang)
    assert not at.exception
    assert english_left(lang, shown(at)) == []


@pytest.mark.parametrize("lang", LANGS)
def test_profile_sections_and_charts_in_the_language(lang):
    tr = i18n.translator(lang)
    english, at = run("rsf", "en"), run("rsf", lang)
    assert not at.exception
    name = tr.country("AZE")
    assert [t.label for t in english.tabs] == ["RSF index", "CPJ records", "All sources"]
    labels = [t.label for t in at.tabs]
    assert labels == [tr.pgettext("profile section", s) for s in ("RSF index", "CPJ records",
                                                                  "All sources")]  # fmt: skip
    assert not set(labels) & {"RSF index", "CPJ records", "All sources"}
    from dashboard.charts import style

    titles = [
        style.plain(json.loads(c.proto.spec)["layout"]["title"]["text"])
        for c in at.get("plotly_chart")
    ]
    assert len(titles) == 1 and all(title.startswith(name) for title in titles)
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        assert layout["separators"] == tr.separators  # the language's decimal marks
    # the language stays in the URL; the profile's default section is left out of it
    assert at.query_params[i18n.PARAM] == lang
    assert "section" not in at.query_params


@needs_built("cpj_cases", "cpj_census", "cpj_killed_counts")
@pytest.mark.parametrize("lang", LANGS)
def test_the_section_in_the_url_stays_a_language_neutral_identifier(lang):
    at = run("cpj", lang)
    assert not at.exception
    assert at.query_params["section"] == "CPJ records"
    assert at.query_params[i18n.PARAM] == lang
    tr = i18n.translator(lang)
    assert tr.gettext("The cases behind the numbers") in [h.value for h in at.header]
    assert [m.label for m in at.metric][0].startswith(
        tr.gettext("Imprisoned on 1 December %(year)s")[:6]
    )
    columns = list(at.dataframe[0].value.columns)
    assert columns == [tr.gettext(c) for c in ("Name", "Status", "Date", "Charges", "Case id")]
    # the links to the Cases page keep the language and CPJ's identifiers
    links = [link.proto for link in at.get("page_link")]
    assert links and all(f"{i18n.PARAM}={lang}" in link.query_string for link in links)


@needs_built("cpj_cases", "cpj_census", "cpj_census_people")
@pytest.mark.parametrize("lang", LANGS)
def test_cases_page_labels_headers_and_csv_in_the_language(lang):
    tr = i18n.translator(lang)
    at = run("cases", lang)
    assert not at.exception
    assert at.title[0].value == tr.gettext("Cases")
    role = next(w for w in at.selectbox if w.key == "role")
    assert role.label == tr.gettext("Role")
    assert role.options[0] == tr.pgettext("role", "any")
    # CPJ's roles and statuses offered in the language; the URL and the records keep CPJ's
    assert tr.term("cpj role", "journalist") in role.options
    status = next(w for w in at.multiselect if w.key == "status")
    assert tr.term("cpj status", "imprisoned") in status.options
    if lang != "en":
        assert "imprisoned" not in status.options
    people, cases = at.dataframe[0].value, at.dataframe[1].value
    assert list(people.columns)[:2] == [tr.gettext("Name"), tr.gettext("Country")]
    assert set(people[tr.gettext("Country")]) == {tr.country("AZE")}
    assert tr.gettext("Outlets") in cases.columns and "Outlets" not in cases.columns
    assert tr.gettext("Case id") not in cases.columns  # the grid leaves the ids out
    detail = at.table[0].value
    assert list(detail.columns) == [tr.pgettext("case detail", "field"),
                                    tr.pgettext("case detail", "value")]  # fmt: skip
    fields = set(detail[tr.pgettext("case detail", "field")])
    assert {tr.gettext("Census years"), tr.gettext("Case id")} <= fields
    # the URL keeps its English identifiers and the language
    assert at.query_params[i18n.PARAM] == lang
    assert at.query_params["case"] == CASE


@needs_built("cpj_cases")
def test_the_cases_csv_has_the_headers_shown(monkeypatch):
    """The download is the table as shown, with each row's case id after the grid's columns
    (the grid leaves the ids out): its header row in the reader's language."""
    from dashboard import download_button

    captured = {}
    original = download_button.download

    def keep(datasets, frame, file_name, label=None, key=None):
        # the rows as the grid shows them: an Arrow table on the Cases page
        rows = frame.to_pandas() if isinstance(frame, pa.Table) else frame
        captured[file_name] = (list(rows.columns), label)
        return original(datasets, frame, file_name, label, key)

    # the page imports `download` by name at each run: it gets this one
    monkeypatch.setattr(download_button, "download", keep)
    at = page("views/cases.py", lang="es", q="meydan")
    assert not at.exception
    columns, label = captured["cpj_cases_filtered.csv"]
    assert label == "Descargar estos casos (CSV)"
    assert columns == [*at.dataframe[0].value.columns, i18n.translator("es").gettext("Case id")]
    assert columns[:3] == ["Nombre", "País", "Estado"]


# ------------------------------------------------------------------ Arabic


@needs_built("cpj_cases", "cpj_census", "cpj_killed_counts")
def test_arabic_profile_and_cases_run_right_to_left():
    for name in RUNS:
        at = run(name, "ar")
        assert not at.exception, name
        assert at.title[0].value in ("ملف البلد", "الحالات")
        styles = " ".join(h.proto.body for h in at.get("html"))
        assert "direction:rtl" in styles  # the page's right-to-left styles (app.py)
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            assert spec["layout"]["meta"]["style"]["lang"] == "ar"
            assert re.search("[\u0600-\u06ff]", spec["layout"]["title"]["text"])
    rsf = run("rsf", "ar")
    assert [t.label for t in rsf.tabs][0] == "تصنيف مراسلون بلا حدود"


# ------------------------------------------------------------------ the charts themselves


@pytest.fixture(scope="module")
def load():
    from etl import store

    return lambda name: store.read_dataset(name, DATASETS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["rank", "score", "indicators", "sources"])
def test_profile_charts_and_their_alt_text_in_the_language(load, kind, lang):
    from dashboard import alttext, gallery
    from dashboard.chart_specs import CountryChart
    from dashboard.charts import style

    tr = i18n.translator(lang)
    english = gallery.draw(CountryChart(kind, "TUR"), load)
    chart = gallery.draw(CountryChart(kind, "TUR"), load, lang=lang)
    figure = chart.figure
    assert style.language(figure) == lang
    assert figure.layout.separators == tr.separators
    title = style.plain(figure.layout.title.text)
    assert title.startswith(tr.country("TUR")) and title != style.plain(
        english.figure.layout.title.text
    )
    assert style.plain(figure.layout.title.subtitle.text) != style.plain(
        english.figure.layout.title.subtitle.text
    )
    description = alttext.describe(figure)
    assert description.startswith(title)
    source = next(a.text for a in figure.layout.annotations if a.name == "source")
    assert tr.gettext("Press Freedom Dashboard") in source
    if kind == "indicators":
        assert {t.name for t in figure.data} == {
            tr.pgettext("indicator", label) for _, label, _ in rsf.INDICATORS
        }


@needs_built("cpj_census", "cpj_killed_counts")
@pytest.mark.parametrize("lang", LANGS)
def test_cpj_chart_in_the_language(load, lang):
    from dashboard import gallery
    from dashboard.chart_specs import CountryChart
    from dashboard.charts import style

    tr = i18n.translator(lang)
    chart = gallery.draw(CountryChart("cpj", "MEX"), load, lang=lang)
    figure = chart.figure
    assert style.plain(figure.layout.title.text) == tr.gettext(
        "%(country)s: journalists imprisoned and killed"
    ) % {"country": tr.country("MEX")}
    names = {t.name for t in figure.data}
    assert tr.gettext("Imprisoned") in names and tr.gettext("Motive confirmed") in names
    assert all(re.search(r"\d", h) for t in figure.data for h in t.hovertext)
    assert set(chart.table["country"]) == {tr.country("MEX")}


def test_amnesty_tables_and_quotes_in_the_language(load):
    from dashboard import amnesty
    from etl import registry

    findings = load("amnesty_findings")
    pts_a = registry.MEASURES["pts_a"].values(load(registry.MEASURES["pts_a"].dataset.name))
    table = amnesty.by_year(findings, pts_a, "AZE", "fr")
    assert list(table.columns) == [
        "Année",
        "PTS d’après les rapports d’Amnesty (1–5)",
        "Citations trouvées",
        "Ce qu’Amnesty a rapporté",
    ]
    assert "aucun texte d’Amnesty trouvé" in set(table["Citations trouvées"])
    quote = amnesty.quotes(findings, "AZE")[2024][0]
    shown_fr = amnesty.quote_markdown(quote, "fr")
    # the quote in the language it was published in, tagged with it
    assert amnesty.quote_html(quote.quote, quote.language).startswith('<blockquote lang="en"')
    assert "[Lire la publication](" in shown_fr and "Read the publication" not in shown_fr
    assert amnesty.quote_markdown(quote) == amnesty.quote_markdown(quote, "en")


def test_switching_sections_writes_the_identifier_into_the_url():
    """A reader clicking a tab (its label in French) opens that section; the URL names it
    by its identifier, and the default section leaves the URL."""
    at = page("views/country.py", lang="fr", country="AZE")
    key = "section-fr"
    at.session_state[key] = "Données du CPJ"
    at.run()
    assert not at.exception
    assert at.query_params["section"] == "CPJ records"
    assert len(at.get("plotly_chart")) <= 1  # only the open section is drawn
    at.session_state[key] = "Classement RSF"
    at.run()
    assert not at.exception
    assert "section" not in at.query_params
    assert len(at.get("plotly_chart")) == 1  # the RSF section draws one chart at a time


@needs_built("cpj_cases")
def test_a_translated_status_filters_by_cpjs_word_and_keeps_it_in_the_url():
    """The filter and the table say CPJ's status in French; the URL keeps CPJ's word."""
    at = page("views/cases.py", lang="fr")
    status = next(w for w in at.multiselect if w.key == "status")
    status.set_value(["killed"]).run()
    assert not at.exception
    assert at.query_params["status"] == "killed"
    status = next(w for w in at.multiselect if w.key == "status")
    assert status.format_func("killed") == "tués"
    cases = at.dataframe[0].value  # CPJ's word said in French, the country named in French
    tr = i18n.translator("fr")
    assert set(cases[tr.gettext("Status")]) == {"tués"}
    assert "Yémen" in set(cases[tr.gettext("Country")])
