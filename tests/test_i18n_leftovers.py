"""No English left on any page: every page run in a pseudo-language whose every message is
marked, and every heading, label, note, option, button, table header and chart text checked
for the mark (pseudo-localisation). A string the code shows without passing it through the
catalogue (`_()`, `pgettext`, `Translator.term`, ...) has no mark and fails the test, so a
new page or a new sentence cannot stay English in the seven languages by accident; the
catalogues' completeness is `test_i18n`'s.

The pseudo-language is German ("de"), which has no catalogue: its names and number formats
come from CLDR as any language's do, its messages are the English ones between ‹ and ›.
Data values (names, counts, outlets, quotes) are not messages and carry no mark: a string
passes without one when it is a value the page shows from the data (numbers, country names
in the language, people's names in the case tables' cells, which are not checked)."""

from __future__ import annotations

import functools
import json
import re

import pytest
from babel.support import NullTranslations
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from tests.conftest import ROOT

PSEUDO = "de"
OPEN, CLOSE = "‹", "›"
TIMEOUT = 90

# every page, with the views that show other parts of it
PAGES = [
    ("views/overview.py", {}),
    ("views/overview.py", {"to": "2022"}),
    ("views/overview.py", {"since": "2010"}),
    ("views/world_map.py", {}),
    ("views/world_map.py", {"metric": "pts_a"}),
    ("views/world_map.py", {"metric": "killed"}),
    ("views/world_map.py", {"metric": "fh_status"}),
    ("views/world_map.py", {"metric": "vdem_harassment"}),
    ("views/world_map.py", {"edition": "2010"}),
    ("views/world_map.py", {"since": "2022"}),
    ("views/world_map.py", {"metric": "imprisoned", "edition": "2023", "since": "2013"}),
    ("views/world_map.py", {"since": "2010"}),
    ("views/country.py", {"country": "AZE"}),
    ("views/country.py", {"country": "AZE", "section": "CPJ records"}),
    ("views/country.py", {"country": "TUR", "section": "All sources"}),
    ("views/country.py", {"country": "XKX", "section": "All sources"}),
    ("views/compare.py", {}),
    ("views/compare.py", {"countries": "AZE,TUR,XKX", "measure": "score-2013"}),
    ("views/compare.py", {"countries": "AZE,TUR", "view": "relative"}),
    ("views/rankings.py", {}),
    ("views/rankings.py", {"q": "zzzz", "region": "Africa"}),
    ("views/rankings.py", {"edition": "2012"}),
    ("views/cases.py", {}),
    ("views/cases.py", {"section": "Documented cases"}),
    ("views/cases.py", {"country": "AZE", "status": "imprisoned", "charge": "anti-state"}),
    ("views/compared.py", {}),
    ("views/datasets.py", {}),
    ("views/datasets.py", {"dataset": "pts", "section": "Citation and code"}),
    ("views/datasets.py", {"dataset": "pts", "section": "Integrity and changes"}),
    ("views/datasets.py", {"dataset": "rsf_roundup", "build": "4"}),  # a past build's notice
    ("views/datasets.py", {"dataset": "hrps", "build": "1"}),  # before its first release
    ("views/country.py", {"country": "TUR", "section": "CPJ records", "build": "x"}),
    ("views/embed.py", {"chart": "map", "metric": "rsf"}),
    ("views/embed.py", {"chart": "rank", "country": "AZE"}),
]


class Pseudo(NullTranslations):
    """Every message between ‹ and › (plural and context forms too)."""

    def gettext(self, message):
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular, plural, n):
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"

    def pgettext(self, context, message):
        return self.gettext(message)

    def npgettext(self, context, singular, plural, n):
        return self.ngettext(singular, plural, n)


@pytest.fixture
def pseudo(monkeypatch):
    languages = (*i18n.languages(), PSEUDO)
    monkeypatch.setattr(i18n, "languages", lambda: languages)
    real = i18n._translations
    monkeypatch.setattr(
        i18n, "_translations", lambda lang: Pseudo() if lang == PSEUDO else real(lang)
    )
    i18n.translator.cache_clear()
    yield
    i18n.translator.cache_clear()


def run(script: str, **params) -> AppTest:
    """`script` opened with `params` (set after the first run, the overview's, which reads
    parameters of its own such as `since`)."""
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = PSEUDO
    at.run()
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(script).run()


