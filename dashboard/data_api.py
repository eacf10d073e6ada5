"""The data API behind `/data/<dataset>.<format>`: a dataset's rows, filtered by country,
year and columns, as CSV, JSON (the records with their metadata) or Parquet (typed), and
the dataset's metadata alone (`.meta.json`, its entry in the data package plus the build).

    /data/rsf_index.csv?iso3=AZE,TUR&year=2015-2025&columns=iso3,year,score

Pure functions from a file name and a query string to an answer (status, bytes, media
type) that dashboard/server.py sends; the dashboard uses the same functions to offer the
API address of the rows a chart shows, and code that reads it. What each dataset can be
filtered on comes from its metadata (etl/model.py): its country column (`iso3`, the key of
the countries reference) and its period column (`Dataset.period`). A file asked for with
no filter is the committed file, byte for byte.
"""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard import builds
from etl import model, registry, store
from etl.formats import json_bytes

# Each format a dataset is served in, by the end of its file name, and its media type.
FORMATS = {
    "meta.json": "application/json",  # before "json": the longer ending is tried first
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "parquet": "application/vnd.apache.parquet",
}
COUNTRY = "iso3"  # every dataset's country column: the key of the countries reference
COUNTRIES = "countries"  # the reference dataset whose codes `iso3=` accepts
# Limits on what one request may ask: more codes than the reference holds, or a query
# longer than any valid one needs, are refused rather than parsed.
MAX_QUERY_CHARACTERS = 2048
MAX_CODES = 300
YEAR = re.compile(r"^(\d{1,4})(?:-(\d{1,4}))?$")
ARROW_TYPES = {"string": "string", "integer": "int64", "number": "float64"}


class QueryError(ValueError):
    """A request the API refuses (400); the message says what is allowed."""


@dataclass(frozen=True)
class Query:
    """What a request asks for; None: not filtered on that."""

    iso3: tuple[str, ...] | None = None
    years: tuple[int, int] | None = None
    columns: tuple[str, ...] | None = None

    def parameters(self) -> dict[str, str]:
        """The query string's parameters that ask for it."""
        parameters = {}
        if self.iso3 is not None:
            parameters["iso3"] = ",".join(self.iso3)
        if self.years is not None:
            first, last = self.years
            parameters["year"] = str(first) if first == last else f"{first}-{last}"
        if self.columns is not None:
            parameters["columns"] = ",".join(self.columns)
        return parameters

    def record(self) -> dict:
        """The query as the JSON answer repeats it."""
        return {
            "iso3": list(self.iso3) if self.iso3 is not None else None,
            "year": dict(zip(("from", "to"), self.years, strict=True)) if self.years else None,
            "columns": list(self.columns) if self.columns is not None else None,
        }


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    media_type: str
    immutable: bool = False  # a past build's rows, which never change

    @classmethod
    def refused(cls, status: int, message: str) -> Answer:
        return cls(status, message.encode("utf-8"), "text/plain; charset=utf-8")


def url(dataset: model.Dataset, query: Query = Query(), fmt: str = "csv", origin: str = "") -> str:
    """The address of `query`'s rows of a dataset (commas kept readable)."""
    parameters = urlencode(query.parameters(), safe=",")
    return f"{origin}/data/{dataset.name}.{fmt}" + (f"?{parameters}" if parameters else "")


def split_name(name: str) -> tuple[model.Dataset, str] | None:
    """(dataset, format) for a file name such as `rsf_index.parquet`; None for any other."""
    for fmt in FORMATS:
        stem = name.removesuffix(f".{fmt}")
        if stem != name and stem in registry.DATASETS:
            return registry.DATASETS[stem], fmt
    return None


def filtered_columns(dataset: model.Dataset) -> dict[str, str]:
    """The row filters a dataset takes (`iso3`, `year`), each with the column it filters,
    from its metadata: a country column, a period column of whole years."""
    names = {c.name: c for c in dataset.columns}
    period = dataset.period
    filters = {}
    if COUNTRY in names:
        filters["iso3"] = COUNTRY
    if period and names[period].type == "integer":
        filters["year"] = period
    return filters


