"""CPJ's prison census as the dashboard reads it: the years with a list of the people
counted, as a URL's `census=` may name them."""

from __future__ import annotations

from dashboard.url_params import Years
from etl import registry

PEOPLE = registry.DATASETS["cpj_census_people"]


def list_years() -> Years:
    """The census years whose person-level list is published (cpj_census_people)."""
    year = PEOPLE.column("year")
    return Years(tuple(range(int(year.minimum), int(year.maximum) + 1)), "census year")
