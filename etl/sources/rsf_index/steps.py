"""RSF World Press Freedom Index: one semicolon-separated file per edition.

Parse handles every quirk of the raw files (see SOURCES.md of the mirror):
double-encoded UTF-8 and Windows-1252 files, drifting headers, the 2011-12
edition label, decimal commas in some editions and lost decimal separators in
others, French zone and situation labels, RSF-specific entity codes.
"""

from __future__ import annotations

import io
import re

import pandas as pd

from etl.countries import display_name, to_iso3
from etl.errors import Problem, ValidationError, rows_where
from etl.fetch import Fetched, RawFile
from etl.numbers import AmbiguousNumbers, parse_decimal_comma, recover_by_rank
from etl.parsing import text_cells
from etl.pipeline import Source
from etl.sources.rsf_index import meta, methodology

NAME = "rsf_index"
EDITIONS = (*range(2002, 2011), *range(2012, 2027))
URL = "https://rsf.org/sites/default/files/import_classement/{year}.csv"
NUMBER = re.compile(r"-?\d+(,\d+)?")
INDICATORS = methodology.INDICATOR_COLUMNS

# Raw header → canonical name; several spellings drift between editions.
HEADER = {
    "Year (N)": "edition_label",
    "ISO": "rsf_code",
    "Rank N": "rank",
    "Rank": "rank",
    "Score N": "score",
    "Score": "score",
    "EN_country": "country_rsf",
    "Country_EN": "country_rsf",
    "Zone": "zone",
    "Situation": "situation_rsf",
    "Score evolution": "score_evolution",
    **{header: column for column, _, header in methodology.INDICATORS},
    # each indicator's rank: "Rank_" and the first three letters of its header
    **{f"Rank_{header[:3]}": f"rank_{column}" for column, _, header in methodology.INDICATORS},
    "Rank N-1": "previous_rank",
}
REQUIRED = ("edition_label", "rsf_code", "rank", "score", "country_rsf", "zone")
REQUIRED_2022 = (*INDICATORS, *(f"rank_{name}" for name in INDICATORS))
# Every rank RSF prints in an edition: overall, then per indicator (2022+). Each ranks the
# rows of that edition, which is what reveals a file that lost rows.
EDITION_RANKS = ("rank", *(f"rank_{name}" for name in INDICATORS))
PREVIOUS_RANK = "previous_rank"  # "Rank N-1": the entity's rank in the previous edition

ZONES = {
    "UE Balkans": "European Union & Balkans",
    "EEAC": "Eastern Europe & Central Asia",
    "Europe - Asie centrale": "Europe & Central Asia",
    "MENA": "Middle East & North Africa",
    "Maghreb - Moyen-Orient": "Middle East & North Africa",
    "Afrique": "Africa",
    "Amériques": "Americas",
    "Asie-Pacifique": "Asia-Pacific",
}
SITUATIONS = {
    "Bonne situation": "good",
    "Situation plutôt bonne": "satisfactory",
    "Situation problématique": "problematic",
    "Situation difficile": "difficult",
    "Situation très grave": "very serious",
}


# Plausible score ranges per era, wide enough for every published value.
# Decimals RSF printed: two until 2024, three from 2025 (65487 is 65.487). Allowing no more
# than that stops a misprinted value from being "explained" by an extra lost decimal.
def printed_decimals(year: int) -> int:
    return 3 if year >= 2025 else 2


SCORE_RANGE = {
    "2002-2012": (-10.0, 150.0),
    "2013-2021": (0.0, 100.0),
    methodology.CURRENT: (0.0, 100.0),
}


