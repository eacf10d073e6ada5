"""The one place where datasets are described.

Titles, descriptions, column types, units, ranges, licences, citations and
methodology notes live here and nowhere else: the ETL derives its validation
schema from them, the dashboard its captions and source lines, and later the
data package and data dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

DASHBOARD_NAME = "Press Freedom Dashboard"
DASHBOARD_CITATION = (
    "Press Freedom Dashboard: open statistics on press freedom and the repression of "
    "journalists (software and datasets), 2026. See CITATION.cff."
)


# The pandas dtype each catalog column type is read and validated as.
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # "string" | "integer" | "number"
    description: str
    unit: str | None = None
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None
    source_column: str | None = None
    direction: str | None = None  # "higher is better" | "higher is worse" for measures


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    publisher: str
    homepage: str
    source_urls: tuple[str, ...]
    licence: str
    licence_url: str | None
    attribution: str  # the source line to print under a chart
    citation: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    # allowed | attribution-non-commercial | share-alike | unverified | forbidden
    redistribution: str = "allowed"

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def licence_label(self) -> str:
        """The licence's short name, for source lines under charts."""
        return re.split(r":|;| \(", self.licence, maxsplit=1)[0].strip()

    @property
    def download_blocked(self) -> str | None:
        """Why the app must not hand out this dataset's rows, or None when it may."""
        if self.redistribution == "unverified":
            return f"Not redistributed until the publisher's terms are cleared. {self.licence}"
        if self.redistribution == "forbidden":
            return f"The publisher's terms do not allow redistribution: {self.licence}"
        return None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def period(self) -> str | None:
        """The column saying which edition or year a row belongs to, so that changes and
        losses of rows can be reported edition by edition."""
        names = [c.name for c in self.columns]
        for candidate in ("edition", "year", "event_year"):
            if candidate in names and (candidate != "edition" or "edition" in self.primary_key):
                return candidate
        return None


RSF_ERAS = {
    "2002-2012": {
        "years": (2002, 2012),
        "label": "2002–2012 (old scale)",
        "short_label": "2002–2012, old scale",
        "higher_is_better": False,
        "explanation": (
            "Scores on RSF's original scale: lower is better. The scale is open-ended "
            "(from -10 for the best-placed countries in 2011-12 to above 140 for the worst)."
        ),
    },
    "2013-2021": {
        "years": (2013, 2021),
        "label": "2013–2021 (0–100, re-expressed)",
        "short_label": "2013–2021, 0–100",
        "higher_is_better": True,
        "explanation": (
            "Scores from the 2013 methodology, published at the time on a 0–100 scale where "
            "lower was better. RSF's files carry them re-expressed as 100 minus the original "
            "score, so that higher is better; they are kept so here."
        ),
    },
    "2022+": {
        "years": (2022, None),
        "label": "2022 onward (0–100, five indicators)",
        "short_label": "2022 onward, 0–100",
        "higher_is_better": True,
        "explanation": (
            "The 2022 methodology: a 0–100 score (higher is better) built from five indicators "
            "(political, economic, legal, social, safety), with five situation bands."
        ),
    },
}

RSF_SITUATIONS = ("good", "satisfactory", "problematic", "difficult", "very serious")
RSF_REGIONS = (
    "Africa",
    "Americas",
    "Asia-Pacific",
    "Eastern Europe & Central Asia",
    "Europe & Central Asia",
    "European Union & Balkans",
    "Middle East & North Africa",
)

RSF_INDICATORS = (  # column, label, raw header
    ("political", "Political context", "Political Context"),
    ("economic", "Economic context", "Economic Context"),
    ("legal", "Legal framework", "Legal Context"),
    ("social", "Social context", "Social Context"),
    ("safety", "Safety of journalists", "Safety"),
)
_INDICATOR = "0–100 indicator score of the 2022+ methodology, higher is better."

RSF_INDEX = Dataset(
    name="rsf_index",
    title="RSF World Press Freedom Index, 2002–2026",
    description=(
        "Every ranked entity of every edition of Reporters Without Borders' World Press "
        "Freedom Index: rank, score, the five indicator scores (2022 onward), situation "
        "band and RSF region. One row per entity and edition."
    ),
    publisher="Reporters Without Borders (RSF)",
    homepage="https://rsf.org/en/index",
    source_urls=("https://rsf.org/sites/default/files/import_classement/{YEAR}.csv",),
    licence="Reuse with attribution (RSF's terms)",
    licence_url="https://rsf.org/en/index",
    attribution="Source: RSF, World Press Freedom Index",
    citation=(
        "Reporters Without Borders (RSF). World Press Freedom Index, editions 2002–2026. "
        "https://rsf.org/en/index. Processed by the Press Freedom Dashboard."
    ),
    primary_key=("iso3", "year"),
    columns=(
        Column(
            "iso3",
            "string",
            "ISO 3166-1 alpha-3 code; withdrawn ISO 3166-3 codes for "
            "former states; documented project codes (X..) for entities without one.",
            source_column="ISO",
        ),
        Column("country", "string", "Display name of the entity, the same in every edition."),
        Column(
            "country_rsf",
            "string",
            "The entity's English name as printed in that edition.",
            source_column="EN_country / Country_EN",
        ),
        Column(
            "rsf_code",
            "string",
            "The entity code exactly as in RSF's file (e.g. USA1, XKO).",
            source_column="ISO",
        ),
        Column(
            "year",
            "integer",
            "Edition year (the 2011-12 edition is 2012).",
            unit="year",
            minimum=2002,
            maximum=2100,
            source_column="Year (N)",
        ),
        Column(
            "rank",
            "integer",
            "Rank in that edition (1 = best; ties share a rank).",
            unit="rank",
            minimum=1,
            maximum=250,
            source_column="Rank N / Rank",
            direction="higher is worse",
        ),
        Column(
            "score",
            "number",
            "Global score. Meaning and direction depend on `methodology`.",
            unit="score points",
            minimum=-20,
            maximum=200,
            source_column="Score N / Score / Score YEAR",
        ),
        Column(
            "methodology",
            "string",
            "Methodology era of the edition; scores are not comparable across eras.",
            enum=tuple(RSF_ERAS),
        ),
        *(
            Column(
                name,
                "number",
                f"{label}. " + _INDICATOR,
                unit="score points",
                required=False,
                minimum=0,
                maximum=100,
                source_column=raw,
            )
            for name, label, raw in RSF_INDICATORS
        ),
        Column(
            "situation",
            "string",
            "RSF's situation band (2022 onward), from the score: "
            "85–100 good, 70–85 satisfactory, 55–70 problematic, 40–55 difficult, "
            "0–40 very serious.",
            required=False,
            enum=RSF_SITUATIONS,
            source_column="Situation (2024 only; derived from the score)",
        ),
        Column(
            "region",
            "string",
            "RSF's regional zone for that edition, in English.",
            enum=RSF_REGIONS,
            source_column="Zone",
        ),
    ),
    notes=(
        *(f"{era['label']}: {era['explanation']}" for era in RSF_ERAS.values()),
        "Scores are not comparable across methodology eras; ranks are the only measure "
        "that spans all editions, and the number of ranked entities changes (139 in 2002, "
        "180 from 2014).",
        "There is no 2011 edition: the 2011-12 edition is recorded as 2012.",
        "RSF's files dropped the decimal separator in several editions (9265 for 92.65); "
        "the ETL recovers each value so that scores order exactly as RSF's ranks do.",
        "RSF ranked some non-state entities separately (Kosovo, Northern Cyprus, the OECS, "
        "US and Israeli actions outside their territory); they keep their own codes "
        "(see etl/reference/countries.csv).",
    ),
)

