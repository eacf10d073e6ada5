"""Amnesty's findings as the pages show them: per country and year beside the PTS coded from
Amnesty's reports, the charges Amnesty reports beside the charges in CPJ's cases, the people
Amnesty names with their CPJ case, and the years Amnesty and CPJ's census disagree on
detained journalists. Pure data shaping (no Streamlit): the pages only lay these out. The
functions the profile shows take `lang`, the language of their headers and of our own words
(English by default); the quotes, the findings' labels and CPJ's charge categories stay as
written."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from dashboard import i18n
from dashboard.i18n import N_
from dashboard.text import md_escape
from etl.sources.amnesty_findings import meta

# (translated where shown: quote_markdown, the Cases page)
SOURCE_KIND_LABELS = {
    "amnesty": N_("Amnesty's own text"),
    "amnesty copy": N_("Amnesty's own text (full copy elsewhere)"),
    "quoting amnesty": N_("a report quoting Amnesty"),
}
assert set(SOURCE_KIND_LABELS) == set(meta.SOURCE_KINDS)
NO_TEXT = N_("no Amnesty text found")
DETAINED = "journalists_detained"
# Amnesty reports on "Israel and Occupied Palestinian Territories" in one entry, coded ISR;
# CPJ records Israel, Gaza and the West Bank as one location, XIP (etl/reference): the
# comparisons with CPJ read the one as the other.
CPJ_ENTITY = {"ISR": "XIP"}


def cpj_code(iso3: str) -> str:
    """The code CPJ's records use for the entity of an Amnesty finding."""
    return CPJ_ENTITY.get(iso3, iso3)


@dataclass(frozen=True)
class Quote:
    """One quote and what it was coded with."""

    quote: str
    title: str
    publisher: str
    published: str
    url: str
    source_kind: str  # a SOURCE_KIND_LABELS value
    findings: tuple[str, ...]  # labels of the findings coded
    language: str = "en"  # the language the words were published in (a BCP 47 tag)


def quotes(findings: pd.DataFrame, iso3: str) -> dict[int, list[Quote]]:
    """A country's quotes by year, newest year first; in a year, Amnesty's own text first."""
    rows = findings[findings["iso3"] == iso3]
    order = {kind: i for i, kind in enumerate(SOURCE_KIND_LABELS)}
    out: dict[int, list[Quote]] = {}
    for year in sorted(set(rows["year"]), reverse=True):
        in_year = rows[rows["year"] == year]
        grouped = sorted(
            in_year.groupby("quote_id", sort=False),
            key=lambda item: (order[item[1]["source_kind"].iloc[0]], item[0]),
        )
        out[int(year)] = [
            Quote(
                quote=str(first["quote"]),
                title=str(first["title"]),
                publisher=str(first["publisher"]),
                published=str(first["published"]),
                url=str(first["url"]),
                source_kind=SOURCE_KIND_LABELS[first["source_kind"]],
                findings=tuple(str(label) for label in group["finding_label"]),
                language=str(first["language"]),
            )
            for _, group in grouped
            for first in [group.iloc[0]]
        ]
    return out


def by_year(
    findings: pd.DataFrame, pts_a: pd.DataFrame, iso3: str, lang: str = i18n.SOURCE_LANGUAGE
) -> pd.DataFrame:
    """Per year with Amnesty text or a PTS score coded from Amnesty's reports: the score,
    the quotes found, and what they report (columns and our words in `lang`; the first
    column is the year)."""
    _ = i18n.translator(lang).gettext
    year_, pts, found, reported = (
        _("Year"),
        _("PTS from Amnesty's reports (1–5)"),
        _("Quotes found"),
        _("What Amnesty reported"),
    )
    rows = findings[findings["iso3"] == iso3]
    scores = pts_a[pts_a["iso3"] == iso3].set_index("year")["value"]
    years = sorted(
        set(rows["year"]) | set(scores.index[scores.index >= rows["year"].min()])
        if not rows.empty
        else set(),
        reverse=True,
    )
    table = []
    for year in years:
        in_year = rows[rows["year"] == year]
        table.append(
            {
                year_: int(year),
                pts: f"{scores[year]:.0f}" if year in scores.index else _("not coded"),
                found: in_year["quote_id"].nunique() if len(in_year) else _(NO_TEXT),
                # the findings' labels: the coding's own, in English
                reported: "; ".join(
                    dict.fromkeys(meta.FINDINGS[code].label for code in in_year["finding"])
                ),
            }
        )
    return pd.DataFrame(table, columns=[year_, pts, found, reported]).astype({found: "string"})


