"""Every released build of every redistributed dataset, without a full copy of each: a chain
of reverse diffs, one file per dataset and release that changed it
(`datasets/builds/<dataset>/build-<N>.jsonl.gz`), each turning the file as released in build
N back into the file as released in build N-1.

Each diff is JSON lines, gzipped: a header (the dataset, the build, the checksum, row count
and size of the file before and after, the columns before, the primary key), then

    {"drop": [key values]}              a row of build N that build N-1 did not have as it
                                        is (added in N, or changed in N)
    {"restore": i, "row": [values]}     row i of build N-1 that build N does not have as it
                                        was (removed in N, or as it was before a change)

Rows are matched on the dataset's primary key and kept where build N's row, cut to build
N-1's columns, is the same text; everything else is restored. The text of every cell is kept
as published (CSV parsed and written back with the same dialect), so a build is rebuilt
byte for byte: `dataset_at` checks each step against the checksum its diff recorded.

The ETL writes a diff only when a run releases a new build (etl.release.prepare), and only
for the datasets that build changed, so rebuilding unchanged inputs writes nothing here.
Datasets that are not redistributed (etl/project.py WITHHELD_POLICY) keep no chain: their
past rows would be handed out with it.

Standard library only: the app's /data and feed routes read the chain without pandas.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from etl import model, registry, store

FOLDER = "builds"


class BuildUnavailable(Exception):
    """A build of a dataset that cannot be given; the message says why, for a reader."""


class UnknownBuild(BuildUnavailable):
    """No release has this number."""


class NotYetReleased(BuildUnavailable):
    """The dataset was first released after this build."""


class NotKept(BuildUnavailable):
    """The dataset's past builds are not kept (not redistributed), or its chain is broken."""


def path(name: str, build: int) -> str:
    """Where the diff undoing build `build` of dataset `name` is, relative to datasets/."""
    return f"{FOLDER}/{name}/build-{build}.jsonl.gz"


def kept(dataset: model.Dataset) -> bool:
    """Whether past builds of the dataset are kept: only of those handed out."""
    return dataset.download_blocked is None


# ------------------------------------------------------------------ rows as published text


def parse(content: bytes) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a published CSV, every cell as the text it is."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    return (rows[0], rows[1:]) if rows else ([], [])


def write(header: list[str], rows: list[list[str]]) -> bytes:
    """The CSV bytes of header and rows in the project's dialect (etl.formats.csv_bytes:
    UTF-8, LF, minimal quoting), so that parse → write gives back the published bytes."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    return out.getvalue().encode("utf-8")


def _stamp(content: bytes) -> dict:
    rows = len(parse(content)[1])
    return {"sha256": hashlib.sha256(content).hexdigest(), "rows": rows, "bytes": len(content)}


# ------------------------------------------------------------------ writing a diff


def _keyed(header: list[str], rows: list[list[str]], key: list[str]) -> dict | None:
    """key values → row, or None when the key is not in the header or not unique."""
    if not set(key) <= set(header):
        return None
    at = [header.index(k) for k in key]
    keyed = {tuple(row[i] for i in at): row for row in rows}
    return keyed if len(keyed) == len(rows) else None


def _records(dataset: model.Dataset, old: bytes, new: bytes) -> tuple[list[dict], bool]:
    """The drop and restore records turning `new` into `old`, and whether rows were matched
    by key (False: every row of `old` restored, as when its columns cannot be cut from new's)."""
    key = list(dataset.primary_key)
    old_header, old_rows = parse(old)
    new_header, new_rows = parse(new)
    old_keyed = _keyed(old_header, old_rows, key)
    new_keyed = _keyed(new_header, new_rows, key)
    if old_keyed is None or new_keyed is None or not set(old_header) <= set(new_header):
        return [{"restore": i, "row": row} for i, row in enumerate(old_rows)], False
    cut = [new_header.index(column) for column in old_header]
    same = {
        k
        for k, row in new_keyed.items()
        if k in old_keyed and [row[i] for i in cut] == old_keyed[k]
    }
    drops = [{"drop": list(k)} for k in new_keyed if k not in same]
    at = [old_header.index(k) for k in key]
    restores = [
        {"restore": i, "row": row}
        for i, row in enumerate(old_rows)
        if tuple(row[j] for j in at) not in same
    ]
    return drops + restores, True


def _diff_bytes(head: dict, records: list[dict]) -> bytes:
    lines = [
        json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in [head, *records]
    ]
    # mtime 0 and no file name: the same diff is the same bytes on every machine and day
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=9, mtime=0)