CPJ_TERMS = (
    "Terms unverified: CPJ publishes these records on cpj.org/data without a stated data "
    "licence (one third-party catalogue lists CC BY-NC-ND 4.0). Credit the Committee to "
    "Protect Journalists (cpj.org/data)."
)
CPJ_ATTRIBUTION = "Source: Committee to Protect Journalists (cpj.org/data)"
CPJ_HOME = "https://cpj.org/data/"
CPJ_URLS = (
    "https://datamanager.cpj.org/api/datamanager/reports/entries (imprisoned, killed, missing)",
    "https://cpj.org/wp-json/cpj-datamanager/v1/people_list (killed, confirmed journalists)",
    "https://cpj.org/data/ (database downloads)",
)
CASE_STATUSES = ("imprisoned", "killed", "missing", "unlisted")
DATE_PRECISIONS = ("day", "month", "year", "approximate", "unknown")
CHARGE_CATEGORIES = (
    "anti-state",
    "retaliatory",
    "false news",
    "defamation",
    "ethnic or religious insult",
    "censorship violation",
    "no charge disclosed",
)
CHARGE_NOTES = (
    "Charge categories are CPJ's own, with spelling variants merged: anti-state (subversion, "
    "terrorism, anti-state activity), retaliatory (charges CPJ judges unrelated to "
    "journalism but brought in retaliation, such as drug or tax charges), false news, "
    "defamation, ethnic or religious insult, censorship violation, no charge disclosed. "
    "The raw text is kept beside the category."
)

CPJ_CASES = Dataset(
    name="cpj_cases",
    title="CPJ case records: journalists imprisoned, killed and missing, 1992–2025",
    description=(
        "One row per person per case from CPJ's database: imprisonment episodes of everyone "
        "held in a 1 December census from 1992 to 2023 (with the date of arrest and charges), "
        "journalists and media workers killed 1992–2025, and journalists missing."
    ),
    publisher="Committee to Protect Journalists (CPJ)",
    homepage=CPJ_HOME,
    source_urls=CPJ_URLS,
    licence=CPJ_TERMS,
    redistribution="unverified",
    licence_url=None,
    attribution=CPJ_ATTRIBUTION,
    citation=(
        "Committee to Protect Journalists. CPJ database of attacks on the press "
        "(imprisoned, killed, missing). https://cpj.org/data/. Processed by the Press "
        "Freedom Dashboard."
    ),
    primary_key=("case_id",),
    columns=(
        Column("case_id", "string", "Stable id: CPJ profile slug, status and event date."),
        Column(
            "person_id",
            "string",
            "CPJ's profile URL slug; the same person can have "
            "several cases (several arrests, or imprisoned then killed).",
            source_column="mtpage / cpj.org URL",
        ),
        Column("name", "string", "Name as CPJ records it.", source_column="fullName / Name"),
        Column(
            "iso3",
            "string",
            "Country of the case (see etl/reference/countries.csv).",
            source_column="country / Country / location",
        ),
        Column("country_cpj", "string", "Country name as CPJ writes it."),
        Column(
            "status",
            "string",
            "imprisoned, killed, missing (or unlisted: a record CPJ has withdrawn from its lists).",
            enum=CASE_STATUSES,
            source_column="status",
        ),
        Column(
            "role",
            "string",
            "journalist or media worker (media workers from 2003).",
            enum=("journalist", "media worker"),
            source_column="type",
        ),
        Column(
            "organizations",
            "string",
            "Employers / outlets, separated by '; '.",
            required=False,
            source_column="organizations",
        ),
        Column(
            "event_date",
            "string",
            "Arrest date (imprisoned), date of death (killed) or "
            "of disappearance (missing), written only as precisely as the source states "
            "it: YYYY-MM-DD, YYYY-MM or YYYY.",
            required=False,
            source_column="startDisplay / Date",
        ),
        Column(
            "event_date_precision",
            "string",
            "day, month, year, approximate (a range or "
            "a hedged date; event_year is the earliest year stated) or unknown.",
            enum=DATE_PRECISIONS,
        ),
        Column(
            "event_year",
            "integer",
            "Year of the event (earliest stated year).",
            unit="year",
            required=False,
            minimum=1970,
            maximum=2100,
        ),
        Column(
            "event_date_raw",
            "string",
            "The date text exactly as CPJ gives it.",
            required=False,
            source_column="startDisplay / Date",
        ),
        Column(
            "charges",
            "string",
            "Charges as CPJ records them, separated by '; '.",
            required=False,
            source_column="charges",
        ),
        Column(
            "charge_categories",
            "string",
            "Normalised charge categories, separated by '; ' (see the notes for the vocabulary).",
            required=False,
        ),
        Column(
            "census_years",
            "string",
            "1 December censuses (1992–2019) in which the "
            "person was counted for this case, separated by '; '.",
            required=False,
        ),
        Column(
            "sentence",
            "string",
            "Sentence in the latest census that lists it.",
            required=False,
            source_column="sentence (census export)",
        ),
        Column(
            "mediums",
            "string",
            "Media worked in, separated by '; ' (imprisoned, from "
            "the latest census listing the person).",
            required=False,
            source_column="mediums (census export)",
        ),
        Column(
            "beats",
            "string",
            "Subjects covered, separated by '; ' (imprisoned, from the "
            "latest census listing the person).",
            required=False,
            source_column="coverage (census export)",
        ),
        Column(
            "gender",
            "string",
            "Gender as CPJ records it.",
            required=False,
            enum=("Male", "Female"),
            source_column="gender",
        ),
        Column(
            "local_or_foreign",
            "string",
            "Killed: a local or a foreign journalist.",
            required=False,
            enum=("Local", "Foreign"),
            source_column="localOrForeign",
        ),
        Column(
            "sources_of_fire",
            "string",
            "Killed: suspected perpetrators, separated by '; '.",
            required=False,
            source_column="sourcesOfFire",
        ),
        Column(
            "impunity",
            "string",
            "Murders: Complete Impunity, Partial Impunity or Full "
            "Justice (CPJ's assessment of prosecutions).",
            required=False,
            enum=("Complete Impunity", "Partial Impunity", "Full Justice"),
            source_column="impunityMurder",
        ),
        Column(
            "location",
            "string",
            "City or place (killed: where; imprisoned: where held), when recorded.",
            required=False,
            source_column="location",
        ),
        Column(
            "type_of_death",
            "string",
            "Murder, crossfire, dangerous assignment, unknown (killed only).",
            required=False,
            enum=("murder", "crossfire", "dangerous assignment", "unknown"),
            source_column="typeOfDeath / Type of Death",
        ),
        Column(
            "motive",
            "string",
            "confirmed (CPJ is reasonably certain the death was "
            "work-related), unconfirmed, or reclassified (confirmed in an older export but "
            "absent from CPJ's newer lists of confirmed cases). Killed only; blank for "
            "media workers.",
            required=False,
            enum=("confirmed", "unconfirmed", "reclassified"),
            source_column="motiveConfirmed / Motive",
        ),
        Column(
            "sources",
            "string",
            "The CPJ exports this record was read from, separated by "
            "'; ' (newest first; the newest one's values are used).",
        ),
        Column("url", "string", "CPJ's profile page.", source_column="mtpage / cpj.org URL"),
    ),
    notes=(
        "Imprisoned: one row per imprisonment episode; CPJ's list has no release dates, so "
        "status 'imprisoned' means held at least once on 1 December, not necessarily today.",
        "Killed: the newest export that holds a person wins (people list exported 2026-02-24, "
        "then the API dump of 2025-06, then the data-manager scrape of 2024-07). After June "
        "2024 only confirmed journalists are covered.",
        "Dates are never made more precise than CPJ states them: 'May 2 or 3, 2012' is 2012-05.",
        "Gender, local/foreign, sources of fire, impunity, mediums and beats of killed "
        "journalists come from CPJ's 43-column export (to 2023), joined on name, year and "
        "country because that export has no profile URL; ambiguous names are left blank.",
        CHARGE_NOTES,
    ),
)

