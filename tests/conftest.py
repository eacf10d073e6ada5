"""Shared test helpers: where the mirror is, and a skip for when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.fetch import Fetched, default_mirror

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
MIRROR = default_mirror()

needs_mirror = pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "rsf-index").is_dir(),
    reason="raw-source mirror not found (set PRESSFREEDOM_MIRROR or place ../shared/sources)",
)


def fetched(name: str, content: bytes) -> Fetched:
    """A raw file as the fetch stage hands it over, for parser tests on fixtures."""
    return Fetched(
        name,
        f"https://example.invalid/{name}",
        "test",
        "0" * 64,
        len(content),
        "2026-01-01T00:00:00+00:00",
        content,
    )