def reverse_diff(dataset: model.Dataset, build: int, old: bytes | None, new: bytes) -> bytes:
    """The diff turning the dataset as released in `build` (new) back into its previous
    release (old; None when `build` first released it). Checked by applying it: rows that
    cannot be matched (an unexpected order) are all restored instead."""
    head = {
        "dataset": dataset.name,
        "build": build,
        "key": list(dataset.primary_key),
        "after": _stamp(new),
        "before": _stamp(old) if old is not None else None,
        "columns": parse(old)[0] if old is not None else None,
        "matched": False,
    }
    if old is None:
        return _diff_bytes(head, [])
    records, matched = _records(dataset, old, new)
    diff = _diff_bytes({**head, "matched": matched}, records)
    if matched and undo(diff, new) != old:
        return _diff_bytes(head, [{"restore": i, "row": r} for i, r in enumerate(parse(old)[1])])
    return diff


def release_files(
    out_dir: Path, files: dict[str, bytes], build: int, changed: list[str]
) -> dict[str, bytes]:
    """The diffs a new release `build` writes (relative path → bytes): one per kept dataset
    it changed, from the file released in out_dir (the last release) to `files`' one."""
    written = {}
    for name in changed:
        dataset = registry.DATASETS[name]
        if not kept(dataset) or dataset.filename not in files:
            continue
        released = out_dir / dataset.filename
        old = released.read_bytes() if released.exists() else None
        written[path(name, build)] = reverse_diff(dataset, build, old, files[dataset.filename])
    return written


# ------------------------------------------------------------------ reading the chain


@dataclass(frozen=True)
class Diff:
    head: dict
    drops: frozenset[tuple[str, ...]]
    restores: dict[int, list[str]]

    @classmethod
    def read(cls, content: bytes) -> Diff:
        lines = gzip.decompress(content).decode("utf-8").splitlines()
        head, *records = (json.loads(line) for line in lines)
        drops = frozenset(tuple(r["drop"]) for r in records if "drop" in r)
        restores = {r["restore"]: r["row"] for r in records if "restore" in r}
        return cls(head, drops, restores)


def _apply(diff: Diff, new: bytes) -> bytes:
    """The file before the build `diff` undoes, from the file after it."""
    if hashlib.sha256(new).hexdigest() != diff.head["after"]["sha256"]:
        raise NotKept(
            f"{diff.head['dataset']}: the file given is not build {diff.head['build']} as "
            "released, so the chain cannot be followed back from it"
        )
    before = diff.head["before"]
    if before is None:
        raise NotYetReleased(
            f"{diff.head['dataset']} was first released in build {diff.head['build']}"
        )
    rows: list[list[str] | None] = [None] * before["rows"]
    for i, row in diff.restores.items():
        rows[i] = row
    if diff.head["matched"]:
        header, new_rows = parse(new)
        cut = [header.index(column) for column in diff.head["columns"]]
        at = [header.index(k) for k in diff.head["key"]]
        same = (
            [row[i] for i in cut] for row in new_rows if tuple(row[i] for i in at) not in diff.drops
        )
        rows = [row if row is not None else next(same, None) for row in rows]
    old = write(diff.head["columns"], rows) if None not in rows else b""
    if hashlib.sha256(old).hexdigest() != before["sha256"]:
        raise NotKept(
            f"{diff.head['dataset']}: undoing build {diff.head['build']} does not give the "
            "file it recorded"
        )
    return old


def undo(content: bytes, new: bytes) -> bytes | None:
    """`new` as it was before the build the diff (its bytes) undoes; None if it does not
    apply. For checking a diff as it is written."""
    try:
        return _apply(Diff.read(content), new)
    except BuildUnavailable:
        return None


