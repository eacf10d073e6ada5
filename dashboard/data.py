"""Loading the committed datasets, with errors a reader can act on."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.indicators import BY_KEY
from etl import model, registry
from etl.publish import STAGING, read_published

ROOT = Path(__file__).resolve().parent.parent
DATASETS_DIR = ROOT / "datasets"


class DatasetUnavailable(Exception):
    """A dataset file is missing or unreadable; the message names the file and what to do."""


class DatasetNotBuilt(DatasetUnavailable):
    """A dataset this project does not redistribute (etl/project.py WITHHELD_POLICY) has not
    been built on this installation: the pages that need it say so and carry on."""


def shown_path(path: Path) -> str:
    """A file as a reader may see it named: relative to the project, never the server's
    absolute path."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return f"{path.parent.name}/{path.name}"


def read_dataset(name: str, directory: Path | None = None) -> pd.DataFrame:
    """Read a published CSV with its columns' types; refuse files that do not match it.

    Read-only: an ETL run publishing at the same moment is never disturbed, and a publish
    it has committed but not finished moving is read whole (see etl.publish.read_published).
    """
    dataset = registry.DATASETS[name]
    folder = directory or DATASETS_DIR
    shown = shown_path(folder / dataset.filename)
    hint = "Rebuild it with `make datasets`, or restore it with `git checkout datasets/`."
    try:
        content = read_published(folder, dataset.filename)
    except OSError as exc:
        if dataset.download_blocked:
            raise DatasetNotBuilt(
                f"{dataset.title} ({shown}) is not on this installation. {dataset.publisher}'s "
                "terms do not let this project redistribute it, so each installation builds "
                f"it from {dataset.publisher}'s own files: run `make datasets` (it needs the "
                "internet, or the raw-source mirror)."
            ) from exc
        raise DatasetUnavailable(f"The dataset file {shown} is missing. {hint}") from exc
    try:
        frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise DatasetUnavailable(
            f"The dataset file {shown} cannot be read ({exc}). {hint}"
        ) from exc
    expected = [c.name for c in dataset.columns]
    if list(frame.columns) != expected:
        raise DatasetUnavailable(
            f"The dataset file {shown} does not have the expected columns "
            f"(found {list(frame.columns)[:8]}...). {hint}"
        )
    try:
        for column in dataset.columns:
            values = frame[column.name]
            if column.type != "string":
                values = pd.to_numeric(values, errors="raise")
            frame[column.name] = values.astype(model.PANDAS_DTYPES[column.type])
    except (ValueError, TypeError) as exc:
        raise DatasetUnavailable(
            f"The dataset file {shown} has malformed values ({exc}). {hint}"
        ) from exc
    if frame.empty:
        raise DatasetUnavailable(f"The dataset file {shown} has no rows. {hint}")
    return frame


def _stamps(*paths: Path) -> tuple:
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def published_stamp(name: str, directory: Path | None = None) -> tuple:
    """Changes whenever the dataset's published file does (a new release, a staged publish),
    so that cached frames are refreshed after an ETL run without restarting the app."""
    folder = directory or DATASETS_DIR
    return _stamps(folder / registry.DATASETS[name].filename, folder / STAGING)


def release_stamp(directory: Path | None = None) -> tuple:
    """Changes whenever any dataset may have: the changelog and every dataset file (a file
    built locally, such as a withheld dataset, changes no version)."""
    folder = directory or DATASETS_DIR
    files = [folder / d.filename for d in registry.DATASETS.values()]
    return _stamps(folder / "CHANGELOG.json", folder / STAGING, *files)


def with_changes(index: pd.DataFrame) -> pd.DataFrame:
    """Add each entity's rank and score change since its previous edition.

    Rank changes span methodology breaks (ranks are comparable in kind); score
    changes are left blank across a break, where scores are not comparable.
    """
    if "rank_change" in index.columns:  # already done (e.g. a cached frame)
        return index
    frame = index.sort_values(["iso3", "year"]).copy()
    editions = sorted(frame["year"].unique())
    previous_edition = dict(zip(editions[1:], editions[:-1], strict=True))
    frame["previous_year"] = frame["year"].map(previous_edition).astype("Int64")
    before = frame[["iso3", "year", "rank", "score", "methodology"]].rename(
        columns={
            "year": "previous_year",
            "rank": "previous_rank",
            "score": "previous_score",
            "methodology": "previous_methodology",
        }
    )
    frame = frame.merge(before, on=["iso3", "previous_year"], how="left")
    frame["rank_change"] = frame["previous_rank"] - frame["rank"]  # positive = moved up
    same_era = frame["previous_methodology"] == frame["methodology"]
    frame["score_change"] = (frame["score"] - frame["previous_score"]).where(same_era).round(2)
    frame["entities_ranked"] = frame.groupby("year")["iso3"].transform("size")
    return frame.drop(columns=["previous_methodology"]).sort_values(["year", "rank", "iso3"])


