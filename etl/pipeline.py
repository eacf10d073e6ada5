"""The stages every source goes through, written once.

fetch → parse (per raw file) → harmonise → validate (catalog schema + the
source's own invariants) → publish (deterministic CSV + provenance, atomically).
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from etl import publish as publishing
from etl import release
from etl.catalog import Dataset
from etl.errors import EtlError, Problem, ValidationError
from etl.fetch import Fetched, Fetcher, RawFile

PANDERA_TYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Source:
    name: str
    datasets: tuple[Dataset, ...]
    mirror_folder: str
    raw_files: tuple[RawFile, ...]
    parse: Callable[[Fetched], pd.DataFrame]
    # parsed frames keyed by raw file name → tables keyed by dataset name
    harmonise: Callable[[dict[str, pd.DataFrame]], dict[str, pd.DataFrame]]
    validate: Callable[[dict[str, pd.DataFrame]], list[Problem]]


@dataclass
class Outcome:
    source: str
    ok: bool
    changed: list[str] = field(default_factory=list)
    rows: int = 0
    error: str = ""
    row_changes: dict[str, dict[str, int]] = field(default_factory=dict)
    skipped: bool = False  # unchanged inputs and code: nothing was parsed


def schema_for(dataset: Dataset) -> pa.DataFrameSchema:
    """A pandera schema derived from the catalog, so metadata and checks cannot drift."""
    columns = {}
    for column in dataset.columns:
        checks = []
        if column.minimum is not None:
            checks.append(pa.Check.ge(column.minimum))
        if column.maximum is not None:
            checks.append(pa.Check.le(column.maximum))
        if column.enum is not None:
            checks.append(pa.Check.isin(column.enum))
        columns[column.name] = pa.Column(
            PANDERA_TYPES[column.type],
            checks=checks,
            nullable=not column.required,
            coerce=True,
        )
    return pa.DataFrameSchema(columns, unique=list(dataset.primary_key), strict="filter")


def check_schema(source: str, dataset: Dataset, table: pd.DataFrame) -> list[Problem]:
    try:
        schema_for(dataset).validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems = []
        for case in exc.failure_cases.itertuples():
            located = isinstance(case.index, int) and case.index in table.index
            traced = located and "source_file" in table.columns
            file = table.at[case.index, "source_file"] if traced else dataset.filename
            line = int(table.at[case.index, "source_line"]) if traced else None
            rule = f"{case.column}: {case.check}" if case.column else str(case.check)
            problems.append(Problem(source, file, line, rule, f"value {case.failure_case!r}"))
        return problems
    return []


def tidy(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    """Catalog column order and types, stable row order: the published shape."""
    out = table[[c.name for c in dataset.columns]].copy()
    for column in dataset.columns:
        out[column.name] = out[column.name].astype(PANDERA_TYPES[column.type])
    return out.sort_values(list(dataset.primary_key), kind="mergesort").reset_index(drop=True)


def one_row_per_code(
    source: str, table: pd.DataFrame, period: str = "year", counted: pd.Series | None = None
) -> list[Problem]:
    """Two source entities mapped to the same iso3 in the same period would be ambiguous.

    counted: rows that matter (e.g. scored rows); empty placeholder rows are ignored.
    """
    rows = table if counted is None else table[counted]
    clash = rows["iso3"].notna() & rows.duplicated(["iso3", period], keep=False)
    return [
        Problem(
            source,
            row.source_file,
            int(row.source_line),
            f"one row per country and {period}",
            f"{row.entity} and another entity both map to {row.iso3} in {getattr(row, period)}",
        )
        for row in rows[clash].itertuples()
    ]


def unmatched_entities(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Per dataset, the entities kept without an iso3 (territories, disputed units...)."""
    found = {}
    for name, table in tables.items():
        if {"iso3", "entity"} <= set(table.columns):
            names = sorted(set(table.loc[table["iso3"].isna(), "entity"]))
            if names:
                found[name] = names
    return found


