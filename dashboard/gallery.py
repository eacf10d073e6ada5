"""Charts addressable by name and parameters, for embeds and batch exports.

`build(kind, params, load)` returns the same figure the pages draw (the chart functions
are shared), given a `load(dataset_name)` callable: cached in the app, plain in the CLI.
Bad parameters fall back to defaults, as on the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import cpj_census, measures, names, rsf_editions, url_params
from dashboard.charts import counts, maps
from dashboard.charts import panels as panels_chart
from dashboard.charts import rsf_index as rsf_charts
from etl import model, registry, store
from etl.sources.rsf_index import methodology as rsf

Loader = Callable[[str], pd.DataFrame]
KINDS = ("map", "rank", "score", "indicators", "compare", "cpj", "bands", "sources")


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    kind: str
    params: dict[str, str]  # the parameters that reproduce it (embed URL, file names)
    table: pd.DataFrame | None = None  # the data behind it, when richer than the figure
    sources: tuple[model.Dataset, ...] = ()
    caption: str = ""
    # kind-specific extras (the source panels: panels, standings, datasets not built here)
    details: object = None

    @property
    def slug(self) -> str:
        return "-".join([self.kind, *(str(v).replace(",", "+") for v in self.params.values())])


def _rsf(load: Loader) -> pd.DataFrame:
    return rsf_editions.with_changes(load("rsf_index"))


def _names(index: pd.DataFrame) -> dict[str, str]:
    return names.country_names(index)


def build(
    kind: str,
    params: Mapping[str, str],
    load: Loader,
    values: Callable[[str], pd.DataFrame] | None = None,
) -> Chart:
    """values: a (cached) provider of measure series by key; computed from `load` if None."""
    kind, _ = url_params.parse_choice(kind, KINDS, "map")
    values = values or _series_from(load)
    if kind == "map":
        return _map(params, load, values)
    index = _rsf(load)
    if kind == "bands":
        return Chart(
            rsf_charts.situation_bar(index), kind, {}, sources=(registry.DATASETS["rsf_index"],)
        )
    if kind == "compare":
        chosen, _ = url_params.parse_countries(
            params.get("countries"), _names(index), ["AZE", "TUR", "RUS", "UKR"]
        )
        measure, _ = url_params.parse_choice(
            params.get("measure"), list(registry.ON_COMPARE), "rank"
        )
        figure = rsf_charts.compare_chart(
            index[index["iso3"].isin(chosen)], registry.ON_COMPARE[measure]
        )
        return Chart(
            figure,
            kind,
            {"countries": ",".join(chosen), "measure": measure},
            sources=(registry.DATASETS["rsf_index"],),
        )
    known = {**names.entity_names(), **_names(index)}
    country, _ = url_params.parse_country(params.get("country"), known, "AZE")
    if kind == "sources":
        return _sources(country, known[country], values)
    series = index[index["iso3"] == country].sort_values("year")
    if kind == "cpj":
        census = cpj_census.latest_census(load("cpj_census"))
        killed = load("cpj_killed_counts")
        figure = counts.cpj_counts_chart(
            census[census["iso3"] == country],
            killed[killed["iso3"] == country],
            known[country],
        )
    else:
        builder = {
            "rank": rsf_charts.rank_chart,
            "score": rsf_charts.score_chart,
            "indicators": rsf_charts.indicators_chart,
        }[kind]
        figure = builder(series)
    sources = (
        (registry.DATASETS["cpj_census"], registry.DATASETS["cpj_killed_counts"])
        if kind == "cpj"
        else (registry.DATASETS["rsf_index"],)
    )
    return Chart(figure, kind, {"country": country}, sources=sources)


def _map(
    params: Mapping[str, str], load: Loader, values_of: Callable[[str], pd.DataFrame]
) -> Chart:
    """The world map of one measure and year (the page and the exports draw this), drawn
    as the measure's metadata says: RSF's bands, counts, or a turned continuous scale."""
    metric, _ = url_params.parse_choice(params.get("metric"), list(registry.ON_MAP), "rsf")
    measure = registry.ON_MAP[metric]
    entity_names = names.entity_names()
    drawn = {"metric": metric}
    if measure.on_map.style == "bands":
        index = _rsf(load)
        year = _year(rsf_editions.editions(index), params)
        shown = index[index["year"] == year]
        return Chart(
            maps.world_map(shown),
            "map",
            {**drawn, "edition": str(year)},
            shown[
                [
                    "iso3",
                    "country",
                    "year",
                    "rank",
                    "score",
                    "situation",
                    "rank_change",
                    "score_change",
                ]
            ],
            (measure.dataset,),
            rsf.ERAS[rsf.era_of(year)]["explanation"],
        )
    values = values_of(measure.key)
    title = measure.on_map.label or measure.label
    if measure.on_map.style == "count":
        year = _year(map_years(metric, load, values_of), params)
        shown = (
            values[values["year"] == year]
            .astype({"value": "Int64"})
            .assign(country=lambda f: f["iso3"].map(entity_names).fillna(f["iso3"]))
            .sort_values(["value", "country"], ascending=[False, True])[
                ["iso3", "value", "country"]
            ]
            .reset_index(drop=True)
        )
        figure = maps.count_map(
            shown,
            title=f"{title}, {year}",
            subtitle=f"{int(shown['value'].sum())} in all; absolute counts (per-capita rates "
            "would mislead for such small numbers); grey: none recorded",
            unit=measure.unit,
            dataset=measure.dataset,
            year=year,
        )
        caption = measure.dataset.notes[0]
    else:
        year = _year(map_years(metric, load, values_of), params)
        shown = values[values["year"] == year].assign(
            country=lambda f: f["iso3"].map(entity_names).fillna(f["iso3"])
        )
        direction = "higher is better" if measure.higher_is_better else "higher is worse"
        figure = maps.indicator_map(
            shown,
            title=f"{title}, {year}",
            subtitle=f"{len(shown)} countries; {direction}; grey: no value",
            higher_is_better=measure.higher_is_better,
            colorbar=direction.replace("higher is ", "higher:<br>"),
            dataset=measure.dataset,
            year=year,
        )
        caption = measure.scale
    return Chart(figure, "map", {**drawn, "edition": str(year)}, shown, (measure.dataset,), caption)


def map_years(
    metric: str, load: Loader, values: Callable[[str], pd.DataFrame] | None = None
) -> url_params.Years:
    """The years a map measure can show: RSF's editions; every year of its dataset for
    counts (a year without a record is a year of none); else the years with a value."""
    measure = registry.ON_MAP[metric]
    if measure.on_map.style == "bands":
        return rsf_editions.editions(load(measure.dataset.name))
    if measure.on_map.style == "count":
        frame = load(measure.dataset.name)
    else:
        frame = (values or _series_from(load))(measure.key)
    return url_params.Years(tuple(int(y) for y in frame["year"].unique()), "year")


def _year(years: url_params.Years, params: Mapping[str, str]) -> int:
    return url_params.parse_year(params.get("edition"), years, years.latest)[0]


def _series_from(load: Loader) -> Callable[[str], pd.DataFrame]:
    def series(key: str) -> pd.DataFrame:
        measure = registry.MEASURES[key]
        return measure.values(load(measure.dataset.name))

    return series


def _sources(country: str, name: str, values_of: Callable[[str], pd.DataFrame]) -> Chart:
    """Every source side by side for one country, with where it stands on each measure."""
    panels, standings, not_built = [], [], {}
    for panel in registry.PANELS:
        members = []
        for measure in panel.measures:
            try:
                values = values_of(measure.key)
            except store.DatasetNotBuilt as exc:  # shown without it, saying why
                not_built[measure.dataset.name] = str(exc)
                continue
            own = measures.country_series(values, measure, country)
            if not own.empty:
                members.append((measure, own))
            position = measures.standing(values, measure, country)
            if position:
                standings.append(position)
        if members:
            panels.append((panel.title, members))
    if not panels:
        empty = go.Figure().update_layout(title={"text": f"{name}: no source rates it"})
        details = ([], standings, tuple(not_built.values()))
        return Chart(empty, "sources", {"country": country}, details=details)
    years = pd.concat([frame["year"] for _, members in panels for _, frame in members])
    behind = pd.concat(
        [
            frame.dropna().assign(measure=measure.label, source=measure.dataset.attribution)
            for _, members in panels
            for measure, frame in members
        ]
    )[["measure", "year", "value", "source"]]
    figure = panels_chart.source_panels(panels, name, int(years.min()), int(years.max()))
    sources = tuple({m.dataset.name: m.dataset for _, ms in panels for m, _ in ms}.values())
    details = (panels, standings, tuple(not_built.values()))
    return Chart(figure, "sources", {"country": country}, behind, sources, details=details)
