"""Display names of countries and entities, for selectors, titles and tables."""

from __future__ import annotations

from functools import cache, lru_cache

import pandas as pd


def country_names(index: pd.DataFrame) -> dict[str, str]:
    """iso3 → display name, sorted by name, for selectors."""
    pairs = index[["iso3", "country"]].drop_duplicates().sort_values("country")
    return dict(zip(pairs["iso3"], pairs["country"], strict=True))


def entity_names() -> dict[str, str]:
    """iso3 → display name for every entity in the crosswalk."""
    from etl.countries import entities

    return entities()["name"].to_dict()


@cache
def entity_names_in(lang: str) -> dict[str, str]:
    """iso3 → every entity's name in `lang` (CLDR; the catalogue for entities without an ISO
    code): the crosswalk is code, so once per language."""
    from dashboard import i18n

    return {code: i18n.country_name(code, lang, name) for code, name in entity_names().items()}


@lru_cache(maxsize=1)
def states() -> tuple[str, ...]:
    """The codes of the world's current countries and territories (ISO 3166-1)."""
    from etl.countries import entities

    table = entities()
    return tuple(table.index[table["code_status"] == "iso3166-1"])
