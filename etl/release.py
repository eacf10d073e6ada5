"""What a build publishes besides the datasets: a version with a changelog of row changes,
the Frictionless data package, and the data dictionary — all generated from the catalog.

A build that changes no dataset writes nothing new, so rebuilding from the same inputs
leaves the committed files byte-identical.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from etl import catalog
from etl.docs import datasets_markdown
from etl.publish import json_bytes, publish, sha256

CHANGELOG = "CHANGELOG.json"
DATAPACKAGE = "datapackage.json"
DICTIONARY = "README.md"
PACKAGE_NAME = "press-freedom-dashboard-datasets"
# Open Definition licence ids for terms that are not a standard licence.
LICENCE_NAMES = {
    "allowed": "other-at",
    "attribution-non-commercial": "other-nc",
    "share-alike": "CC-BY-SA-4.0",
    "unverified": "notspecified",
    "forbidden": "other-closed",
}


def _read_rows(content: bytes | None) -> pd.DataFrame | None:
    if content is None:
        return None
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)


def row_changes(dataset: catalog.Dataset, old: bytes | None, new: bytes) -> dict[str, int]:
    """Rows added, removed and changed between two versions of a dataset, by primary key."""
    before, after = _read_rows(old), _read_rows(new)
    key = list(dataset.primary_key)
    if before is None:
        return {"added": len(after), "removed": 0, "changed": 0}
    if list(before.columns) != list(after.columns):  # new schema: every row is new
        return {"added": len(after), "removed": len(before), "changed": 0}
    merged = before.merge(after, on=key, how="outer", suffixes=("_old", "_new"), indicator=True)
    both = merged[merged["_merge"] == "both"]
    others = [c for c in before.columns if c not in key]
    differs = pd.Series(False, index=both.index)
    for column in others:
        differs |= both[f"{column}_old"] != both[f"{column}_new"]
    return {
        "added": int((merged["_merge"] == "right_only").sum()),
        "removed": int((merged["_merge"] == "left_only").sum()),
        "changed": int(differs.sum()),
    }


def load_changelog(out_dir: Path) -> list[dict]:
    path = out_dir / CHANGELOG
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def current_version(out_dir: Path) -> dict | None:
    log = load_changelog(out_dir)
    return log[-1] if log else None


def _field(column: catalog.Column) -> dict:
    constraints: dict = {"required": column.required}
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if column.enum is not None:
        constraints["enum"] = list(column.enum)
    field = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
        "constraints": constraints,
    }
    if column.unit:
        field["unit"] = column.unit
    if column.direction:
        field["direction"] = column.direction
    if column.source_column:
        field["sourceColumn"] = column.source_column
    return field


def _resource(dataset: catalog.Dataset, content: bytes) -> dict:
    schema: dict = {
        "fields": [_field(c) for c in dataset.columns],
        "primaryKey": list(dataset.primary_key),
    }
    if dataset.name != "countries" and any(c.name == "iso3" for c in dataset.columns):
        schema["foreignKeys"] = [
            {"fields": ["iso3"], "reference": {"resource": "countries", "fields": ["iso3"]}}
        ]
    licence = {"name": LICENCE_NAMES[dataset.redistribution], "title": dataset.licence}
    if dataset.licence_url:
        licence["path"] = dataset.licence_url
    return {
        "name": dataset.name,
        "path": dataset.filename,
        "title": dataset.title,
        "description": dataset.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{sha256(content)}",
        "schema": schema,
        "licenses": [licence],
        "sources": [{"title": dataset.publisher, "path": dataset.homepage}],
        "citation": dataset.citation,
        "redistribution": dataset.redistribution,
        "notes": list(dataset.notes),
    }


def datapackage(files: dict[str, bytes], version: dict | None) -> dict:
    return {
        "name": PACKAGE_NAME,
        "title": f"{catalog.DASHBOARD_NAME}: datasets",
        "description": "Tidy datasets on press freedom and the repression of journalists, "
        "built by the dashboard's ETL from the publishers' files. Each "
        "resource keeps its own licence and citation.",
        "version": f"build-{version['version']}" if version else "unreleased",
        "created": f"{version['date']}T00:00:00Z" if version else None,
        "licenses": [
            {
                "name": "notspecified",
                "title": "Each resource carries its publisher's terms; see resources",
            }
        ],
        "resources": [
            _resource(d, files[d.filename])
            for d in catalog.DATASETS.values()
            if d.filename in files
        ],
    }


def dictionary(version: dict | None, log: list[dict]) -> str:
    lines = [
        f"# {catalog.DASHBOARD_NAME}: data dictionary",
        "",
        "Generated from `etl/catalog.py` by `python -m etl run` (or `python -m etl docs`);"
        " do not edit.",
        "",
    ]
    if version:
        lines += [f"Current version: **build-{version['version']}** ({version['date']}).", ""]
    lines += [
        'Read any file with pandas: `pandas.read_csv("datasets/<name>.csv")`; the '
        "running app serves them at `/data/<name>.csv`.",
        "",
        datasets_markdown(),
        "",
        "## Changelog",
        "",
    ]
    for entry in reversed(log):
        lines.append(f"### build-{entry['version']} ({entry['date']})")
        lines += [
            f"- `{name}`: +{c['added']} rows, −{c['removed']}, {c['changed']} changed"
            for name, c in entry["datasets"].items()
        ]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def finalize(out_dir: Path, changes: dict[str, dict[str, int]]) -> list[str]:
    """Record a new version if any dataset changed, then regenerate the package and dictionary."""
    log = load_changelog(out_dir)
    changed = {name: c for name, c in sorted(changes.items()) if any(c.values())}
    if not log:  # the first release: every row is new
        changed = {
            d.name: row_changes(d, None, (out_dir / d.filename).read_bytes())
            for d in catalog.DATASETS.values()
            if (out_dir / d.filename).exists()
        }
    if changed:
        log.append(
            {
                "version": (log[-1]["version"] + 1) if log else 1,
                "date": datetime.now(UTC).date().isoformat(),
                "datasets": changed,
            }
        )
    version = log[-1]
    files = {
        d.filename: (out_dir / d.filename).read_bytes()
        for d in catalog.DATASETS.values()
        if (out_dir / d.filename).exists()
    }
    outputs = {
        CHANGELOG: json_bytes(log),
        DATAPACKAGE: json_bytes(datapackage(files, version)),
        DICTIONARY: dictionary(version, log).encode("utf-8"),
    }
    return publish(out_dir, "release", outputs)
