"""Data coded from, or counting, Amnesty International's output: ITT torture allegations,
CIRIGHTS scores, Amnesty's execution counts, and amnesty.org attention counts."""

from __future__ import annotations

import pandas as pd

from etl import registry
from etl.countries import in_their_years, match_entities
from etl.errors import Problem, ValidationError
from etl.fetch import Fetched, RawFile
from etl.parsing import numbers, read_csv
from etl.pipeline import Source, one_row_per_code
from etl.sources.amnesty import meta

NAME = "amnesty"
ITT = "ITT_CY.csv"
CIRI = "cirights_v1.22.11.25.csv"
EXECUTIONS = "owid_amnesty_executions_2007-2016.csv"
ATTENTION = "HumanRightsProtectionScores_v4.01_amnesty_report_count_v2.csv"
TORTURE_LEVELS = (
    "No Allegations",
    "Infrequent",
    "Several",
    "Routinely",
    "Widespread",
    "Systematic",
)
CIRI_ITEMS = {
    "speech": "speech",
    "tort": "torture",
    "kill": "killing",
    "disap": "disappearance",
    "polpris": "political_imprisonment",
    "physint_sum": "physical_integrity",
}
EXECUTIONS_COLUMN = "Number of executions (Amnesty International)"


def _traced(frame: pd.DataFrame, **columns) -> pd.DataFrame:
    return pd.DataFrame(
        {**columns, "source_file": frame["source_file"], "source_line": frame["source_line"]}
    )


def _parse_itt(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(  # bare CR line ends
        NAME, fetched.name, fetched.content, required=("iso3alpha", "year", "LoT", "RstrctAccess")
    )
    problems: list[Problem] = []
    level = frame["LoT"].where(~frame["LoT"].isin(["-777", "-999", "-888", ""]))
    out = _traced(
        frame,
        entity=frame["iso3alpha"],
        code=frame["iso3alpha"],
        year=numbers(frame, "year", NAME, problems=problems).astype("Int64"),
        torture_level=level,
        torture_level_rank=level.map({v: i for i, v in enumerate(TORTURE_LEVELS, 1)}).astype(
            "Int64"
        ),
        restricted_access=frame["RstrctAccess"]
        .str.lower()
        .where(frame["RstrctAccess"].str.lower().isin(["yes", "no"])),
    )
    if problems:
        raise ValidationError(problems)
    return out


def _parse_ciri(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(  # BOM, CRLF
        NAME,
        fetched.name,
        fetched.content,
        encoding="utf-8-sig",
        required=("country", "iso_a3", "year", *CIRI_ITEMS),
    )
    problems: list[Problem] = []
    out = _traced(
        frame,
        entity=frame["country"],
        code=frame["iso_a3"],
        year=numbers(frame, "year", NAME, problems=problems).astype("Int64"),
        **{
            name: numbers(frame, raw, NAME, problems=problems).astype("Int64")
            for raw, name in CIRI_ITEMS.items()
        },
    )
    if problems:
        raise ValidationError(problems)
    return out


def _parse_executions(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(
        NAME, fetched.name, fetched.content, required=("Entity", "Year", EXECUTIONS_COLUMN)
    )
    problems: list[Problem] = []
    raw = frame[EXECUTIONS_COLUMN]
    lower_bound = raw.str.startswith(">")  # ">1000": Amnesty gives only a minimum
    frame["count"] = raw.str.lstrip(">")
    out = _traced(
        frame,
        entity=frame["Entity"],
        code=pd.NA,
        year=numbers(frame, "Year", NAME, problems=problems).astype("Int64"),
        executions=numbers(frame, "count", NAME, problems=problems).astype("Int64"),
        at_least=lower_bound.map({True: "yes", False: "no"}),
    )
    if problems:
        raise ValidationError(problems)
    return out


def _parse_attention(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(
        NAME,
        fetched.name,
        fetched.content,
        required=("country_name", "YEAR", "amnesty_report_count"),
    )
    problems: list[Problem] = []
    out = _traced(
        frame,
        entity=frame["country_name"],
        code=pd.NA,
        year=numbers(frame, "YEAR", NAME, problems=problems).astype("Int64"),
        amnesty_documents=numbers(frame, "amnesty_report_count", NAME, problems=problems).astype(
            "Int64"
        ),
    )
    if problems:
        raise ValidationError(problems)
    return out[out["amnesty_documents"].notna()]  # the file spans 1946–2019; counts 1961–2019


PARSERS = {
    ITT: _parse_itt,
    CIRI: _parse_ciri,
    EXECUTIONS: _parse_executions,
    ATTENTION: _parse_attention,
}
DATASET_OF = {
    ITT: "amnesty_itt",
    CIRI: "cirights",
    EXECUTIONS: "amnesty_executions",
    ATTENTION: "amnesty_attention",
}


def parse(fetched: Fetched) -> pd.DataFrame:
    return PARSERS[fetched.name](fetched)


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    tables = {}
    for file, dataset in DATASET_OF.items():
        table = frames[file]
        codes = table["code"].astype("string") if table["code"].notna().any() else None
        table["iso3"] = match_entities(table["entity"], NAME, codes=codes)
        tables[dataset] = in_their_years(table)
    return tables


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    return [problem for table in tables.values() for problem in one_row_per_code(NAME, table)]


SOURCE = Source(
    name=NAME,
    datasets=(
        meta.AMNESTY_ITT,
        meta.CIRIGHTS,
        meta.AMNESTY_EXECUTIONS,
        meta.AMNESTY_ATTENTION,
    ),
    mirror_folder="amnesty",
    raw_files=tuple(
        RawFile(file, registry.DATASETS[dataset].source_urls[0])
        for file, dataset in DATASET_OF.items()
    ),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