CPJ_CASE_VALUES = Dataset(
    name="cpj_case_values",
    title="CPJ case records: multi-valued fields, one value per row",
    description=(
        "The cells of cpj_cases that hold several values (organizations, charges, charge "
        "categories, census years, mediums, beats), split into one row per value."
    ),
    publisher=CPJ_CASES.publisher,
    homepage=CPJ_HOME,
    source_urls=CPJ_URLS,
    licence=CPJ_TERMS,
    redistribution="unverified",
    licence_url=None,
    attribution=CPJ_ATTRIBUTION,
    citation=CPJ_CASES.citation,
    primary_key=("case_id", "field", "value"),
    columns=(
        Column("case_id", "string", "The case (cpj_cases.case_id)."),
        Column(
            "field",
            "string",
            "Which field of cpj_cases the value comes from.",
            enum=(
                "organizations",
                "charges",
                "charge_categories",
                "census_years",
                "mediums",
                "beats",
                "sources_of_fire",
            ),
        ),
        Column("value", "string", "One value."),
    ),
)

CPJ_CENSUS_PEOPLE = Dataset(
    name="cpj_census_people",
    title="CPJ prison census 1992–2019: the people counted on 1 December",
    description=(
        "One row per person per census year, from CPJ's imprisoned-journalists export: the "
        "person-level records behind the census counts for 1992–2019, linked to cpj_cases."
    ),
    publisher=CPJ_CASES.publisher,
    homepage=CPJ_HOME,
    source_urls=("https://cpj.org/data/imprisoned/ (database download, c. 2020)",),
    licence=CPJ_TERMS,
    redistribution="unverified",
    licence_url=None,
    attribution=CPJ_ATTRIBUTION,
    citation=CPJ_CASES.citation,
    primary_key=("year", "name", "iso3"),
    columns=(
        Column(
            "year",
            "integer",
            "Census year (held on 1 December of that year).",
            unit="year",
            minimum=1992,
            maximum=2019,
            source_column="Year",
        ),
        Column("iso3", "string", "Country holding the journalist.", source_column="country"),
        Column("name", "string", "Name as CPJ records it.", source_column="fullName"),
        Column(
            "case_id",
            "string",
            "The matching case in cpj_cases (by name and country), blank where none matches.",
            required=False,
        ),
        Column(
            "charges",
            "string",
            "Charges as recorded, separated by '; '.",
            required=False,
            source_column="charges",
        ),
        Column("charge_categories", "string", "Normalised charge categories.", required=False),
        Column(
            "sentence", "string", "Sentence as recorded.", required=False, source_column="sentence"
        ),
        Column(
            "mediums",
            "string",
            "Media worked in, separated by '; '.",
            required=False,
            source_column="mediums",
        ),
        Column(
            "beats",
            "string",
            "Subjects covered, separated by '; '.",
            required=False,
            source_column="coverage",
        ),
        Column("gender", "string", "Gender as recorded.", required=False, source_column="gender"),
    ),
)

CENSUS_SOURCES = ("cpj-person-years-2020", "gapminder-fasttrack-2024", "gapminder-residual-2024")

CPJ_CENSUS = Dataset(
    name="cpj_census",
    title="Journalists imprisoned on 1 December (CPJ prison census), by country, 1992–2023",
    description=(
        "CPJ's prison census count per country and year. Every export that gives a figure "
        "is kept as its own row, because CPJ revises past counts; `latest` marks the row from "
        "the newest export, which the dashboard shows."
    ),
    publisher="Committee to Protect Journalists (CPJ); compiled by Gapminder for 2020–2023",
    homepage="https://cpj.org/data/imprisoned/",
    source_urls=(
        "https://cpj.org/data/imprisoned/ (person-level export, c. 2020)",
        "http://gapm.io/djournalists_killed (Gapminder Fast Track v5, 2024-10-08)",
    ),
    licence=CPJ_TERMS,
    redistribution="unverified",
    licence_url=None,
    attribution="Source: CPJ prison census (cpj.org/data); 2020–2023 via Gapminder",
    citation=(
        "Committee to Protect Journalists, prison census (https://cpj.org/data/imprisoned/); "
        "Gapminder Fast Track indicator 'Journalists imprisoned' v5 (2024). Processed by the "
        "Press Freedom Dashboard."
    ),
    primary_key=("iso3", "year", "source"),
    columns=(
        Column("iso3", "string", "Country holding the journalists."),
        Column(
            "year",
            "integer",
            "Census year (count on 1 December).",
            unit="year",
            minimum=1992,
            maximum=2100,
        ),
        Column(
            "imprisoned",
            "integer",
            "Journalists in prison on 1 December.",
            direction="higher is worse",
            unit="journalists",
            minimum=0,
        ),
        Column(
            "source",
            "string",
            "Which export the figure comes from: "
            "cpj-person-years-2020 (rows of CPJ's person-level export, 1992–2019), "
            "gapminder-fasttrack-2024 (Gapminder's country series from CPJ, 1992–2023), "
            "gapminder-residual-2024 (Gapminder's world total minus its country rows: the "
            "Israel and Occupied Palestinian Territory records it could not map).",
            enum=CENSUS_SOURCES,
        ),
        Column("export_date", "string", "When that export was made (as precisely as known)."),
        Column(
            "latest",
            "string",
            "yes for the row from the newest export for this country and year, else no.",
            enum=("yes", "no"),
        ),
    ),
    notes=(
        "The census is a snapshot at midnight on 1 December: people jailed and released "
        "within the year are not counted.",
        "CPJ revised its historical counts in 2018 and revises them every December, so two "
        "exports can disagree for the same country and year; both are kept.",
        "Gapminder's country series drops CPJ's 'Israel and the Occupied Palestinian "
        "Territory'; the difference between its world total and its country rows is "
        "published as a derived row for XIP.",
    ),
)

