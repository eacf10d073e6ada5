"""RSF's published round-up figures: the dataset's description."""

from __future__ import annotations

from etl.model import Column, Dataset, Measure, Panel, Tally

TITLE = "RSF"  # the source's short name, for source lines naming several

# whose words a figure's quote is: RSF's own, or an outlet reporting RSF
SOURCE_KINDS = ("RSF publication", "report of RSF")

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
    source_urls=("etl/sources/rsf_roundup/rsf_roundup.csv (each row cites its own URL)",),
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
        Column(
            "source_kind",
            "string",
            "Whose words the quote is: RSF publication (RSF's own text: its web page, report "
            "or newsletter, or a copy of one, as the note says) or report of RSF (another "
            "outlet's sentence reporting RSF's figure).",
            enum=SOURCE_KINDS,
        ),
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
        "Hand-curated: a figure enters only with its URL and quoted sentence. RSF's own "
        "text is cited where a copy of it could be read; otherwise an outlet's report of the "
        "figure, marked report of RSF in source_kind.",
    ),
    integrity=(
        Tally(
            "source_kind",
            "Figures by source",
            "How many figures quote RSF's own text and how many rest on another outlet's "
            "report of it.",
        ),
    ),
)

# What this package publishes, in the order the data package lists it.
DATASETS = (RSF_ROUNDUP,)

DETAINED = Measure(
    "rsf_detained",
    RSF_ROUNDUP,
    "value",
    "Journalists detained (RSF, where published)",
    "count",
    # the most recently published figure for each country and year
    rows=lambda table: (
        table[(table["scope"] == "country") & (table["measure"] == "detained")]
        .sort_values("published")
        .drop_duplicates(["iso3", "year"], keep="last")[["iso3", "year", "value"]]
    ),
)

MEASURES = (DETAINED,)
PANELS = (
    Panel(
        "RSF: journalists detained, where RSF published a country figure (higher is worse)",
        (DETAINED,),
        order=40,
    ),
)