def cpj_reaches(cases: pd.DataFrame, year: int) -> bool:
    """Whether CPJ's case records here reach `year` (an arrest or a census year in it)."""
    census_years = cases["census_years"].dropna().str.split("; ").explode()
    latest = max(int(cases["event_year"].max()), int(pd.to_numeric(census_years).max()))
    return year <= latest


def cpj_charges(cases: pd.DataFrame, iso3: str, year: int) -> set[str]:
    """The charge categories of CPJ's cases in a country arrested in `year` or the year
    before (people Amnesty reports on in a year were often arrested the year before), or
    counted in that year's census (CPJ's case records list census years to 2019)."""
    rows = cases[cases["iso3"] == cpj_code(iso3)]
    held = rows["census_years"].fillna("").str.split("; ").map(lambda ys: str(year) in ys)
    chosen = rows[rows["event_year"].between(year - 1, year) | held]
    return {
        category.strip()
        for cell in chosen["charge_categories"].dropna()
        for category in str(cell).split(";")
        if category.strip()
    }


def charges_compared(
    findings: pd.DataFrame, cases: pd.DataFrame, iso3: str, lang: str = i18n.SOURCE_LANGUAGE
) -> pd.DataFrame:
    """For each year Amnesty reports charges in a country: the charges (with their CPJ
    category) beside the categories in CPJ's cases of that country and year (columns and
    our words in `lang`; the charges and CPJ's categories as written; the first column is
    the year)."""
    _, pgettext = i18n.translator(lang).gettext, i18n.translator(lang).pgettext
    year_, reported, in_cpj, both = (
        _("Year"),
        _("Charges Amnesty reports"),
        _("Charges in CPJ's cases (arrested that year or the year before)"),
        _("Categories in both"),
    )
    charges = findings[(findings["iso3"] == iso3) & findings["cpj_charge_category"].notna()]
    rows = []
    for year in sorted(set(charges["year"]), reverse=True):
        in_year = charges[charges["year"] == year].drop_duplicates("finding")
        amnesty = set(in_year["cpj_charge_category"])
        cpj = cpj_charges(cases, iso3, int(year))
        rows.append(
            {
                year_: int(year),
                reported: "; ".join(
                    f"{meta.FINDINGS[code].label.removeprefix('Charged with ')} ({category})"
                    for code, category in zip(
                        in_year["finding"], in_year["cpj_charge_category"], strict=True
                    )
                ),
                in_cpj: "; ".join(sorted(cpj))
                or (
                    _("none recorded")
                    if cpj_reaches(cases, int(year))
                    # TRANSLATORS: CPJ's case records here end before that year
                    else _("CPJ records here end before")
                ),
                # TRANSLATORS: no charge category in both Amnesty's and CPJ's lists
                both: "; ".join(sorted(amnesty & cpj)) or pgettext("categories", "none"),
            }
        )
    return pd.DataFrame(rows, columns=[year_, reported, in_cpj, both])


@dataclass(frozen=True)
class NamedPerson:
    name: str
    iso3: str
    year: int
    quote: str
    title: str
    url: str
    source_kind: str
    cpj_case_id: str | None
    link_method: str
    link_score: str | None
    language: str = "en"  # of the quote


def _split(cell: object, count: int, empty: str) -> list[str]:
    if pd.isna(cell):
        return [empty] * count
    return [part.strip() for part in str(cell).split(";")]


def named_people(findings: pd.DataFrame) -> list[NamedPerson]:
    """Each person a quote names, once per quote, with their CPJ case where linked."""
    out = []
    named = findings[findings["persons"].notna()].drop_duplicates("quote_id")
    for row in named.itertuples():
        persons = [p.strip() for p in str(row.persons).split(";") if p.strip()]
        cases = _split(row.cpj_case_ids, len(persons), "-")
        methods = _split(row.cpj_link_method, len(persons), "none")
        scores = _split(row.cpj_link_score, len(persons), "-")
        for name, case, method, score in zip(persons, cases, methods, scores, strict=True):
            out.append(
                NamedPerson(
                    name=name,
                    iso3=str(row.iso3),
                    year=int(row.year),
                    quote=str(row.quote),
                    title=str(row.title),
                    url=str(row.url),
                    source_kind=SOURCE_KIND_LABELS[row.source_kind],
                    cpj_case_id=None if case == "-" else case,
                    link_method=method,
                    link_score=None if score == "-" else score,
                    language=str(row.language),
                )
            )
    return out