CPJ_KILLED_COUNTS = Dataset(
    name="cpj_killed_counts",
    title="Journalists and media workers killed (CPJ), by country, year, role and motive",
    description=(
        "Counts of CPJ's killed records by country, year of death, role and motive, computed "
        "from cpj_cases."
    ),
    publisher=CPJ_CASES.publisher,
    homepage="https://cpj.org/data/killed/",
    source_urls=CPJ_URLS,
    licence=CPJ_TERMS,
    redistribution="unverified",
    licence_url=None,
    attribution=CPJ_ATTRIBUTION,
    citation=CPJ_CASES.citation,
    primary_key=("iso3", "year", "role", "motive"),
    columns=(
        Column("iso3", "string", "Country where the person was killed."),
        Column("year", "integer", "Year of death.", unit="year", minimum=1992, maximum=2100),
        Column(
            "role", "string", "journalist or media worker.", enum=("journalist", "media worker")
        ),
        Column(
            "motive",
            "string",
            "confirmed, unconfirmed, reclassified (no longer in CPJ's "
            "confirmed lists), or not applicable (media workers).",
            enum=("confirmed", "unconfirmed", "reclassified", "not applicable"),
        ),
        Column(
            "killed",
            "integer",
            "Number of people killed.",
            unit="people",
            minimum=1,
            direction="higher is worse",
        ),
    ),
    notes=(
        "From mid-2024 the exports at hand cover confirmed journalists only: unconfirmed "
        "cases and media workers for late 2024 and 2025 are missing, not zero.",
    ),
)

DOCUMENTED_CASES = Dataset(
    name="documented_cases",
    title="Documented cases outside CPJ's records, with their sources",
    description=(
        "A small curated file of cases reported in published sources but not (yet) in CPJ's "
        "files. Every row is one fact with its source and the sentence it rests on."
    ),
    publisher="Press Freedom Dashboard (curated from the sources cited in each row)",
    homepage="https://www.wsws.org/en/articles/2025/05/22/axes-m22.html",
    source_urls=("etl/curated/documented_cases.csv", "etl/curated/sources.csv"),
    licence="Facts with quoted source sentences; quotations remain their authors'",
    licence_url=None,
    attribution="Source: as cited per fact (curated by the Press Freedom Dashboard)",
    citation="Press Freedom Dashboard, documented cases (see the source of each fact).",
    primary_key=("case_key", "fact", "source_id"),
    columns=(
        Column("case_key", "string", "Stable key of the case (person or group)."),
        Column("person_name", "string", "Name as the source gives it."),
        Column("iso3", "string", "Country of the case."),
        Column(
            "fact",
            "string",
            "What the row states.",
            enum=(
                "role",
                "detention_date",
                "arrest_date",
                "arrest_reported_date",
                "charges",
                "sentence",
                "earlier_sentence",
                "ill_treatment_allegation",
                "people",
                "status",
            ),
        ),
        Column("value", "string", "The fact, in the source's terms."),
        Column(
            "value_precision",
            "string",
            "For dates: day or month.",
            required=False,
            enum=("day", "month", "year"),
        ),
        Column("source_id", "string", "Key of the source."),
        Column("publisher", "string", "Publisher of the source."),
        Column("title", "string", "Title of the source."),
        Column("published", "string", "Publication date of the source (YYYY-MM-DD)."),
        Column("url", "string", "Where the source can be read.", required=False),
        Column("quote", "string", "The sentence of the source that the fact rests on."),
        Column(
            "note", "string", "Caveats: attribution, inferred years, missing names.", required=False
        ),
        Column(
            "cpj_case_id", "string", "The same person's CPJ case, when one exists.", required=False
        ),
    ),
    notes=(
        "Only what the sources state is recorded; allegations are labelled as such and "
        "attributed. A year missing from a sentence and taken from the article's date is "
        "said so in the note.",
    ),
)


def entity_columns(entity_source: str) -> tuple[Column, ...]:
    """The identifying columns every country-year context dataset starts with."""
    return (
        Column(
            "iso3",
            "string",
            "ISO3 code from the crosswalk; blank for entities without "
            "one (territories, disputed or historical units), which are kept and reported.",
            required=False,
        ),
        Column(
            "entity",
            "string",
            "The entity's name as the source writes it.",
            source_column=entity_source,
        ),
        Column(
            "year",
            "integer",
            "Calendar year the data describes.",
            unit="year",
            minimum=1900,
            maximum=2100,
        ),
    )


PTS_SCALE = (
    "1–5 ordinal, higher is worse: 1 secure rule of law, no political imprisonment or "
    "torture; 3 extensive political imprisonment; 5 terror extends to the whole "
    "population."
)
PTS = Dataset(
    name="pts",
    title="Political Terror Scale 1976–2023 (Amnesty, HRW and State Department codings)",
    description=(
        "Levels of state-sanctioned political violence coded each year from three report "
        "series: Amnesty International's annual report (PTS_A), Human Rights Watch's World "
        "Report (PTS_H, from 2013) and the US State Department's Country Reports (PTS_S)."
    ),
    publisher="Political Terror Scale project (Gibney et al.)",
    homepage="http://www.politicalterrorscale.org/",
    source_urls=("http://www.politicalterrorscale.org/Data/Download.html (PTS-2024)",),
    licence="CC BY-NC 4.0 (per the PTS codebook): attribution, non-commercial",
    licence_url="https://creativecommons.org/licenses/by-nc/4.0/",
    attribution="Source: Political Terror Scale (Gibney et al. 2024)",
    citation=(
        "Gibney, Mark, Peter Haschke, Daniel Arnon, Attilio Pisanò, Gray Barrett, Baekkwan "
        "Park, and Jennifer Barnes. 2024. The Political Terror Scale 1976-2023. "
        "http://www.politicalterrorscale.org/."
    ),
    primary_key=("entity", "year"),
    redistribution="attribution-non-commercial",
    columns=(
        *entity_columns("Country"),
        Column(
            "region",
            "string",
            "PTS region code (eap, eca, lac, mena, na, sa, ssa).",
            required=False,
            source_column="Region",
        ),
        Column(
            "pts_a",
            "integer",
            "PTS coded from Amnesty International's annual report. " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_A",
            direction="higher is worse",
        ),
        Column(
            "pts_h",
            "integer",
            "PTS coded from Human Rights Watch's World Report (2013 on). " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_H",
            direction="higher is worse",
        ),
        Column(
            "pts_s",
            "integer",
            "PTS coded from the US State Department's Country Reports. " + PTS_SCALE,
            unit="level",
            required=False,
            minimum=1,
            maximum=5,
            source_column="PTS_S",
            direction="higher is worse",
        ),
        *(
            Column(
                f"missing_{k}",
                "string",
                f"Why pts_{k} is blank: no report published, "
                "not a UN member without a report, state did not exist, report not coded.",
                required=False,
                enum=(
                    "no report published",
                    "non-UN entity without report",
                    "state did not exist",
                    "report not coded",
                ),
                source_column=f"NA_Status_{k.upper()}",
            )
            for k in ("a", "h", "s")
        ),
    ),
    notes=(
        "Year is the year of the events the report covers, not its publication year.",
        "The three codings come from different reports and are not averaged here.",
        "PTS_A is absent for 2013 (no Amnesty report that year) and nearly absent for 2018.",
        "Five rows carry both a score and a 'no report' status code; the score is kept.",
    ),
)

