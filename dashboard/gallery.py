"""Named charts drawn: `draw(spec, load)` returns the figure a page shows for a typed chart
spec (dashboard/chart_specs.py), with the data behind it, its sources and its caption; the
pages, the /embed page and the exporter all draw through it, so a chart is the same
everywhere. `build(kind, params, load)` is the edge for charts named by strings (the
export CLI): it parses them once and draws.

`load(dataset_name)` reads a dataset: cached in the app, plain in the CLI. `lang` is the
language the chart is written in (English by default; the charts translated so far take it:
the map, the bands, and a country's profile charts; the others are drawn in English whatever
it says).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard import chart_specs, cpj_census, events, i18n, measures
from dashboard.chart_specs import (
    BandsChart,
    CompareChart,
    CountryChart,
    Loader,
    MapChart,
    Spec,
    Values,
)
from dashboard.charts import counts, maps, panels
from dashboard.charts import rsf_index as rsf_charts
from dashboard.charts.figure_data import figure_data
from dashboard.names import country_names, entity_names, states
from etl import model, registry, store
from etl.sources.rsf_index import methodology as rsf


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    spec: Spec
    table: pd.DataFrame | None = None  # the data behind it, when richer than the figure
    sources: tuple[model.Dataset, ...] = ()
    caption: str = ""
    # kind-specific extras (the source panels: panels, standings, datasets not built here)
    details: object = None

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def params(self) -> dict[str, str]:
        """The URL parameters that reproduce it (embed URL, file names)."""
        return self.spec.params

    @property
    def slug(self) -> str:
        return chart_specs.slug(self.spec)


def build(kind: str, params: dict[str, str], load: Loader, values: Values | None = None) -> Chart:
    """A chart named by strings: parsed once (bad parameters fall back to the defaults, as
    on the pages), then drawn."""
    spec, _ = chart_specs.parse(kind, params, load, values)
    return draw(spec, load, values)


def draw(
    spec: Spec, load: Loader, values: Values | None = None, lang: str = i18n.SOURCE_LANGUAGE
) -> Chart:
    """values: a (cached) provider of measure series by key; computed from `load` if None."""
    values = values or chart_specs.values_from(load)
    if isinstance(spec, MapChart):
        return _map(spec, load, values, lang)
    index = rsf.with_changes(load("rsf_index"))
    if isinstance(spec, BandsChart):
        figure = rsf_charts.situation_bar(index, lang)
        table = _drawn(figure, series="situation", x="year", y="entities")
        return Chart(figure, spec, table, sources=(registry.DATASETS["rsf_index"],))
    if isinstance(spec, CompareChart):
        shown = index[index["iso3"].isin(spec.countries)]
        figure = rsf_charts.compare_chart(shown, spec.measure, lang, spec.relative, spec.until)
        column = spec.measure.column
        table = shown[["iso3", "country", "year", "methodology", column]].dropna(subset=[column])
        if spec.until is not None:
            table = table[table["year"] <= spec.until]
        if spec.relative:  # the gains drawn, beside the values they come from
            table = rsf_charts.relative(table, spec.measure)
        table = maps.localised_names(table, lang)
        return Chart(figure, spec, table, sources=(spec.measure.dataset,))
    return _country(spec, index, load, values, lang)


def _country(
    spec: CountryChart, index: pd.DataFrame, load: Loader, values: Values, lang: str
) -> Chart:
    iso3 = spec.iso3
    name = country_names(index).get(iso3) or entity_names().get(iso3, iso3)
    shown_name = i18n.country_name(iso3, lang, name)
    if spec.kind == "sources":
        return _sources(spec, shown_name, values, lang)
    if spec.kind == "cpj":
        census = cpj_census.latest_census(load("cpj_census"))
        killed = load("cpj_killed_counts")
        figure = counts.cpj_counts_chart(
            census[census["iso3"] == iso3],
            killed[killed["iso3"] == iso3],
            shown_name,
            lang,
            log_scale=spec.log,
        )
        sources = (registry.DATASETS["cpj_census"], registry.DATASETS["cpj_killed_counts"])
        table = _drawn(figure, series="measure", x="year", y="journalists")
        return Chart(figure, spec, table.assign(iso3=iso3, country=shown_name), sources=sources)
    series = index[index["iso3"] == iso3].sort_values("year")
    if spec.kind == "rank":
        return _rank(spec, series, load, shown_name, lang)
    if spec.kind == "score":
        figure = rsf_charts.score_chart(series, lang, spec.relative)
    else:
        figure = rsf_charts.indicators_chart(series, lang)
    columns = [c for c in INDEX_TABLE[spec.kind] if c in series.columns]
    drawn = series[columns].dropna(subset=columns[len(_ROWS) :], how="all")  # years it shows
    if spec.relative:  # the gains drawn, beside the scores they come from
        drawn = drawn.assign(points_gained=rsf_charts.era_gains(drawn, "score"))
    if lang != i18n.SOURCE_LANGUAGE:  # the table in the chart's language, as maps' are
        drawn = drawn.assign(country=shown_name)
        if "situation" in drawn.columns:
            tr = i18n.translator(lang)
            drawn = drawn.assign(situation=drawn["situation"].map(tr.situation, na_action="ignore"))
    return Chart(figure, spec, drawn, (registry.DATASETS["rsf_index"],))


def _rank(
    spec: CountryChart, series: pd.DataFrame, load: Loader, shown_name: str, lang: str
) -> Chart:
    """The rank over the editions, with the documented arrests and detentions marked; its
    table has the ranks, then one row per marked date (with the publications cited)."""
    marked = events.documented_events(load("documented_cases"), spec.iso3)
    figure = rsf_charts.rank_chart(series, lang, marked, spec.relative)
    columns = INDEX_TABLE["rank"]
    drawn = series[columns].dropna(subset=columns[len(_ROWS) :], how="all")
    if spec.relative:  # the gains drawn, beside the ranks they come from
        drawn = drawn.assign(places_gained=rsf_charts.era_gains(drawn, "rank"))
    if lang != i18n.SOURCE_LANGUAGE:
        drawn = drawn.assign(country=shown_name)
    sources = (registry.DATASETS["rsf_index"],)
    if marked.empty:
        return Chart(figure, spec, drawn, sources)
    dated = marked.assign(
        country=drawn["country"].iloc[0],
        year=marked["when"].astype(int),
        event_date=marked["date"],
        event=[", ".join(people) for people in marked["people"]],
        event_sources=[" ".join(urls) for urls in marked["urls"]],
    )[["iso3", "country", "year", "event_date", "event", "event_sources"]]
    table = pd.concat([drawn, dated], ignore_index=True)
    return Chart(figure, spec, table, (*sources, registry.DATASETS["documented_cases"]))


# The columns of RSF's index behind each profile chart, named as in the dataset
_ROWS = ["iso3", "country", "year", "methodology"]
INDEX_TABLE = {
    "rank": [*_ROWS, "rank", "entities_ranked", "rank_change"],
    "score": [*_ROWS, "score", "situation", "score_change"],
    "indicators": [*_ROWS, *(name for name, _, _ in rsf.INDICATORS)],
}


def _drawn(figure: go.Figure, **names: str) -> pd.DataFrame:
    """The numbers a figure draws, with columns named for what they are."""
    return figure_data(figure).rename(
        columns={"series": names["series"], "x": names["x"], "y": names["y"]}
    )


# The columns of RSF's index behind its map (the figure alone would lose them)
MAP_TABLE = ["iso3", "country", "year", "rank", "score", "situation", "rank_change", "score_change"]


def _map(spec: MapChart, load: Loader, values_of: Values, lang: str) -> Chart:
    """The world map of one measure and year (the page and the exports draw this), drawn
    as the measure's metadata says: RSF's bands, counts, or a turned continuous scale."""
    measure, year = spec.measure, spec.year
    if spec.since is not None:
        return _change_map(spec, load, values_of, lang)
    if measure.on_map.style == "bands":
        index = rsf.with_changes(load(measure.dataset.name))
        shown = index[index["year"] == year]
        explanation = rsf.ERAS[rsf.era_of(year)]["explanation"]
        return Chart(
            maps.world_map(shown, measure, lang),
            spec,
            _localised_table(shown[MAP_TABLE], lang),
            (measure.dataset,),
            i18n.translator(lang).term("era", explanation),
        )
    values = values_of(measure.key)
    shown = values[values["year"] == year].assign(
        country=lambda f: f["iso3"].map(entity_names()).fillna(f["iso3"])
    )
    shown = maps.localised_names(shown, lang)
    if measure.on_map.style == "count":
        shown = (
            shown.astype({"value": "Int64"})
            .sort_values(["value", "country"], ascending=[False, True])[
                ["iso3", "value", "country"]
            ]
            .reset_index(drop=True)
        )
        figure = maps.count_map(shown, measure, year, lang)
        caption = i18n.translator(lang).term("dataset note", measure.dataset.notes[0])
    else:
        figure = maps.indicator_map(shown, measure, year, lang)
        caption = i18n.translator(lang).term("scale", measure.scale)
    return Chart(figure, spec, shown, (measure.dataset,), caption)


def _change_map(spec: MapChart, load: Loader, values_of: Values, lang: str) -> Chart:
    """A measure's change between two years, country by country (RSF: score points within
    one methodology era; a count: the difference, a year with no record counting as zero
    where the measure says so)."""
    measure, since, year = spec.measure, spec.since, spec.year
    if measure.on_map.style == "bands":
        values = load(measure.dataset.name).rename(columns={"score": "value"})
    else:
        values = values_of(measure.key)
    before = values.loc[values["year"] == since, ["iso3", "value"]]
    after = values.loc[values["year"] == year, ["iso3", "value"]]
    # a count map draws a country without a record as none: so does its change
    zero = measure.absent_means_zero or measure.on_map.style == "count"
    both = before.merge(
        after, on="iso3", how="outer" if zero else "inner", suffixes=("_before", "_after")
    )
    if zero:
        both = both.fillna(0)
    both = both.rename(columns={"value_before": "before", "value_after": "after"}).astype(
        {"before": float, "after": float}
    )
    both["value"] = (both["after"] - both["before"]).round(2)
    both["country"] = both["iso3"].map(entity_names()).fillna(both["iso3"])
    shown = maps.localised_names(
        both[["iso3", "country", "before", "after", "value"]], lang
    ).sort_values("value", ascending=not measure.higher_is_better, ignore_index=True)
    figure = maps.change_map(shown, measure, since, year, lang)
    tr = i18n.translator(lang)
    caption = tr.gettext(
        "Change from %(since)s to %(year)s: the value in %(year)s minus the value in %(since)s."
    ) % {"since": since, "year": year}
    return Chart(figure, spec, shown, (measure.dataset,), caption)


def _localised_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A map's table in `lang`: countries by their names there, RSF's bands by theirs."""
    if lang == i18n.SOURCE_LANGUAGE:
        return table
    tr = i18n.translator(lang)
    table = maps.localised_names(table, lang)
    return table.assign(situation=table["situation"].map(tr.situation, na_action="ignore"))


