"""Committee to Protect Journalists: the datasets' descriptions and CPJ's vocabularies."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, Panel, Tally

TITLE = "CPJ"  # the source's short name, for source lines naming several

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
# CPJ's exports, by the label a case record names them with (cpj_cases.sources).
EXPORTS = {
    "people list": "cpj-people-list-2026-02-24",
    "api": "cpj-api-people-list-2025-06",
    "killed download": "cpj-killed-download-2024-03",
    "data manager": "cpj-datamanager-2024-07",
    "census": "cpj-person-years-2020",
}
# What was done about text CPJ's files carry garbled (cpj_cases.text_quality).
TEXT_REPAIRED_FROM = "text repaired from {}"
TEXT_REDECODED = "text repaired by re-decoding"
TEXT_GARBLED = "text garbled in source"
TEXT_QUALITY = (
    *(TEXT_REPAIRED_FROM.format(export) for export in EXPORTS.values()),
    TEXT_REDECODED,
    TEXT_GARBLED,
)
# Renamed CPJ profiles (cpj_cases.profile_check).
PROFILE_MERGED = "renamed profile merged"
PROFILE_TO_REVIEW = "possible renamed profile, not merged"
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
# CPJ's wordings of a charge → its category (case-folded): each category as written, and
# the spelling variants CPJ's exports use for it.
CHARGE_VOCABULARY = {
    **{category: category for category in CHARGE_CATEGORIES},
    "ethnic/religious insult": "ethnic or religious insult",
    "religious or ethnic insult": "ethnic or religious insult",
    "no charge": "no charge disclosed",
}
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
            "absent from CPJ's newer lists of confirmed cases, and not a renamed profile: "
            "see profile_check). Killed only; blank for media workers.",
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
        Column(
            "former_person_ids",
            "string",
            "Killed: older profile slugs of the same person that CPJ renamed, merged into "
            "this record, each with the exports that used it: 'slug (export, …)', "
            "separated by '; '.",
            required=False,
        ),
        Column(
            "profile_check",
            "string",
            f"Killed: '{PROFILE_MERGED}' when this record absorbs an older slug of the same "
            "person (same normalised name, or one adding words to the other; same country "
            f"and event date; no export holds both slugs); '{PROFILE_TO_REVIEW}' when a "
            "profile in possible_person_ids may be the same person but the date differs or "
            "the names are only alike: to be checked by a person, counted separately meanwhile.",
            required=False,
            enum=(PROFILE_MERGED, PROFILE_TO_REVIEW),
        ),
        Column(
            "possible_person_ids",
            "string",
            "Profiles that may be this person but were not merged, separated by '; '.",
            required=False,
        ),
        Column(
            "text_quality",
            "string",
            "Text CPJ's file carries garbled (UTF-8 read as Mac Roman or Latin-1, e.g. "
            f"'Xi‚Äôan'): '{TEXT_REPAIRED_FROM.format('<export>')}' when re-decoding restores "
            "it and that export writes the same person's text cleanly; "
            f"'{TEXT_REDECODED}' when an exact re-decoding restores it but no export "
            f"confirms it; '{TEXT_GARBLED}' when it cannot be restored with certainty and is "
            "kept as CPJ wrote it. Blank when the text is clean.",
            required=False,
            enum=TEXT_QUALITY,
        ),
        EXISTENCE_FLAG,
    ),
    integrity=(
        Tally(
            "profile_check",
            "Renamed CPJ profiles",
            "Killed records that absorbed an older slug of the same person (each one a person "
            "no longer counted twice), and records that may be one person under two slugs, "
            "left for review.",
        ),
        Tally(
            "text_quality",
            "Garbled text from CPJ's files",
            "Case records whose text CPJ's file carries garbled: repaired and confirmed by "
            "another export, repaired by exact re-decoding alone, or flagged as left garbled.",
        ),
        Tally(
            "motive",
            "Killed records by motive",
            "Confirmed, unconfirmed and reclassified killed records (reclassified: dropped "
            "from CPJ's newer confirmed lists, renamed profiles excluded).",
        ),
        EXISTENCE_TALLY,
    ),
    notes=(
        "Imprisoned: one row per imprisonment episode; CPJ's list has no release dates, so "
        "status 'imprisoned' means held at least once on 1 December, not necessarily today.",
        "Killed: the newest export that holds a person wins (people list exported 2026-02-24, "
        "then the API dump of 2025-06, then the data-manager scrape of 2024-07). After June "
        "2024 only confirmed journalists are covered.",
        "Killed: CPJ sometimes renames a profile's slug between exports; such a pair is one "
        "record under the newest slug, the old slug kept in former_person_ids.",
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

LINK_METHODS = ("exact", "normalised", "fuzzy", "confirmed", "none")
CENSUS_QUALITY = ("ok", "counted_before_arrest", "counted_after_death")

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
            "The imprisonment episode in cpj_cases that held this person on 1 December of the "
            "year (same person by name, same country); blank where none is known or certain.",
            required=False,
        ),
        Column(
            "link_method",
            "string",
            "How case_id was found: exact (the same name), normalised (the same name once "
            "script, diacritics, quote marks, a bracketed nickname and the article al-/el- are "
            "set aside), fuzzy (a similar name, score 95 or more, one person), confirmed (a "
            "person checked it: etl/sources/cpj/census_link_confirmations.csv), none.",
            enum=LINK_METHODS,
        ),
        Column(
            "link_score",
            "number",
            "How alike the census name and the case's name are (0–100, rapidfuzz on the "
            "normalised names); blank without a link.",
            required=False,
            minimum=0,
            maximum=100,
        ),
        Column(
            "quality",
            "string",
            "ok, or CPJ's own date slip: counted_before_arrest (the person's case records "
            "give an arrest after this census day) or counted_after_death (a recorded death "
            "before it). Flagged rows are not linked.",
            enum=CENSUS_QUALITY,
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
        EXISTENCE_FLAG,
    ),
    integrity=(
        Tally(
            "link_method",
            "Census rows by how they were linked to a case",
            "Exact, normalised and fuzzy name matches, links a person confirmed, and rows "
            "left unlinked (no case record, an uncertain match awaiting review in "
            "review/cpj_census_links.csv, or a date slip).",
        ),
        Tally(
            "quality",
            "Census rows by quality flag",
            "Rows where CPJ's census and its case records disagree on dates: counted before "
            "the recorded arrest or after the recorded death.",
        ),
        EXISTENCE_TALLY,
    ),
)

CENSUS_EXPORTS = {  # source id → export date; later entries are newer
    "cpj-person-years-2020": "2020",
    "gapminder-fasttrack-2024": "2024-10-08",
    "gapminder-residual-2024": "2024-10-08",
}
CENSUS_SOURCES = tuple(CENSUS_EXPORTS)
CENSUS_ATTRIBUTIONS = ("reported", "residual-confirmed", "residual-unattributed")

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
        Column(
            "iso3",
            "string",
            "Country holding the journalists; blank for the part of CPJ's world total that "
            "no person-level record attributes to a country (attribution "
            "residual-unattributed).",
            required=False,
        ),
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
            "gapminder-residual-2024 (Gapminder's world total minus its country rows: "
            "mostly CPJ's Israel and Occupied Palestinian Territory, which it could not map).",
            enum=CENSUS_SOURCES,
        ),
        Column(
            "attribution",
            "string",
            "reported (a country's figure as the export gives it), residual-confirmed (a "
            "share of the residual given to a country whose person-level records account for "
            "it exactly), residual-unattributed (a residual no record accounts for, kept "
            "without a country so that the year still adds up to CPJ's world total).",
            enum=CENSUS_ATTRIBUTIONS,
        ),
        Column("export_date", "string", "When that export was made (as precisely as known)."),
        Column(
            "latest",
            "string",
            "yes for the row from the newest export for this country and year, else no.",
            enum=("yes", "no"),
        ),
        EXISTENCE_FLAG,
    ),
    notes=(
        "The census is a snapshot at midnight on 1 December: people jailed and released "
        "within the year are not counted.",
        "CPJ revised its historical counts in 2018 and revises them every December, so two "
        "exports can disagree for the same country and year; both are kept.",
        "Gapminder's country series drops CPJ's 'Israel and the Occupied Palestinian "
        "Territory' (and Yugoslavia in 1999); the difference between its world total and its "
        "country rows is published as derived rows for the countries whose person-level "
        "records account for it (XIP, YUG in 1999), and without a country in 2020 and 2021, "
        "when no such records exist.",
    ),
    integrity=(
        Tally(
            "attribution",
            "Census rows by residual attribution",
            "Figures as reported, shares of Gapminder's residual attributed to a country by "
            "person-level records, and residuals left unattributed.",
        ),
        EXISTENCE_TALLY,
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
        EXISTENCE_FLAG,
    ),
    notes=(
        "From mid-2024 the exports at hand cover confirmed journalists only: unconfirmed "
        "cases and media workers for late 2024 and 2025 are missing, not zero.",
    ),
    integrity=(EXISTENCE_TALLY,),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (CPJ_CASES, CPJ_CASE_VALUES, CPJ_CENSUS_PEOPLE, CPJ_CENSUS, CPJ_KILLED_COUNTS)


def _latest_census(table):
    """The newest export's count for each country and year, summed over its rows."""
    latest = table[table["latest"] == "yes"]
    return latest.groupby(["iso3", "year"])["imprisoned"].sum().rename("value").reset_index()