def allowed(dataset: model.Dataset) -> str:
    """What a dataset's query may say, for the messages of refused requests."""
    filters = filtered_columns(dataset)
    described = {
        "iso3": "iso3 (country codes, comma-separated: iso3=AZE,TUR)",
        "year": "year (a year, or a range first year first: year=2015-2025)",
    }
    parts = [described[name] for name in filters]
    example = ",".join(c.name for c in dataset.columns[:2])
    parts.append(f"columns (column names, comma-separated: columns={example})")
    return f"{dataset.name} takes " + ", ".join(parts) + ", each at most once"


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _shown(value: str, limit: int = 40) -> str:
    """A value from the request, cut short, for a message."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def parse_query(dataset: model.Dataset, query_string: str, codes: frozenset[str]) -> Query:
    """The query a request's query string asks for, or QueryError saying what is allowed.
    `codes`: the country codes `iso3=` may name."""
    if len(query_string) > MAX_QUERY_CHARACTERS:
        raise QueryError(
            f"The query is {len(query_string)} characters long; at most "
            f"{MAX_QUERY_CHARACTERS} are accepted. Ask for fewer countries, or read the "
            "whole file."
        )
    filters = filtered_columns(dataset)
    accepted = (*filters, "columns")
    given: dict[str, str] = {}
    for key, value in parse_qsl(query_string, keep_blank_values=True):
        if key not in accepted:
            raise QueryError(f"Unknown parameter {_shown(key)}: {allowed(dataset)}.")
        if key in given:
            raise QueryError(f"{key} is given twice: give it once, its values separated by commas.")
        given[key] = value
        if not _items(value):
            raise QueryError(f"{key} is empty: {allowed(dataset)}.")
    return Query(
        iso3=_codes(given["iso3"], codes) if "iso3" in given else None,
        years=_years(given["year"]) if "year" in given else None,
        columns=_columns(dataset, given["columns"]) if "columns" in given else None,
    )


def _codes(value: str, codes: frozenset[str]) -> tuple[str, ...]:
    asked = _items(value)
    if len(asked) > MAX_CODES:
        raise QueryError(f"iso3 names {len(asked)} codes; at most {MAX_CODES} are accepted.")
    wanted = tuple(dict.fromkeys(code.upper() for code in asked))
    unknown = [code for code in wanted if code not in codes]
    if unknown:
        raise QueryError(
            f"Unknown country code {_shown(unknown[0])}: iso3 takes the codes of "
            f"/data/{COUNTRIES}.csv (ISO 3166-1 alpha-3, such as AZE, and the project's own "
            "codes for entities without one)."
        )
    return wanted


def _years(value: str) -> tuple[int, int]:
    match = YEAR.match(value.strip())
    if not match:
        raise QueryError(
            f"year={_shown(value)} is not a year or a range: give a year (year=2015) or a "
            "range, first year first (year=2015-2025)."
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first > last:
        raise QueryError(
            f"year={first}-{last} ends before it starts: give the first year first "
            f"(year={last}-{first})."
        )
    return first, last


def _columns(dataset: model.Dataset, value: str) -> tuple[str, ...]:
    names = [c.name for c in dataset.columns]
    asked = tuple(dict.fromkeys(_items(value)))
    unknown = [name for name in asked if name not in names]
    if unknown:
        raise QueryError(
            f"Unknown column {_shown(unknown[0])}: the columns of {dataset.name} are "
            f"{', '.join(names)}."
        )
    return asked


# ------------------------------------------------------------------ the rows


@dataclass(frozen=True)
class Rows:
    """Rows of a dataset, typed (for JSON, Parquet and filtering) and as the file's text
    (for CSV: a filtered CSV keeps each value written exactly as in the file)."""

    typed: pd.DataFrame
    text: pd.DataFrame

    def select(self, dataset: model.Dataset, query: Query) -> Selection:
        """The rows and columns the query asks for."""
        columns = list(query.columns or self.typed.columns)
        return Selection(self, rows(dataset, self.typed, query), columns)


@dataclass(frozen=True)
class Selection:
    """Rows and columns of a dataset, typed or as text, each made only when a format
    asks for it."""

    of: Rows
    chosen: np.ndarray
    columns: list[str]

    @property
    def typed(self) -> pd.DataFrame:
        return self.of.typed[self.columns][self.chosen]

    @property
    def text(self) -> pd.DataFrame:
        return self.of.text[self.columns][self.chosen]


@dataclass(frozen=True)
class Published:
    rows: Rows
    content: bytes  # the file, byte for byte


@functools.lru_cache(maxsize=32)
def _published(name: str, folder: Path, stamp: tuple) -> Published:
    del stamp  # part of the cache key only: read again once the ETL publishes
    content = store.read_published(folder, registry.DATASETS[name].filename)
    text = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, na_values=[""])
    return Published(Rows(store.read_dataset(name, folder), text), content)


def published(dataset: model.Dataset) -> Published | None:
    """The dataset as published, read once per published version; None if not built here."""
    folder = store.DATASETS_DIR
    try:
        return _published(dataset.name, folder, store.published_stamp(dataset.name, folder))
    except (OSError, store.DatasetNotBuilt):
        return None


def country_codes() -> frozenset[str]:
    """The codes `iso3=` accepts: those of the countries reference."""
    folder = store.DATASETS_DIR
    return _codes_of(folder, store.published_stamp(COUNTRIES, folder))


@functools.lru_cache(maxsize=4)
def _codes_of(folder: Path, stamp: tuple) -> frozenset[str]:
    del folder, stamp  # the cache key only
    reference = published(registry.DATASETS[COUNTRIES])
    return frozenset(reference.rows.typed[COUNTRY].dropna()) if reference else frozenset()


def rows(dataset: model.Dataset, frame: pd.DataFrame, query: Query) -> np.ndarray:
    """Which rows of a dataset's typed frame the query selects (a boolean mask)."""
    filters = filtered_columns(dataset)
    chosen = np.ones(len(frame), dtype=bool)
    if query.iso3 is not None:
        chosen &= frame[filters["iso3"]].isin(query.iso3).to_numpy(bool, na_value=False)
    if query.years is not None:
        period = frame[filters["year"]].between(*query.years)
        chosen &= period.to_numpy(bool, na_value=False)
    return chosen


