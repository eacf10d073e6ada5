"""The country crosswalk, published as a dataset: its description."""

from __future__ import annotations

from etl.model import Column, Dataset

TITLE = "ISO 3166"  # the source's short name, for source lines naming several

COUNTRIES = Dataset(
    name="countries",
    title="Countries and entities: the crosswalk every dataset's iso3 refers to",
    description=(
        "Every code used in the datasets: ISO 3166-1 alpha-3 countries, withdrawn ISO 3166-3 "
        "codes for former states, and documented project codes (X..) for entities without an "
        "ISO code, with the display name used throughout the dashboard, and for states made or "
        "ended by unions and break-ups their years of existence, predecessors and successors."
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
            "first_year",
            "integer",
            "Year the state came into being; given for states made or ended by a union or "
            "break-up. A row of another dataset for an earlier year takes the code of the "
            "state it continues (column continues), or is flagged.",
            unit="year",
            required=False,
        ),
        Column(
            "last_year",
            "integer",
            "Year the state ceased to exist (blank: it still exists). In a year of change both "
            "the old and the new state exist.",
            unit="year",
            required=False,
        ),
        Column(
            "predecessors",
            "string",
            "Codes of the states it came from, space-separated.",
            required=False,
        ),
        Column(
            "successors",
            "string",
            "Codes of the states that came from it, space-separated.",
            required=False,
        ),
        Column(
            "continues",
            "string",
            "The predecessor whose series it carries on, as sources with one long series do "
            "(Russia the Soviet Union, Serbia Serbia and Montenegro): rows of either code are "
            "coded with the one that existed in the row's year.",
            required=False,
        ),
        Column(
            "note",
            "string",
            "Why a non-ISO or withdrawn code exists and what it covers.",
            required=False,
        ),
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (COUNTRIES,)
