"""RSF's methodology, written once: its eras and their scales, the situation bands, the
regions and the five indicators of the 2022 methodology. The ETL checks the data against
these, and every chart, map and summary of the dashboard draws with them."""

from __future__ import annotations

import pandas as pd

ERAS = {
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

SITUATIONS = ("good", "satisfactory", "problematic", "difficult", "very serious")
REGIONS = (
    "Africa",
    "Americas",
    "Asia-Pacific",
    "Eastern Europe & Central Asia",
    "Europe & Central Asia",
    "European Union & Balkans",
    "Middle East & North Africa",
)

INDICATORS = (  # column, label, raw header
    ("political", "Political context", "Political Context"),
    ("economic", "Economic context", "Economic Context"),
    ("legal", "Legal framework", "Legal Context"),
    ("social", "Social context", "Social Context"),
    ("safety", "Safety of journalists", "Safety"),
)

CURRENT = list(ERAS)[-1]  # the methodology in force ("2022+"): five indicators, five bands
# The first edition of each methodology after the first: where the lines break.
NEW_METHODOLOGY_YEARS = tuple(era["years"][0] for era in list(ERAS.values())[1:])
INDICATOR_COLUMNS = tuple(column for column, _, _ in INDICATORS)

# Between the last edition of an era and the first of the next: a line must not join them.
BREAKS = tuple(
    (era["years"][1] + following["years"][0]) / 2
    for era, following in zip(list(ERAS.values()), list(ERAS.values())[1:], strict=False)
)


def era_of(year: int) -> str:
    for name, era in ERAS.items():
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


def with_changes(index: pd.DataFrame) -> pd.DataFrame:
    """Add each entity's rank and score change since its previous edition.

    Rank changes span methodology breaks (ranks are comparable in kind); score
    changes are left blank across a break, where scores are not comparable.
    """
    if "rank_change" in index.columns:  # already done (e.g. a cached frame)
        return index
    frame = index.sort_values(["iso3", "year"]).copy()
    editions = sorted(frame["year"].unique())
    previous_edition = dict(zip(editions[1:], editions[:-1], strict=True))
    frame["previous_year"] = frame["year"].map(previous_edition).astype("Int64")
    before = frame[["iso3", "year", "rank", "score", "methodology"]].rename(
        columns={
            "year": "previous_year",
            "rank": "previous_rank",
            "score": "previous_score",
            "methodology": "previous_methodology",
        }
    )
    frame = frame.merge(before, on=["iso3", "previous_year"], how="left")
    frame["rank_change"] = frame["previous_rank"] - frame["rank"]  # positive = moved up
    same_era = frame["previous_methodology"] == frame["methodology"]
    frame["score_change"] = (frame["score"] - frame["previous_score"]).where(same_era).round(2)
    frame["entities_ranked"] = frame.groupby("year")["iso3"].transform("size")
    return frame.drop(columns=["previous_methodology"]).sort_values(["year", "rank", "iso3"])
