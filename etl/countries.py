"""Harmonise stage, shared: one crosswalk from every source's codes and names to iso3.

`reference/countries.csv` is the entity table (ISO 3166-1 countries, withdrawn
ISO 3166-3 codes, and documented project-assigned X.. codes for entities that
have no ISO code), with the years of existence, predecessors and successors of
the states that unions and break-ups made or ended. `reference/aliases.csv` maps
each source's own codes or names onto it. Nothing is matched fuzzily at run time:
a value missing from the crosswalk is reported, never guessed or dropped.

One state, one code (README, "Country codes"): `in_their_years` gives every row the
code of the state that existed in the row's year, and flags a row whose state did not.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from etl.model import Column, Tally

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
    problems += _relation_problems(table)
    if table["iso3"].duplicated().any():
        problems.append(f"duplicate iso3: {sorted(table.loc[table.iso3.duplicated(), 'iso3'])}")
    if problems:
        raise ValueError("countries.csv is inconsistent: " + "; ".join(problems))
    return table.set_index("iso3")


def _codes(cell: str) -> list[str]:
    return cell.split()


def _relation_problems(table: pd.DataFrame) -> list[str]:
    """Successions must read the same from both ends, or a code could be walked into twice."""
    problems = []
    # plain records: pandas' row access costs more than the checks (266 rows, every run)
    rows = {row.iso3: row for row in table.itertuples(index=False)}
    for code, row in rows.items():
        for other in _codes(row.predecessors) + _codes(row.successors) + _codes(row.continues):
            if other not in rows:
                problems.append(f"{code}: related code {other} is not in the table")
        for other in _codes(row.successors):
            if other in rows and code not in _codes(rows[other].predecessors):
                problems.append(f"{code} names successor {other}, which does not name it back")
        if row.continues and row.continues not in _codes(row.predecessors):
            problems.append(f"{code} continues {row.continues}, not one of its predecessors")
        if row.predecessors and not row.first_year:
            problems.append(f"{code} has predecessors but no first year of existence")
    if table["continues"].replace("", pd.NA).dropna().duplicated().any():
        problems.append("two states continue the same predecessor")
    return problems


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

    distinct = values.drop_duplicates()  # a few hundred names over thousands of rows
    return values.map(dict(zip(distinct, distinct.map(lookup), strict=True))).astype("string")


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


EXISTENCE_FLAG = Column(
    "existence_flag",
    "string",
    "Set where the row's state did not exist in the row's year (its years of existence are "
    "in the countries table): the source's value for such a year is kept as it is but "
    "marked, and the dashboard does not chart it.",
    required=False,
    enum=("state did not exist this year",),
)
EXISTENCE_TALLY = Tally(
    "existence_flag",
    "Rows for a state in a year it did not exist",
    "Rows whose code's years of existence (countries table) exclude the row's year, after "
    "each row took the code of the state that existed that year: values the source gives "
    "for a state before it began or after it ended.",
)


def _year(cell: str) -> int | None:
    return int(cell) if cell else None


@lru_cache(maxsize=1)
def _continued_by() -> dict[str, str]:
    table = entities()
    return {
        continues: code
        for code, continues in zip(table.index, table["continues"], strict=True)
        if continues
    }


@lru_cache(maxsize=1)
def _lifetimes() -> dict[str, tuple[int | None, int | None, str]]:
    """Code → first year, last year and the state it continues, as plain values: state_in
    runs for every code and year of every source."""
    table = entities()
    return {
        code: (_year(first), _year(last), continues)
        for code, first, last, continues in zip(
            table.index, table["first_year"], table["last_year"], table["continues"], strict=True
        )
    }


@cache
def state_in(code: str, year: int) -> str:
    """The state that existed in `year` along `code`'s line of continuity: back through the
    state it continues while the year is before it began, forward to the state that continues
    it while the year is after it ended (Russia 1980 is the Soviet Union; Yugoslavia 2010 is
    Serbia). A code without years of existence, or with no state to walk to, stays."""
    lifetimes, continued_by = _lifetimes(), _continued_by()
    seen = set()
    while code in lifetimes and code not in seen:
        seen.add(code)
        first, last, continues = lifetimes[code]
        if first is not None and year < first and continues:
            code = continues
        elif last is not None and year > last and code in continued_by:
            code = continued_by[code]
        else:
            break
    return code


def existed(codes: pd.Series, years: pd.Series) -> pd.Series:
    """False where a code's years of existence exclude the year; True otherwise (codes and
    years row by row)."""
    pairs = zip(codes.tolist(), years.tolist(), strict=True)
    return pd.Series([_existed(code, year) for code, year in pairs], index=codes.index, dtype=bool)


def _existed(code: str, year: int) -> bool:
    """Whether the state `code` existed in `year`; True when either is missing or the code
    has no years of existence recorded."""
    if not isinstance(code, str) or year is pd.NA or year is None:
        return True
    first, last, _ = _lifetimes().get(code, (None, None, ""))
    return not ((first is not None and year < first) or (last is not None and year > last))


@lru_cache(maxsize=1)
def _dated_codes() -> list[str]:
    """The codes with a first or a last year of existence."""
    return [
        code for code, (first, last, _) in _lifetimes().items() if (first, last) != (None, None)
    ]


def _rated(codes: pd.Series, years: pd.Series, moved: list[str], old: list[str]) -> set:
    """The (code, year) pairs a table already rates among those rows would move to."""
    targets = {new for new, code in zip(moved, old, strict=True) if new != code}
    near = codes.isin(list(targets)).to_numpy(dtype=bool)
    return set(zip(codes[near].tolist(), years[near].tolist(), strict=True))


def in_their_years(
    table: pd.DataFrame, counted: pd.Series | None = None, records: bool = False
) -> pd.DataFrame:
    """Every counted row recoded to the state that existed in its year, and flagged (in
    EXISTENCE_FLAG) where that state did not exist then.

    A row is not moved onto a state the source already rates under that state's own name in
    that year: two values would then claim one country-year, so the row keeps its code and
    is flagged instead (a stray value, e.g. a union still rated after its break-up).
    counted: rows that carry values; empty placeholder rows keep their code, unflagged.
    records: the rows are records (cases, people), several to a state and year, not values:
    every one is recoded, as no two of them claim one country-year.
    """
    out = table.copy()
    counted = pd.Series(True, index=out.index) if counted is None else counted
    chosen = counted.to_numpy(dtype=bool) & out["iso3"].notna().to_numpy(dtype=bool)
    chosen_codes, years = out["iso3"][chosen], out["year"][chosen].astype(int)
    # Only a code with years of existence can move or be flagged (state_in and _existed
    # leave any other as it is), a few rows in most tables: only those are walked, in plain
    # lists (iterating pandas' Arrow-backed columns costs a conversion per cell).
    dated = chosen_codes.isin(_dated_codes()).to_numpy(dtype=bool)
    rows = out.index[chosen][dated]
    codes, year_list = chosen_codes[dated].tolist(), years[dated].tolist()
    moved = [state_in(code, year) for code, year in zip(codes, year_list, strict=True)]
    rated = set() if records else _rated(chosen_codes, years, moved, codes)
    recode = [
        new != old and (new, year) not in rated
        for new, old, year in zip(moved, codes, year_list, strict=True)
    ]
    if any(recode):
        out.loc[rows[recode], "iso3"] = pd.Series(moved, index=rows, dtype="string")[recode]
    final = [new if change else old for new, old, change in zip(moved, codes, recode, strict=True)]
    gone = [not _existed(code, year) for code, year in zip(final, year_list, strict=True)]
    out[EXISTENCE_FLAG.name] = pd.Series(pd.NA, index=out.index, dtype="string")
    if any(gone):
        out.loc[rows[gone], EXISTENCE_FLAG.name] = EXISTENCE_FLAG.enum[0]
    return out