def releases(directory: Path | None = None) -> list[dict]:
    """The changelog's releases, oldest first."""
    return store.load_changelog(directory or store.DATASETS_DIR)


def first_release(name: str, log: list[dict]) -> int | None:
    """The build that first released the dataset (its first changelog entry)."""
    return next((e["version"] for e in log if name in e["datasets"]), None)


def dataset_at(name: str, build: int, directory: Path | None = None) -> bytes:
    """The CSV bytes of dataset `name` exactly as released in build `build`: the current file
    with the diffs of every later release that changed it undone, newest first.

    Raises KeyError for an unknown dataset and BuildUnavailable (saying why) for a build
    that does not exist, that precedes the dataset, or whose rows are not kept."""
    dataset = registry.DATASETS[name]
    folder = directory or store.DATASETS_DIR
    log = releases(folder)
    numbers = [entry["version"] for entry in log]
    if build not in numbers:
        shown = f"1–{numbers[-1]}" if numbers else "none yet"
        raise UnknownBuild(f"There is no build {build}; builds: {shown}.")
    if not kept(dataset):
        raise NotKept(
            f"Past builds of {name} are not kept: its publisher's terms do not let this "
            "project hand out its rows."
        )
    first = first_release(name, log)
    if first is None or build < first:
        raise NotYetReleased(f"{name} was first released in build {first}.")
    content = store.read_published(folder, dataset.filename)
    for entry in reversed(log):
        if entry["version"] <= build:
            break
        if name in entry["datasets"]:
            content = _apply(_read_diff(folder, name, entry["version"]), content)
    return content


def _read_diff(folder: Path, name: str, build: int) -> Diff:
    try:
        return Diff.read((folder / path(name, build)).read_bytes())
    except OSError as exc:
        raise NotKept(
            f"The diff undoing build {build} of {name} ({FOLDER}/{name}/) is missing: "
            "restore it with `git checkout datasets/builds`."
        ) from exc


@dataclass(frozen=True)
class RowChange:
    """A row a build added, removed or changed: its key, and its cells before and after
    (column → text; None for a row that was not there)."""

    kind: str  # added, removed or changed
    key: tuple[str, ...]
    before: dict[str, str] | None
    after: dict[str, str] | None

    def cell(self, column: str) -> str:
        """The row's value in `column`, after the change where the row is still there."""
        row = self.after if self.after is not None else self.before
        return (row or {}).get(column, "")

    def differences(self) -> dict[str, tuple[str, str]]:
        """column → (before, after) for the columns both versions have and that differ."""
        if self.before is None or self.after is None:
            return {}
        return {
            column: (value, self.after[column])
            for column, value in self.before.items()
            if column in self.after and self.after[column] != value
        }


def changes_in(name: str, build: int, directory: Path | None = None) -> list[RowChange]:
    """The rows build `build` added, removed or changed in a kept dataset (in the order of
    its file, removed rows last): what the feeds say row by row. The build that first
    released the dataset added every row; a row whose cells stayed the same while columns
    were added is no change."""
    folder = directory or store.DATASETS_DIR
    after = dataset_at(name, build, folder)
    if name not in next(e for e in releases(folder) if e["version"] == build)["datasets"]:
        return []
    header, rows = parse(after)
    key = list(registry.DATASETS[name].primary_key)
    now = {_key(header, row, key): dict(zip(header, row, strict=True)) for row in rows}
    diff = _read_diff(folder, name, build) if build > 1 else None
    if diff is None or diff.head["before"] is None:
        return [RowChange("added", k, None, row) for k, row in now.items()]
    columns = diff.head["columns"]
    then = {
        _key(columns, row, key): dict(zip(columns, row, strict=True))
        for row in diff.restores.values()
    }
    touched = diff.drops if diff.head["matched"] else now.keys()
    found = []
    for k, row in now.items():
        before = then.pop(k, None)
        if k not in touched or before == {c: row.get(c) for c in before or {}}:
            continue
        found.append(RowChange("changed" if before else "added", k, before, row))
    return found + [RowChange("removed", k, row, None) for k, row in then.items()]


def _key(header: list[str], row: list[str], key: list[str]) -> tuple[str, ...]:
    return tuple(row[header.index(k)] if k in header else "" for k in key)
