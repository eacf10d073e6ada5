"""The interface's languages: every catalogue complete and consistent with the code, the
formats and names of each language, and the translated pages in every language."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from dashboard import i18n
from tests.conftest import DATASETS, ROOT, html_tables

LANGUAGES = i18n.languages()
TRANSLATED = LANGUAGES[1:]
TIMEOUT = 60


def catalogue(lang: str):
    with i18n.catalogue_path(lang).open("rb") as po:
        return read_po(po, locale=lang)


def _key(message) -> tuple[str | None, str]:
    singular = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return message.context, singular


def test_the_seven_languages_of_issue_18_are_offered():
    assert set(LANGUAGES) >= {"en", "fr", "es", "ru", "tr", "az", "ar"}
    assert LANGUAGES[0] == "en"


@pytest.fixture(scope="module")
def extracted() -> set[tuple[str | None, str]]:
    """Babel's extractor run as `make messages` runs it (babel.cfg) over the checkout."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _path, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        singular = message[0] if isinstance(message, tuple) else message
        found.add((context, singular))
    return found


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_extracted_message_is_in_the_catalogue(lang, extracted):
    """A string a reader sees, marked in the code or shown from the metadata, that is not in
    a catalogue: run `make messages` and translate it."""
    known = {_key(m) for m in catalogue(lang) if m.id}
    missing = sorted(extracted - known, key=str)
    assert not missing, f"{lang}: not in the catalogue (make messages): {missing[:10]}"
    obsolete = sorted(known - extracted, key=str)
    assert not obsolete, f"{lang}: no longer in the code (make messages): {obsolete[:10]}"


def test_the_template_is_up_to_date(extracted):
    template = {_key(m) for m in catalogue_template() if m.id}
    assert template == extracted, "dashboard/locales/messages.pot is stale: make messages"


def catalogue_template():
    with (i18n.LOCALES_DIR / "messages.pot").open("rb") as pot:
        return read_po(pot)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_catalogue_is_complete_and_passes_babels_checks(lang):
    """Every message translated (every plural form), none fuzzy, the plural forms of the
    language (CLDR's), and Babel's checkers: the same %(name)s placeholders, of the same
    types, and the number of plural forms."""
    cat = catalogue(lang)
    assert cat.locale_identifier == lang
    incomplete = [
        m.id
        for m in cat
        if m.id
        and (
            m.fuzzy
            or not m.string
            or (isinstance(m.string, tuple | list) and not all(m.string))
            or (isinstance(m.id, tuple | list) and len(m.string) != cat.num_plurals)
        )
    ]
    assert not incomplete, f"{lang}: untranslated or fuzzy: {incomplete[:5]}"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in cat.check()]
    assert not problems, f"{lang}: {problems[:5]}"


PLACEHOLDER = re.compile(r"%\((\w+)\)")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_markup_and_links(lang):
    """Markdown emphasis and link targets survive translation (Babel checks placeholders,
    not markdown): a translated **…** or [..](%(url)s) keeps its pair."""
    for message in catalogue(lang):
        if not message.id or isinstance(message.id, tuple | list):
            continue
        if "](%(url)s)" in message.id:
            assert "](%(url)s)" in message.string, (lang, message.id)
        assert message.string.count("**") == message.id.count("**"), (lang, message.id)


def test_a_new_language_is_one_file(tmp_path, monkeypatch):
    """A catalogue dropped into locales/ is offered, with nothing else to change."""
    import shutil

    folder = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES_DIR, folder)
    target = folder / "de" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(i18n.catalogue_path("fr"), target / "messages.po")
    monkeypatch.setattr(i18n, "LOCALES_DIR", folder)
    i18n.languages.cache_clear()
    try:
        assert "de" in i18n.languages()
    finally:
        i18n.languages.cache_clear()


# ------------------------------------------------------------------ the run's language


