"""What changed between the released version of a dataset and a new build of it.

Rows are matched on the dataset's primary key and counted as added, removed or changed,
overall and per edition or year (the dataset's `period` column), and the keys of removed
rows are kept so that a loss of rows can be named, not just counted.

The released version is known by its checksum, row count and rows per period, recorded in
the provenance file at each release. When the released file itself is at hand (the usual
case), the comparison is row by row; when it is not (a dataset that is not committed and
has not been built on this machine yet), only the counts can be compared, and the change
says so.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
from pyarrow import csv as pa_csv

from etl import model
from etl.formats import sha256

SHOWN_KEYS = 20  # keys named per period in a message; the rest are counted


def read_rows(content: bytes, columns: set[str] | None = None) -> pd.DataFrame:
    """Every row of a published file as text; only `columns` of it, where given and found."""
    wanted = None if columns is None else (lambda name: name in columns)
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, usecols=wanted)


BLANK = "(blank)"  # how an integrity count names rows with no value in its column


def profile(dataset: model.Dataset, content: bytes) -> dict:
    """Checksum, size, row count and rows per period of a published file: what a release
    records, so that a later build can be checked against it even without the file; and
    the dataset's integrity counts (rows by the values of each column it tallies)."""
    # the columns counted, and the key's first to count rows by (reading only those: the
    # whole file costs several times as much)
    counted = {dataset.primary_key[0], dataset.period, *(t.column for t in dataset.integrity)}
    rows, columns = published_columns(content, counted)
    record = {"bytes": len(content), "sha256": sha256(content), "rows": rows}
    if dataset.period in columns:
        counts = Counter(columns[dataset.period])
        record["periods"] = {period: counts[period] for period in sorted(counts)}
    if dataset.integrity:
        record["integrity"] = {
            tally.column: tally_counts(columns[tally.column]) for tally in dataset.integrity
        }
    return record


def published_columns(content: bytes, wanted: set[str]) -> tuple[int, dict[str, list[str]]]:
    """The row count of a file the project publishes (formats.csv_bytes: a header, quoted
    cells where needed, one line per row) and the text of its `wanted` columns that it has,
    as read_rows reads them; read by Arrow's CSV reader, a third of pandas' cost. A bare
    carriage return in a cell (the csv module leaves it unquoted) ends a line for pandas, not
    for Arrow: such a file is read by read_rows itself."""
    if b"\r" in content:
        rows = read_rows(content, wanted)
        return len(rows), {name: rows[name].tolist() for name in rows.columns}
    header = next(csv.reader([content[: content.find(b"\n")].decode("utf-8")]))
    present = [name for name in header if name in wanted]
    table = pa_csv.read_csv(
        io.BytesIO(content),
        read_options=pa_csv.ReadOptions(use_threads=False),
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            include_columns=present or header[:1],
            column_types=dict.fromkeys(header, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    return table.num_rows, {name: table.column(name).to_pylist() for name in present}


def tally_counts(values: Iterable[str]) -> dict[str, int]:
    """Rows per value, most frequent first; a cell listing several values ("a; b") counts
    once for each."""
    counts = Counter(
        value.strip() or BLANK for cell in values for value in (cell.split("; ") if cell else [""])
    )
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass
class PeriodCounts:
    added: int = 0
    removed: int = 0
    changed: int = 0

    def record(self) -> dict[str, int]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed}


@dataclass
class Change:
    """One dataset's change against its release. `exact` is False when only counts of the
    released version were available; then added/removed/changed are unknown (None)."""

    dataset: model.Dataset
    exact: bool
    rows_before: int
    rows_after: int
    added: int | None = None
    removed: int | None = None
    changed: int | None = None
    by_period: dict[str, PeriodCounts] = field(default_factory=dict)
    removed_keys: dict[str, list[str]] = field(default_factory=dict)  # period → keys
    rows_per_period: dict[str, tuple[int, int]] = field(default_factory=dict)  # inexact only

    def losses(self) -> list[tuple[str, int, list[str]]]:
        """(period label, rows lost, keys of the lost rows where known) for every period
        that would lose rows."""
        if self.exact:
            return [(p, len(keys), keys) for p, keys in self.removed_keys.items() if keys]
        lost = [
            (period, before - after, [])
            for period, (before, after) in self.rows_per_period.items()
            if after < before
        ]
        if not lost and self.rows_after < self.rows_before:
            lost = [("", self.rows_before - self.rows_after, [])]
        return lost

    def loss_summary(self) -> str:
        return "; ".join(
            f"{self.dataset.period} {period}: {count} removed" if period else f"{count} removed"
            for period, count, _ in self.losses()
        )

    def record(self) -> dict:
        """The changelog entry for this dataset."""
        by = f"by_{self.dataset.period}"
        if self.exact:
            entry: dict = {"added": self.added, "removed": self.removed, "changed": self.changed}
            periods = {p: c.record() for p, c in self.by_period.items() if any(c.record().values())}
            if periods and self.dataset.period:
                entry[by] = periods
            return entry
        entry = {
            "rows_before": self.rows_before,
            "rows_after": self.rows_after,
            "note": "the released file was not at hand: counts compared, rows not matched",
        }
        periods = {
            p: {"rows_before": b, "rows_after": a}
            for p, (b, a) in self.rows_per_period.items()
            if a != b
        }
        if periods and self.dataset.period:
            entry[by] = periods
        return entry

    def summary(self) -> str:
        """One line per dataset, then one per period that changed, for the run summary."""
        name = self.dataset.filename
        if not self.exact:
            head = (
                f"{name}: {self.rows_before} → {self.rows_after} rows (released rows not at hand)"
            )
            lines = [
                f"{self.dataset.period} {p}: {b} → {a} rows"
                for p, (b, a) in self.rows_per_period.items()
                if a != b
            ]
        else:
            head = f"{name}: +{self.added} −{self.removed} ~{self.changed} rows"
            lines = [
                f"{self.dataset.period} {p}: +{c.added} −{c.removed} ~{c.changed}"
                for p, c in self.by_period.items()
                if any(c.record().values()) and self.dataset.period
            ]
        shown = lines[:12] + ([f"... and {len(lines) - 12} more"] if len(lines) > 12 else [])
        return "\n".join([head, *(f"  {line}" for line in shown)])


def spans(periods: list[str]) -> str:
    """'2001', '2002', '2003', '2007' → '2001–2003, 2007' (other labels listed as they are)."""
    if not all(p.isdigit() for p in periods):
        return ", ".join(periods)
    runs: list[list[int]] = []
    for year in sorted(int(p) for p in periods):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in runs)