FH_TERMS = (
    "Freedom House terms of use: reuse with attribution; redistribution of the raw "
    "data may need Freedom House's permission (no licence is embedded in the files)"
)
FH_STATUS = ("free", "partly free", "not free")


def _fh(name, title, description, url, columns, notes, citation):
    return Dataset(
        name=name,
        title=title,
        description=description,
        publisher="Freedom House",
        homepage="https://freedomhouse.org/",
        source_urls=(url,),
        licence=FH_TERMS,
        licence_url="https://freedomhouse.org/terms-of-use",
        attribution=f"Source: Freedom House, {title.split(',')[0]}",
        citation=citation,
        primary_key=("entity", "edition"),
        columns=columns,
        notes=notes,
        redistribution="unverified",
    )


FH_FIW = _fh(
    "fh_fiw",
    "Freedom in the World, editions 2013–2025",
    "Freedom House's annual ratings of political rights and civil liberties, with indicator "
    "D1 'Are there free and independent media?'.",
    "https://freedomhouse.org/sites/default/files/2025-02/All_data_FIW_2013-2024.xlsx",
    (
        *entity_columns("Country/Territory"),
        Column(
            "edition",
            "integer",
            "Report edition; it covers the previous calendar year.",
            unit="year",
            minimum=2013,
            maximum=2100,
            source_column="Edition",
        ),
        Column(
            "kind",
            "string",
            "country or territory.",
            enum=("country", "territory"),
            source_column="C/T",
        ),
        Column(
            "status",
            "string",
            "Free, partly free or not free.",
            enum=FH_STATUS,
            source_column="Status",
        ),
        Column(
            "d1",
            "integer",
            "D1: Are there free and independent media? 0–4, higher is better.",
            unit="points",
            required=False,
            minimum=0,
            maximum=4,
            source_column="D1",
            direction="higher is better",
        ),
        Column(
            "d",
            "integer",
            "D: freedom of expression and belief, 0–16, higher is better.",
            unit="points",
            required=False,
            minimum=0,
            maximum=16,
            source_column="D",
            direction="higher is better",
        ),
        Column(
            "political_rights",
            "integer",
            "Political rights, 0–40 (can fall below 0 "
            "after FH's deduction for demographic manipulation), higher is better.",
            unit="points",
            required=False,
            minimum=-10,
            maximum=40,
            source_column="PR",
            direction="higher is better",
        ),
        Column(
            "civil_liberties",
            "integer",
            "Civil liberties, 0–60, higher is better.",
            unit="points",
            required=False,
            minimum=0,
            maximum=60,
            source_column="CL",
            direction="higher is better",
        ),
        Column(
            "total",
            "integer",
            "Total score, 0–100 (can fall below 0), higher is better.",
            unit="points",
            required=False,
            minimum=-10,
            maximum=100,
            source_column="Total",
            direction="higher is better",
        ),
    ),
    (
        "Editions are labelled by report year and cover the previous calendar year: the 2025 "
        "edition is year 2024 here.",
        "Territories (e.g. Crimea, Gaza Strip, Indian Kashmir) have no ISO code and keep a blank "
        "iso3.",
    ),
    "Freedom House. Freedom in the World 2013–2025 (All Data, FIW 2013-2024). "
    "https://freedomhouse.org/report/freedom-world.",
)

FH_FOTP = _fh(
    "fh_fotp",
    "Freedom of the Press, editions 2002–2015",
    "Freedom House's former press-freedom index: legal, political and economic environment "
    "and a 0–100 total where HIGHER IS WORSE.",
    "https://freedomhouse.org/sites/default/files/2020-02/FOTP1980-FOTP2017_Public-Data.xlsx",
    (
        *entity_columns("country"),
        Column(
            "edition",
            "integer",
            "Report edition (covers the previous year).",
            unit="year",
            minimum=2002,
            maximum=2017,
            source_column="year.reported",
        ),
        Column(
            "legal",
            "integer",
            "A. Legal environment, 0–30, higher is worse.",
            unit="points",
            required=False,
            minimum=0,
            maximum=30,
            source_column="a",
            direction="higher is worse",
        ),
        Column(
            "political",
            "integer",
            "B. Political environment, 0–40, higher is worse.",
            unit="points",
            required=False,
            minimum=0,
            maximum=40,
            source_column="b",
            direction="higher is worse",
        ),
        Column(
            "economic",
            "integer",
            "C. Economic environment, 0–30, higher is worse.",
            unit="points",
            required=False,
            minimum=0,
            maximum=30,
            source_column="c",
            direction="higher is worse",
        ),
        Column(
            "score",
            "integer",
            "Total, 0–100, higher is worse (the opposite of FIW).",
            unit="points",
            required=False,
            minimum=0,
            maximum=100,
            source_column="score",
            direction="higher is worse",
        ),
        Column(
            "status",
            "string",
            "Free, partly free or not free.",
            required=False,
            enum=FH_STATUS,
            source_column="status",
        ),
    ),
    (
        "Year is the year covered (edition minus one).",
        "Kosovo's 2008–2009 rows are all zeros with status '0' in the file and are treated as "
        "missing; for year 2011 the sub-scores of the two Congos are swapped in the file "
        "(they add up to each other's totals) and are left blank, the totals kept.",
        "Rows with neither a score nor a status (defunct states listed with empty values) are "
        "left out.",
    ),
    "Freedom House. Freedom of the Press 2002–2015 (detailed data and sub-scores).",
)

