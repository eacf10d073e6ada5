"""Amnesty International's findings, curated with their quotes (amnesty_findings.csv, beside
this module): one row per quote with its findings, published one row per quote and finding.
Each person a quote names is linked to CPJ's case record of the same person in the same
country where the name matcher (etl.names.best_match) is certain; the input is CPJ's case
records as this run has built them, read like a raw file (as documented_cases does).

Validation rejects, naming the line: an unknown finding code, a finding whose quote lacks the
words that state it, a figure or a person the quote does not contain, a missing URL or date,
an unknown country, publication kind, source kind or language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from etl.countries import entities
from etl.errors import Problem, rows_where
from etl.fetch import Fetched, RawFile
from etl.names import best_match
from etl.parsing import read_csv, require_columns
from etl.pipeline import Source
from etl.sources.amnesty_findings import meta

NAME = "amnesty_findings"
FILE = "amnesty_findings.csv"
LOCAL = Path(__file__).resolve().parent / FILE
CPJ_CASES = "cpj_cases.csv"
CPJ_COLUMNS = ("case_id", "name", "iso3", "event_year")
CURATED_COLUMNS = (
    "quote_id",
    "iso3",
    "year",
    "publication_kind",
    "publisher",
    "title",
    "published",
    "url",
    "language",
    "source_kind",
    "quote",
    "findings",
    "persons",
    "note",
)
_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_CODED = re.compile(r"(?P<code>[a-z_]+)(=(?P<figure>\d+))?")
SEPARATOR = ";"
JOINER = "; "  # how the per-person link columns are written, in the order of `persons`
NO_LINK = "none"
UNLINKED = "-"  # an unlinked person's place in the case-id and score lists


def parse(fetched: Fetched) -> pd.DataFrame:
    if fetched.name == CPJ_CASES:  # CPJ's case records: only the columns matched on are kept
        return read_csv(NAME, fetched.name, fetched.content, required=CPJ_COLUMNS)
    frame = read_csv(NAME, fetched.name, fetched.content)
    require_columns(NAME, fetched.name, frame, list(CURATED_COLUMNS))
    frame = frame.replace("", pd.NA)
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    return frame


def coded(cell: object) -> list[tuple[str, int | None]]:
    """The findings of one curated row: 'code' or 'code=figure', separated by ';'."""
    items = [item.strip() for item in str(cell if pd.notna(cell) else "").split(SEPARATOR)]
    out = []
    for item in filter(None, items):
        match = _CODED.fullmatch(item)
        if match is None:
            out.append((item, None))
        else:
            figure = match["figure"]
            out.append((match["code"], int(figure) if figure else None))
    return out


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    quotes = frames[FILE]
    cases = frames.get(CPJ_CASES, pd.DataFrame(columns=list(CPJ_COLUMNS)))
    quotes = quotes.join(cpj_links(quotes, cases))
    rows = []
    for quote in quotes.to_dict("records"):
        findings = coded(quote["findings"]) or [("", None)]
        for code, figure in findings:
            finding = meta.FINDINGS.get(code)
            rows.append(
                {
                    **{k: v for k, v in quote.items() if k != "findings"},
                    "finding": code or pd.NA,
                    "finding_label": finding.label if finding else pd.NA,
                    "figure": figure,
                    "cpj_charge_category": finding.cpj_category if finding else pd.NA,
                }
            )
    table = pd.DataFrame(rows)
    table["figure"] = pd.array(table["figure"], dtype="Int64")
    table["year"] = pd.array(table["year"], dtype="Int64")
    return {NAME: table}


def cpj_link(name: str, same_country: pd.DataFrame) -> tuple[str, str, float | None]:
    """One named person's CPJ case (their latest in the same country), how the name matched
    and its score; (no case, "none", no score) when no match is certain."""
    match = best_match(name, same_country["name"])
    if match is None or not match.certain:
        return UNLINKED, NO_LINK, None
    latest = same_country.loc[match.labels].sort_values("event_year", na_position="first")
    return str(latest["case_id"].iloc[-1]), match.method, match.score


def cpj_links(quotes: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """For each quote naming people: their CPJ case ids, link methods and scores, one entry
    per person in the order of `persons`, joined by '; ' (an unlinked person: case id and
    score "-", method "none"; when no one is linked, case ids and scores are blank). Quotes
    naming no one have all three blank."""
    cases = cases.assign(
        event_year=pd.to_numeric(cases["event_year"].replace("", pd.NA)).astype("Int64")
    )
    by_country = dict(tuple(cases.groupby("iso3")))
    rows = []
    for persons, iso3 in zip(quotes["persons"], quotes["iso3"], strict=True):
        names = _persons(persons)
        if not names:
            rows.append((pd.NA, pd.NA, pd.NA))
            continue
        same_country = by_country.get(iso3, cases.iloc[:0])
        links = [cpj_link(name, same_country) for name in names]
        linked = any(case != UNLINKED for case, _, _ in links)
        rows.append(
            (
                JOINER.join(case for case, _, _ in links) if linked else pd.NA,
                JOINER.join(method for _, method, _ in links),
                JOINER.join(UNLINKED if score is None else f"{score:.0f}" for _, _, score in links)
                if linked
                else pd.NA,
            )
        )
    return pd.DataFrame(
        rows, index=quotes.index, columns=["cpj_case_ids", "cpj_link_method", "cpj_link_score"]
    )


def states(finding: meta.Finding, quote: str) -> bool:
    """Whether the quote contains the words the finding declares (every cue pattern)."""
    return all(re.search(cue, quote, flags=re.IGNORECASE) for cue in finding.cues)


def contains_figure(quote: str, figure: int) -> bool:
    """Whether the quote states the figure in digits (thousands may be separated by , or .)."""
    digits = re.sub(r"(?<=\d)[,.](?=\d{3}\b)", "", quote)
    return re.search(rf"(?<![\d]){figure}(?![\d])", digits) is not None


def _persons(cell: object) -> list[str]:
    text = str(cell) if pd.notna(cell) else ""
    return [name.strip() for name in text.split(SEPARATOR) if name.strip()]


def row_problems(row: dict, known: set[str]) -> list[str]:
    """Every rule this published row breaks (the rule's wording names what is wrong)."""
    quote = str(row["quote"]) if pd.notna(row["quote"]) else ""
    problems = []
    if pd.isna(row["finding"]):
        problems.append("no finding coded")
    elif row["finding"] not in meta.FINDINGS:
        problems.append(f"unknown finding category {row['finding']!r}")
    elif not states(meta.FINDINGS[row["finding"]], quote):
        cues = " and ".join(meta.FINDINGS[row["finding"]].cues)
        problems.append(f"the quote lacks the words stating {row['finding']} ({cues})")
    if pd.notna(row["figure"]) and not contains_figure(quote, int(row["figure"])):
        problems.append(f"the quote does not state the figure {row['figure']}")
    for person in _persons(row["persons"]):
        if person not in quote:
            problems.append(f"the quote does not name {person!r}")
    if len(quote) < 20:
        problems.append("the quote is missing or too short")
    if not str(row["url"]).startswith(("https://", "http://")) or pd.isna(row["url"]):
        problems.append("URL missing")
    if pd.isna(row["published"]) or not _DATE.fullmatch(str(row["published"])):
        problems.append("publication date missing or not YYYY-MM(-DD)")
    if row["iso3"] not in known:
        problems.append(f"unknown country {row['iso3']!r}")
    if pd.isna(row["year"]):
        problems.append("year missing")
    for column, allowed in (
        ("publication_kind", meta.PUBLICATION_KINDS),
        ("source_kind", tuple(meta.SOURCE_KINDS)),
        ("language", meta.LANGUAGES),
    ):
        if row[column] not in allowed:
            problems.append(f"unknown {column} {row[column]!r}")
    return problems


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    table = tables[NAME]
    known = set(entities().index)
    problems = [
        Problem(
            NAME,
            row["source_file"],
            int(row["source_line"]),
            rule,
            f"{row['quote_id']} ({row['iso3']} {row['year']})",
        )
        for row in table.to_dict("records")
        for rule in row_problems(row, known)
    ]
    duplicated = table.duplicated(["quote_id", "finding"], keep="first")
    problems += [
        Problem(NAME, row.source_file, int(row.source_line), "duplicate finding", row.quote_id)
        for row in rows_where(table, duplicated)
    ]
    return problems


SOURCE = Source(
    name=NAME,
    datasets=meta.DATASETS,
    mirror_folder="amnesty_findings",
    raw_files=(
        RawFile(FILE, f"etl/sources/amnesty_findings/{FILE}", local=LOCAL),
        RawFile(CPJ_CASES, "dataset:cpj_cases", dataset="cpj_cases"),
    ),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
