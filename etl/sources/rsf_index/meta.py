"""RSF World Press Freedom Index: the dataset's description."""

from __future__ import annotations

from etl.model import Column, Dataset, Measure, OnCompare, OnMap, Panel
from etl.sources.rsf_index.methodology import (
    BREAKS,
    CURRENT,
    ERAS,
    INDICATORS,
    REGIONS,
    SITUATIONS,
)

TITLE = "RSF"  # the source's short name, for source lines naming several

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
            enum=tuple(ERAS),
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
            for name, label, raw in INDICATORS
        ),
        Column(
            "situation",
            "string",
            "RSF's situation band (2022 onward), from the score: "
            "85–100 good, 70–85 satisfactory, 55–70 problematic, 40–55 difficult, "
            "0–40 very serious.",
            required=False,
            enum=SITUATIONS,
            source_column="Situation (2024 only; derived from the score)",
        ),
        Column(
            "region",
            "string",
            "RSF's regional zone for that edition, in English.",
            enum=REGIONS,
            source_column="Zone",
        ),
    ),
    notes=(
        *(f"{era['label']}: {era['explanation']}" for era in ERAS.values()),
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

# What this package publishes, in the order the data package lists it.
DATASETS = (RSF_INDEX,)


def _score(era: str, key: str, label: str) -> Measure:
    """The score within one methodology era (scores are not comparable across eras)."""
    return Measure(
        key,
        RSF_INDEX,
        "score",
        label,
        "score",
        direction="higher is better" if ERAS[era]["higher_is_better"] else "higher is worse",
        era=era,
        rows=lambda table: _in_era(table, era, "score"),
        on_compare=OnCompare(key.removeprefix("rsf_").replace("_", "-"), label),
    )


def _in_era(table, era: str, column: str):
    rows = table.loc[table["methodology"] == era, ["iso3", "year", column]].dropna()
    return rows.rename(columns={column: "value"})


INDEX_MAP = Measure(
    "rsf",
    RSF_INDEX,
    "score",
    "RSF World Press Freedom Index",
    "score",
    unit="RSF score",
    on_map=OnMap("rsf", "bands"),
)
RANK = Measure(
    "rsf_rank",
    RSF_INDEX,
    "rank",
    "RSF rank (1 = best; the number ranked grew from 139 to 180)",
    "score",
    breaks=BREAKS,
    on_compare=OnCompare("rank", "Rank (1 = best)"),
)
SCORE = Measure(
    "rsf_score",
    RSF_INDEX,
    "score",
    "RSF score, 2022 methodology (0–100)",
    "score",
    direction="higher is better",
    era=CURRENT,
    rows=lambda table: _in_era(table, CURRENT, "score"),
    on_compare=OnCompare("score", "Score, 2022 onward (0–100)"),
)
SCORE_2013 = _score("2013-2021", "rsf_score_2013", "Score, 2013–2021 (0–100)")
SCORE_2002 = _score("2002-2012", "rsf_score_2002", "Score, 2002–2012 (old scale, lower is better)")
INDICATOR_MEASURES = tuple(
    Measure(
        f"rsf_{name}",
        RSF_INDEX,
        name,
        f"RSF {label.lower()} indicator, 2022 methodology (0–100)",
        "score",
        era=CURRENT,
        on_compare=OnCompare(name, f"{name.capitalize()} indicator, 2022 onward (0–100)"),
    )
    for name, label, _ in INDICATORS
)

# What the dashboard can chart from this package, in the order it offers them.
MEASURES = (INDEX_MAP, RANK, SCORE, SCORE_2013, SCORE_2002, *INDICATOR_MEASURES)
PANELS = (
    Panel("RSF rank (1 = best)", (RANK,), order=10),
    Panel("RSF score, 2022 methodology (0–100, higher is better)", (SCORE,), order=20),
)
