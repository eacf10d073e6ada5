"""Loading the committed datasets, with errors a reader can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATASETS_DIR = ROOT / "datasets"


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


def country_names(index: pd.DataFrame) -> dict[str, str]:
    """iso3 → display name, sorted by name, for selectors."""
    pairs = index[["iso3", "country"]].drop_duplicates().sort_values("country")
    return dict(zip(pairs["iso3"], pairs["country"], strict=True))


def latest_census(census: pd.DataFrame) -> pd.DataFrame:
    """The newest export's count for each country and year (what the app shows)."""
    return census[census["latest"] == "yes"]


def entity_names() -> dict[str, str]:
    """iso3 → display name for every entity in the crosswalk."""
    from etl.countries import entities

    return entities()["name"].to_dict()


@dataclass(frozen=True)
class CaseFilter:
    """What a reader asked for on the Cases page; empty means 'any'."""

    query: str = ""
    countries: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    statuses: tuple[str, ...] = ()
    charges: tuple[str, ...] = ()
    role: str = "any"


def filter_cases(cases: pd.DataFrame, wanted: CaseFilter) -> pd.DataFrame:
    """The cases matching every condition (name/outlet search is case-insensitive)."""
    keep = pd.Series(True, index=cases.index)
    if wanted.query:
        needle = wanted.query.casefold()
        keep &= cases["name"].str.casefold().str.contains(needle, regex=False) | cases[
            "organizations"
        ].fillna("").str.casefold().str.contains(needle, regex=False)
    if wanted.countries:
        keep &= cases["iso3"].isin(wanted.countries)
    if wanted.years:
        keep &= cases["event_year"].between(*wanted.years).fillna(False).astype(bool)
    if wanted.statuses:
        keep &= cases["status"].isin(wanted.statuses)
    if wanted.charges:
        categories = cases["charge_categories"].fillna("").str.split("; ")
        keep &= categories.map(lambda cats: bool(set(cats) & set(wanted.charges)))
    if wanted.role != "any":
        keep &= cases["role"] == wanted.role
    return cases[keep]
