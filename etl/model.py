"""The kernel's model: how a dataset and its columns are described.

It knows no concrete dataset. Each source package describes its own datasets with these
types, beside its code (`etl/sources/<source>/meta.py`); the registry gathers them. From
these descriptions the ETL derives its validation schema, the data package and the data
dictionary, and the dashboard its captions, source lines and licences.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

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
class Tally:
    """An integrity count that every ETL run reports for a dataset: its rows by the values
    of one column (how links were made, which rows are flagged, which were merged), so that
    what the ETL decided about identity is visible, not buried in the rows."""

    column: str
    title: str
    description: str


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
    integrity: tuple[Tally, ...] = field(default_factory=tuple)

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


@dataclass(frozen=True)
class OnMap:
    """How the world map offers and draws a measure."""

    key: str  # the map page's `metric=` value (kept stable: it is in readers' links)
    style: str  # "bands": RSF's situations and eras; "count": absolute counts on a log
    # scale; "scale": a continuous scale turned so that the better end reads as better
    label: str | None = None  # the measure's name in the map's selector, if not its label


@dataclass(frozen=True)
class OnCompare:
    """How the compare page offers a measure (several countries on one axis)."""

    key: str  # the compare page's `measure=` value
    label: str  # the axis title


@dataclass(frozen=True)
class Measure:
    """A quantity a reader can see charted: where it comes from, which way is better, how to
    read it as (iso3, year, value) rows, and where the dashboard shows it. Declared in the
    source package's `meta.py`, beside its dataset; the dashboard reads nothing else."""

    key: str
    dataset: Dataset
    column: str
    label: str
    kind: str  # "count" | "score" | "ordinal"
    direction: str | None = None  # overrides the column's, where it depends on context
    breaks: tuple[float, ...] = ()  # methodology changes: lines must not join across them
    era: str | None = None  # the one methodology era the values belong to, if any
    absent_means_zero: bool = False  # counts where "no record" is a real zero
    unit: str | None = None  # what a count counts ("journalists in prison")
    # the dataset's table → this measure's (iso3, year, value) rows, where the plain column
    # is not enough (a subset, a sum, the newest figure)
    rows: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    on_map: OnMap | None = None
    on_compare: OnCompare | None = None

    @property
    def meta(self) -> Column:
        return self.dataset.column(self.column)

    @property
    def _direction(self) -> str | None:
        return self.direction or self.meta.direction

    @property
    def higher_is_better(self) -> bool:
        return self._direction != "higher is worse"

    @property
    def ranks_countries(self) -> bool:
        """False for volumes that say nothing good or bad (e.g. how often Amnesty writes)."""
        return self._direction is not None

    @property
    def scale(self) -> str:
        """How to read a value: the column's description."""
        return self.meta.description

    def values(self, table: pd.DataFrame) -> pd.DataFrame:
        """Every (iso3, year, value) row of the measure, from its dataset's table; values for
        a state in a year it did not exist (etl.countries.EXISTENCE_FLAG) are not charted."""
        if "existence_flag" in table.columns:
            table = table[table["existence_flag"].isna()]
        if self.rows is not None:
            frame = self.rows(table)
        else:
            frame = table[["iso3", "year", self.column]].dropna()
            frame = frame.rename(columns={self.column: "value"})
        frame = frame.dropna(subset=["iso3"])
        return frame.astype({"year": int, "value": float}).reset_index(drop=True)


@dataclass(frozen=True)
class Panel:
    """One panel of a country's every-source chart: measures of one source on one axis."""

    title: str
    measures: tuple[Measure, ...]
    order: int  # position among every source's panels (lower first)
