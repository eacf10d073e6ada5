"""The Cases page's filter: what a reader asked for, and the CPJ cases that match it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard import cached, i18n
from dashboard.names import entity_names_in
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
    return cases[matching(cases, wanted)]


def matching(cases: pd.DataFrame, wanted: CaseFilter) -> pd.Series:
    """Which of `cases` match every condition: a mask, which selects the same rows of any
    frame aligned with them (the page's `listing`)."""
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
    return keep


# The Cases table's columns: CPJ's records, with the country named (its header names it)
TABLE_COLUMNS = (
    "name",
    "country_cpj",
    "status",
    "role",
    "event_date",
    "charge_categories",
    "organizations",
    "motive",
    "case_id",
)
CASE_ID = "case_id"  # the record's identifier: the URL's `case=`, the CSV's last column


@cached.per_release
def listing(lang: str) -> tuple[pd.DataFrame, pa.Table]:
    """(CPJ's cases, the table the page shows of them), row for row, newest event first and
    then by name: a filter's mask over the first (`matching`) selects the table's rows. The
    table says the country's name (CLDR) and CPJ's statuses, roles and charge categories in
    `lang` (through the catalogue); in English, CPJ's own words, as the filters offer them.
    Sorted, translated and converted to Arrow once per release and language: a filter then
    selects rows in Arrow, and the grid sends them without converting them again (5 ms of
    every filter's run when the table was a pandas frame)."""
    cases = cached.load("cpj_cases").sort_values(["event_year", "name"], ascending=[False, True])
    shown = in_language(cases, lang)[list(TABLE_COLUMNS)]
    return cases, compact(pa.Table.from_pandas(shown, preserve_index=False))


def compact(table: pa.Table) -> pa.Table:
    """The same text in fewer bytes, as the grid is sent on every run (serialised and hashed
    by Streamlit, then sent to the browser): 32-bit offsets, and each column whose values
    repeat (a country, a status, a role: under one distinct value in four rows) as a
    dictionary of its values. The grid shows both as text."""
    columns = []
    for column in table.columns:
        if pa.types.is_large_string(column.type):
            column = column.cast(pa.string())
        if pa.types.is_string(column.type) and 4 * pc.count_distinct(column).as_py() < len(column):
            column = pc.dictionary_encode(column)
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


@cached.per_release(maxsize=32)  # a selection holds up to every row: about 1 MB
def selected(lang: str, wanted: CaseFilter, headers: tuple[str, ...]) -> pa.Table:
    """The rows of the table in `lang` (`listing`) that `wanted` selects, under `headers`
    (the page's, in `lang`): once per release, language and filter, shared by every reader
    of that view, as the grid and the download send them (masking, selecting and renaming
    4,800 rows took 1 ms of each run)."""
    in_order, listed = listing(lang)
    keep = matching(in_order, wanted)
    return listed.filter(pa.array(keep.to_numpy())).rename_columns(list(headers))


@cached.per_release(maxsize=32)  # columns of `selected`'s table: no bytes of its own
def in_grid(lang: str, wanted: CaseFilter, headers: tuple[str, ...]) -> pa.Table:
    """`selected`'s rows as the grid shows them: without their case ids, which repeat the
    name, status and date beside them and were a third of the grid's bytes (98 of the
    killed cases' 289 KB), sent, serialised and hashed on every run. A row's id is read
    from `selected`'s table, row for row the same; its CSV keeps the ids."""
    return selected(lang, wanted, headers).drop_columns([headers[TABLE_COLUMNS.index(CASE_ID)]])


def in_language(records: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The case records as the table shows them in `lang` (see `listing`)."""
    if lang == i18n.SOURCE_LANGUAGE:
        return records
    tr = i18n.translator(lang)
    names = entity_names_in(lang)

    def charges(text):
        if not isinstance(text, str):
            return text
        return tr.gettext("; ").join(tr.term("cpj charge", item) for item in text.split("; "))

    return records.assign(
        country_cpj=records["iso3"].map(lambda code: names.get(code, code)),
        status=records["status"].map(lambda value: tr.term("cpj status", value)),
        role=records["role"].map(lambda value: tr.term("cpj role", value), na_action="ignore"),
        charge_categories=records["charge_categories"].map(charges),
    )


@cached.per_release
def event_years() -> tuple[int, int]:
    """The first and last year of an event in CPJ's cases (the year filter's ends), found
    once per release."""
    years = cached.load("cpj_cases")["event_year"]
    return int(years.min()), int(years.max())


@cached.per_release
def countries_present(lang: str) -> dict[str, str]:
    """code → name in `lang` of the countries in CPJ's cases, in the names' order: the
    country filter's choices."""
    names = entity_names_in(lang)
    codes = cached.load("cpj_cases")["iso3"].dropna().unique()  # read once, in Arrow
    present = {code: names.get(code, code) for code in sorted(codes)}
    return dict(sorted(present.items(), key=lambda item: item[1]))
