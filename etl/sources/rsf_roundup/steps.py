"""RSF round-up and barometer figures, curated with their sources (rsf_roundup.csv, beside this).

RSF publishes these counts only in reports and web pages; each row must carry the
publication, its URL and the sentence stating the number, and is validated here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.countries import entities
from etl.errors import Problem, rows_where
from etl.fetch import Fetched, RawFile
from etl.parsing import read_csv, require_columns
from etl.pipeline import Source
from etl.sources.rsf_roundup import meta

NAME = "rsf_roundup"
FILE = "rsf_roundup.csv"
LOCAL = Path(__file__).resolve().parent / FILE
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
RSF = "Reporters Without Borders (RSF)"


def states(quote: object, value: object) -> bool:
    """Whether the quote states the number as a whole number: 55 is not found in 550,
    nor 12 in 2012 or in 1,200."""
    if pd.isna(quote) or pd.isna(value):
        return False
    return re.search(rf"(?<![\d.,]){int(value)}(?![\d]|[.,]\d)", str(quote)) is not None


def parse(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(NAME, fetched.name, fetched.content)
    require_columns(NAME, fetched.name, frame, [c.name for c in meta.RSF_ROUNDUP.columns])
    frame = frame.replace("", pd.NA)
    for column in ("year", "value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {NAME: frames[FILE]}


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    table = tables[NAME]
    known = set(entities().index)
    rules = (
        (table["value"].isna() | table["year"].isna(), "year and value are whole numbers"),
        ((table["scope"] == "country") & ~table["iso3"].isin(known), "country code is known"),
        ((table["scope"] == "world") & table["iso3"].notna(), "world rows have no country"),
        (~table["url"].fillna("").str.startswith(("https://", "http://")), "source URL given"),
        (table["quote"].fillna("").str.len() < 20, "the sentence stating the figure is quoted"),
        (~table["published"].fillna("").str.fullmatch(_DATE.pattern), "publication date"),
        (
            ~table.apply(lambda r: states(r["quote"], r["value"]), axis=1),
            "the quoted sentence contains the figure",
        ),
        (
            (table["source_kind"] == "RSF publication") != (table["publisher"] == RSF),
            "RSF publications, and only they, are published by RSF",
        ),
    )
    return [
        Problem(
            NAME,
            row.source_file,
            int(row.source_line),
            rule,
            f"{row.scope} {row.iso3} {row.year} {row.measure}",
        )
        for mask, rule in rules
        for row in rows_where(table, mask)
    ]


SOURCE = Source(
    name=NAME,
    datasets=(meta.RSF_ROUNDUP,),
    mirror_folder="rsf-barometer",
    raw_files=(RawFile(FILE, "etl/sources/rsf_roundup/rsf_roundup.csv", local=LOCAL),),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
