"""Freedom House: Freedom in the World (xlsx), Freedom of the Press (bare-CR CSV), Freedom on
the Net 2024 (xlsx). Editions are report years; `year` is the year they describe."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.countries import in_their_years, match_entities
from etl.errors import Problem, ValidationError, rows_where
from etl.fetch import Fetched, RawFile
from etl.parsing import excel_sheet, numbers, read_csv, read_excel, require_columns
from etl.pipeline import Source, one_row_per_code
from etl.sources.freedomhouse import meta

NAME = "freedomhouse"
FIW = "All_data_FIW_2013-2024.xlsx"
FOTP = "fotp_2001_2014.csv"
FOTN = "FOTN24_Country_Score_Data.xlsx"
RATINGS = "Country_and_Territory_Ratings_and_Statuses_FIW_1973-2024.xlsx"
RATINGS_SHEETS = {
    "Country Ratings, Statuses ": "country",  # sic: trailing space
    "Territory Ratings, Statuses": "territory",
}
STATUS = {"F": "free", "PF": "partly free", "NF": "not free"}
# Rows the file gets wrong (see SOURCES.md): swapped Congo sub-scores.
FOTP_SWAPPED = {
    ("Congo, Democratic Republic of (Kinshasa)", 2011),
    ("Congo, Republic of (Brazzaville)", 2011),
}


def _integers(frame, columns, problems):
    return {
        name: numbers(frame, raw, NAME, missing=("", "NA", "N/A"), problems=problems).astype(
            "Int64"
        )
        for name, raw in columns.items()
    }


def _parse_fiw(fetched: Fetched) -> pd.DataFrame:
    frame = read_excel(NAME, fetched.name, fetched.content, sheet="FIW13-25", header_row=1)
    require_columns(
        NAME,
        fetched.name,
        frame,
        ("Country/Territory", "C/T", "Edition", "Status", "D1", "D", "PR", "CL", "Total"),
        line=2,
    )
    problems: list[Problem] = []
    values = _integers(
        frame,
        {
            "edition": "Edition",
            "d1": "D1",
            "d": "D",
            "political_rights": "PR",
            "civil_liberties": "CL",
            "total": "Total",
        },
        problems,
    )
    if problems:
        raise ValidationError(problems)
    return pd.DataFrame(
        {
            "entity": frame["Country/Territory"],
            **values,
            "kind": frame["C/T"].str.lower().map({"c": "country", "t": "territory"}),
            "status": frame["Status"].map(STATUS),
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )


def _parse_fotp(fetched: Fetched) -> pd.DataFrame:
    frame = read_csv(  # bare CR line ends, no final newline
        NAME,
        fetched.name,
        fetched.content,
        required=("country", "year.collected", "year.reported", "a", "b", "c", "score", "status"),
    )
    problems: list[Problem] = []
    values = _integers(
        frame,
        {
            "year": "year.collected",
            "edition": "year.reported",
            "legal": "a",
            "political": "b",
            "economic": "c",
            "score": "score",
        },
        problems,
    )
    if problems:
        raise ValidationError(problems)
    out = pd.DataFrame(
        {
            "entity": frame["country"],
            **values,
            "status": frame["status"].map(STATUS),
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )
    # A status outside F/PF/NF marks a row that is no rating: Kosovo's year 2008 is all
    # zeros with status "0" (a score of 0 would be perfect freedom).
    unrated = frame["status"].ne("NA") & out["status"].isna()
    out.loc[unrated, ["legal", "political", "economic", "score"]] = pd.NA
    keys = list(zip(out["entity"].tolist(), out["year"].tolist(), strict=True))
    swapped = pd.Series([k in FOTP_SWAPPED for k in keys], index=out.index)
    out.loc[swapped, ["legal", "political", "economic"]] = pd.NA
    return out


def _parse_fotn(fetched: Fetched) -> pd.DataFrame:
    frame = read_excel(
        NAME, fetched.name, fetched.content, sheet="FOTN 2024 score data", header_row=1
    )
    require_columns(
        NAME, fetched.name, frame, ("Country", "Edition", "Status", "A", "B", "C", "Total"), line=2
    )
    problems: list[Problem] = []
    values = _integers(
        frame,
        {
            "edition": "Edition",
            "obstacles_to_access": "A",
            "limits_on_content": "B",
            "violations_of_user_rights": "C",
            "total": "Total",
        },
        problems,
    )
    if problems:
        raise ValidationError(problems)
    return pd.DataFrame(
        {
            "entity": frame["Country"],
            **values,
            "status": frame["Status"].map(STATUS),
            "source_file": frame["source_file"],
            "source_line": frame["source_line"],
        }
    )


def _reshape_ratings(sheet: pd.DataFrame, name: str, kind: str) -> pd.DataFrame:
    """Wide sheet (3 header rows: edition, period, PR/CL/Status triplets) → one row per
    entity and edition, entity by entity as in the sheet."""
    starts = list(range(1, sheet.shape[1] - 2, 3))
    fields = sheet.iloc[2]
    for start in starts:
        if [str(fields.iloc[start + k]).strip() for k in range(3)] != ["PR", "CL", "Status"]:
            raise ValidationError(
                [
                    Problem(
                        NAME,
                        name,
                        3,
                        "PR, CL, Status triplets",
                        f"column {start}: {list(fields.iloc[start : start + 3])}",
                    )
                ]
            )
    entities = sheet.iloc[3:, 0].astype(str).str.strip()
    listed = ((entities != "") & (entities != "nan")).to_numpy()

    def cells(offset: int) -> pd.Series:
        """One field (0 PR, 1 CL, 2 Status) of every listed entity in every edition."""
        block = sheet.iloc[3:, [start + offset for start in starts]].to_numpy()[listed]
        return pd.Series(block.ravel(), dtype=str).str.strip()

    def header(row: int) -> np.ndarray:
        labels = sheet.iloc[row].ffill().astype(str).str.strip().iloc[starts]
        return np.tile(labels.to_numpy(), listed.sum())

    return pd.DataFrame(
        {
            "entity": np.repeat(entities.to_numpy()[listed], len(starts)),
            "kind": kind,
            "edition": header(0),
            "period": header(1),
            "pr_rating": cells(0).str.extract(r"^(\d)", expand=False).astype("Int64"),
            "cl_rating": cells(1).str.extract(r"^(\d)", expand=False).astype("Int64"),
            "status": cells(2).str.split(" ").str[0].map(STATUS),
            "source_file": name,
            "source_line": np.repeat(np.flatnonzero(listed) + 4, len(starts)),
        }
    )


def _parse_ratings(fetched: Fetched) -> pd.DataFrame:
    frames = []
    for sheet, kind in RATINGS_SHEETS.items():
        raw = excel_sheet(NAME, fetched.name, fetched.content, sheet=sheet, header=None)
        frames.append(_reshape_ratings(raw, fetched.name, kind))
    table = pd.concat(frames, ignore_index=True)
    table["year"] = table["period"].str.findall(r"(\d{4})").str[-1].astype("Int64")
    table["status_level"] = (
        table["status"].map({"not free": 1, "partly free": 2, "free": 3}).astype("Int64")
    )
    return table


PARSERS = {FIW: _parse_fiw, FOTP: _parse_fotp, FOTN: _parse_fotn, RATINGS: _parse_ratings}


def parse(fetched: Fetched) -> pd.DataFrame:
    return PARSERS[fetched.name](fetched)


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    tables = {}
    for file, dataset in (
        (FIW, "fh_fiw"),
        (FOTP, "fh_fotp"),
        (FOTN, "fh_fotn"),
        (RATINGS, "fh_status"),
    ):
        table = frames[file].copy()
        table["iso3"] = match_entities(table["entity"], NAME)
        if "year" not in table.columns:
            table["year"] = table["edition"] - 1  # an edition reports on the previous year
        tables[dataset] = in_their_years(table, counted=rated(table))
    fotp = tables["fh_fotp"]
    tables["fh_fotp"] = fotp[rated(fotp)]  # the file lists defunct states with empty rows
    return tables


def rated(table: pd.DataFrame) -> pd.Series:
    """Rows with a score or a status: the others are placeholders (unrated years)."""
    measures = [c for c in ("score", "total", "status") if c in table.columns]
    return table[measures].notna().any(axis=1)


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    problems = []
    fotp = tables["fh_fotp"]
    parts = fotp[["legal", "political", "economic"]]
    inconsistent = parts.notna().all(axis=1) & (parts.sum(axis=1) != fotp["score"])
    for row in rows_where(fotp, inconsistent):
        problems.append(
            Problem(
                NAME,
                row.source_file,
                int(row.source_line),
                "sub-scores add up to the total",
                f"{row.entity} {row.year}",
            )
        )
    for table in tables.values():
        # the status history lists every entity every year, empty where not rated
        problems += one_row_per_code(NAME, table, period="edition", counted=rated(table))
    return problems


SOURCE = Source(
    name=NAME,
    datasets=(meta.FH_FIW, meta.FH_FOTP, meta.FH_FOTN, meta.FH_STATUS_HISTORY),
    mirror_folder="freedomhouse",
    raw_files=(
        RawFile(FIW, meta.FH_FIW.source_urls[0]),
        RawFile(FOTP, meta.FH_FOTP.source_urls[0]),
        RawFile(FOTN, meta.FH_FOTN.source_urls[0]),
        RawFile(RATINGS, meta.FH_STATUS_HISTORY.source_urls[0]),
    ),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