def country_names(index: pd.DataFrame) -> dict[str, str]:
    """iso3 → display name, sorted by name, for selectors."""
    pairs = index[["iso3", "country"]].drop_duplicates().sort_values("country")
    return dict(zip(pairs["iso3"], pairs["country"], strict=True))


def latest_census(census: pd.DataFrame) -> pd.DataFrame:
    """The newest export's count for each country and year (what the app shows)."""
    return census[census["latest"] == "yes"]


MAP_INDICATORS = (
    "pts_a",
    "pts_h",
    "pts_s",
    "fh_status",
    "fh_d1",
    "fh_total",
    "fh_fotp",
    "vdem_harassment",
    "vdem_censorship",
    "vdem_self_censorship",
    "vdem_expression",
    "ciri_speech",
    "itt_torture",
)
MAP_METRICS = {
    "rsf": "RSF World Press Freedom Index",
    "imprisoned": "Journalists imprisoned on 1 December (CPJ census)",
    "killed": "Journalists and media workers killed (CPJ, all records)",
    "killed-confirmed": "Journalists killed, work-related motive confirmed (CPJ)",
    **{key: BY_KEY[key].label for key in MAP_INDICATORS},
}


COUNT_UNITS = {
    "imprisoned": "journalists in prison",
    "killed": "killed",
    "killed-confirmed": "killed",
}
COUNT_DATASETS = {
    "imprisoned": registry.DATASETS["cpj_census"],
    "killed": registry.DATASETS["cpj_killed_counts"],
    "killed-confirmed": registry.DATASETS["cpj_killed_counts"],
}


def map_counts(
    metric: str, census: pd.DataFrame, killed: pd.DataFrame, year: int, names: dict[str, str]
) -> pd.DataFrame:
    """iso3, country, value for a CPJ count metric in one year (countries with a record)."""
    if metric == "imprisoned":
        rows = latest_census(census)
        rows = rows[rows["year"] == year].groupby("iso3")["imprisoned"].sum()
    else:
        chosen = killed[killed["year"] == year]
        if metric == "killed-confirmed":
            chosen = chosen[(chosen["motive"] == "confirmed") & (chosen["role"] == "journalist")]
        rows = chosen.groupby("iso3")["killed"].sum()
    frame = rows.rename("value").reset_index()
    frame["country"] = frame["iso3"].map(names).fillna(frame["iso3"])
    return frame.sort_values(["value", "country"], ascending=[False, True])


def entity_names() -> dict[str, str]:
    """iso3 → display name for every entity in the crosswalk."""
    from etl.countries import entities

    return entities()["name"].to_dict()


@dataclass(frozen=True)
class CaseFilter:
    """What a reader asked for on the Cases page; empty means 'any'."""

    query: str = ""
    countries: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    statuses: tuple[str, ...] = ()
    charges: tuple[str, ...] = ()
    role: str = "any"


def filter_cases(cases: pd.DataFrame, wanted: CaseFilter) -> pd.DataFrame:
    """The cases matching every condition (name/outlet search is case-insensitive)."""
    keep = pd.Series(True, index=cases.index)
    if wanted.query:
        needle = wanted.query.casefold()
        keep &= cases["name"].str.casefold().str.contains(needle, regex=False) | cases[
            "organizations"
        ].fillna("").str.casefold().str.contains(needle, regex=False)
    if wanted.countries:
        keep &= cases["iso3"].isin(wanted.countries)
    if wanted.years:
        keep &= cases["event_year"].between(*wanted.years).fillna(False).astype(bool)
    if wanted.statuses:
        keep &= cases["status"].isin(wanted.statuses)
    if wanted.charges:
        categories = cases["charge_categories"].fillna("").str.split("; ")
        keep &= categories.map(lambda cats: bool(set(cats) & set(wanted.charges)))
    if wanted.role != "any":
        keep &= cases["role"] == wanted.role
    return cases[keep]