def code_fingerprint() -> str:
    """SHA-256 of the ETL's code and curated inputs: outputs depend on these as on the data."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def up_to_date(source: Source, fetched: list[Fetched], out_dir: Path) -> bool:
    """True when the inputs, the code and the published files are exactly as last recorded,
    so the source can be skipped without parsing anything."""
    path = out_dir / "provenance" / f"{source.name}.json"
    if not path.exists():
        return False
    record = json.loads(path.read_text(encoding="utf-8"))
    inputs = [(i["name"], i["sha256"]) for i in record.get("inputs", [])]
    if inputs != [(f.name, f.sha256) for f in fetched]:
        return False
    if record.get("code_sha256") != code_fingerprint():
        return False
    return all(
        (out_dir / o["path"]).exists()
        and publishing.sha256((out_dir / o["path"]).read_bytes()) == o["sha256"]
        for o in record.get("outputs", [])
    )


def provenance(
    source: Source,
    fetched: list[Fetched],
    outputs: dict[str, bytes],
    unmatched: dict[str, list[str]],
) -> dict:
    """Inputs and outputs by checksum only (no times), so rebuilds are byte-identical."""
    return {
        "source": source.name,
        "datasets": [dataset.name for dataset in source.datasets],
        "inputs": [
            {"name": f.name, "url": f.url, "bytes": f.size, "sha256": f.sha256} for f in fetched
        ],
        "outputs": [
            {"path": path, "bytes": len(content), "sha256": publishing.sha256(content)}
            for path, content in outputs.items()
        ],
        "unmatched_entities": unmatched,
        "code_sha256": code_fingerprint(),
    }


def fetch_all(source: Source, fetcher: Fetcher, progress: Callable[[str], None]) -> list:
    fetched = []
    for i, raw in enumerate(source.raw_files, 1):
        progress(f"  fetch {i}/{len(source.raw_files)} {raw.name}")
        fetched.append(fetcher.fetch(source.name, source.mirror_folder, raw))
    return fetched


def build(source: Source, fetched: list[Fetched]) -> dict[str, pd.DataFrame]:
    """Parse, harmonise and validate fetched files; returns {dataset name: table}."""
    frames, problems = {}, []
    for item in fetched:
        try:
            frames[item.name] = source.parse(item)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    tables = source.harmonise(frames)
    problems = source.validate(tables)
    for dataset in source.datasets:
        problems += check_schema(source.name, dataset, tables[dataset.name])
    if problems:
        raise ValidationError(problems)
    return {d.name: tidy(d, tables[d.name]) for d in source.datasets}


MAX_SHRINK = 0.05  # a dataset losing more rows than this is held back unless allowed


@dataclass(frozen=True)
class RunOptions:
    """How cautious a run is: where rejects go, and whether a big loss of rows is allowed."""

    rejects_dir: Path | None = None
    allow_shrink: bool = False
    force: bool = False  # rebuild even when inputs, code and outputs are unchanged


def write_rejects(rejects_dir: Path | None, source: str, problems: list[Problem]) -> None:
    """The offending rows of a failed run, for a person to fix (kept out of datasets/)."""
    if rejects_dir is None:
        return
    rejects_dir.mkdir(parents=True, exist_ok=True)
    frame = pd.DataFrame(
        [
            {"source": p.source, "file": p.file, "row": p.row, "rule": p.rule, "detail": p.detail}
            for p in problems
        ]
    )
    frame.to_csv(rejects_dir / f"{source}.csv", index=False, lineterminator="\n")


def shrink_problems(
    source: Source, previous: dict[str, bytes | None], outputs: dict[str, bytes]
) -> list[Problem]:
    """Guard against a silently truncated input: no dataset, nor any year of it, may lose
    more than MAX_SHRINK of its rows at once."""
    problems = []
    for dataset in source.datasets:
        old_bytes = previous[dataset.filename]
        if old_bytes is None or old_bytes == outputs[dataset.filename]:
            continue
        before = pd.read_csv(io.BytesIO(old_bytes), dtype=str, keep_default_na=False)
        after = pd.read_csv(io.BytesIO(outputs[dataset.filename]), dtype=str, keep_default_na=False)
        groups = [("all years", len(before), len(after))]
        if "year" in before.columns and "year" in after.columns:
            old, new = before["year"].value_counts(), after["year"].value_counts()
            groups += [
                (f"year {year}", int(count), int(new.get(year, 0))) for year, count in old.items()
            ]
        for label, old_rows, new_rows in groups:
            if old_rows >= 10 and new_rows < old_rows * (1 - MAX_SHRINK):
                problems.append(
                    Problem(
                        source.name,
                        dataset.filename,
                        None,
                        "no unexpected loss of rows",
                        f"{label}: {old_rows} → {new_rows} rows; if this is expected, run with "
                        "--allow-shrink",
                    )
                )
    return problems


def run_source(
    source: Source, fetcher: Fetcher, out_dir: Path, progress, options: RunOptions | None = None
) -> Outcome:
    options = options or RunOptions()
    try:
        fetched = fetch_all(source, fetcher, progress)
        if not options.force and up_to_date(source, fetched, out_dir):
            return Outcome(source.name, ok=True, skipped=True)
        tables = build(source, fetched)
    except ValidationError as exc:
        write_rejects(options.rejects_dir, source.name, exc.problems)
        return Outcome(source.name, ok=False, error=str(exc))
    except EtlError as exc:
        return Outcome(source.name, ok=False, error=str(exc))
    except Exception as exc:  # a bug in one source must not stop the others or publish
        return Outcome(
            source.name,
            ok=False,
            error=f"[{source.name}] internal error: {type(exc).__name__}: {exc}",
        )
    outputs = {d.filename: publishing.csv_bytes(tables[d.name]) for d in source.datasets}
    previous = {
        d.filename: (out_dir / d.filename).read_bytes() if (out_dir / d.filename).exists() else None
        for d in source.datasets
    }
    shrinking = [] if options.allow_shrink else shrink_problems(source, previous, outputs)
    if shrinking:
        write_rejects(options.rejects_dir, source.name, shrinking)
        return Outcome(source.name, ok=False, error=str(ValidationError(shrinking)))
    unmatched = unmatched_entities(tables)
    for dataset, names in unmatched.items():
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        progress(f"  {dataset}: kept {len(names)} entities without an ISO code: {shown}")
    files = {
        **outputs,
        f"provenance/{source.name}.json": publishing.json_bytes(
            provenance(source, fetched, outputs, unmatched)
        ),
    }
    row_changes = {
        d.name: release.row_changes(d, previous[d.filename], outputs[d.filename])
        for d in source.datasets
        if previous[d.filename] != outputs[d.filename]
    }
    changed = publishing.publish(out_dir, source.name, files)
    return Outcome(
        source.name,
        ok=True,
        changed=changed,
        rows=sum(len(t) for t in tables.values()),
        row_changes=row_changes,
    )


def run(
    sources: list[Source],
    fetcher: Fetcher,
    out_dir: Path,
    progress=None,
    options: RunOptions | None = None,
) -> list[Outcome]:
    """Run each source independently: one failing source never stops the others."""
    progress = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    progress(f"reading raw files from {fetcher.describe()}; writing to {out_dir}")
    outcomes = []
    for source in sources:
        progress(f"{source.name}:")
        outcome = run_source(source, fetcher, out_dir, progress, options)
        outcomes.append(outcome)
        if outcome.skipped:
            progress("  inputs and code unchanged since the last publish: skipped")
        elif outcome.ok:
            what = ", ".join(outcome.changed) if outcome.changed else "unchanged"
            progress(f"  published {outcome.rows} rows ({what})")
        else:
            progress(f"  FAILED, last good version kept: {outcome.error}")
    return outcomes
