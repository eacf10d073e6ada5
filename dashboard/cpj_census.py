"""CPJ's prison census as the dashboard reads it: the count it shows for each country and
year, and the years with a list of the people counted (a URL's `census=`)."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.url_params import Years
from etl import registry
from etl.sources.cpj.meta import CENSUS_EXPORTS

PEOPLE = registry.DATASETS["cpj_census_people"]


def list_years() -> Years:
    """The census years whose person-level list is published (cpj_census_people)."""
    year = PEOPLE.column("year")
    return Years(tuple(range(int(year.minimum), int(year.maximum) + 1)), "census year")


def latest_census(census: pd.DataFrame) -> pd.DataFrame:
    """The newest export's count for each country and year (what the app shows)."""
    return census[census["latest"] == "yes"]


def currency(census: pd.DataFrame, lang: str | None = None) -> str:
    """How far CPJ's census runs in the data here, and what "imprisoned" means in it, for
    every place its counts are shown (readers assume a count is current); in `lang`, by
    default the run's language."""
    lists = list_years()
    tr = i18n.translator(lang or i18n.current())
    return tr.gettext(
        "Imprisoned means held on 1 December of that year, not necessarily still held. "
        "CPJ's country counts here run %(first)s–%(last)s; the lists of the people counted, "
        "%(lists_first)s–%(lists_last)s."
    ) % {
        "first": int(census["year"].min()),
        "last": int(census["year"].max()),
        "lists_first": lists.first,
        "lists_last": lists.latest,
    }


def revisions(census: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """One country's census count per year as each export gives it (a column per export
    date, oldest first), for the years where two exports disagree: CPJ revises past counts
    every December. The rows of one export are added up (Gapminder's series and the share of
    its residual a country's records account for)."""
    rows = census[census["iso3"] == iso3]
    counts = rows.groupby(["year", "export_date"])["imprisoned"].sum().unstack("export_date")
    oldest_first = list(dict.fromkeys(CENSUS_EXPORTS.values()))
    counts = counts[sorted(counts.columns, key=oldest_first.index)]
    differs = counts.nunique(axis=1, dropna=True) > 1
    return counts[differs].astype("Int64").sort_index()