def _sources(spec: CountryChart, name: str, values_of: Values, lang: str) -> Chart:
    """Every source side by side for one country, with where it stands on each measure
    (`name`: the country's name in `lang`)."""
    tr = i18n.translator(lang)
    country = spec.iso3
    drawn, standings, not_built = [], [], {}
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
            position = measures.standing(values, measure, country, states())
            if position:
                standings.append(position)
        if members:
            drawn.append((panel.title, members))
    if not drawn:
        title = tr.gettext("%(country)s: no source rates it") % {"country": name}
        empty = go.Figure().update_layout(title={"text": title})
        return Chart(empty, spec, details=([], standings, tuple(not_built.values())))
    years = pd.concat([frame["year"] for _, members in drawn for _, frame in members])
    behind = pd.concat(
        [
            frame.dropna().assign(
                measure=tr.term("measure", measure.label),
                source=tr.term("source", measure.dataset.attribution),
            )
            for _, members in drawn
            for measure, frame in members
        ]
    )[["measure", "year", "value", "source"]]
    figure = panels.source_panels(drawn, name, int(years.min()), int(years.max()), lang)
    sources = tuple({m.dataset.name: m.dataset for _, ms in drawn for m, _ in ms}.values())
    details = (drawn, standings, tuple(not_built.values()))
    return Chart(figure, spec, behind, sources, details=details)
