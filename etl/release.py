"""What a build publishes besides the datasets: a version with a changelog of row changes
(and why, where the run said), the Frictionless data package, the data dictionary and the
integrity report — all generated from the metadata and the provenance records.

A build that changes no dataset writes nothing new, so rebuilding from the same inputs
leaves the committed files byte-identical.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from etl import builds, changes, model, project, registry
from etl.docs import datasets_markdown
from etl.formats import json_bytes, sha256
from etl.publish import publish
from etl.store import CHANGELOG, DATAPACKAGE, DICTIONARY, INTEGRITY, load_changelog

PACKAGE_NAME = "press-freedom-dashboard-datasets"
# Open Definition licence ids for terms that are not a standard licence.
LICENCE_NAMES = {
    "allowed": "other-at",
    "attribution-non-commercial": "other-nc",
    "share-alike": "CC-BY-SA-4.0",
    "unverified": "notspecified",
    "forbidden": "other-closed",
}


def row_changes(dataset: model.Dataset, old: bytes | None, new: bytes) -> dict:
    """Rows added, removed and changed between two versions of a dataset, by primary key
    (the changelog entry; per edition or year too where the dataset has one)."""
    change = changes.compare(dataset, new, local=old, released=None)
    return change.record() if change else {"added": 0, "removed": 0, "changed": 0}


def _field(column: model.Column) -> dict:
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


def _resource(dataset: model.Dataset, content: bytes) -> dict:
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
        "title": f"{project.NAME}: datasets",
        "description": "Tidy datasets on press freedom and the repression of journalists, "
        "built by the dashboard's ETL from the publishers' files. Each "
        "resource keeps its own licence and citation. Datasets whose terms do not allow "
        "redistribution are listed under `withheld`, not included.",
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
            for d in registry.DATASETS.values()
            if d.filename in files and not d.download_blocked
        ],
        "withheld": [
            {"name": d.name, "title": d.title, "reason": d.download_blocked}
            for d in registry.withheld()
        ],
        "withheldPolicy": project.WITHHELD_POLICY,
    }


def _change_line(name: str, change: dict) -> str:
    if "rows_before" in change:
        before, after = change["rows_before"], change["rows_after"]
        return f"- `{name}`: {before} → {after} rows ({change['note']})"
    line = f"- `{name}`: +{change['added']} rows, −{change['removed']}, {change['changed']} changed"
    periods = next((v for k, v in change.items() if k.startswith("by_")), None)
    if periods and len(periods) <= 6:
        line += (
            " ("
            + "; ".join(
                f"{p}: +{c['added']} −{c['removed']} ~{c['changed']}" for p, c in periods.items()
            )
            + ")"
        )
    elif periods:
        line += f" (in {len(periods)} editions or years, {min(periods)}–{max(periods)})"
    return line


def integrity_report(out_dir: Path, published: dict[str, bytes]) -> list[dict]:
    """Every dataset's integrity counts as its source's provenance records them (the one
    `published` now, else the one released in out_dir), titled from the metadata."""
    report = []
    for source in registry.sources():
        path = f"provenance/{source.name}.json"
        if path in published:
            record = json.loads(published[path])
        elif (out_dir / path).exists():
            record = json.loads((out_dir / path).read_text(encoding="utf-8"))
        else:
            continue
        outputs = {output["path"]: output for output in record.get("outputs", [])}
        for dataset in source.datasets:
            counts = outputs.get(dataset.filename, {}).get("integrity", {})
            report += [
                {
                    "dataset": dataset.name,
                    "column": tally.column,
                    "title": tally.title,
                    "description": tally.description,
                    "rows": outputs[dataset.filename]["rows"],
                    "counts": counts[tally.column],
                }
                for tally in dataset.integrity
                if tally.column in counts
            ]
    return report


def _integrity_markdown(report: list[dict]) -> list[str]:
    lines = [
        "## Integrity report",
        "",
        "Written by every ETL run: how the ETL decided who and where each row is (links by "
        "method, merged duplicates, flagged rows, unattributed residuals), counted per dataset.",
        "",
    ]
    for entry in report:
        counts = "; ".join(f"{value}: {count:,}" for value, count in entry["counts"].items())
        lines.append(f"- `{entry['dataset']}.{entry['column']}` — {entry['title']}: {counts}")
    return [*lines, ""]


def dictionary(version: dict | None, log: list[dict], report: list[dict]) -> str:
    lines = [
        f"# {project.NAME}: data dictionary",
        "",
        "Generated from each source package's `meta.py` (etl/sources/) by `python -m etl run` "
        "(or `python -m etl docs`);"
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
        *(_integrity_markdown(report) if report else []),
        "## Changelog",
        "",
    ]
    for entry in reversed(log):
        lines.append(f"### build-{entry['version']} ({entry['date']})")
        reasons = entry.get("reasons", {})
        lines += [
            _change_line(name, c) + (f" — why: {reasons[name]}" if name in reasons else "")
            for name, c in entry["datasets"].items()
        ]
        lines += [
            f"- `{name}`: rows removed with `--allow-shrink` ({reason})"
            for name, reason in entry.get("allowed_removals", {}).items()
        ]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def prepare(
    out_dir: Path,
    published: dict[str, bytes],
    found: dict[str, dict],
    allowed_removals: dict[str, str] | None = None,
    reasons: dict[str, str] | None = None,
) -> dict[str, bytes]:
    """The release files for the state `out_dir` will be in once `published` (relative path
    → bytes) is applied: a new version in the changelog if any dataset changed against its
    release (`found`: dataset name → changelog entry; `allowed_removals`: dataset name →
    what --allow-shrink let through; `reasons`: dataset name → why it changed, as the run
    said with --reason), the data package, the dictionary and the integrity report.

    The changelog is read from out_dir, which holds the last release (runs publish datasets
    and release files together), so a rerun after an interrupted run writes the same. A new
    release after the first also writes, for each redistributed dataset it changed, the diff
    that gives its previous release back (etl.builds): every build stays reachable."""
    log = load_changelog(out_dir)
    chain: dict[str, bytes] = {}

    def content(dataset: model.Dataset) -> bytes | None:
        if dataset.filename in published:
            return published[dataset.filename]
        path = out_dir / dataset.filename
        return path.read_bytes() if path.exists() else None

    files = {d.filename: content(d) for d in registry.DATASETS.values()}
    files = {name: data for name, data in files.items() if data is not None}
    changed = dict(sorted(found.items()))
    if not log:  # the first release: every row is new
        changed = {
            d.name: row_changes(d, None, files[d.filename])
            for d in registry.DATASETS.values()
            if d.filename in files
        }
    if changed:
        entry = {
            "version": (log[-1]["version"] + 1) if log else 1,
            "date": datetime.now(UTC).date().isoformat(),
            "datasets": changed,
        }
        if allowed_removals:
            entry["allowed_removals"] = dict(sorted(allowed_removals.items()))
        explained = {name: why for name, why in (reasons or {}).items() if name in changed}
        if explained:
            entry["reasons"] = dict(sorted(explained.items()))
        if log:  # the files in out_dir are the previous release's
            chain = builds.release_files(out_dir, files, entry["version"], list(changed))
        log.append(entry)
    version = log[-1] if log else None
    report = integrity_report(out_dir, published)
    return {
        CHANGELOG: json_bytes(log),
        DATAPACKAGE: json_bytes(datapackage(files, version)),
        DICTIONARY: dictionary(version, log, report).encode("utf-8"),
        INTEGRITY: json_bytes(report),
        **chain,
    }


def finalize(out_dir: Path, found: dict[str, dict]) -> list[str]:
    """Regenerate the release files in place (`python -m etl docs`); a new version if
    `found` records changes. Returns the files rewritten."""
    return publish(out_dir, "release", prepare(out_dir, {}, found))
