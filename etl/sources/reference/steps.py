"""The country crosswalk, published as a dataset so every iso3 column has a table to point to
(the data package declares foreign keys to it)."""

from __future__ import annotations

import pandas as pd

from etl.countries import REFERENCE, entities
from etl.errors import Problem, rows_where
from etl.fetch import Fetched, RawFile
from etl.parsing import read_csv
from etl.pipeline import Source
from etl.sources.reference import meta

NAME = "reference"
FILE = "countries.csv"


def parse(fetched: Fetched) -> pd.DataFrame:
    return read_csv(NAME, fetched.name, fetched.content).replace("", pd.NA)


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    entities()  # raises if a code marked ISO is not one (checked against pycountry)
    return {"countries": frames[FILE]}


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    table = tables["countries"]
    return [
        Problem(NAME, FILE, int(row.source_line), "project codes carry a note", row.iso3)
        for row in rows_where(table, (table["code_status"] != "iso3166-1") & table["note"].isna())
    ]


SOURCE = Source(
    name=NAME,
    datasets=(meta.COUNTRIES,),
    mirror_folder="",
    raw_files=(RawFile(FILE, "etl/reference/countries.csv", local=REFERENCE / FILE),),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
