"""Change between two RSF editions of one methodology era: who rose and fell most over any
span a reader picks.

Scores are comparable only within an era (RSF changed its scale in 2013 and 2022), and a
rank is a place among the entities ranked under one method, so both are compared within an
era only; `comparable_editions` says which earlier editions a year can be compared with."""

from __future__ import annotations

import pandas as pd

from etl.sources.rsf_index import methodology as rsf


def comparable_editions(years, year: int) -> list[int]:
    """The editions before `year` in its methodology era, newest first."""
    era = rsf.era_of(year)
    return sorted((int(y) for y in years if y < year and rsf.era_of(int(y)) == era), reverse=True)


def between(index: pd.DataFrame, since: int, year: int) -> pd.DataFrame:
    """Each entity ranked in both editions: its rank and score in `year`, and the places
    gained (positive = moved up) and score points gained since `since`; sorted from the
    largest fall to the largest rise. Both editions must be of one era."""
    if rsf.era_of(since) != rsf.era_of(year) or since >= year:
        raise ValueError(f"{since} and {year} are not two editions of one methodology era")
    columns = ["iso3", "country", "rank", "score", "region"]
    after = index.loc[index["year"] == year, columns]
    before = index.loc[index["year"] == since, ["iso3", "rank", "score"]]
    both = after.merge(before, on="iso3", suffixes=("", "_since"))
    both["rank_change"] = both["rank_since"] - both["rank"]
    both["score_change"] = (both["score"] - both["score_since"]).round(2)
    return both.sort_values(["rank_change", "score_change", "iso3"]).reset_index(drop=True)
