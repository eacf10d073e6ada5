"""Shared test helpers: where the mirror is, and a skip for when it is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.fetch import default_mirror

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
MIRROR = default_mirror()

needs_mirror = pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "rsf-index").is_dir(),
    reason="raw-source mirror not found (set PRESSFREEDOM_MIRROR or place ../shared/sources)",
)
