"""The stages every source goes through, written once.

fetch → parse (per raw file) → harmonise → validate (the metadata's schema + the
source's own invariants) → compare with the released version → publish.

A run is one transaction: every source is built and checked first, without touching the
output folder; then the new datasets, their provenance and the release files (changelog,
data package, dictionary) are published together, atomically. A run killed at any point
leaves the last release in place (or, killed while moving files, a committed staging
folder that the next run completes), so a rerun produces exactly the changelog and version
an uninterrupted run would have. Only the ETL writes to the output folder, and only while
holding its lock; readers never write.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from filelock import FileLock, Timeout

from etl import changes as changing
from etl import formats, release, store
from etl import publish as publishing
from etl.errors import (
    EtlError,
    FetchError,
    Problem,
    ValidationError,
    describe_failure,
    rows_where,
)
from etl.fetch import Fetched, Fetcher, RawFile
from etl.model import PANDAS_DTYPES, Dataset
from etl.state import LOCK_FILE, Shortcut, code_fingerprint

if TYPE_CHECKING:
    import pandera.pandas as pa


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
    # harmonise outputs written for a person to check (uncertain links...), never published
    reviews: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputChange:
    """A raw file whose checksum differs from the one recorded at the last release."""

    file: str  # mirror folder / file name, as a person would look for it
    before: str | None  # None: a new input
    after: str

    def __str__(self) -> str:
        was = f"{self.before[:12]}…" if self.before else "new input"
        return f"{self.file} (sha256 {was} → {self.after[:12]}…)"


@dataclass
class Outcome:
    source: str
    ok: bool
    skipped: bool = False  # unchanged inputs and code: nothing was parsed
    error: str = ""
    rows: int = 0
    files: dict[str, bytes] = field(default_factory=dict)  # what this source would publish
    changes: list[changing.Change] = field(default_factory=list)  # datasets vs their release
    inputs_changed: list[InputChange] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # files replaced by the run's publish
    # the raw and curated files it read (provenance records, no bytes), for etl.state
    inputs_read: list[dict] = field(default_factory=list)


def schema_for(dataset: Dataset) -> pa.DataFrameSchema:
    """A pandera schema derived from the metadata, so metadata and checks cannot drift."""
    import pandera.pandas as pa  # only when a table may break it (see may_break_schema)

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
            PANDAS_DTYPES[column.type],
            checks=checks,
            nullable=not column.required,
            coerce=True,
        )
    return pa.DataFrameSchema(columns, unique=list(dataset.primary_key), strict="filter")


def typed(dataset: Dataset, table: pd.DataFrame) -> pd.DataFrame | None:
    """The dataset's columns in catalog order, each converted to its type as the schema
    coerces it (astype); None when a column is missing or a value does not convert."""
    names = [column.name for column in dataset.columns]
    if table.columns.duplicated().any() or not set(names) <= set(table.columns):
        return None
    out = table[names].copy()
    try:
        for column in dataset.columns:
            out[column.name] = out[column.name].astype(PANDAS_DTYPES[column.type])
    except (TypeError, ValueError, OverflowError):
        return None
    return out


def may_break_schema(dataset: Dataset, table: pd.DataFrame | None) -> bool:
    """False only when every rule of schema_for holds for the typed table (None: it could
    not be typed): the same rules, vectorised, without pandera's cost per column (1.3 s a
    run), so pandera runs only to name the offending rows of a table that may break them."""
    if table is None:
        return True
    try:
        for column in dataset.columns:  # a comparison with a missing value is <NA>: no hit
            values = table[column.name].array  # the column's own: no Series made per rule
            missing = values.isna()
            if column.required and missing.any():
                return True
            if column.minimum is not None and (values < column.minimum).any():
                return True
            if column.maximum is not None and (values > column.maximum).any():
                return True
            if column.enum is not None and (~values.isin(column.enum) & ~missing).any():
                return True
    except TypeError:  # a bound that does not compare with the column's values
        return True
    return bool(table.duplicated(list(dataset.primary_key)).any())


def check_schema(
    source: str, dataset: Dataset, table: pd.DataFrame, typed_table: pd.DataFrame | None
) -> list[Problem]:
    """The rows of `table` that break the dataset's schema (typed_table: typed(dataset,
    table)), each named by its file and line where the table traces them."""
    if not may_break_schema(dataset, typed_table):
        return []
    from pandera.errors import SchemaErrors

    try:
        schema_for(dataset).validate(table, lazy=True)
    except SchemaErrors as exc:
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


def tidy(dataset: Dataset, typed_table: pd.DataFrame) -> pd.DataFrame:
    """Stable row order of a typed table (catalog column order and types): the published
    shape."""
    return typed_table.sort_values(list(dataset.primary_key), kind="mergesort").reset_index(
        drop=True
    )


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
        for row in rows_where(rows, clash)
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


def released_record(source: Source, out_dir: Path) -> dict:
    """What the last release recorded for a source (its provenance file), or {}."""
    path = out_dir / "provenance" / f"{source.name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def up_to_date(record: dict, fetched: list[Fetched], out_dir: Path) -> bool:
    """True when the inputs, the code and the published files are exactly as last released,
    so the source can be skipped without parsing anything."""
    inputs = [(i["name"], i["sha256"]) for i in record.get("inputs", [])]
    if not record or inputs != [(f.name, f.sha256) for f in fetched]:
        return False
    if record.get("code_sha256") != code_fingerprint():
        return False
    return all(
        (out_dir / o["path"]).exists()
        and formats.sha256((out_dir / o["path"]).read_bytes()) == o["sha256"]
        for o in record.get("outputs", [])
    )


def changed_inputs(source: Source, record: dict, fetched: list[Fetched]) -> list[InputChange]:
    before = {i["name"]: i["sha256"] for i in record.get("inputs", [])}
    return [
        InputChange(f"{source.mirror_folder}/{f.name}", before.get(f.name), f.sha256)
        for f in fetched
        if before.get(f.name) != f.sha256
    ]


def provenance(
    source: Source,
    fetched: list[Fetched],
    outputs: dict[str, bytes],
    unmatched: dict[str, list[str]],
) -> dict:
    """Inputs and outputs by checksum, row count and rows per edition or year (no times, so
    rebuilds are byte-identical): the released state a later run is compared with."""
    by_file = {d.filename: d for d in source.datasets}
    return {
        "source": source.name,
        "datasets": [dataset.name for dataset in source.datasets],
        "inputs": [
            {"name": f.name, "url": f.url, "bytes": f.size, "sha256": f.sha256} for f in fetched
        ],
        "outputs": [
            {"path": path, **changing.profile(by_file[path], content)}
            for path, content in outputs.items()
        ],
        "unmatched_entities": unmatched,
        "code_sha256": code_fingerprint(),
    }


def fetch_all(
    source: Source,
    fetcher: Fetcher,
    progress: Callable[[str], None],
    out_dir: Path | None = None,
    built: dict[str, bytes] | None = None,
) -> list:
    """Every input of a source: raw files from the mirror or upstream, and datasets of
    other sources as this run has built them (else as last released in out_dir)."""
    fetched = []
    for i, raw in enumerate(source.raw_files, 1):
        progress(f"  fetch {i}/{len(source.raw_files)} {raw.name}")
        if raw.dataset is None:
            fetched.append(fetcher.fetch(source.name, source.mirror_folder, raw))
        else:
            fetched.append(dataset_input(source, raw, out_dir, built or {}))
    return fetched


def dataset_input(source: Source, raw: RawFile, out_dir: Path | None, built: dict) -> Fetched:
    filename = f"{raw.dataset}.csv"
    if filename in built:
        content, origin = built[filename], f"dataset {raw.dataset} as built by this run"
    else:
        try:
            content = store.read_published(out_dir or Path("."), filename)
        except OSError as exc:
            raise FetchError(
                f"[{source.name}] {raw.name}: needs the dataset {raw.dataset}, which is not "
                "built here: run its source first"
            ) from exc
        origin = f"dataset {raw.dataset} as published"
    return Fetched(
        name=raw.name,
        url=raw.url,
        origin=origin,
        sha256=formats.sha256(content),
        size=len(content),
        retrieved_at="",
        content=content,
    )


def parse_file(source: Source, item: Fetched) -> pd.DataFrame:
    """One raw file through the source's parser; any failure names the source and file.
    An upstream file without rows is broken; a curated one may be empty (nothing curated yet)."""
    try:
        frame = source.parse(item)
    except EtlError:
        raise
    except Exception as exc:  # a format the parser did not expect: say which file and how
        raise ValidationError(
            [Problem(source.name, item.name, None, "readable file", describe_failure(item, exc))]
        ) from exc
    curated = any(raw.name == item.name and raw.local for raw in source.raw_files)
    if frame.empty and not curated:
        problem = Problem(source.name, item.name, None, "file has rows", "no data rows")
        raise ValidationError([problem])
    return frame


def build(source: Source, fetched: list[Fetched]) -> dict[str, pd.DataFrame]:
    """Parse, harmonise and validate fetched files; returns {dataset or review name: table}."""
    frames, problems = {}, []
    for item in fetched:
        try:
            frames[item.name] = parse_file(source, item)
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems)
    tables = source.harmonise(frames)
    problems = source.validate(tables)
    types = {d.name: typed(d, tables[d.name]) for d in source.datasets}
    for dataset in source.datasets:
        table = tables[dataset.name]
        problems += check_schema(source.name, dataset, table, types[dataset.name])
    if problems:
        raise ValidationError(problems)
    reviews = {name: tables[name] for name in source.reviews}
    return {d.name: tidy(d, types[d.name]) for d in source.datasets} | reviews


@dataclass(frozen=True)
class RunOptions:
    """How cautious a run is: where rejects go, and which datasets may lose rows."""

    rejects_dir: Path | None = None
    reviews_dir: Path | None = None  # where a source's review tables are written
    # datasets whose rows may disappear in this run (the explicit `--allow-shrink NAME`)
    allow_shrink: frozenset[str] = frozenset()
    force: bool = False  # rebuild even when inputs, code and outputs are unchanged
    # dataset name → why it changes in this run (`--reason NAME=WHY`), kept in the changelog
    reasons: dict[str, str] = field(default_factory=dict)
    # where a run that succeeds for every source records what it read and left (etl.state)
    shortcut: Shortcut | None = None
    # processes building sources at once (build_in_workers); publishing stays in this one
    workers: int = 1


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


def write_reviews(reviews_dir: Path | None, reviews: dict[str, pd.DataFrame]) -> None:
    """Rows a person should check (kept out of datasets/, rewritten by every build)."""
    if reviews_dir is None:
        return
    reviews_dir.mkdir(parents=True, exist_ok=True)
    for name, table in reviews.items():
        table.to_csv(reviews_dir / f"{name}.csv", index=False, lineterminator="\n")


def loss_problems(
    source: Source, found: list[changing.Change], inputs: list[InputChange], allowed: frozenset
) -> list[Problem]:
    """A published edition or year never silently loses rows: every removal is held back
    unless the run names the dataset in --allow-shrink. One problem per dataset, naming each
    edition or year that would lose rows and the keys of those rows."""
    problems = []
    why = ", ".join(str(i) for i in inputs) if inputs else "none (the ETL code changed)"
    for change in found:
        losses = change.losses()
        if not losses or change.dataset.name in allowed:
            continue
        groups: dict[tuple, list[str]] = {}  # the same rows lost in several years: one line
        for period, count, keys in losses:
            groups.setdefault((count, tuple(keys)), []).append(period)
        parts = []
        for (count, keys), periods in list(groups.items())[:10]:
            where = f"{change.dataset.period} {changing.spans(periods)}: " if periods[0] else ""
            named = changing.describe_keys(list(keys)) if keys else "(released file not at hand)"
            each = " each" if len(periods) > 1 else ""
            parts.append(f"{where}{count} row(s){each}: {named}")
        if len(groups) > 10:
            parts.append(f"and {len(groups) - 10} more")
        problems.append(
            Problem(
                source.name,
                change.dataset.filename,
                None,
                "no rows removed from a published edition or year",
                f"rows would disappear — {'; '.join(parts)}. Inputs changed since the last "
                f"release: {why}. If the publisher really withdrew these rows, rerun with "
                f"--allow-shrink {change.dataset.name}",
            )
        )
    return problems


def build_source(
    source: Source,
    fetcher: Fetcher,
    out_dir: Path,
    progress,
    options: RunOptions,
    built: dict[str, bytes] | None = None,
) -> Outcome:
    """Everything for one source except publishing: fetch, build, compare with the release,
    guard against lost rows. Writes nothing to out_dir. `built`: the files earlier sources
    of this run produced (a source may read another's dataset)."""
    record = released_record(source, out_dir)
    try:
        fetched = fetch_all(source, fetcher, progress, out_dir, built)
        if not options.force and up_to_date(record, fetched, out_dir):
            return Outcome(
                source.name, ok=True, skipped=True, inputs_read=files_read(source, fetched)
            )
        tables = build(source, fetched)
        write_reviews(options.reviews_dir, {name: tables.pop(name) for name in source.reviews})
    except ValidationError as exc:
        write_rejects(options.rejects_dir, source.name, exc.problems)
        return Outcome(source.name, ok=False, error=str(exc))
    except EtlError as exc:
        return Outcome(source.name, ok=False, error=str(exc))
    except Exception as exc:  # a bug in one source must not stop the others or publish
        return Outcome(
            source.name,
            ok=False,
            error=f"[{source.name}] internal error while harmonising or validating: "
            f"{type(exc).__name__}: {exc}",
        )
    inputs = changed_inputs(source, record, fetched)
    outputs = {d.filename: formats.csv_bytes(tables[d.name]) for d in source.datasets}
    released = {o["path"]: o for o in record.get("outputs", [])}
    found = []
    for dataset in source.datasets:
        local = out_dir / dataset.filename
        change = changing.compare(
            dataset,
            outputs[dataset.filename],
            local=local.read_bytes() if local.exists() else None,
            released=released.get(dataset.filename),
        )
        if change is not None:
            found.append(change)
    losses = loss_problems(source, found, inputs, options.allow_shrink)
    if losses:
        write_rejects(options.rejects_dir, source.name, losses)
        return Outcome(
            source.name, ok=False, error=str(ValidationError(losses)), inputs_changed=inputs
        )
    unmatched = unmatched_entities(tables)
    for dataset, names in unmatched.items():
        shown = ", ".join(names[:8]) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
        progress(f"  {dataset}: kept {len(names)} entities without an ISO code: {shown}")
    files = {
        **outputs,
        f"provenance/{source.name}.json": formats.json_bytes(
            provenance(source, fetched, outputs, unmatched)
        ),
    }
    return Outcome(
        source.name,
        ok=True,
        rows=sum(len(t) for t in tables.values()),
        files=files,
        changes=found,
        inputs_changed=inputs,
        inputs_read=files_read(source, fetched),
    )


def files_read(source: Source, fetched: list[Fetched]) -> list[dict]:
    """The raw and curated files among a source's inputs, as read (no bytes, no time)."""
    return [
        {"source": source.name, **{k: v for k, v in item.record().items() if k != "retrieved_at"}}
        for raw, item in zip(source.raw_files, fetched, strict=True)
        if raw.dataset is None
    ]


def lock(out_dir: Path) -> FileLock:
    """The ETL's exclusive lock on an output folder: one writer at a time."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(out_dir / LOCK_FILE, timeout=0)


@dataclass
class Report:
    outcomes: list[Outcome]
    release_files: list[str]  # changelog, data package, dictionary: those rewritten
    version: dict | None  # the release the output folder is at after the run


def run(
    sources: list[Source],
    fetcher: Fetcher,
    out_dir: Path,
    progress=None,
    options: RunOptions | None = None,
) -> Report:
    """Build every source (one failing source never stops the others), then publish what
    passed, with its release files, as one transaction."""
    progress = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    options = options or RunOptions()
    try:
        with lock(out_dir):
            return _run_locked(sources, fetcher, out_dir, progress, options)
    except Timeout as exc:
        raise EtlError(
            f"another ETL run is writing to {out_dir} (it holds {out_dir / LOCK_FILE}); "
            "run again when it has finished"
        ) from exc


def report_outcome(progress, outcome: Outcome) -> None:
    if outcome.skipped:
        progress("  inputs and code unchanged since the last release: skipped")
    elif outcome.ok:
        progress(f"  built {outcome.rows} rows")
    else:
        progress(f"  FAILED, last good version kept: {outcome.error}")


def build_all(sources, fetcher, out_dir, progress, options: RunOptions) -> list[Outcome]:
    """Every source built (build_source), outcomes in the sources' order. A source reads the
    datasets earlier sources of the run built (`built`); with options.workers > 1 the
    sources are built by forked worker processes (build_in_workers)."""
    if options.workers > 1 and len(sources) > 1:
        return build_in_workers(sources, fetcher, out_dir, progress, options)
    outcomes, built = [], {}
    for source in sources:
        progress(f"{source.name}:")
        outcome = build_source(source, fetcher, out_dir, progress, options, built)
        outcomes.append(outcome)
        built.update(outcome.files)
        report_outcome(progress, outcome)
    return outcomes


def usable_cores() -> int:
    """The cores this process may run on, where workers can be forked; else 1 (a
    sequential run)."""
    if "fork" not in get_all_start_methods():
        return 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# What the forked workers build from, set by build_in_workers before they fork: a fork
# inherits it, where pickling would not carry sources whose steps are not importable.
_WORK: tuple = ()


def _build_in_worker(position: int, built: dict[str, bytes]) -> tuple[Outcome, list[str]]:
    """One source built in a worker: its outcome, and the progress lines it would print."""
    sources, fetcher, out_dir, options = _WORK
    lines: list[str] = []
    outcome = build_source(sources[position], fetcher, out_dir, lines.append, options, built)
    return outcome, lines


def build_in_workers(sources, fetcher, out_dir, progress, options: RunOptions) -> list[Outcome]:
    """build_all on several cores: each source is built in a forked worker process as soon
    as the earlier sources whose datasets it reads are built, and handed back whole (its
    files as bytes, its changes, its progress lines, printed here in the sources' order as a
    sequential run prints them). The workers write nothing to out_dir: this process alone
    publishes, as one transaction. A worker that dies stops the run before anything is
    published."""
    global _WORK
    producer = {dataset.name: i for i, source in enumerate(sources) for dataset in source.datasets}
    needs = [
        {producer[raw.dataset] for raw in source.raw_files if producer.get(raw.dataset, i) < i}
        for i, source in enumerate(sources)
    ]
    # the sources others read first: those the others wait for
    read = set().union(*needs)
    order = sorted(range(len(sources)), key=lambda i: i not in read)
    done: dict[int, tuple[Outcome, list[str]]] = {}
    running: dict[Future, int] = {}
    shown = 0  # sources whose progress is printed
    _WORK = (sources, fetcher, out_dir, options)
    try:
        with ProcessPoolExecutor(options.workers, mp_context=get_context("fork")) as pool:
            while len(done) < len(sources):
                for i in order:
                    if i not in done and i not in running.values() and needs[i] <= done.keys():
                        built = {
                            path: data for j in needs[i] for path, data in done[j][0].files.items()
                        }
                        running[pool.submit(_build_in_worker, i, built)] = i
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    position = running.pop(future)
                    try:
                        done[position] = future.result()
                    except BrokenProcessPool as exc:  # which worker died is not known
                        names = [sources[i].name for i in sorted({position, *running.values()})]
                        raise EtlError(
                            f"a worker process stopped while building {', '.join(names)} ({exc})"
                        ) from exc
                while shown in done:
                    outcome, lines = done[shown]
                    progress(f"{sources[shown].name}:")
                    for line in lines:
                        progress(line)
                    report_outcome(progress, outcome)
                    shown += 1
    finally:
        _WORK = ()
    return [done[i][0] for i in range(len(sources))]


def _run_locked(sources, fetcher, out_dir, progress, options) -> Report:
    finished = publishing.recover(out_dir)
    if finished:
        progress(f"completed an interrupted publish ({', '.join(finished)})")
    progress(f"reading raw files from {fetcher.describe()}; writing to {out_dir}")
    outcomes = build_all(sources, fetcher, out_dir, progress, options)
    files = {path: content for o in outcomes if o.ok for path, content in o.files.items()}
    found = {c.dataset.name: c.record() for o in outcomes if o.ok for c in o.changes}
    allowed = {
        c.dataset.name: c.loss_summary() + " (allowed with --allow-shrink)"
        for o in outcomes
        if o.ok
        for c in o.changes
        if c.losses()
    }
    release_files = release.prepare(out_dir, files, found, allowed, options.reasons)
    written = publishing.publish(out_dir, "run", {**files, **release_files})
    for outcome in outcomes:
        outcome.written = [path for path in written if path in outcome.files]
    if options.shortcut and all(o.ok for o in outcomes):
        read = [item for o in outcomes for item in o.inputs_read]
        options.shortcut.record(out_dir, [o.source for o in outcomes], read)
    return Report(
        outcomes,
        [path for path in written if path in release_files],
        store.current_version(out_dir),
    )


def run_source(
    source: Source, fetcher: Fetcher, out_dir: Path, progress, options: RunOptions | None = None
) -> Outcome:
    """One source through a whole run (build, release, publish); its outcome."""
    return run([source], fetcher, out_dir, progress, options).outcomes[0]
