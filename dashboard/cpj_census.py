"""CPJ's prison census as the dashboard reads it: the count it shows for each country and
year, and the years with a list of the people counted (a URL's `census=`)."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from dashboard.url_params import Years
from etl import registry

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