def test_language_tags_and_accept_language():
    assert i18n.parse_lang("FR") == "fr"
    assert i18n.parse_lang("fr-CA") == "fr"
    assert i18n.parse_lang("az_Latn_AZ") == "az"
    assert i18n.parse_lang("de") is None
    assert i18n.parse_lang("<script>") is None
    assert i18n.negotiate("de-DE,de;q=0.9,ru;q=0.8,en;q=0.7") == "ru"
    assert i18n.negotiate("en;q=0.5, ar-EG") == "ar"
    assert i18n.negotiate("de, *;q=0.1") is None
    assert i18n.negotiate(None) is None


def test_direction_formats_and_plurals():
    assert i18n.is_rtl("ar") and not any(i18n.is_rtl(x) for x in LANGUAGES if x != "ar")
    assert i18n.translator("fr").number(1234.5, 2) == "1\u202f234,50"
    assert i18n.translator("fr").signed(-1.5) == "-1,50"
    assert i18n.translator("en").signed(0.07) == "+0.07"
    assert i18n.translator("tr").percent(0.25) == "%25"
    assert i18n.translator("ar").number(12.5, 1) == "12.5"  # Latin digits, as charts draw
    ru = i18n.translator("ru")
    forms = [
        ru.ngettext(
            "It is up %(num)s place from %(year)s.", "It is up %(num)s places from %(year)s.", n
        )
        for n in (1, 3, 5)
    ]
    assert [f.split()[2] for f in forms] == ["место", "места", "мест"]
    assert i18n.translator("tr").capital("iyi") == "İyi"


def test_country_names_from_cldr_and_the_catalogue():
    assert i18n.country_name("AZE", "fr") == "Azerbaïdjan"
    assert i18n.country_name("TUR", "ru") == "Турция"
    assert i18n.country_name("AZE", "en") == "Azerbaijan"  # the crosswalk's name
    # entities without an ISO 3166-1 code: the catalogue
    assert i18n.country_name("SUN", "fr") == "Union soviétique"
    assert i18n.country_name("XKX", "ar") == "كوسوفو"
    assert i18n.country_name("XIP", "es") == "Israel y el Territorio Palestino Ocupado"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entity_has_a_name_in_every_language(lang):
    from etl.countries import entities

    english = entities()["name"].to_dict()
    untranslated = [
        code
        for code, name in english.items()
        if i18n.country_name(code, lang) == name and name not in ("Kosovo",)
    ]
    # a few names are the same in another language (e.g. "Kosovo" in French); none should
    # be the English name for want of a translation among the entities the catalogue names
    from_catalogue = set(entities().index[entities()["code_status"] != "iso3166-1"])
    assert not set(untranslated) & from_catalogue - {"XKX"}, untranslated


# ------------------------------------------------------------------ charts and text


@pytest.fixture(scope="module")
def index() -> pd.DataFrame:
    from etl.sources.rsf_index import methodology as rsf

    return rsf.with_changes(pd.read_csv(DATASETS / "rsf_index.csv"))


def test_chart_functions_take_their_language(index):
    from dashboard import alttext
    from dashboard.charts import maps, rsf_index, style
    from etl import registry

    edition = index[index["year"] == 2026]
    figure = maps.world_map(edition, registry.ON_MAP["rsf"], "fr")
    assert (
        style.plain(figure.layout.title.text)
        == "Classement mondial de la liberté de la presse 2026"
    )
    assert {t.name for t in figure.data} == {
        "Bonne",
        "Plutôt bonne",
        "Problématique",
        "Difficile",
        "Très grave",
    }
    assert "Azerbaïdjan" in " ".join(figure.data[-1].text)
    assert style.language(figure) == "fr" and figure.layout.separators == ",\u202f"
    assert "Source\u00a0: RSF" in figure.layout.annotations[0].text
    assert alttext.describe(figure).startswith("Classement mondial de la liberté de la presse")
    english = maps.world_map(edition, registry.ON_MAP["rsf"])
    assert style.plain(english.layout.title.text) == "World Press Freedom Index 2026"
    bands = rsf_index.situation_bar(index, "ar")
    assert style.plain(bands.layout.title.text) == "البلدان والأقاليم حسب فئة الوضع"
    # right to left: title, legend and source line set from the right edge
    laid_out = style.fit(bands)
    assert laid_out.layout.title.xanchor == "right" and laid_out.layout.legend.xanchor == "right"
    assert laid_out.layout.annotations[0].xanchor == "right"


