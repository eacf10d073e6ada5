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

from dashboard import charts, data, indicators, state
from etl import model, registry
from etl.sources.rsf_index import methodology as rsf

Loader = Callable[[str], pd.DataFrame]
KINDS = ("map", "rank", "score", "indicators", "compare", "cpj", "bands", "sources")
PANELS = (
    ("RSF rank (1 = best)", ("rsf_rank",)),
    ("RSF score, 2022 methodology (0–100, higher is better)", ("rsf_score",)),
    (
        "CPJ: journalists imprisoned on 1 December, and killed (counts, higher is worse)",
        ("cpj_imprisoned", "cpj_killed"),
    ),
    (
        "RSF: journalists detained, where RSF published a country figure (higher is worse)",
        ("rsf_detained",),
    ),
    (
        "Political Terror Scale, 1–5 (higher is worse): Amnesty, HRW and State Dept codings",
        ("pts_a", "pts_h", "pts_s"),
    ),
    ("Freedom House status since 1972: 1 not free, 2 partly free, 3 free", ("fh_status",)),
    ("Freedom House D1: free and independent media, 0–4 (higher is better)", ("fh_d1",)),
    ("Freedom in the World total, 0–100 (higher is better)", ("fh_total",)),
    (
        "V-Dem media indicators, latent scale (higher is better: less harassment, censorship, "
        "self-censorship)",
        ("vdem_harassment", "vdem_censorship", "vdem_self_censorship"),
    ),
)


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
    return data.with_changes(load("rsf_index"))


def _names(index: pd.DataFrame) -> dict[str, str]:
    return data.country_names(index)


