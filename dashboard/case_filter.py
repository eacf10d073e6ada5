"""The Cases page's filter: what a reader asked for, and the CPJ cases that match it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import i18n
from etl import registry

ANY_ROLE = "any"  # the URL's `role=` value; shown in the reader's language (role_label)
# "any", then CPJ's roles as the dataset declares them
ROLES = (ANY_ROLE, *registry.DATASETS["cpj_cases"].column("role").enum)


def role_label(role: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """A role as the filter shows it, in `lang` ("any", then CPJ's roles; the URL and the
    records keep CPJ's words)."""
    tr = i18n.translator(lang)
    if role == ANY_ROLE:
        # TRANSLATORS: the Role filter's first option: cases of any role
        return tr.pgettext("role", "any")
    return tr.term("cpj role", role)


@dataclass(frozen=True)
class CaseFilter:
    """What a reader asked for on the Cases page; empty means 'any'."""

    query: str = ""
    countries: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    statuses: tuple[str, ...] = ()
    charges: tuple[str, ...] = ()
    role: str = ANY_ROLE


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
    if wanted.role != ANY_ROLE:
        keep &= cases["role"] == wanted.role
    return cases[keep]