def _keys(dataset: model.Dataset, frame: pd.DataFrame) -> np.ndarray | None:
    """The rows of a frame by the dataset's primary key (a hash of each row's key, typed
    as the dataset types it: a chart's table may hold years as floats), sorted; None if
    the frame cannot be read so or holds a row twice."""
    try:
        typed = pd.DataFrame(
            {
                name: (
                    frame[name].astype("string")
                    if dataset.column(name).type == "string"
                    else pd.to_numeric(frame[name]).astype(model.PANDAS_DTYPES["number"])
                )
                for name in dataset.primary_key
            }
        )
    except (ValueError, TypeError):
        return None
    keys = np.sort(pd.util.hash_pandas_object(typed, index=False).to_numpy())
    return keys if len(keys) < 2 or (keys[1:] != keys[:-1]).all() else None


def query_for(dataset: model.Dataset, frame: pd.DataFrame) -> Query | None:
    """The shortest query whose rows are exactly a view's rows (`frame`: rows of the
    dataset, perhaps with columns computed beside them), with the dataset's columns the
    view shows; None where no query gives those rows (rows computed or left out by
    something other than country and year, or a key column not shown)."""
    files = published(dataset)
    key = list(dataset.primary_key)
    if files is None or frame.empty or not set(key) <= set(frame.columns):
        return None
    wanted = _keys(dataset, frame)
    if wanted is None:
        return None
    names = [c.name for c in dataset.columns]
    shown = tuple(name for name in frame.columns if name in names)
    columns = None if list(shown) == names else shown
    filters = filtered_columns(dataset)
    candidates = [Query(None, None, columns)]
    if "year" in filters and filters["year"] in frame.columns:
        period = pd.to_numeric(frame[filters["year"]], errors="coerce")
        if period.notna().all():
            candidates.append(Query(None, (int(period.min()), int(period.max())), columns))
    if "iso3" in filters and filters["iso3"] in frame.columns:
        codes = frame[filters["iso3"]]
        if codes.notna().all() and set(codes) <= country_codes():
            countries = tuple(sorted(set(codes)))
            candidates += [Query(countries, q.years, columns) for q in list(candidates)]
    typed = files.rows.typed
    for query in candidates:
        if len(urlencode(query.parameters(), safe=",")) > MAX_QUERY_CHARACTERS:
            continue
        chosen = rows(dataset, typed, query)
        if chosen.sum() == len(wanted) and np.array_equal(wanted, _keys(dataset, typed[chosen])):
            return query
    return None