def test_the_summary_in_french_names_azerbaijan_with_plurals(index):
    from dashboard.text import country_summary

    lines = country_summary(index[index["iso3"] == "AZE"], "fr")
    assert lines[0].startswith("**Azerbaïdjan** figure dans 24 éditions")
    assert "situation «\u00a0très grave\u00a0»" in lines[1]
    assert "Recul de 4 places" in lines[1]
    arabic = country_summary(index[index["iso3"] == "AZE"], "ar")
    assert arabic[0].startswith("**أذربيجان**")


# ------------------------------------------------------------------ the pages


def page(script: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(script).run()


def chart_titles(at: AppTest) -> list[str]:
    from dashboard.charts import style

    return [
        style.plain(json.loads(c.proto.spec)["layout"]["title"]["text"])
        for c in at.get("plotly_chart")
    ]


TITLES = {  # what the overview's first chart and the map page are called
    "en": ("Entities by situation band", "World map"),
    "fr": ("Pays et territoires par catégorie de situation", "Carte du monde"),
    "es": ("Países y territorios por categoría de situación", "Mapa mundial"),
    "ru": ("Страны и территории по категориям ситуации", "Карта мира"),
    "tr": ("Durum kategorisine göre ülke ve bölgeler", "Dünya haritası"),
    "az": ("Vəziyyət kateqoriyası üzrə ölkə və ərazilər", "Dünya xəritəsi"),
    "ar": ("البلدان والأقاليم حسب فئة الوضع", "خريطة العالم"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_and_map_in_every_language(lang):
    tr = i18n.translator(lang)
    at = page("views/overview.py", lang=lang)
    assert not at.exception
    assert at.title[0].value == tr.gettext("Press Freedom Dashboard")
    assert chart_titles(at) == [TITLES[lang][0]]
    assert at.selectbox(key="lang").value == lang
    assert at.query_params.get("lang") == lang  # asked for: kept in the URL
    at = page("views/world_map.py", lang=lang, edition="2026")
    assert not at.exception
    assert at.title[0].value == TITLES[lang][1]
    assert chart_titles(at) == [tr.gettext("World Press Freedom Index %(year)s") % {"year": 2026}]
    edition = tr.gettext("Edition (%(first)s–%(latest)s)") % {"first": 2002, "latest": 2026}
    assert at.selectbox(key="edition").label == edition
    # the unmapped entities, named in the language
    table = html_tables(at)[0]
    assert i18n.country_name("XKX", lang) in table.to_string()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_other_maps_and_an_old_edition_in_every_language(lang):
    for params in ({"metric": "pts_a"}, {"metric": "killed"}, {"edition": "2010"}):
        at = page("views/world_map.py", lang=lang, **params)
        assert not at.exception, (lang, params)


def test_the_profile_summary_in_french_names_azerbaidjan():
    at = page("views/country.py", lang="fr", country="AZE")
    assert not at.exception
    assert any("**Azerbaïdjan**" in m.value for m in at.markdown)


def test_arabic_pages_mark_right_to_left():
    at = page("views/overview.py", lang="ar")
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert "direction:rtl" in styles
    at = page("views/overview.py", lang="fr")
    assert "direction:rtl" not in " ".join(h.proto.body for h in at.get("html"))


def test_the_browser_language_is_the_default_and_an_unknown_one_is_noted():
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "xx"
    at.run()
    assert not at.exception
    assert "xx" in at.info[0].value
    assert "lang" not in at.query_params  # the browser's language (English here) is not kept


@pytest.mark.parametrize(
    "value", ["<script>alert(1)</script>", "\u202e\x00ar", "x" * 20_000, "ar,fr", "en-US"]
)
def test_hostile_languages_give_a_note_or_the_language_not_a_crash(value):
    at = page("views/overview.py", lang=value)
    assert not at.exception
    assert at.selectbox(key="lang").value == "en"
    for element in at.info:
        assert "<script>" not in element.value or "\\<script\\>" in element.value