def describe_keys(keys: list[str]) -> str:
    shown = ", ".join(keys[:SHOWN_KEYS])
    return shown + (f" and {len(keys) - SHOWN_KEYS} more" if len(keys) > SHOWN_KEYS else "")


def compare(
    dataset: model.Dataset,
    new: bytes,
    *,
    local: bytes | None,
    released: dict | None,
) -> Change | None:
    """The change from the released version to `new`, or None when there is none.

    local: the file currently in the output folder (None if absent).
    released: the release record of the dataset (see `profile`), None if never released.
    """
    if released is not None and released["sha256"] == sha256(new):
        return None
    if released is None or (local is not None and sha256(local) == released["sha256"]):
        if local == new:
            return None
        return _row_level(dataset, local, new)
    return _count_level(dataset, new, released)


def _labels(rows: pd.DataFrame, dataset: model.Dataset) -> pd.Series:
    if dataset.period in rows.columns:
        return rows[dataset.period].replace("", "(none)")
    return pd.Series("", index=rows.index)


def _key_text(rows: pd.DataFrame, key: list[str], period: str | None) -> pd.Series:
    shown = [k for k in key if k != period] or key
    return rows[shown].astype(str).agg("/".join, axis=1)


def _row_level(dataset: model.Dataset, old: bytes | None, new: bytes) -> Change:
    after = read_rows(new)
    before = read_rows(old) if old is not None else after.iloc[0:0]
    key = list(dataset.primary_key)
    change = Change(dataset, exact=True, rows_before=len(before), rows_after=len(after))
    if not set(key) <= set(before.columns):  # no comparable keys: every row is new
        before = after.iloc[0:0]
    merged = before.merge(after, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    common = [c for c in before.columns if c in after.columns and c not in key]
    period = dataset.period
    if period in key:
        labels = merged[period]
    elif period in common:
        labels = merged[f"{period}_new"].where(
            merged["_merge"] != "left_only", merged[f"{period}_old"]
        )
    else:
        labels = pd.Series("", index=merged.index)
    differs = pd.Series(False, index=merged.index)
    for column in common:
        differs |= merged[f"{column}_old"] != merged[f"{column}_new"]
    state = merged["_merge"]
    kinds = {
        "added": state == "right_only",
        "removed": state == "left_only",
        "changed": (state == "both") & differs,
    }
    for kind, mask in kinds.items():
        setattr(change, kind, int(mask.sum()))
        for label, count in labels[mask].fillna("(none)").value_counts().sort_index().items():
            counts = change.by_period.setdefault(str(label), PeriodCounts())
            setattr(counts, kind, int(count))
    change.by_period = dict(sorted(change.by_period.items()))
    gone = merged[kinds["removed"]]
    keys = _key_text(gone, key, period)
    for label, group in keys.groupby(labels[kinds["removed"]].fillna("(none)"), sort=True):
        change.removed_keys[str(label)] = sorted(group)
    return change


def _count_level(dataset: model.Dataset, new: bytes, released: dict) -> Change:
    now = profile(dataset, new)
    change = Change(dataset, exact=False, rows_before=released["rows"], rows_after=now["rows"])
    before, after = released.get("periods", {}), now.get("periods", {})
    change.rows_per_period = {
        p: (before.get(p, 0), after.get(p, 0)) for p in sorted(set(before) | set(after))
    }
    return change