def decode(content: bytes) -> str:
    """Text of a raw file, undoing the two encodings RSF's files come in.

    2002–2024 are UTF-8, but 2002–2021 hold UTF-8 text that was once decoded as
    Latin-1 and re-encoded (`AzerbaÃ¯djan`). Only such double-encoded text
    survives a Latin-1 → UTF-8 round trip, so the round trip is applied exactly
    when it succeeds. 2025–2026 are Windows-1252.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def edition_of(raw_name: str) -> int:
    return int(raw_name.removesuffix(".csv"))


def _canonical_header(column: str) -> str | None:
    column = column.strip()
    if column.startswith("Score ") and column[6:].isdigit():  # "Score 2025"
        return "score"
    return HEADER.get(column)


def parse(fetched: Fetched) -> pd.DataFrame:
    """Raw bytes of one edition → typed frame with canonical columns and raw line numbers."""
    year = edition_of(fetched.name)
    era = methodology.era_of(year)
    problems: list[Problem] = []

    def problem(line: int | None, rule: str, detail: str) -> None:
        problems.append(Problem(NAME, fetched.name, line, rule, detail))

    try:
        raw = pd.read_csv(
            io.StringIO(decode(fetched.content)), sep=";", dtype=str, keep_default_na=False
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValidationError(
            [Problem(NAME, fetched.name, None, "readable CSV", str(exc))]
        ) from exc
    if raw.empty:
        raise ValidationError([Problem(NAME, fetched.name, None, "file has rows", "no data rows")])
    renamed = {c: _canonical_header(c) for c in raw.columns}
    frame = raw.rename(columns={c: n for c, n in renamed.items() if n})[
        [n for n in renamed.values() if n]
    ]
    needed = REQUIRED + (REQUIRED_2022 if era == methodology.CURRENT else ())
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        problem(1, "required columns", f"missing {missing}; header is {list(raw.columns)}")
        raise ValidationError(problems)
    frame = text_cells(frame, nbsp=False)
    frame["source_file"] = fetched.name
    frame["source_line"] = range(2, len(frame) + 2)
    frame["year"] = year

    expected = {str(year), f"{year - 1}-{str(year)[2:]}"}
    for row in rows_where(frame, ~frame["edition_label"].isin(expected)):
        problem(
            row.source_line,
            "edition label matches file",
            f"{row.edition_label!r} in the {year} file",
        )

    frame["rank"] = pd.to_numeric(frame["rank"], errors="coerce").astype("Int64")
    for row in rows_where(frame, frame["rank"].isna()):
        problem(row.source_line, "rank is a whole number", "blank or non-numeric rank")
    if problems:
        raise ValidationError(problems)

    lower, upper = SCORE_RANGE[era]
    frame["score"] = _numbers(frame, "score", "rank", era, lower, upper, problem)
    for name in INDICATORS:
        if era == methodology.CURRENT:
            frame[name] = _numbers(frame, name, f"rank_{name}", era, 0.0, 100.0, problem)
        else:
            frame[name] = pd.NA
    if "score_evolution" in frame.columns:
        frame["score_evolution"] = _strict_numbers(frame, "score_evolution", problem)
    for name in (*EDITION_RANKS[1:], PREVIOUS_RANK):
        if name in frame.columns:
            frame[name] = _whole_numbers(frame, name, problem)
    if problems:
        raise ValidationError(problems)
    keep = [
        "rsf_code",
        "country_rsf",
        "year",
        "rank",
        "score",
        *INDICATORS,
        "zone",
        "source_file",
        "source_line",
    ]
    optional = ("situation_rsf", "score_evolution", *EDITION_RANKS[1:], PREVIOUS_RANK)
    keep += [c for c in optional if c in frame.columns]
    return frame[keep]


def _whole_numbers(frame, column, problem) -> pd.Series:
    """A rank column; blank stays <NA> (entities new to the index have no previous rank)."""
    values = pd.to_numeric(frame[column].where(frame[column] != ""), errors="coerce")
    for row in rows_where(frame, values.isna() & (frame[column] != "")):
        problem(row.source_line, f"{column} is a whole number", repr(getattr(row, column)))
    return values.astype("Int64")


def _strict_numbers(frame, column, problem) -> pd.Series:
    values = []
    for text, line in zip(frame[column], frame["source_line"], strict=True):
        try:
            values.append(parse_decimal_comma(text))
        except ValueError as exc:
            problem(line, f"{column} is a number", str(exc))
            values.append(None)
    return pd.Series(values, index=frame.index, dtype="Float64")


def _numbers(frame, column, rank_column, era, lower, upper, problem) -> pd.Series:
    """Parse a score column; where separators were lost, recover them from the ranks."""
    texts = list(frame[column])
    malformed = [
        (line, text)
        for line, text in zip(frame["source_line"], texts, strict=True)
        if not NUMBER.fullmatch(text)
    ]
    for line, text in malformed:
        problem(line, f"{column} is a number", f"{text!r}")
    if malformed:
        return pd.Series(pd.NA, index=frame.index, dtype="Float64")
    if any("," in t for t in texts):  # this column kept its separators: read as written
        values = _strict_numbers(frame, column, problem)
        for line, value in zip(frame["source_line"], values, strict=True):
            if pd.notna(value) and not lower <= value <= upper:
                problem(line, f"{column} within era range", f"{value} not in [{lower}, {upper}]")
        return values
    ranks = pd.to_numeric(frame[rank_column], errors="coerce")
    if ranks.isna().any():
        line = frame["source_line"][ranks.isna()].iloc[0]
        problem(line, f"{rank_column} is a whole number", "blank or non-numeric rank")
        return pd.Series(pd.NA, index=frame.index, dtype="Float64")
    try:
        values = recover_by_rank(
            texts,
            [int(r) for r in ranks],
            higher_is_better=methodology.ERAS[era]["higher_is_better"],
            lower=lower,
            upper=upper,
            max_decimals=printed_decimals(int(frame["year"].iloc[0])),
        )
    except AmbiguousNumbers as exc:
        problem(
            int(frame["source_line"].iloc[exc.position]),
            f"{column} consistent with ranks",
            str(exc),
        )
        return pd.Series(pd.NA, index=frame.index, dtype="Float64")
    return pd.Series(values, index=frame.index, dtype="Float64")


def harmonise(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {NAME: harmonise_editions(list(frames.values()))}


def harmonise_editions(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Country codes and names, English regions, methodology era, situation bands."""
    table = pd.concat(frames, ignore_index=True)
    table["iso3"] = to_iso3(table["rsf_code"], NAME)
    table["country"] = display_name(table["iso3"])
    table["methodology"] = table["year"].map(methodology.era_of)
    table["region"] = table["zone"].map(ZONES)
    new_era = table["methodology"] == methodology.CURRENT
    table["situation"] = pd.Series(pd.NA, index=table.index, dtype="string")
    table.loc[new_era, "situation"] = table.loc[new_era, "score"].map(methodology.situation_of)
    if "situation_rsf" in table.columns:
        table["situation_rsf"] = table["situation_rsf"].map(SITUATIONS)
    return table


