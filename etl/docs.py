"""Dataset documentation generated from the catalog, so it never drifts from the data."""

from __future__ import annotations

from etl import catalog


def datasets_markdown() -> str:
    parts = []
    for dataset in catalog.DATASETS.values():
        parts += [
            f"### `datasets/{dataset.filename}`: {dataset.title}",
            "",
            dataset.description,
            "",
            f"- Publisher: {dataset.publisher} ({dataset.homepage})",
            f"- Upstream files: {', '.join(f'`{u}`' for u in dataset.source_urls)}",
            f"- Licence / terms: {dataset.licence}",
            f"- Cite as: {dataset.citation}",
            f"- One row per: {', '.join(dataset.primary_key)}",
            "",
            "| column | type | unit | description |",
            "|---|---|---|---|",
            *(
                f"| `{c.name}` | {c.type} | {c.unit or ''} | {c.description} |"
                for c in dataset.columns
            ),
            "",
            "Methodology notes:",
            "",
            *(f"- {note}" for note in dataset.notes),
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"