def _chart_texts(spec: dict) -> list[tuple[str, str]]:
    layout = spec.get("layout", {})
    found = []

    def add(where, value):
        if isinstance(value, dict):
            value = value.get("text")
        if value:
            found.append((where, str(value)))

    add("chart title", layout.get("title"))
    add("chart subtitle", (layout.get("title") or {}).get("subtitle"))
    for name, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", name) and isinstance(axis, dict):
            add(f"{name} title", axis.get("title"))
    add("legend title", (layout.get("legend") or {}).get("title"))
    for note in layout.get("annotations", []):
        add("chart note", note.get("text"))
    for trace in spec.get("data", []):
        if trace.get("showlegend") is not False:
            add("legend entry", trace.get("name"))
        add("colour bar title", (trace.get("colorbar") or {}).get("title"))
        add("hover template", trace.get("hovertemplate"))
        texts = trace.get("text")
        if isinstance(texts, list) and texts and "%{text}" in str(trace.get("hovertemplate")):
            add("hover text", next((t for t in texts if t), None))
    return found


def visible_texts(at: AppTest) -> list[tuple[str, str]]:
    """(what, text) for what a reader reads as the page's own words."""
    found: list[tuple[str, str]] = []
    for kind in ("title", "header", "subheader", "caption", "info", "warning", "error"):
        found += [(kind, e.value) for e in getattr(at, kind)]
    found += [("markdown", e.value) for e in at.markdown if e.value.strip()]
    for kind in ("selectbox", "multiselect", "radio", "select_slider", "slider", "text_input"):
        for e in getattr(at, kind):
            found.append((f"{kind} label", e.label))
            # without a placeholder of ours, Streamlit's browser code writes its English one
            if kind == "multiselect" or (kind == "selectbox" and e.value is None):
                found.append((f"{kind} placeholder", e.proto.placeholder or "Choose options"))
            if kind in ("selectbox", "multiselect", "radio") and e.key != i18n.PARAM:
                found += [(f"{kind} option", str(o)) for o in e.options]
    for kind in ("button", "checkbox", "toggle", "expander", "tabs", "metric"):
        found += [(f"{kind} label", e.label) for e in getattr(at, kind)]
    for kind in ("download_button", "page_link", "link_button", "popover"):
        for e in at.get(kind):
            proto = e.proto.popover if kind == "popover" else e.proto
            found.append((kind, proto.label))
            if proto.help:
                found.append((f"{kind} help", proto.help))
    found += [("metric help", e.proto.help) for e in at.metric if e.proto.help]
    for frame in (*at.dataframe, *at.table):
        config = json.loads(getattr(frame.proto, "columns", "") or "{}")
        for column in frame.value.columns:
            shown = config.get(str(column), {})
            found.append(("column", shown.get("label") or str(column)))
            if shown.get("type_config", {}).get("display_text"):
                found.append(("link text", shown["type_config"]["display_text"]))
    for chart in at.get("plotly_chart"):
        found += _chart_texts(json.loads(chart.proto.spec))
    return found


def is_data(text: str) -> bool:
    """A value rather than words: a number, a year span, a country's name, a language's
    (each line of a hover label one of those)."""
    return all(_is_value(line) for line in re.split(r"<br\s*/?>", text))


def _is_value(line: str) -> bool:
    words = re.sub(r"%\{[^}]*\}", "", re.sub(r"<[^>]+>", "", line)).strip("* ")
    words = re.sub(r"\\(.)", r"\1", words)  # markdown's escapes
    if not re.sub(r"[\s\d.,:;()%+\-–−·/|#*_\[\]\\]", "", words):
        return True
    # a case: a person's name (data), where and when it happened, "Name (Country, 2021)"
    case = re.fullmatch(r"(.+) \((.+?)(?:, \d{4})?\)", words)
    if case and case.group(2) in _names():
        return True
    return words in _names()


@functools.cache
def _names() -> set[str]:
    from etl.countries import entities

    tr = i18n.translator(PSEUDO)
    names = {tr.country(iso3) for iso3 in entities().index}
    return names | {tr.language_name(lang) for lang in i18n.languages()}


def leftovers(at: AppTest) -> list[tuple[str, str]]:
    return [
        (what, text) for what, text in visible_texts(at) if OPEN not in text and not is_data(text)
    ]


@pytest.mark.parametrize(("script", "params"), PAGES, ids=lambda p: str(p))
def test_no_english_leftovers(pseudo, script, params):
    at = run(script, **params)
    assert not at.exception, [e.value for e in at.exception]
    texts = visible_texts(at)
    assert any(OPEN in text for _, text in texts), "the page shows no message at all"
    assert leftovers(at) == []
