"""Latent Human Rights Protection Scores v4.02: one UTF-8 CSV, one row per COW unit and year.

The file's names are generated from Correlates of War codes (one name per code), so entities
are matched on the name, as for the same author's amnesty.org counts (`etl/sources/amnesty`),
with the names the crosswalk does not know in `etl/reference/aliases.csv` (source `hrps`).
"""

from __future__ import annotations

import pandas as pd

from etl.changes import spans
from etl.countries import in_their_years, match_entities
from etl.errors import Problem, ValidationError
from etl.fetch import Fetched, RawFile
from etl.parsing import numbers, read_csv
from etl.pipeline import Source, one_row_per_code
from etl.sources.hrps import meta

NAME = "hrps"
FILE = "LHRS-v4.02-2021_names.csv"
THETA = ("theta_mean", "theta_sd", "theta_q025", "theta_q975")
COLUMNS = ("YEAR", "COW", "id", *THETA, "country_name")


def parse(fetched: Fetched) -> pd.DataFrame:
    # UTF-8 (curly apostrophes), LF
    frame = read_csv(NAME, fetched.name, fetched.content, required=COLUMNS)
    problems: list[Problem] = []
    out = pd.DataFrame(
        {
            "entity": frame["country_name"],
            "cow": numbers(frame, "COW", NAME, problems=problems).astype("Int64"),
            "year": numbers(frame, "YEAR", NAME, problems=problems).astype("Int64"),
            "row_id": numbers(frame, "id", NAME, problems=problems).astype("Int64"),
            **{name: numbers(frame, name, NAME, problems=problems) for name in THETA},
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )
    if problems:
        raise ValidationError(problems)
    return out


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    table = frames[FILE]
    table["iso3"] = match_entities(table["entity"], NAME)
    return {NAME: in_their_years(table)}


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    table = tables[NAME]
    return (
        one_row_per_code(NAME, table)
        + one_name_per_code(table)
        + interval_holds_the_mean(table)
        + no_row_missing(table)
    )


def _problem(row: pd.Series, rule: str, detail: str) -> Problem:
    return Problem(NAME, row["source_file"], int(row["source_line"]), rule, detail)


def one_name_per_code(table: pd.DataFrame) -> list[Problem]:
    """Names are generated from COW codes, one per code: matching on the name is matching on
    the code only while that holds."""
    problems = []
    for key, other in (("cow", "entity"), ("entity", "cow")):
        counts = table.groupby(key)[other].nunique()
        for value in counts[counts > 1].index:
            rows = table[table[key] == value]
            found = ", ".join(str(v) for v in sorted(rows[other].unique()))
            problems.append(
                _problem(rows.iloc[0], f"one {other} per {key}", f"{key} {value}: {found}")
            )
    return problems


def interval_holds_the_mean(table: pd.DataFrame) -> list[Problem]:
    """The 95% interval contains the posterior mean and the sd is positive (a shifted or
    swapped column would break this)."""
    bad = ~(
        (table["theta_q025"] <= table["theta_mean"])
        & (table["theta_mean"] <= table["theta_q975"])
        & (table["theta_sd"] > 0)
    )
    return [
        _problem(
            row,
            "theta_q025 <= theta_mean <= theta_q975, theta_sd > 0",
            f"{row['entity']} {row['year']}: {row['theta_q025']}, {row['theta_mean']}, "
            f"{row['theta_q975']}, sd {row['theta_sd']}",
        )
        for _, row in table[bad.fillna(True)].iterrows()
    ]


def no_row_missing(table: pd.DataFrame) -> list[Problem]:
    """The file's shape (v4.02): units in COW order, each year by year with no gap, the last
    unit (Samoa, COW 990) running to the file's last year; and `id` numbering the rows 1..N
    (in the author's own order). So a row lost in the middle leaves a gap in a unit's years
    and in the ids, and a file cut short ends before its last year."""
    problems = []
    units: dict[int, tuple[set[int], int, int]] = {}  # COW → years, first and last position
    for position, (cow, year) in enumerate(
        zip(table["cow"].tolist(), table["year"].tolist(), strict=True)
    ):
        if cow is not pd.NA:  # plain values: a groupby's sub-frames cost more than the check
            years, first, _ = units.get(cow, (set(), position, position))
            years.add(int(year))
            units[cow] = (years, first, position)
    for cow, (years, first, last) in units.items():
        lost = sorted(set(range(min(years), max(years) + 1)) - years)
        if lost:
            problems.append(
                _problem(
                    table.iloc[last],
                    "every year present for each unit between its first and last",
                    f"{table['entity'].iloc[first]} (COW {cow}) has no row for "
                    f"{spans([str(y) for y in lost])}: rows are missing",
                )
            )
    ids = set(table["row_id"].astype(int))
    lost_ids = sorted(set(range(1, len(table) + 1)) - ids)
    if lost_ids or len(ids) != len(table):
        problems.append(
            _problem(
                table.iloc[-1],
                "ids number the rows 1..N",
                f"{len(table)} rows, {len(ids)} distinct ids, not among them: "
                f"{spans([str(i) for i in lost_ids[:20]])}: rows are missing or repeated",
            )
        )
    last, tail = int(table["year"].max()), table.iloc[-1]
    if int(tail["year"]) != last:
        problems.append(
            _problem(
                tail,
                "the file ends with its last year",
                f"the last row is {tail['entity']} {tail['year']}, but the file runs to "
                f"{last}: the file was cut short",
            )
        )
    return problems


SOURCE = Source(
    name=NAME,
    datasets=(meta.HRPS,),
    mirror_folder="hrps",
    raw_files=(RawFile(FILE, meta.HRPS.source_urls[0].split(" ")[0]),),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