FH_FOTN = _fh(
    "fh_fotn",
    "Freedom on the Net, edition 2024",
    "Freedom House's internet-freedom scores for 72 countries: obstacles to access, limits "
    "on content, violations of user rights, and a 0–100 total where higher is better.",
    "https://freedomhouse.org/report/freedom-net",
    (
        *entity_columns("Country"),
        Column(
            "edition",
            "integer",
            "Report edition.",
            unit="year",
            minimum=2011,
            maximum=2100,
            source_column="Edition",
        ),
        Column(
            "status",
            "string",
            "Free, partly free or not free.",
            enum=FH_STATUS,
            source_column="Status",
        ),
        Column(
            "obstacles_to_access",
            "integer",
            "A. Obstacles to access, 0–25, higher is better.",
            unit="points",
            minimum=0,
            maximum=25,
            source_column="A",
            direction="higher is better",
        ),
        Column(
            "limits_on_content",
            "integer",
            "B. Limits on content, 0–35, higher is better.",
            unit="points",
            minimum=0,
            maximum=35,
            source_column="B",
            direction="higher is better",
        ),
        Column(
            "violations_of_user_rights",
            "integer",
            "C. Violations of user rights, 0–40, higher is better.",
            unit="points",
            minimum=0,
            maximum=40,
            source_column="C",
            direction="higher is better",
        ),
        Column(
            "total",
            "integer",
            "Total, 0–100, higher is better.",
            unit="points",
            minimum=0,
            maximum=100,
            source_column="Total",
            direction="higher is better",
        ),
    ),
    (
        "The 2024 edition covers June 2023 to May 2024; year is recorded as 2023 (edition "
        "minus one), like the other Freedom House series. Earlier editions were not available.",
    ),
    "Freedom House. Freedom on the Net 2024. https://freedomhouse.org/report/freedom-net.",
)

VDEM_LATENT = (
    "V-Dem measurement-model estimate on a latent scale (roughly -4 to +4, 0 near "
    "the mean of all country-years); higher is better"
)
VDEM = Dataset(
    name="vdem",
    title="V-Dem v14: media freedom and repression indicators, 1970–2023",
    description=(
        "Expert-coded indicators from the Varieties of Democracy project: government media "
        "censorship, harassment of journalists, media self-censorship, internet censorship, "
        "critical media, the freedom of expression index, physical integrity and CSO "
        "repression."
    ),
    publisher="V-Dem Institute (Varieties of Democracy)",
    homepage="https://www.v-dem.net/data/the-v-dem-dataset/",
    source_urls=(
        "https://www.v-dem.net/data/the-v-dem-dataset/ (Country-Year v14, via the "
        "vdemlite extract)",
    ),
    licence="CC BY-SA 4.0: attribution, share-alike (derived data keep the same licence)",
    licence_url="https://creativecommons.org/licenses/by-sa/4.0/",
    attribution="Source: V-Dem v14 (Coppedge et al. 2024)",
    citation=(
        "Coppedge, Michael, John Gerring, et al. 2024. V-Dem Country-Year Dataset v14. "
        "Varieties of Democracy (V-Dem) Project. https://doi.org/10.23696/mcwt-fr58."
    ),
    primary_key=("entity", "year"),
    redistribution="share-alike",
    columns=(
        *entity_columns("country_name"),
        Column(
            "vdem_id",
            "string",
            "V-Dem's own three-letter unit id.",
            source_column="country_text_id",
        ),
        Column(
            "freedom_of_expression",
            "number",
            "Freedom of expression and alternative "
            "sources of information index, 0–1, higher is better.",
            unit="index 0–1",
            minimum=0,
            maximum=1,
            source_column="v2x_freexp_altinf",
            direction="higher is better",
        ),
        Column(
            "media_censorship",
            "number",
            "Government censorship effort – media. " + VDEM_LATENT + " (less censorship).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2mecenefm",
            direction="higher is better",
        ),
        Column(
            "journalist_harassment",
            "number",
            "Harassment of journalists. " + VDEM_LATENT + " (less harassment).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2meharjrn",
            direction="higher is better",
        ),
        Column(
            "media_self_censorship",
            "number",
            "Media self-censorship. " + VDEM_LATENT + " (less self-censorship).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2meslfcen",
            direction="higher is better",
        ),
        Column(
            "internet_censorship",
            "number",
            "Internet censorship effort (coded from 1993). " + VDEM_LATENT + ".",
            unit="latent",
            required=False,
            minimum=-6,
            maximum=6,
            source_column="v2mecenefi",
            direction="higher is better",
        ),
        Column(
            "media_critical",
            "number",
            "Print and broadcast media critical of the government. " + VDEM_LATENT + ".",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2mecrit",
            direction="higher is better",
        ),
        Column(
            "physical_integrity",
            "number",
            "Physical violence index (freedom from "
            "torture and political killings), 0–1, higher is better.",
            unit="index 0–1",
            minimum=0,
            maximum=1,
            source_column="v2x_clphy",
            direction="higher is better",
        ),
        Column(
            "cso_repression",
            "number",
            "CSO repression. " + VDEM_LATENT + " (less repression).",
            unit="latent",
            minimum=-6,
            maximum=6,
            source_column="v2csreprss",
            direction="higher is better",
        ),
    ),
    notes=(
        "Point estimates only; V-Dem re-estimates the whole series each release, so values "
        "are tied to version 14.",
        "V-Dem's 'Palestine/West Bank' unit carries the code PSE and is matched to Palestine; "
        "'Palestine/Gaza', Somaliland, Zanzibar and the Republic of Vietnam keep a blank iso3.",
    ),
)

AMNESTY_NOTE = (
    "Coded from Amnesty International's documents by academic projects, not "
    "published by Amnesty itself"
)
AMNESTY_ITT = Dataset(
    name="amnesty_itt",
    title="Ill-Treatment and Torture allegations in Amnesty International documents, 1995–2005",
    description=(
        "The level of torture alleged in Amnesty International's documents for each "
        "country-year (ITT project), and whether Amnesty reported restricted access."
    ),
    publisher="ITT Data Project (Conrad & Moore), coded from Amnesty International",
    homepage="https://doi.org/10.1111/j.1528-3585.2012.00473.x",
    source_urls=("ITT Country-Year data (via CJFariss/Human-Rights-Latent-Variable)",),
    licence="Academic dataset without a stated licence: cite the authors; terms unverified",
    licence_url=None,
    attribution="Source: ITT project (Conrad, Haglund & Moore 2013), from Amnesty documents",
    citation=(
        "Conrad, Courtenay R., Jillienne Haglund, and Will H. Moore. 2013. Disaggregating "
        "Torture Allegations: Introducing the Ill-Treatment and Torture (ITT) Country-Year "
        "Data. International Studies Perspectives 14(2): 199–220."
    ),
    primary_key=("entity", "year"),
    redistribution="unverified",
    columns=(
        *entity_columns("iso3alpha"),
        Column(
            "torture_level",
            "string",
            "Level of torture alleged (ITT wording).",
            required=False,
            source_column="LoT",
            enum=(
                "No Allegations",
                "Infrequent",
                "Several",
                "Routinely",
                "Widespread",
                "Systematic",
                "Allegation, No LoT",
                "Continued",
                "Improved",
                "Increased/Worsening",
            ),
        ),
        Column(
            "torture_level_rank",
            "integer",
            "The ordered levels as 1 (no allegations) to "
            "6 (systematic); blank for the other codes.",
            unit="level",
            required=False,
            minimum=1,
            maximum=6,
            direction="higher is worse",
        ),
        Column(
            "restricted_access",
            "string",
            "Amnesty reported restricted access.",
            required=False,
            enum=("yes", "no"),
            source_column="RstrctAccess",
        ),
    ),
    notes=(AMNESTY_NOTE + ".", "Codes -777 and -999 in the file are missing values."),
)

