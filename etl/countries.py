"""Harmonise stage, shared: one crosswalk from every source's codes and names to iso3.

`reference/countries.csv` is the entity table (ISO 3166-1 countries, withdrawn
ISO 3166-3 codes, and documented project-assigned X.. codes for entities that
have no ISO code). `reference/aliases.csv` maps each source's own codes or names
onto it. Nothing is matched fuzzily at run time: a value missing from the
crosswalk is reported, never guessed or dropped.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

REFERENCE = Path(__file__).resolve().parent / "reference"
CODE_STATUSES = ("iso3166-1", "iso3166-3", "project")


@lru_cache(maxsize=1)
def entities() -> pd.DataFrame:
    """The entity table, checked against pycountry so a typo cannot pass as ISO."""
    table = pd.read_csv(REFERENCE / "countries.csv", dtype=str, keep_default_na=False)
    problems = []
    for row in table.itertuples():
        if row.code_status == "iso3166-1" and pycountry.countries.get(alpha_3=row.iso3) is None:
            problems.append(f"{row.iso3} is marked ISO 3166-1 but pycountry does not know it")
        elif (
            row.code_status == "iso3166-3"
            and pycountry.historic_countries.get(alpha_3=row.iso3) is None
        ):
            problems.append(f"{row.iso3} is marked ISO 3166-3 but pycountry does not know it")
        elif row.code_status == "project" and not row.iso3.startswith("X"):
            problems.append(f"{row.iso3}: project codes must be in the user-assigned X.. range")
        elif row.code_status not in CODE_STATUSES:
            problems.append(f"{row.iso3}: unknown code_status {row.code_status!r}")
    if table["iso3"].duplicated().any():
        problems.append(f"duplicate iso3: {sorted(table.loc[table.iso3.duplicated(), 'iso3'])}")
    if problems:
        raise ValueError("countries.csv is inconsistent: " + "; ".join(problems))
    return table.set_index("iso3")


@lru_cache(maxsize=1)
def _aliases() -> pd.DataFrame:
    return pd.read_csv(REFERENCE / "aliases.csv", dtype=str, keep_default_na=False)


def source_aliases(source: str) -> dict[str, str]:
    """A source's own codes/names → iso3."""
    table = _aliases()
    subset = table[table["source"] == source]
    return dict(zip(subset["code"], subset["iso3"], strict=True))


def to_iso3(values: pd.Series, source: str) -> pd.Series:
    """Map a source's codes to iso3; values that match nothing come back as <NA>."""
    known = entities().index
    aliases = source_aliases(source)
    mapped = values.map(lambda v: aliases.get(v, v))
    return mapped.where(mapped.isin(known))


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Casefolded names → iso3: our display names, then pycountry's names (exact only)."""
    known = entities()
    names: dict[str, str] = {}
    for country in pycountry.countries:
        if country.alpha_3 in known.index:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value:
                    names.setdefault(value.casefold(), country.alpha_3)
    for code, name in known["name"].items():
        names[name.casefold()] = code
    return names


def name_to_iso3(values: pd.Series, source: str) -> pd.Series:
    """Map a source's country names to iso3 by exact (case-insensitive) match; else <NA>."""
    aliases = {k.casefold(): v for k, v in source_aliases(source).items()}
    names = _names()

    def lookup(value: str):
        key = " ".join(str(value).split()).casefold()
        return aliases.get(key) or names.get(key) or pd.NA

    return values.map(lookup).astype("string")


def display_name(iso3: pd.Series) -> pd.Series:
    return iso3.map(entities()["name"])


def match_entities(names: pd.Series, source: str, codes: pd.Series | None = None) -> pd.Series:
    """iso3 for each row: a crosswalk alias for the name first, then the source's code when it
    is a known one, else the exact name.

    Rows that match neither stay <NA>; the pipeline reports them, and they are kept.
    """
    by_name = name_to_iso3(names, source)
    if codes is None:
        return by_name
    aliases = {k.casefold(): v for k, v in source_aliases(source).items()}
    by_alias = names.map(lambda n: aliases.get(" ".join(str(n).split()).casefold(), pd.NA))
    by_code = to_iso3(codes.str.upper(), source).astype("string")
    return by_alias.astype("string").fillna(by_code).fillna(by_name)
