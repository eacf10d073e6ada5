"""Freedom House: the datasets' descriptions."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, Panel, entity_columns

TITLE = "Freedom House"  # the source's short name, for source lines naming several

FH_TERMS = (
    "Freedom House terms of use: reuse with attribution; redistribution of the raw "
    "data may need Freedom House's permission (no licence is embedded in the files)"
)
FH_STATUS = ("free", "partly free", "not free")
# Freedom of the Press as the ETL reads it: a third party's tidy CSV of Freedom House's data.
FOTP_TIDIED = (
    "https://raw.githubusercontent.com/etachov/tidying-freedom-of-the-press/"
    "cc4acb139ca9392c699be798ba4a428da3c8bece/fotp_2001_2014.csv"
)


def _fh(name, title, description, urls, columns, notes, citation, key=("entity", "edition")):
    """urls: the file the ETL reads first (RawFile's URL), then where its data came from."""
    return Dataset(
        name=name,
        title=title,
        description=description,
        publisher="Freedom House",
        homepage="https://freedomhouse.org/",
        source_urls=tuple(urls),
        licence=FH_TERMS,
        licence_url="https://freedomhouse.org/terms-of-use",
        attribution=f"Source: Freedom House, {title.split(',')[0]}",
        citation=citation,
        primary_key=key,
        columns=(*columns, EXISTENCE_FLAG),
        notes=notes,
        integrity=(EXISTENCE_TALLY,),
        redistribution="unverified",
    )


FH_FIW = _fh(
    "fh_fiw",
    "Freedom in the World, editions 2013–2025",
    "Freedom House's annual ratings of political rights and civil liberties, with indicator "
    "D1 'Are there free and independent media?'.",
    ("https://freedomhouse.org/sites/default/files/2025-02/All_data_FIW_2013-2024.xlsx",),
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
    (
        FOTP_TIDIED,
        "https://freedomhouse.org/sites/default/files/FOTP2015%20Detailed%20Data%20and%20"
        "Subscores%201980-2015.xlsx",
        "https://freedomhouse.org/sites/default/files/2020-02/FOTP1980-FOTP2017_Public-Data.xlsx",
    ),
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
        "Read from a third-party tidied CSV, not from Freedom House's workbook: "
        "fotp_2001_2014.csv in the GitHub repository etachov/tidying-freedom-of-the-press "
        "(commit cc4acb139ca9392c699be798ba4a428da3c8bece, 2016-02-16), which that repository's "
        "R script made from Freedom House's 'FOTP2015 Detailed Data and Subscores 1980-2015.xlsx' "
        "(its old URL, now likely dead, is the second source URL). The data are Freedom House's; "
        "Freedom House's current archive workbook (third URL, editions 1980–2017) was not read.",
        "Year is the year covered (edition minus one).",
        "Kosovo's year-2008 row is all zeros with status '0' in the file and is treated as "
        "missing (its 2009 rating, 53, is kept); for year 2011 the sub-scores of the two "
        "Congos are swapped in the file (they add up to each other's totals) and are left "
        "blank, the totals kept.",
        "Rows with neither a score nor a status (defunct states listed with empty values) are "
        "left out.",
    ),
    "Freedom House. Freedom of the Press 2002–2015 (detailed data and sub-scores), as tidied in "
    "github.com/etachov/tidying-freedom-of-the-press (fotp_2001_2014.csv).",
)

FH_FOTN = _fh(
    "fh_fotn",
    "Freedom on the Net, edition 2024",
    "Freedom House's internet-freedom scores for 72 countries: obstacles to access, limits "
    "on content, violations of user rights, and a 0–100 total where higher is better.",
    ("https://freedomhouse.org/report/freedom-net",),
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

FH_STATUS_HISTORY = _fh(
    "fh_status",
    "Freedom in the World ratings and status, 1972–2024",
    "Freedom House's political-rights and civil-liberties ratings (1 = most free, 7 = least) "
    "and Free / Partly Free / Not Free status for every country and territory since the "
    "first survey, reshaped from the wide workbook to one row per entity and edition.",
    (
        "https://freedomhouse.org/sites/default/files/2025-02/"
        "Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx",
    ),
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
    # Kosovo and others appear on both sheets (territory, later country): kind is in the key.
    key=("entity", "kind", "edition"),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (FH_FIW, FH_FOTP, FH_FOTN, FH_STATUS_HISTORY)

STATUS = Measure(
    "fh_status",
    FH_STATUS_HISTORY,
    "status_level",
    "Freedom House status (1 not free, 2 partly free, 3 free)",
    "ordinal",
    on_map=OnMap("fh_status", "scale"),
)
D1 = Measure(
    "fh_d1",
    FH_FIW,
    "d1",
    "Freedom House D1: free and independent media (0–4)",
    "ordinal",
    on_map=OnMap("fh_d1", "scale"),
)
TOTAL = Measure(
    "fh_total",
    FH_FIW,
    "total",
    "Freedom in the World total (0–100)",
    "score",
    on_map=OnMap("fh_total", "scale"),
)
PRESS = Measure(
    "fh_fotp",
    FH_FOTP,
    "score",
    "Freedom of the Press score (0–100, higher is worse)",
    "score",
    on_map=OnMap("fh_fotp", "scale"),
)

MEASURES = (STATUS, D1, TOTAL, PRESS)
PANELS = (
    Panel("Freedom House status since 1972: 1 not free, 2 partly free, 3 free", (STATUS,), 60),
    Panel("Freedom House D1: free and independent media, 0–4 (higher is better)", (D1,), 70),
    Panel("Freedom in the World total, 0–100 (higher is better)", (TOTAL,), 80),
)