def detention_disagreements(
    findings: pd.DataFrame, census: pd.DataFrame, names: dict[str, str]
) -> pd.DataFrame:
    """The countries and years where Amnesty reports journalists detained and CPJ's census
    (latest counts) counts none; and the census years of the countries Amnesty's findings
    cover where CPJ counts journalists in prison but no Amnesty text was found that year."""
    findings = findings.assign(iso3=findings["iso3"].map(cpj_code))
    covered = set(findings["iso3"])
    detained = findings[findings["finding"] == DETAINED]
    with_text = set(zip(findings["iso3"], findings["year"], strict=True))
    counted = census[census["iso3"].isin(covered)].groupby(["iso3", "year"])["imprisoned"].sum()
    first, last = int(findings["year"].min()), int(census["year"].max())
    rows = []
    for (iso3, year), group in detained.groupby(["iso3", "year"]):
        if year > last:
            continue  # no census to compare with
        cpj = int(counted.get((iso3, year), 0))
        if cpj == 0:
            first_quote = group.iloc[0]
            rows.append(
                {
                    "Country": names.get(iso3, iso3),
                    "Year": int(year),
                    "Amnesty": "reports journalists detained",
                    "CPJ (1 December census)": "0",
                    "Amnesty's words": first_quote["quote"],
                    "Publication": first_quote["url"],
                }
            )
    for (iso3, year), value in counted.items():
        if first <= year <= last and value > 0 and (iso3, year) not in with_text:
            rows.append(
                {
                    "Country": names.get(iso3, iso3),
                    "Year": int(year),
                    "Amnesty": NO_TEXT,
                    "CPJ (1 December census)": f"{int(value)}",
                    "Amnesty's words": "",
                    "Publication": "",
                }
            )
    columns = [
        "Country",
        "Year",
        "Amnesty",
        "CPJ (1 December census)",
        "Amnesty's words",
        "Publication",
    ]
    return pd.DataFrame(rows, columns=columns).sort_values(["Country", "Year"], ignore_index=True)


def link_target(url: str) -> str:
    """A URL safe inside a markdown link: brackets, spaces and angle brackets encoded."""
    for char, code in (("(", "%28"), (")", "%29"), (" ", "%20"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


def source_kind(label: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """Whose text a quote is (a SOURCE_KIND_LABELS value) in `lang`, capitalised."""
    tr = i18n.translator(lang)
    return tr.capital(tr.gettext(label))


def quote_html(words: str, language: str) -> str:
    """Quoted words as published, tagged with their language (and its direction), so a
    screen reader speaks them in it and an English quote reads left to right on an Arabic
    page; escaped."""
    try:
        direction = "rtl" if i18n.is_rtl(language) else "ltr"
    except ValueError:  # not a language CLDR knows (the dataset's enum says which are)
        direction = "ltr"
    return (
        f'<blockquote lang="{html.escape(language, quote=True)}" dir="{direction}" '
        f'style="{QUOTE_STYLE}">{html.escape(words)}</blockquote>'
    )


# as Streamlit draws a markdown quote: a grey rule at the start of the line
QUOTE_STYLE = (
    "margin:0 0 .5rem;padding:0 1rem;border-inline-start:2px solid rgba(128,128,128,.5);"
    "font-family:inherit"
)


def quote_markdown(quote: Quote, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """What the profile writes under a quote (`quote_html`): where it was published with a
    link, whose text it is, and the findings coded from it (their labels in English, as
    coded); our words in `lang`."""
    _ = i18n.translator(lang).gettext
    # TRANSLATORS: under a quote: whose text it is, the publication's title, publisher and
    # date (as published), a link to it; then the findings coded from it
    return _(
        "%(kind)s: “%(title)s”, %(publisher)s, %(published)s. "
        "[Read the publication](%(url)s)  \nCoded: %(findings)s"
    ) % {
        "kind": md_escape(source_kind(quote.source_kind, lang)),
        "title": md_escape(quote.title),
        "publisher": md_escape(quote.publisher),
        "published": md_escape(quote.published),
        "url": link_target(quote.url),
        "findings": md_escape("; ".join(quote.findings)),
    }