CIRIGHTS = Dataset(
    name="cirights",
    title="CIRIGHTS: freedom of speech and physical integrity rights, 1981–2020",
    description=(
        "Human-rights practice scores coded from annual human-rights reports (the CIRI "
        "scheme, coded from US State Department and Amnesty International reports): freedom "
        "of speech and press, torture, extrajudicial killing, disappearance, political "
        "imprisonment."
    ),
    publisher="CIRIGHTS Data Project (Binghamton University)",
    homepage="https://cirights.com/",
    source_urls=("CIRIGHTS v1.22.11.25 (via CJFariss/Human-Rights-Latent-Variable)",),
    licence="No licence stated; CIRI's documentation reserved all rights: terms unverified",
    licence_url=None,
    attribution="Source: CIRIGHTS v1.22.11.25",
    citation="CIRIGHTS Data Project, version 1.22.11.25. https://cirights.com/.",
    primary_key=("entity", "year"),
    redistribution="unverified",
    columns=(
        *entity_columns("country"),
        Column(
            "speech",
            "integer",
            "Freedom of speech and press: 0 complete censorship, 1 some censorship, 2 none.",
            unit="level",
            required=False,
            minimum=0,
            maximum=2,
            source_column="speech",
            direction="higher is better",
        ),
        *(
            Column(
                name,
                "integer",
                f"{label}: 0 frequent, 1 occasional, 2 none.",
                unit="level",
                required=False,
                minimum=0,
                maximum=2,
                source_column=raw,
                direction="higher is better",
            )
            for name, label, raw in (
                ("torture", "Torture", "tort"),
                ("killing", "Extrajudicial killing", "kill"),
                ("disappearance", "Disappearance", "disap"),
                ("political_imprisonment", "Political imprisonment", "polpris"),
            )
        ),
        Column(
            "physical_integrity",
            "integer",
            "Sum of the four physical-integrity items, 0–8.",
            unit="points",
            required=False,
            minimum=0,
            maximum=8,
            source_column="physint_sum",
            direction="higher is better",
        ),
    ),
    notes=(
        "Check the CIRIGHTS codebook for which reports were used in which years before "
        "reading these as Amnesty findings.",
    ),
)

AMNESTY_EXECUTIONS = Dataset(
    name="amnesty_executions",
    title="Executions recorded by Amnesty International, 2007–2016",
    description="Minimum numbers of judicial executions by country and year.",
    publisher="Amnesty International (via Our World in Data)",
    homepage="https://www.amnesty.org/en/what-we-do/death-penalty/",
    source_urls=(
        "Amnesty International, Death Sentences and Executions reports (OWID "
        "dataset 'Executions by country - Amnesty International')",
    ),
    licence="Amnesty reports: generally CC BY-NC-ND 4.0 — terms for reuse of the figures "
    "unverified",
    licence_url="https://creativecommons.org/licenses/by-nc-nd/4.0/",
    attribution="Source: Amnesty International death-penalty reports, via Our World in Data",
    citation="Amnesty International. Death Sentences and Executions, 2007–2016.",
    primary_key=("entity", "year"),
    redistribution="unverified",
    columns=(
        *entity_columns("Entity"),
        Column(
            "executions",
            "integer",
            "Executions recorded (a minimum).",
            unit="people",
            minimum=0,
            source_column="Number of executions (Amnesty International)",
            direction="higher is worse",
        ),
        Column(
            "at_least",
            "string",
            "yes where Amnesty gives only a lower bound (>1000 for "
            "China, >1 where the number is unknown).",
            enum=("yes", "no"),
        ),
    ),
    notes=(
        "Amnesty's figures are minimums; a country missing in a year is not listed, not "
        "necessarily zero.",
        "The 'World (excluding China)' rows keep a blank iso3.",
    ),
)

AMNESTY_ATTENTION = Dataset(
    name="amnesty_attention",
    title="Amnesty International attention: amnesty.org search results per country-year",
    description=(
        "How many amnesty.org documents mention a country in a year (the 'N results' count "
        "of amnesty.org's search, scraped by Dancy & Fariss about 2022): a measure of "
        "Amnesty's output volume, not of severity."
    ),
    publisher="Dancy & Fariss, The Search for Human Rights (replication data)",
    homepage="https://github.com/CJFariss/Human-Rights-Search",
    source_urls=("HumanRightsProtectionScores_v4.01_amnesty_report_count_v2.csv",),
    licence="CC BY-NC-SA 3.0 US (Human Rights Protection Scores data): attribution, "
    "non-commercial, share-alike",
    licence_url="https://creativecommons.org/licenses/by-nc-sa/3.0/us/",
    attribution="Source: Dancy & Fariss, amnesty.org search counts",
    citation="Dancy, Geoff, and Christopher J. Fariss. The Search for Human Rights: A Global "
    "Analysis Using Google Data. Replication data (Human-Rights-Search).",
    primary_key=("entity", "year"),
    redistribution="attribution-non-commercial",
    columns=(
        *entity_columns("country_name"),
        Column(
            "amnesty_documents",
            "integer",
            "amnesty.org search results for the country in that year.",
            unit="documents",
            minimum=0,
            source_column="amnesty_report_count",
        ),
    ),
    notes=(
        "Depends on amnesty.org's search index when it was scraped; use for relative "
        "attention only.",
    ),
)

RSF_ROUNDUP = Dataset(
    name="rsf_roundup",
    title="RSF round-up and barometer figures: journalists detained, killed, held hostage, missing",
    description=(
        "Figures RSF publishes only in reports, press releases and its barometer web page, "
        "curated one by one: world totals and the country figures that are published, each "
        "with the publication it comes from and the sentence that states it."
    ),
    publisher="Reporters Without Borders (RSF), as published and reported",
    homepage="https://rsf.org/en/barometer",
    source_urls=("etl/curated/rsf_roundup.csv (each row cites its own URL)",),
    licence="Facts with quoted source sentences; cite RSF and the publication given per row",
    licence_url=None,
    attribution="Source: RSF annual round-ups and barometer, as cited per figure",
    citation="Reporters Without Borders (RSF), annual Round-up (year as given per row).",
    primary_key=("scope", "iso3", "year", "measure", "published"),
    columns=(
        Column("scope", "string", "world or country.", enum=("world", "country")),
        Column("iso3", "string", "Country (blank for world totals).", required=False),
        Column(
            "year", "integer", "Year the figure describes.", unit="year", minimum=1995, maximum=2100
        ),
        Column(
            "measure",
            "string",
            "detained (a stock on the reference date), killed (over "
            "the year), held hostage, missing.",
            enum=("detained", "killed", "held hostage", "missing"),
        ),
        Column(
            "value",
            "integer",
            "The number published.",
            unit="journalists",
            minimum=0,
            direction="higher is worse",
        ),
        Column("as_of", "string", "Reference date of the figure (round-ups: 1 December)."),
        Column("publisher", "string", "Who published the text quoted."),
        Column("title", "string", "Title of that publication."),
        Column("published", "string", "Publication date (YYYY-MM or YYYY-MM-DD)."),
        Column("url", "string", "Where to read it."),
        Column("language", "string", "Language of the quoted sentence.", enum=("en", "fr", "id")),
        Column("quote", "string", "The sentence that states the figure."),
        Column("note", "string", "Caveats: revisions, what the figure includes.", required=False),
    ),
    notes=(
        "RSF counts journalists, non-professional journalists and media workers when their "
        "detention or death is linked to their work; detained is a stock on 1 December (or "
        "mid-December), killed a flow over the year. RSF revises past years: revised figures "
        "are kept beside the first ones, each with its publication date.",
        "Hand-curated: a figure enters only with its URL and quoted sentence.",
    ),
)

