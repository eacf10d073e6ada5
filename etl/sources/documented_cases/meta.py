"""Cases documented by other publishers than CPJ: the dataset's description."""

from __future__ import annotations

from etl.model import Column, Dataset, Tally

TITLE = "publishers cited per case"  # the source's short name, for source lines naming several

DOCUMENTED_CASES = Dataset(
    name="documented_cases",
    title="Documented cases outside CPJ's records, with their sources",
    description=(
        "A small curated file of cases reported in published sources but not (yet) in CPJ's "
        "files. Every row is one fact with its source and the sentence it rests on."
    ),
    publisher="Press Freedom Dashboard (curated from the sources cited in each row)",
    homepage="https://www.wsws.org/en/articles/2025/05/22/axes-m22.html",
    source_urls=(
        "etl/sources/documented_cases/documented_cases.csv",
        "etl/sources/documented_cases/sources.csv",
    ),
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
            "cpj_case_id",
            "string",
            "The same person's latest CPJ case in the same country, when one exists.",
            required=False,
        ),
        Column(
            "cpj_link_method",
            "string",
            "How the name matched CPJ's: exact, normalised (script, diacritics, quote marks, "
            "a bracketed nickname and al-/el- set aside), fuzzy (similar, score 95 or more), "
            "or none (no certain match).",
            enum=("exact", "normalised", "fuzzy", "none"),
        ),
    ),
    notes=(
        "Only what the sources state is recorded; allegations are labelled as such and "
        "attributed. A year missing from a sentence and taken from the article's date is "
        "said so in the note.",
    ),
    integrity=(
        Tally(
            "cpj_link_method",
            "Documented facts by how they were linked to a CPJ case",
            "Exact and normalised name matches, certain fuzzy ones, and facts without a link.",
        ),
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (DOCUMENTED_CASES,)
