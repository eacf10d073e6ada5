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

from etl.model import Dataset, Measure, Panel

# Every source package, in the order the ETL runs them and the data package lists them.
PACKAGES = (
    "reference",
    "rsf_index",
    "cpj",
    "documented_cases",
    "pts",
    "hrps",
    "freedomhouse",
    "vdem",
    "amnesty",
    "rsf_roundup",
    "amnesty_findings",
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
    the ETL only: this loads the pipeline's machinery (pandas, the matchers)."""
    return [importlib.import_module(f"etl.sources.{p}.steps").SOURCE for p in PACKAGES]


def _gathered(name: str) -> tuple:
    return tuple(item for package in PACKAGES for item in getattr(meta(package), name, ()))


# Everything the dashboard can chart, by key, in the order the packages offer them.
MEASURES: dict[str, Measure] = {measure.key: measure for measure in _gathered("MEASURES")}
# The panels of a country's every-source chart, in their order.
PANELS: tuple[Panel, ...] = tuple(sorted(_gathered("PANELS"), key=lambda panel: panel.order))
# The world map's measures, by their `metric=` value; the compare page's, by `measure=`.
ON_MAP: dict[str, Measure] = {m.on_map.key: m for m in MEASURES.values() if m.on_map}
ON_COMPARE: dict[str, Measure] = {m.on_compare.key: m for m in MEASURES.values() if m.on_compare}
# Which source package each measure comes from (one source, however many datasets).
SOURCE_OF: dict[str, str] = {
    measure.key: package
    for package in PACKAGES
    for measure in getattr(meta(package), "MEASURES", ())
}
# Each source's short name, for source lines naming several sources.
TITLES: dict[str, str] = {package: meta(package).TITLE for package in PACKAGES}
