"""Cases documented by publishers other than CPJ: curated facts, each with its source and
the sentence it rests on, linked to CPJ's case record of the same person where one exists.

Inputs: the two curated files beside this module, and CPJ's case records as this run has
built them (a dataset of another source, read as an input like any raw file).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.countries import to_iso3
from etl.errors import Problem, rows_where
from etl.fetch import Fetched, RawFile
from etl.names import best_match
from etl.parsing import read_csv, require_columns
from etl.pipeline import Source
from etl.sources.documented_cases import meta

NAME = "documented_cases"
HERE = Path(__file__).resolve().parent
FACTS = "documented_cases.csv"
SOURCES = "sources.csv"
CPJ_CASES = "cpj_cases.csv"
REQUIRED_COLUMNS = {
    FACTS: (
        "case_key",
        "person_name",
        "iso3",
        "fact",
        "value",
        "value_precision",
        "source_id",
        "quote",
        "note",
    ),
    SOURCES: ("source_id", "publisher", "author", "title", "published", "url", "note"),
    CPJ_CASES: ("case_id", "name", "iso3", "event_year"),
}


def parse(fetched: Fetched) -> pd.DataFrame:
    if fetched.name == CPJ_CASES:  # CPJ's case records: only the columns matched on are kept
        return read_csv(NAME, fetched.name, fetched.content, required=REQUIRED_COLUMNS[CPJ_CASES])
    frame = read_csv(NAME, fetched.name, fetched.content)
    require_columns(NAME, fetched.name, frame, REQUIRED_COLUMNS[fetched.name])
    return frame


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    facts = frames[FACTS]
    sources = frames[SOURCES].drop(columns=["source_file", "source_line", "note"])
    table = facts.merge(sources, on="source_id", how="left", validate="many_to_one")
    table = table.join(cpj_links(table, frames[CPJ_CASES]))
    table["value_precision"] = table["value_precision"].replace("", pd.NA)
    table["note"] = table["note"].replace("", pd.NA)
    return {NAME: table}


def cpj_links(facts: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Each fact's CPJ case (the person's latest, in the same country) and how the name
    matched (etl.names.best_match: exact, normalised, fuzzy when certain; else none)."""
    cases = cases.assign(
        event_year=pd.to_numeric(cases["event_year"].replace("", pd.NA)).astype("Int64")
    )
    by_country = dict(tuple(cases.groupby("iso3")))
    links = []
    for name, iso3 in zip(facts["person_name"], facts["iso3"], strict=True):
        same_country = by_country.get(iso3, cases.iloc[:0])
        match = best_match(name, same_country["name"])
        if match is None or not match.certain:
            links.append((pd.NA, "none"))
            continue
        latest = same_country.loc[match.labels].sort_values("event_year", na_position="first")
        links.append((latest["case_id"].iloc[-1], match.method))
    return pd.DataFrame(links, index=facts.index, columns=["cpj_case_id", "cpj_link_method"])


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    documented = tables[NAME]
    known = set(to_iso3(documented["iso3"], NAME).dropna())
    rules = (
        (
            documented["publisher"].isna(),
            "fact has a known source",
            lambda r: f"source_id {r.source_id!r} not in sources.csv",
        ),
        (
            documented["quote"].fillna("").str.len() < 20,
            "fact has its sentence",
            lambda r: f"{r.case_key}/{r.fact}: the quote is missing or too short",
        ),
        (~documented["iso3"].isin(known), "documented country is known", lambda r: repr(r.iso3)),
    )
    return [
        Problem(NAME, row.source_file, int(row.source_line), rule, detail(row))
        for mask, rule, detail in rules
        for row in rows_where(documented, mask)
    ]


SOURCE = Source(
    name=NAME,
    datasets=meta.DATASETS,
    mirror_folder="documented_cases",
    raw_files=(
        RawFile(FACTS, f"etl/sources/documented_cases/{FACTS}", local=HERE / FACTS),
        RawFile(SOURCES, f"etl/sources/documented_cases/{SOURCES}", local=HERE / SOURCES),
        RawFile(CPJ_CASES, "dataset:cpj_cases", dataset="cpj_cases"),
    ),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