# ------------------------------------------------------------------ the formats


def build() -> dict | None:
    """The current build (its changelog entry), which the answers name."""
    return store.current_version(store.DATASETS_DIR)


def column_metadata(dataset: model.Dataset, columns) -> list[dict]:
    return [
        {
            "name": c.name,
            "type": c.type,
            "unit": c.unit,
            "description": c.description,
        }
        for c in dataset.columns
        if c.name in set(columns)
    ]


def as_csv(chosen: Selection) -> bytes:
    """The file's own dialect (UTF-8, LF, values as written): a query for every row and
    column gives back the file byte for byte."""
    return chosen.text.to_csv(index=False, lineterminator="\n").encode("utf-8")


def as_json(dataset: model.Dataset, query: Query, chosen: Selection, version: dict | None) -> bytes:
    """The records, typed (numbers as numbers, blanks as null), after what a reader needs
    to use and credit them."""
    frame = chosen.typed
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    payload = {
        "dataset": dataset.name,
        "title": dataset.title,
        "licence": {"title": dataset.licence, "path": dataset.licence_url},
        "attribution": dataset.attribution,
        "citation": dataset.citation,
        "build": store.build_label(version),
        "columns": column_metadata(dataset, frame.columns),
        "query": query.record(),
        "rows": len(records),
        "records": records,
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def as_parquet(dataset: model.Dataset, chosen: Selection, version: dict | None) -> bytes:
    """A Parquet file with each column's type, description and unit, and the dataset's
    licence, citation and build in the file's metadata."""
    frame = chosen.typed
    fields = [
        pa.field(
            c["name"],
            ARROW_TYPES[c["type"]],
            metadata={
                "description": c["description"],
                **({"unit": c["unit"]} if c["unit"] else {}),
            },
        )
        for c in column_metadata(dataset, frame.columns)
    ]
    order = [f.name for f in fields]
    schema = pa.schema(
        fields,
        metadata={
            "dataset": dataset.name,
            "title": dataset.title,
            "licence": dataset.licence,
            "citation": dataset.citation,
            "build": store.build_label(version),
        },
    )
    arrow = pa.Table.from_pandas(frame[order], schema=schema, preserve_index=False)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def metadata(dataset: model.Dataset, package: dict) -> dict | None:
    """The dataset's resource in the data package (columns, types, units, descriptions,
    licence, citation, checksum of the file served), with the build it belongs to and the
    filters it takes; None if the package does not list it."""
    resource = next((r for r in package["resources"] if r["name"] == dataset.name), None)
    if resource is None:
        return None
    return {
        **resource,
        "version": package["version"],
        "created": package["created"],
        "filters": [*filtered_columns(dataset), "columns"],
    }


def answer(name: str, query_string: str) -> Answer | None:
    """The answer to `GET /data/<name>?<query_string>` for a dataset's file, in any format;
    None where `name` is no dataset's file here (the server answers 404)."""
    found = split_name(name)
    if found is None:
        return None
    dataset, fmt = found
    if dataset.download_blocked:  # whether or not this installation has built it
        return Answer.refused(403, dataset.download_blocked)
    if fmt == "meta.json" and query_string:
        return Answer.refused(400, f"{name} takes no parameters.")
    try:
        past, query_string = past_build(dataset, query_string)
    except builds.Refused as refusal:
        return Answer.refused(refusal.status, str(refusal))
    files = published(dataset) if past is None else past.files
    release = build() if past is None else builds.release(past.number)
    if files is None:
        return None
    if fmt == "meta.json":
        package = json.loads(store.read_published(store.DATASETS_DIR, store.DATAPACKAGE))
        described = metadata(dataset, package)
        return Answer(200, json_bytes(described), FORMATS[fmt]) if described else None
    try:
        query = parse_query(dataset, query_string, country_codes())
    except QueryError as refusal:
        return Answer.refused(400, str(refusal))
    fixed = past is not None
    if fmt == "csv" and query == Query():
        return Answer(200, files.content, FORMATS[fmt], fixed)
    chosen = files.rows.select(dataset, query)
    if fmt == "csv":
        return Answer(200, as_csv(chosen), FORMATS[fmt], fixed)
    if fmt == "json":
        return Answer(200, as_json(dataset, query, chosen, release), FORMATS[fmt], fixed)
    return Answer(200, as_parquet(dataset, chosen, release), FORMATS[fmt], fixed)


@dataclass(frozen=True)
class PastBuild:
    number: int
    files: Published


def past_build(dataset: model.Dataset, query_string: str) -> tuple[PastBuild | None, str]:
    """(The dataset as released in the build `build=N` names, or None for today's; the
    rest of the query). builds.Refused for a build that does not exist or came before the
    dataset; a query naming two builds is refused too."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    asked = [value for key, value in pairs if key == builds.PARAM]
    if not asked:
        return None, query_string
    if len(asked) > 1:
        raise builds.Refused(400, f"{builds.PARAM} is given twice: give it once.")
    number, content = builds.released(dataset, asked[0])
    rest = urlencode([(key, value) for key, value in pairs if key != builds.PARAM])
    return PastBuild(number, _from_content(dataset.name, content)), rest


@functools.lru_cache(maxsize=16)
def _from_content(name: str, content: bytes) -> Published:
    """A past build's file, read as today's is (typed columns, cells as text)."""
    dataset = registry.DATASETS[name]
    typed = store.frame_from_csv(dataset, content, dataset.filename, earlier_columns=True)
    text = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, na_values=[""])
    return Published(Rows(typed, text.reindex(columns=typed.columns)), content)


# ------------------------------------------------------------------ reading it from code

EXAMPLE_COUNTRY = "AZE"  # the country the page's example query asks for, where present


def example_query(dataset: model.Dataset) -> Query | None:
    """A query showing what a dataset's filters do: one country, its last ten years, the
    filtered columns and the first measured one (a column with a unit; else the first
    other); None where the dataset has no rows to show or takes no row filter. Chosen once
    per published version: the Data page showed it on every run (2-5 ms of selecting rows)."""
    folder = store.DATASETS_DIR
    try:
        stamp = store.published_stamp(dataset.name, folder)
    except (OSError, store.DatasetNotBuilt):
        return None
    return _example_query(dataset.name, folder, stamp)


@functools.lru_cache(maxsize=32)
def _example_query(name: str, folder: Path, stamp: tuple) -> Query | None:
    del folder, stamp  # the cache key only
    dataset = registry.DATASETS[name]
    files = published(dataset)
    filters = filtered_columns(dataset)
    if files is None or not filters:
        return None
    frame = files.rows.typed
    iso3 = None
    if "iso3" in filters:
        codes = frame[filters["iso3"]].dropna()
        chosen = EXAMPLE_COUNTRY if (codes == EXAMPLE_COUNTRY).any() else codes.min()
        iso3 = (chosen,)
        frame = frame[frame[filters["iso3"]] == chosen]
    years = None
    if "year" in filters:
        last = int(frame[filters["year"]].max())
        years = (max(last - 9, int(frame[filters["year"]].min())), last)
    others = [c for c in dataset.columns if c.name not in filters.values()]
    shown = next((c for c in others if c.unit and c.unit != "year"), others[0])
    columns = (*filters.values(), shown.name)
    return Query(iso3, years, columns)


def snippets(address: str, name: str) -> dict[str, str]:
    """Code that reads a CSV address into a table named `name`, by tool: pandas, R
    (readr), Stata, and a spreadsheet formula (Google Sheets)."""
    return {
        "pandas": f'import pandas as pd\n\n{name} = pd.read_csv("{address}")',
        "R": f'library(readr)\n\n{name} <- read_csv("{address}")',
        "Stata": f'import delimited "{address}", clear varnames(1) encoding("utf-8") '
        "bindquote(strict)",
        "spreadsheet": f'=IMPORTDATA("{address}")',
    }
