"""The registry: the source packages, and the datasets each describes.

The kernel (this module, `model`, `store`, `countries`) knows no concrete dataset: every
dataset is described by its own package under `etl/sources/`, and gathered here by the
package's name, the way Datasette registers its own built-in features through the same
hooks as plugins. Adding a source is a new package, one line in PACKAGES, and its entity
names in `etl/reference/aliases.csv` (README: "Adding a source").

Importing this module loads metadata only (each package's `meta.py`); `sources()` loads
the ETL steps, which only the ETL needs.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from etl.model import Dataset

# Every source package, in the order the ETL runs them and the data package lists them.
PACKAGES = (
    "reference",
    "rsf_index",
    "cpj",
    "documented_cases",
    "pts",
    "freedomhouse",
    "vdem",
    "amnesty",
    "rsf_roundup",
)


def meta(package: str) -> ModuleType:
    return importlib.import_module(f"etl.sources.{package}.meta")


DATASETS: dict[str, Dataset] = {
    dataset.name: dataset for package in PACKAGES for dataset in meta(package).DATASETS
}


def withheld() -> tuple[Dataset, ...]:
    """The datasets this project does not redistribute (etl/project.py WITHHELD_POLICY)."""
    return tuple(d for d in DATASETS.values() if d.download_blocked)


def sources() -> list:
    """Every source's ETL steps (fetch, parse, harmonise, validate), in PACKAGES order; for
    the ETL only: this loads the pipeline's machinery (pandera, requests)."""
    found = []
    for package in PACKAGES:
        try:
            module = importlib.import_module(f"etl.sources.{package}.steps")
        except ModuleNotFoundError as exc:
            if exc.name != f"etl.sources.{package}.steps":
                raise
            continue  # published by another source's steps
        found.append(module.SOURCE)
    return found
