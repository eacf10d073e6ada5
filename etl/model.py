"""The kernel's model: how a dataset and its columns are described.

It knows no concrete dataset. Each source package describes its own datasets with these
types, beside its code (`etl/sources/<source>/meta.py`); the registry gathers them. From
these descriptions the ETL derives its validation schema, the data package and the data
dictionary, and the dashboard its captions, source lines and licences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The pandas dtype each column type is read and validated as.
PANDAS_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # "string" | "integer" | "number"
    description: str
    unit: str | None = None
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    enum: tuple[str, ...] | None = None
    source_column: str | None = None
    direction: str | None = None  # "higher is better" | "higher is worse" for measures


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    publisher: str
    homepage: str
    source_urls: tuple[str, ...]
    licence: str
    licence_url: str | None
    attribution: str  # the source line to print under a chart
    citation: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    # allowed | attribution-non-commercial | share-alike | unverified | forbidden
    redistribution: str = "allowed"

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"

    @property
    def licence_label(self) -> str:
        """The licence's short name, for source lines under charts."""
        return re.split(r":|;| \(", self.licence, maxsplit=1)[0].strip()

    @property
    def download_blocked(self) -> str | None:
        """Why the app must not hand out this dataset's rows, or None when it may."""
        if self.redistribution == "unverified":
            return f"Not redistributed until the publisher's terms are cleared. {self.licence}"
        if self.redistribution == "forbidden":
            return f"The publisher's terms do not allow redistribution: {self.licence}"
        return None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def period(self) -> str | None:
        """The column saying which edition or year a row belongs to, so that changes and
        losses of rows can be reported edition by edition."""
        names = [c.name for c in self.columns]
        for candidate in ("edition", "year", "event_year"):
            if candidate in names and (candidate != "edition" or "edition" in self.primary_key):
                return candidate
        return None


def entity_columns(entity_source: str) -> tuple[Column, ...]:
    """The identifying columns every country-year context dataset starts with."""
    return (
        Column(
            "iso3",
            "string",
            "ISO3 code from the crosswalk; blank for entities without "
            "one (territories, disputed or historical units), which are kept and reported.",
            required=False,
        ),
        Column(
            "entity",
            "string",
            "The entity's name as the source writes it.",
            source_column=entity_source,
        ),
        Column(
            "year",
            "integer",
            "Calendar year the data describes.",
            unit="year",
            minimum=1900,
            maximum=2100,
        ),
    )
