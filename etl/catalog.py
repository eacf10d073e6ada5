"""The one place where datasets are described.

Titles, descriptions, column types, units, ranges, licences, citations and
methodology notes live here and nowhere else: the ETL derives its validation
schema from them, the dashboard its captions and source lines, and later the
data package and data dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DASHBOARD_NAME = "Press Freedom Dashboard"


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

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


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

DATASETS = {d.name: d for d in (RSF_INDEX,)}


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