def _killed(table):
    return table.groupby(["iso3", "year"])["killed"].sum().rename("value").reset_index()


IMPRISONED = Measure(
    "cpj_imprisoned",
    CPJ_CENSUS,
    "imprisoned",
    "Journalists imprisoned on 1 December (CPJ)",
    "count",
    unit="journalists in prison",
    rows=_latest_census,
    on_map=OnMap("imprisoned", "count", "Journalists imprisoned on 1 December (CPJ census)"),
)
KILLED = Measure(
    "cpj_killed",
    CPJ_KILLED_COUNTS,
    "killed",
    "Journalists and media workers killed (CPJ, all records)",
    "count",
    absent_means_zero=True,
    unit="killed",
    rows=_killed,
    on_map=OnMap("killed", "count"),
)
KILLED_CONFIRMED = Measure(
    "cpj_killed_confirmed",
    CPJ_KILLED_COUNTS,
    "killed",
    "Journalists killed, work-related motive confirmed (CPJ)",
    "count",
    unit="killed",
    rows=lambda table: _killed(
        table[(table["motive"] == "confirmed") & (table["role"] == "journalist")]
    ),
    on_map=OnMap("killed-confirmed", "count"),
)

MEASURES = (IMPRISONED, KILLED, KILLED_CONFIRMED)
PANELS = (
    Panel(
        "CPJ: journalists imprisoned on 1 December, and killed (counts, higher is worse)",
        (IMPRISONED, KILLED),
        order=30,
    ),
)