def validate(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    return validate_index(tables[NAME])


def validate_index(table: pd.DataFrame) -> list[Problem]:
    """RSF-specific invariants, beyond the column schema in meta.py."""
    problems: list[Problem] = []

    def each(mask: pd.Series, rule: str, detail) -> None:
        for row in rows_where(table, mask):
            problems.append(Problem(NAME, row.source_file, row.source_line, rule, detail(row)))

    each(
        table["iso3"].isna(),
        "entity code in crosswalk",
        lambda r: (
            f"RSF code {r.rsf_code!r} ({r.country_rsf}) is not in "
            "etl/reference/countries.csv or aliases.csv"
        ),
    )
    each(table["region"].isna(), "zone in vocabulary", lambda r: f"unknown zone {r.zone!r}")
    each(
        table.duplicated(["iso3", "year"], keep=False) & table["iso3"].notna(),
        "one row per entity and edition",
        lambda r: f"{r.iso3} appears twice in {r.year}",
    )
    if "situation_rsf" in table.columns:
        published = table["situation_rsf"].notna()
        each(
            published & (table["situation_rsf"] != table["situation"]),
            "situation band matches RSF's",
            lambda r: f"score {r.score} gives {r.situation!r}, RSF says {r.situation_rsf!r}",
        )

    problems += _check_ranks(table)
    problems += _check_previous_ranks(table)
    for year, edition in table.groupby("year"):
        higher_is_better = methodology.ERAS[methodology.era_of(year)]["higher_is_better"]
        ordered = edition.sort_values("rank")
        scores = ordered["score"] if higher_is_better else -ordered["score"]
        steps = scores.diff().iloc[1:]
        for idx in steps[steps > 0].index:
            row = ordered.loc[idx]
            problems.append(
                Problem(
                    NAME,
                    row["source_file"],
                    int(row["source_line"]),
                    "score order reproduces rank order",
                    f"rank {row['rank']} has score {row['score']}, better than the rank above it",
                )
            )

    if "score_evolution" in table.columns:
        problems += _check_evolution(table)
    return problems


def _check_ranks(table: pd.DataFrame) -> list[Problem]:
    """Each rank column of an edition is a ranking of exactly its rows: 1, 2, 2, 4, ...
    (ties as RSF prints them, no other gaps). A file that lost rows leaves gaps, or (cut at
    the bottom) indicator ranks beyond its row count."""
    problems = []
    for _, edition in table.groupby("year"):
        for column in EDITION_RANKS:
            if column not in edition.columns or edition[column].isna().all():
                continue
            ranks = edition[column].astype(int)
            if ranks.equals(ranks.rank(method="min").astype(int)):
                continue
            counts = ranks.value_counts().sort_index()
            gaps = [
                f"after rank {rank}{f' ({tied} rows tied)' if tied > 1 else ''} comes {following}"
                for (rank, tied), following in zip(counts.items(), counts.index[1:], strict=False)
                if following != rank + tied
            ]
            if ranks.min() != 1:
                gaps.insert(0, f"the first rank is {ranks.min()}")
            file = edition["source_file"].iloc[0]
            problems.append(
                Problem(
                    NAME,
                    file,
                    None,
                    "ranks account for every row of the edition",
                    f"{column}: {len(edition)} rows but ranks run to {ranks.max()}; "
                    f"{'; '.join(gaps[:5])}: rows are missing from {file}",
                )
            )
    return problems


def _check_previous_ranks(table: pd.DataFrame) -> list[Problem]:
    """RSF prints each entity's rank in the previous edition ("Rank N-1"): the previous
    edition's file must hold that entity at that rank. This catches a row lost from any
    edition but the latest."""
    if PREVIOUS_RANK not in table.columns:
        return []
    # plain rows per edition: 23 editions' filtered frames cost more than the check
    fields = ("iso3", "rank", PREVIOUS_RANK, "source_file", "source_line")
    editions: dict[int, list[tuple]] = {}
    for year, *row in zip(*(table[c].tolist() for c in ("year", *fields)), strict=True):
        editions.setdefault(year, []).append(row)
    years = sorted(editions)
    problems = []
    for previous, year in zip(years, years[1:], strict=False):
        ranks = {iso3: rank for iso3, rank, *_ in editions[previous]}  # one row per entity
        previous_file = f"{previous}.csv"
        for iso3, _, printed, file, line in editions[year]:
            if printed is pd.NA:
                continue
            if iso3 not in ranks:
                detail = f"but {previous_file} has no row for it: a row is missing there"
            elif int(ranks[iso3]) != int(printed):
                detail = f"but {previous_file} ranks it {int(ranks[iso3])}"
            else:
                continue
            problems.append(
                Problem(
                    NAME,
                    file,
                    int(line),
                    "previous rank matches the previous edition",
                    f"{iso3} was ranked {int(printed)} in {previous} according to {file}, {detail}",
                )
            )
    return problems


def _check_evolution(table: pd.DataFrame) -> list[Problem]:
    """From 2023 RSF prints each score's change, with its comma intact: check against ours."""
    previous = table[["iso3", "year", "score"]].assign(year=table["year"] + 1)
    joined = table.merge(previous, on=["iso3", "year"], suffixes=("", "_previous"))
    joined = joined[joined["score_evolution"].notna() & joined["score_previous"].notna()]
    gap = (joined["score"] - joined["score_previous"] - joined["score_evolution"]).abs()
    return [
        Problem(
            NAME,
            row.source_file,
            row.source_line,
            "score change matches RSF's 'Score evolution'",
            f"{row.iso3}: {row.score_previous} → {row.score} but RSF prints "
            f"{row.score_evolution:+}",
        )
        for row in rows_where(joined, gap > 0.011)
    ]


SOURCE = Source(
    name=NAME,
    datasets=(meta.RSF_INDEX,),
    mirror_folder="rsf-index",
    raw_files=tuple(RawFile(f"{year}.csv", URL.format(year=year)) for year in EDITIONS),
    parse=parse,
    harmonise=harmonise,
    validate=validate,
)
