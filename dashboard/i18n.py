"""The interface's languages: which one a run speaks, its messages, and its formats.

Messages are gettext catalogues, one file per language:
`dashboard/locales/<lang>/LC_MESSAGES/messages.po`. A language is offered as soon as its
file is there (nothing else names the languages). The catalogues are compiled in memory
when first used (Babel's `read_po` → `write_mo` → `Translations`, a few milliseconds per
language, once per process), so no compiled `.mo` file is built, committed or left stale.
English is the source language: its messages are the msgids themselves.

Code marks what a reader sees with `_()`, `ngettext()`, `pgettext()` (and `N_()` for a
string translated later, e.g. a page's title declared in `navigation.py`); `make messages`
extracts them (with Babel, `babel.cfg`) into `locales/messages.pot` and merges them into
every catalogue. Messages take named `%(name)s` placeholders, which Babel's checkers
compare between a msgid and its translations.

Metadata that the ETL declares in English (measure names, RSF's situation bands and eras,
sources' names, the entities that have no ISO 3166-1 code) is translated through the
catalogue too, with a context naming what it is (`pgettext("measure", label)`);
`extract_metadata` hands those strings to Babel's extractor, so they reach the catalogues
from the metadata itself and are never copied by hand. Country and territory names with an
ISO 3166-1 code come from CLDR (Babel's `Locale.territories`), never from the catalogue.

Numbers, percentages and dates follow the language's CLDR conventions (Latin digits in every
language, as the charts draw them). Chart functions stay pure: they take a `lang` argument
(English by default) and call `translator(lang)`; only the pages ask `current()`, the language
of this run (`?lang=` in the URL, else the language the reader chose earlier in the session,
else the browser's Accept-Language, else English).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, dates, numbers
from babel.core import negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"
PARAM = "lang"  # the URL parameter, and the picker's key in the session


def N_(message: str) -> str:
    """Marks a message for extraction where it is declared; it is translated where shown."""
    return message


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """English, then every language that has a catalogue, by code."""
    found = sorted(p.parent.parent.name for p in LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def catalogue_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def parse_lang(raw: object) -> str | None:
    """One of `languages()` from a URL's or header's tag ("fr", "FR", "fr-CA", "fr_FR")."""
    text = str(raw or "").strip().replace("_", "-")
    if not text or len(text) > 35 or not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", text):
        return None
    return negotiate_locale([text.lower()], [code.lower() for code in languages()], sep="-")


def negotiate(accept_language: str | None) -> str | None:
    """The best of `languages()` for an Accept-Language header (q-values honoured)."""
    preferred = []
    for position, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q\s*=\s*([01](?:\.\d{0,3})?)", params)
        if match:
            quality = float(match.group(1))
        if tag and tag != "*" and quality > 0:
            preferred.append((-quality, position, tag))
    for _, _, tag in sorted(preferred):
        found = parse_lang(tag)
        if found:
            return found
    return None


def is_rtl(lang: str) -> bool:
    """Whether the language is written right to left (CLDR's character order)."""
    return Locale.parse(lang).text_direction == "rtl"


@cache
def _translations(lang: str) -> NullTranslations:
    """The language's catalogue compiled in memory (fuzzy entries left out, as msgfmt
    does); English, the source language, needs none."""
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    with catalogue_path(lang).open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    import pycountry

    return {country.alpha_3: country.alpha_2 for country in pycountry.countries}


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    from etl.countries import entities

    return entities()["name"].to_dict()


class Translator:
    """Messages and formats of one language."""

    def __init__(self, lang: str):
        if lang not in languages():
            raise ValueError(f"no catalogue for language {lang!r}")
        self.lang = lang
        self.locale = Locale.parse(lang)
        self.rtl = is_rtl(lang)
        self._messages = _translations(lang)

    # -- messages
    def gettext(self, message: str) -> str:
        return self._messages.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._messages.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._messages.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._messages.npgettext(context, singular, plural, n)

    def term(self, context: str, message: str | None) -> str:
        """A string of the ETL's metadata (extract_metadata): its translation, else itself."""
        return self.pgettext(context, message) if message else ""

    def situation(self, band: str) -> str:
        """One of RSF's five situation bands, lower case ("very serious")."""
        return self.pgettext("situation", band)

    def capital(self, text: str) -> str:
        """The first letter as a capital (Turkish and Azerbaijani dotted İ from i)."""
        if not text:
            return text
        first = text[0]
        if first == "i" and self.lang in ("tr", "az"):
            return "İ" + text[1:]
        return first.upper() + text[1:]

    # -- names
    def country(self, iso3: str, english: str | None = None) -> str:
        """A country's or territory's name: CLDR's for an ISO 3166-1 code, the catalogue's
        for the entities without one (Kosovo, Northern Cyprus, the USSR, ...). In English,
        `english` (the name as the data gives it) or the crosswalk's name."""
        return country_name(iso3, self.lang, english)

    def language_name(self, lang: str | None = None) -> str:
        """A language's name in itself ("français"), capitalised as a menu item."""
        lang = lang or self.lang
        return Translator.capital(self, Locale.parse(lang).get_display_name(lang) or lang)

    # -- formats
    def number(self, value: float, digits: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return numbers.format_decimal(value, format=pattern, locale=self.locale)

    def signed(self, value: float, digits: int = 2) -> str:
        """With its sign always shown (+3.25, −1.50): a change."""
        body = "#,##0" + ("." + "0" * digits if digits else "")
        return numbers.format_decimal(value, format=f"+{body};-{body}", locale=self.locale)

    def percent(self, fraction: float, digits: int = 0) -> str:
        pattern = None if not digits else "#,##0." + "0" * digits + "%"
        return numbers.format_percent(fraction, format=pattern, locale=self.locale)

    def date(self, value, format: str = "long") -> str:
        return dates.format_date(value, format=format, locale=self.locale)

    @property
    def separators(self) -> str:
        """Plotly's `separators` (decimal mark, then thousands) for this language."""
        return numbers.get_decimal_symbol(self.locale) + numbers.get_group_symbol(self.locale)


@cache
def translator(lang: str = SOURCE_LANGUAGE) -> Translator:
    return Translator(lang)


def country_name(iso3: str, lang: str, english: str | None = None) -> str:
    """iso3 → the name in `lang` (see Translator.country)."""
    if lang == SOURCE_LANGUAGE:
        return english or _english_names().get(iso3, iso3)
    alpha2 = _alpha2().get(iso3)
    if alpha2:
        name = Locale.parse(lang).territories.get(alpha2)
        if name:
            return name
    known = _english_names().get(iso3)
    if known:
        return translator(lang).pgettext("country", known)
    return english or iso3


# ------------------------------------------------------------------ the run's language


def current() -> str:
    """The language of this run of the app: what app.py chose (`choose`), else `?lang=`,
    else the browser's preference, else English. Outside Streamlit: English."""
    try:
        import streamlit as st
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        if get_script_run_ctx(suppress_warning=True) is None:  # no run: no warning either
            return SOURCE_LANGUAGE
        chosen = st.session_state.get(PARAM)
        if chosen in languages():
            return chosen
        return parse_lang(st.query_params.get(PARAM)) or browser_language()
    except Exception:  # no Streamlit session (a script, the exporter, a test)
        return SOURCE_LANGUAGE


def browser_language() -> str:
    """The reader's browser's preferred language among ours (Accept-Language, else the
    browser's own locale as Streamlit reports it), else English."""
    import streamlit as st

    headers = st.context.headers
    found = negotiate(headers.get("Accept-Language") if headers else None)
    if not found:
        found = parse_lang(getattr(st.context, "locale", None))
    return found or SOURCE_LANGUAGE


def gettext(message: str) -> str:
    """`_()` for the pages: the message in the run's language."""
    return translator(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translator(current()).pgettext(context, message)


_ = gettext


# ------------------------------------------------------------------ extraction


def metadata_terms() -> Iterator[tuple[str, str, str]]:
    """(context, message, where) for the metadata strings the translated pages show (no
    context: a plain message):
    situation bands, eras, indicators, RSF's regions, every measure's name (and its names
    on the map and the compare page), units, the measures' scales, the profile's panels,
    every dataset's title, description, notes, column descriptions and units, integrity
    counts, source line and licence, and the entities without an ISO 3166-1 code."""
    from etl import project, registry
    from etl.countries import entities
    from etl.sources.cpj import meta as cpj_meta
    from etl.sources.rsf_index import methodology as rsf

    yield "", project.NAME, "the dashboard's name (titles, source lines)"

    for band in rsf.SITUATIONS:
        yield "situation", band, "RSF situation band (lower case)"
    for era in rsf.ERAS.values():
        yield "era", era["label"], "RSF methodology era"
        yield "era", era["short_label"], "RSF methodology era, short"
        yield "era", era["explanation"], "RSF methodology era, explained"
    for _, label, _ in rsf.INDICATORS:
        yield "indicator", label, "RSF indicator"
    for region in registry.DATASETS["rsf_index"].column("region").enum or ():
        yield "region", region, "RSF's regional zone"
    for measure in registry.ON_MAP.values():
        yield "measure", measure.label, "measure name"
        if measure.on_map.label:
            yield "measure", measure.on_map.label, "measure name on the map"
        if measure.unit:
            yield "unit", measure.unit, "unit of a measure's values"
        if measure.scale:
            yield "scale", measure.scale, "what a measure's values mean (under its map)"
        yield "source", measure.dataset.attribution, "source line"
        yield "licence", measure.dataset.licence, "licence of a dataset"
    for measure in registry.ON_COMPARE.values():
        yield "measure", measure.on_compare.label, "measure name on the compare page"
    for measure in registry.MEASURES.values():
        yield "measure", measure.label, "measure name (profile panels, standings)"
        if measure.scale:
            yield "scale", measure.scale, "what a measure's values mean (profile standings)"
    for source, title in registry.TITLES.items():
        yield "source name", title, f"source {source}: its short name (profile panels)"
    # CPJ's own vocabularies, as the Cases page's filters offer them (the records keep them)
    cpj = registry.DATASETS["cpj_cases"]
    for status in cpj.column("status").enum or ():
        yield "cpj status", status, "CPJ case status (a filter's option)"
    for role in cpj.column("role").enum or ():
        yield "cpj role", role, "CPJ case role (a filter's option)"
    for category in cpj_meta.CHARGE_CATEGORIES:
        yield "cpj charge", category, "CPJ charge category (a filter's option)"
    for panel in registry.PANELS:
        yield "panel", panel.title, "a panel of the profile's all-sources chart"
    for dataset in registry.DATASETS.values():
        where = f"dataset {dataset.name}"
        yield "dataset title", dataset.title, f"{where}: title"
        yield "dataset description", dataset.description, f"{where}: description"
        for note in dataset.notes:
            yield "dataset note", note, f"{where}: methodology note"
        for column in dataset.columns:
            yield "column", column.description, f"{where}, column {column.name}: description"
            if column.unit:
                yield "unit", column.unit, f"{where}, column {column.name}: unit"
        for tally in dataset.integrity:
            yield "integrity title", tally.title, f"{where}: integrity count of {tally.column}"
            yield "integrity description", tally.description, f"{where}: {tally.column}"
        yield "source", dataset.attribution, f"{where}: source line"
        yield "licence", dataset.licence, f"{where}: licence"
    table = entities()
    for code, row in table[table["code_status"] != "iso3166-1"].iterrows():
        yield "country", row["name"], f"{code}: {row['note']}"


def extract_metadata(fileobj, keywords, comment_tags, options):
    """A Babel extractor (babel.cfg's `[metadata: etl/registry.py]`): the file itself is not
    read; the terms come from the metadata it gathers."""
    del fileobj, keywords, comment_tags, options
    from babel.messages.catalog import Message

    seen = set()
    for line, (context, message, where) in enumerate(metadata_terms(), 1):
        # a text that reads as a %-format ("a 95% interval": "% i") would be checked as one
        # against its translations: such a text (one dataset description) stays in English
        if context and Message(message).python_format:
            continue
        if (context, message) not in seen:
            seen.add((context, message))
            if context:
                yield line, "pgettext", (context, message), [where]
            else:
                yield line, "gettext", message, [where]
