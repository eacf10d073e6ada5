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


def count_moved(now: int, before: int, year: int, tr) -> str:
    """How a count moved since the edition of `year`, in words in the translator's language
    ("4 more than in 2025"): a sign would be set after its number in a right-to-left one."""
    moved = now - before
    # TRANSLATORS: under a count of countries and territories (a situation band's): "4 more
    # than in 2025", "5 fewer than in 2025", "as many as in 2025"
    if moved > 0:
        more = tr.ngettext("%(num)s more than in %(year)s", "%(num)s more than in %(year)s", moved)
        return more % {"num": tr.number(moved), "year": year}
    if moved < 0:
        fewer = tr.ngettext(
            "%(num)s fewer than in %(year)s", "%(num)s fewer than in %(year)s", -moved
        )
        return fewer % {"num": tr.number(-moved), "year": year}
    return tr.gettext("as many as in %(year)s") % {"year": year}
