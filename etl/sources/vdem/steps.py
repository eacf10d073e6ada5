"""V-Dem v14 media and repression extract: one UTF-8 CSV, one row per V-Dem unit and year."""

from __future__ import annotations

import pandas as pd

from etl.countries import in_their_years, match_entities
from etl.errors import Problem, ValidationError
from etl.fetch import Fetched, RawFile
from etl.parsing import numbers, read_csv
from etl.pipeline import Source, one_row_per_code
from etl.sources.vdem import meta

NAME = "vdem"
FILE = "vdem_v14_media_repression_extract_1970-2023.csv"
MEASURES = {c.source_column: c.name for c in meta.VDEM.columns if c.direction}


def parse(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(
        NAME,
        fetched.name,
        fetched.content,
        required=("country_name", "country_text_id", "year", *MEASURES),
    )
    problems: list[Problem] = []
    out = pd.DataFrame(
        {
            "entity": frame["country_name"],
            "vdem_id": frame["country_text_id"],
            "year": numbers(frame, "year", NAME, problems=problems).astype("Int64"),
            **{
                name: numbers(frame, raw, NAME, problems=problems) for raw, name in MEASURES.items()
            },
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )
    if problems:
        raise ValidationError(problems)
    return out


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    table = frames[FILE]
    table["iso3"] = match_entities(table["entity"], NAME, codes=table["vdem_id"])
    return {NAME: in_their_years(table)}


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    return one_row_per_code(NAME, tables[NAME])


SOURCE = Source(
    name=NAME,
    datasets=(meta.VDEM,),
    mirror_folder="vdem",
    raw_files=(RawFile(FILE, "https://www.v-dem.net/data/the-v-dem-dataset/"),),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
