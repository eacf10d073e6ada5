"""Dataset documentation generated from the metadata, so it never drifts from the data."""

from __future__ import annotations

from etl import project, registry


def datasets_markdown() -> str:
    parts = [
        "## Datasets not redistributed",
        "",
        project.WITHHELD_POLICY,
        "",
        *(f"- `datasets/{d.filename}`: {d.download_blocked}" for d in registry.withheld()),
        "",
        "## Datasets",
        "",
    ]
    for dataset in registry.DATASETS.values():
        withheld = (
            [
                "**Not redistributed** (not in the repository, the data package or /data): "
                "build it from the publisher's files with `make datasets`.",
                "",
            ]
            if dataset.download_blocked
            else []
        )
        parts += [
            f"### `datasets/{dataset.filename}`: {dataset.title}",
            "",
            *withheld,
            dataset.description,
            "",
            f"- Publisher: {dataset.publisher} ({dataset.homepage})",
            f"- Upstream files: {', '.join(f'`{u}`' for u in dataset.source_urls)}",
            f"- Licence / terms: {dataset.licence} (redistribution: {dataset.redistribution})",
            f"- Cite as: {dataset.citation}",
            f"- One row per: {', '.join(dataset.primary_key)}",
            "",
            "| column | type | unit | direction | description | source column |",
            "|---|---|---|---|---|---|",
            *(
                f"| `{c.name}` | {c.type} | {c.unit or ''} | {c.direction or ''} | "
                f"{c.description} | {c.source_column or ''} |"
                for c in dataset.columns
            ),
            "",
            "Methodology notes:",
            "",
            *(f"- {note}" for note in dataset.notes),
            "",
        ]
    return "\n".join(parts).rstrip() + "\n"