def build(
    kind: str,
    params: Mapping[str, str],
    load: Loader,
    values: Callable[[str], pd.DataFrame] | None = None,
) -> Chart:
    """values: a (cached) provider of indicator series by key; computed from `load` if None."""
    kind, _ = state.parse_choice(kind, KINDS, "map")
    values = values or _series_from(load)
    if kind == "map":
        return _map(params, load, values)
    index = _rsf(load)
    if kind == "bands":
        return Chart(
            charts.situation_bar(index), kind, {}, sources=(registry.DATASETS["rsf_index"],)
        )
    if kind == "compare":
        chosen, _ = state.parse_countries(
            params.get("countries"), _names(index), ["AZE", "TUR", "RUS", "UKR"]
        )
        measure, _ = state.parse_choice(params.get("measure"), list(charts.MEASURES), "rank")
        figure = charts.compare_chart(index[index["iso3"].isin(chosen)], measure)
        return Chart(
            figure,
            kind,
            {"countries": ",".join(chosen), "measure": measure},
            sources=(registry.DATASETS["rsf_index"],),
        )
    names = {**data.entity_names(), **_names(index)}
    country, _ = state.parse_country(params.get("country"), names, "AZE")
    if kind == "sources":
        return _sources(country, names[country], values)
    series = index[index["iso3"] == country].sort_values("year")
    if kind == "cpj":
        census = data.latest_census(load("cpj_census"))
        killed = load("cpj_killed_counts")
        figure = charts.cpj_counts_chart(
            census[census["iso3"] == country],
            killed[killed["iso3"] == country],
            names[country],
        )
    else:
        builder = {
            "rank": charts.rank_chart,
            "score": charts.score_chart,
            "indicators": charts.indicators_chart,
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
    """The world map of one measure and year (the page and the exports draw this)."""
    metric, _ = state.parse_choice(params.get("metric"), list(data.MAP_METRICS), "rsf")
    names = data.entity_names()
    if metric == "rsf":
        index = _rsf(load)
        year = _year(index, params)
        shown = index[index["year"] == year]
        return Chart(
            charts.world_map(shown),
            "map",
            {"metric": metric, "edition": str(year)},
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
            (registry.DATASETS["rsf_index"],),
            rsf.ERAS[rsf.era_of(year)]["explanation"],
        )
    if metric in data.MAP_INDICATORS:
        indicator = indicators.BY_KEY[metric]
        values = values_of(metric)
        year = _year(values, params)
        shown = values[values["year"] == year].assign(
            country=lambda f: f["iso3"].map(names).fillna(f["iso3"])
        )
        direction = "higher is better" if indicator.higher_is_better else "higher is worse"
        figure = charts.indicator_map(
            shown,
            title=f"{indicator.label}, {year}",
            subtitle=f"{len(shown)} countries; {direction}; grey: no value",
            higher_is_better=indicator.higher_is_better,
            colorbar=direction.replace("higher is ", "higher:<br>"),
            dataset=indicator.source,
            year=year,
        )
        return Chart(
            figure,
            "map",
            {"metric": metric, "edition": str(year)},
            shown,
            (indicator.source,),
            indicator.scale,
        )
    census, killed = load("cpj_census"), load("cpj_killed_counts")
    year = _year(census if metric == "imprisoned" else killed, params)
    shown = data.map_counts(metric, census, killed, year, names)
    dataset = data.COUNT_DATASETS[metric]
    figure = charts.count_map(
        shown,
        title=f"{data.MAP_METRICS[metric]}, {year}",
        subtitle=f"{int(shown['value'].sum())} in all; absolute counts (per-capita rates would "
        "mislead for such small numbers); grey: none recorded",
        unit=data.COUNT_UNITS[metric],
        dataset=dataset,
        year=year,
    )
    return Chart(
        figure, "map", {"metric": metric, "edition": str(year)}, shown, (dataset,), dataset.notes[0]
    )


def map_years(
    metric: str, load: Loader, values: Callable[[str], pd.DataFrame] | None = None
) -> list[int]:
    """The years a map measure can show."""
    if metric == "rsf":
        frame = load("rsf_index")
    elif metric in data.MAP_INDICATORS:
        frame = (values or _series_from(load))(metric)
    else:
        frame = load("cpj_census" if metric == "imprisoned" else "cpj_killed_counts")
    return sorted(int(y) for y in frame["year"].unique())


def _year(frame: pd.DataFrame, params: Mapping[str, str]) -> int:
    years = sorted(int(y) for y in frame["year"].unique())
    return state.parse_year(params.get("edition"), years, years[-1])[0]


def _series_from(load: Loader) -> Callable[[str], pd.DataFrame]:
    def series(key: str) -> pd.DataFrame:
        indicator = indicators.BY_KEY[key]
        return indicators.long_values(indicator, load(indicator.dataset))

    return series


def _sources(country: str, name: str, values_of: Callable[[str], pd.DataFrame]) -> Chart:
    """Every source side by side for one country, with where it stands on each measure."""
    panels, standings, not_built = [], [], {}
    for title, keys in PANELS:
        members = []
        for key in keys:
            indicator = indicators.BY_KEY[key]
            try:
                values = values_of(key)
            except data.DatasetNotBuilt as exc:  # shown without it, saying why
                not_built[indicator.dataset] = str(exc)
                continue
            own = indicators.country_series(values, indicator, country)
            if not own.empty:
                members.append((indicator, own))
            position = indicators.standing(values, indicator, country)
            if position:
                standings.append(position)
        if members:
            panels.append((title, members))
    if not panels:
        empty = go.Figure().update_layout(title={"text": f"{name}: no source rates it"})
        details = ([], standings, tuple(not_built.values()))
        return Chart(empty, "sources", {"country": country}, details=details)
    years = pd.concat([frame["year"] for _, members in panels for _, frame in members])
    behind = pd.concat(
        [
            frame.dropna().assign(measure=indicator.label, source=indicator.source.attribution)
            for _, members in panels
            for indicator, frame in members
        ]
    )[["measure", "year", "value", "source"]]
    figure = charts.source_panels(panels, name, int(years.min()), int(years.max()))
    sources = tuple({ind.dataset: ind.source for _, m in panels for ind, _ in m}.values())
    details = (panels, standings, tuple(not_built.values()))
    return Chart(figure, "sources", {"country": country}, behind, sources, details=details)
