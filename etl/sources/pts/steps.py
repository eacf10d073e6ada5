"""Political Terror Scale: one Windows-1252 CSV, one row per report-entity and year."""

from __future__ import annotations

import pandas as pd

from etl.changes import spans
from etl.countries import in_their_years, match_entities
from etl.errors import Problem, ValidationError
from etl.fetch import Fetched, RawFile
from etl.parsing import numbers, read_csv
from etl.pipeline import Source, one_row_per_code
from etl.sources.pts import meta

NAME = "pts"
FILE = "PTS-2024.csv"
# NA_Status codes: why a score is missing (0 = coded).
MISSING_REASONS = {
    "88": "no report published",
    "66": "non-UN entity without report",
    "77": "state did not exist",
    "99": "report not coded",
}
COLUMNS = (
    "Country",
    "Year",
    "WordBank_Code_A",
    "Region",
    "PTS_A",
    "PTS_H",
    "PTS_S",
    "NA_Status_A",
    "NA_Status_H",
    "NA_Status_S",
)


def parse(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(NAME, fetched.name, fetched.content, encoding="cp1252", required=COLUMNS)
    problems: list[Problem] = []
    out = pd.DataFrame(
        {
            "entity": frame["Country"],
            "code": frame["WordBank_Code_A"].replace("NA", ""),
            "year": numbers(frame, "Year", NAME, problems=problems).astype("Int64"),
            "region": frame["Region"].replace({"NA": "", "": pd.NA}),
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )
    for k in ("a", "h", "s"):
        out[f"pts_{k}"] = numbers(frame, f"PTS_{k.upper()}", NAME, problems=problems)
        out[f"missing_{k}"] = frame[f"NA_Status_{k.upper()}"].map(MISSING_REASONS)
    if problems:
        raise ValidationError(problems)
    return out


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    table = frames[FILE]
    table["iso3"] = match_entities(table["entity"], NAME, codes=table["code"])
    for k in "ahs":  # a handful of rows carry a score and a "missing" code: the score wins
        table.loc[table[f"pts_{k}"].notna(), f"missing_{k}"] = pd.NA
    return {NAME: in_their_years(table, counted=scored(table))}


def scored(table: pd.DataFrame) -> pd.Series:
    """Rows with a score: the others are placeholders for years a state was not rated."""
    return table[[f"pts_{k}" for k in "ahs"]].notna().any(axis=1)


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    table = tables[NAME]
    # Rows for years a state did not exist are empty placeholders (e.g. both Yugoslavias
    # appear every year); only scored rows may not share a country-year.
    return one_row_per_code(NAME, table, counted=scored(table)) + every_year_to_the_end(table)


def every_year_to_the_end(table: pd.DataFrame) -> list[Problem]:
    """PTS keeps a row for every entity in every year from its first to the last year of
    the file (placeholders where a state did not exist), so an entity whose rows stop early
    or skip a year means the file lost rows."""
    last = int(table["year"].max())
    ordered = table.sort_values("year")
    span = (
        ordered["year"].astype(int).groupby(ordered["entity"], sort=False).agg(["min", "nunique"])
    )
    # fewer distinct years than from an entity's first year to the last: some are missing
    gapped = span.index[span["nunique"] < last - span["min"] + 1]
    problems = []
    for entity in gapped:
        rows = ordered[ordered["entity"] == entity]
        lost = sorted(
            set(range(int(span.at[entity, "min"]), last + 1)) - set(rows["year"].astype(int))
        )
        tail = rows.iloc[-1]
        problems.append(
            Problem(
                NAME,
                tail["source_file"],
                int(tail["source_line"]),
                "every year present for each entity",
                f"{entity} has no row for {spans([str(y) for y in lost])} "
                f"(the file runs to {last}): rows are missing",
            )
        )
    return problems


SOURCE = Source(
    name=NAME,
    datasets=(meta.PTS,),
    mirror_folder="pts",
    raw_files=(RawFile(FILE, "http://www.politicalterrorscale.org/Data/Files/PTS-2024.csv"),),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