FH_STATUS_HISTORY = _fh(
    "fh_status",
    "Freedom in the World ratings and status, 1972–2024",
    "Freedom House's political-rights and civil-liberties ratings (1 = most free, 7 = least) "
    "and Free / Partly Free / Not Free status for every country and territory since the "
    "first survey, reshaped from the wide workbook to one row per entity and edition.",
    "https://freedomhouse.org/sites/default/files/2025-02/"
    "Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx",
    (
        *entity_columns("first column of the ratings sheets"),
        Column(
            "edition",
            "string",
            "Survey edition as labelled (e.g. 'Jan.-Feb. 1973', '1983-84', '2025').",
            source_column="Survey Edition",
        ),
        Column(
            "period",
            "string",
            "Year(s) under review as labelled.",
            source_column="Year(s) Under Review",
        ),
        Column("kind", "string", "country or territory.", enum=("country", "territory")),
        Column(
            "pr_rating",
            "integer",
            "Political rights rating, 1 (most free) to 7 (least free).",
            unit="rating",
            required=False,
            minimum=1,
            maximum=7,
            source_column="PR",
            direction="higher is worse",
        ),
        Column(
            "cl_rating",
            "integer",
            "Civil liberties rating, 1 (most free) to 7.",
            unit="rating",
            required=False,
            minimum=1,
            maximum=7,
            source_column="CL",
            direction="higher is worse",
        ),
        Column(
            "status",
            "string",
            "Free, partly free or not free.",
            required=False,
            enum=FH_STATUS,
            source_column="Status",
        ),
        Column(
            "status_level",
            "integer",
            "The status as a number: 1 not free, 2 partly free, 3 free.",
            unit="level",
            required=False,
            minimum=1,
            maximum=3,
            direction="higher is better",
        ),
    ),
    (
        "Year is the last year of the period under review; the 1982 and 1983-84 editions cover "
        "irregular periods (Jan. 1981–Aug. 1982, Aug. 1982–Nov. 1983), kept in `period`.",
        "Ratings written as '2(5)' or 'F (NF)' in the workbook (e.g. South Africa 1973, rated "
        "separately for two populations) keep their first value; '-' means not rated.",
    ),
    "Freedom House. Country and Territory Ratings and Statuses, FIW 1973–2024.",
)
# Kosovo and others appear on both sheets (territory, later country): kind is part of the key.
FH_STATUS_HISTORY = replace(FH_STATUS_HISTORY, primary_key=("entity", "kind", "edition"))

COUNTRIES = Dataset(
    name="countries",
    title="Countries and entities: the crosswalk every dataset's iso3 refers to",
    description=(
        "Every code used in the datasets: ISO 3166-1 alpha-3 countries, withdrawn ISO 3166-3 "
        "codes for former states, and documented project codes (X..) for entities without an "
        "ISO code, with the display name used throughout the dashboard."
    ),
    publisher="Press Freedom Dashboard (ISO 3166 via pycountry)",
    homepage="https://www.iso.org/iso-3166-country-codes.html",
    source_urls=("etl/reference/countries.csv",),
    licence="Public-domain facts (code lists) and project notes under CC BY 4.0",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    attribution="Source: ISO 3166 (via pycountry) and the Press Freedom Dashboard crosswalk",
    citation="Press Freedom Dashboard, country crosswalk (etl/reference/countries.csv).",
    primary_key=("iso3",),
    columns=(
        Column("iso3", "string", "The code."),
        Column("name", "string", "Display name."),
        Column(
            "code_status",
            "string",
            "iso3166-1, iso3166-3 (withdrawn) or project (user-assigned X.. code).",
            enum=("iso3166-1", "iso3166-3", "project"),
        ),
        Column(
            "note",
            "string",
            "Why a non-ISO or withdrawn code exists and what it covers.",
            required=False,
        ),
    ),
)

DATASETS = {
    d.name: d
    for d in (
        COUNTRIES,
        RSF_INDEX,
        CPJ_CASES,
        CPJ_CASE_VALUES,
        CPJ_CENSUS_PEOPLE,
        CPJ_CENSUS,
        CPJ_KILLED_COUNTS,
        DOCUMENTED_CASES,
        PTS,
        FH_FIW,
        FH_FOTP,
        FH_FOTN,
        FH_STATUS_HISTORY,
        VDEM,
        AMNESTY_ITT,
        CIRIGHTS,
        AMNESTY_EXECUTIONS,
        AMNESTY_ATTENTION,
        RSF_ROUNDUP,
    )
}


# What this project hands out, and why. One policy for every channel: the repository, the
# app's downloads and grids, the /data URLs, the data package and the exports.
WITHHELD_POLICY = (
    "Datasets whose publisher's terms are unverified or forbid redistribution are shown in "
    "the dashboard (charts and tables read on screen, each credited and linked to the "
    "publisher, as the publishers show them on their own sites) but never handed out in "
    "bulk: they are not committed to the repository, not in the data package, not served "
    "at /data, and no download, grid export or data file of a chart contains their rows. "
    "Each installation builds them from the publisher's own files (`make datasets`, or "
    "automatically by `make run` and `make test` when they are missing), so every copy "
    "comes from the publisher, under the publisher's terms. Their metadata, checksums and "
    "row counts are published, so a local build can be checked against ours."
)


def withheld() -> tuple[Dataset, ...]:
    """The datasets this project does not redistribute (see WITHHELD_POLICY)."""
    return tuple(d for d in DATASETS.values() if d.download_blocked)


def era_of(year: int) -> str:
    for name, era in RSF_ERAS.items():
        start, end = era["years"]
        if year >= start and (end is None or year <= end):
            return name
    raise ValueError(f"no RSF methodology era covers {year}")


def situation_of(score: float) -> str:
    """RSF's 2022+ band for a score (lower bounds inclusive, as RSF draws them)."""
    if score >= 85:
        return "good"
    if score >= 70:
        return "satisfactory"
    if score >= 55:
        return "problematic"
    if score >= 40:
        return "difficult"
    return "very serious"
