"""Data coded from or counting Amnesty International's output: the datasets' descriptions."""

from __future__ import annotations

from etl.countries import EXISTENCE_FLAG, EXISTENCE_TALLY
from etl.model import Column, Dataset, Measure, OnMap, entity_columns

TITLE = "Amnesty-derived codings"  # the source's short name, for source lines naming several

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
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
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
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
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
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
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
        EXISTENCE_FLAG,
    ),
    integrity=(EXISTENCE_TALLY,),
    notes=(
        "Depends on amnesty.org's search index when it was scraped; use for relative "
        "attention only.",
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (AMNESTY_ITT, CIRIGHTS, AMNESTY_EXECUTIONS, AMNESTY_ATTENTION)

MEASURES = (
    Measure(
        "ciri_speech",
        CIRIGHTS,
        "speech",
        "CIRIGHTS: freedom of speech and press (0–2)",
        "ordinal",
        on_map=OnMap("ciri_speech", "scale"),
    ),
    Measure(
        "itt_torture",
        AMNESTY_ITT,
        "torture_level_rank",
        "Torture alleged in Amnesty documents (ITT, 1–6)",
        "ordinal",
        on_map=OnMap("itt_torture", "scale"),
    ),
    Measure(
        "amnesty_attention",
        AMNESTY_ATTENTION,
        "amnesty_documents",
        "amnesty.org documents mentioning the country",
        "count",
    ),
)
