"""World maps: RSF's index (its situation bands, or a scale turned with its era), counts
on a log scale, and any other measure on a scale turned so that red is always worse. Each
carries the values behind it for the alt text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import geo
from dashboard.charts.style import NO_DATA, SITUATION_COLOURS, fmt, source_line, titled
from etl import model
from etl.sources.rsf_index import methodology as rsf


def _change_text(row) -> str:
    if pd.isna(row.previous_rank):
        return "not ranked in the previous edition"
    moved = int(row.rank_change)
    rank_part = (
        "no change in rank"
        if moved == 0
        else f"{'up' if moved > 0 else 'down'} {abs(moved)} place(s)"
    )
    score_part = (
        f", score {fmt(row.score_change, signed=True)}"
        if pd.notna(row.score_change)
        else ", score not comparable (new methodology)"
    )
    return f"{rank_part} since {int(row.previous_year)}{score_part}"


def map_hover(edition: pd.DataFrame) -> list[str]:
    return [
        f"<b>{row.country}</b><br>Rank {int(row.rank)} of {int(row.entities_ranked)}"
        f"<br>Score {fmt(row.score)}"
        + (f" ({row.situation})" if pd.notna(row.situation) else "")
        + f"<br>{_change_text(row)}"
        for row in edition.itertuples()
    ]


def _map_layout(fig: go.Figure, title: str, subtitle: str, meta: dict, **layout) -> None:
    """The world frame every map shares (offline 1:50m geometry, grey for no data), its
    title, and the values behind it (for alt text)."""
    fig.update_geos(
        projection_type="natural earth",
        resolution=50,
        showframe=False,
        showcoastlines=False,
        showcountries=True,
        countrycolor="white",
        showland=True,
        landcolor=NO_DATA,
        lataxis_range=[-57, 84],
    )
    fig.update_layout(meta=meta, **layout)
    # the map's own frame: the plot area is the map, no wider than the world is
    fig.update_geos(domain={"x": [0, 1], "y": [0, 1]})
    titled(fig, title, subtitle, is_map=True)


def label(measure: model.Measure) -> str:
    """A measure's name on the map (its selector, its maps' titles)."""
    return measure.on_map.label or measure.label


def _alt_meta(measure: model.Measure, values: pd.DataFrame, higher_is_better: bool) -> dict:
    """What the alt text reads (alttext.py): the kind of measure, what its values are (a
    count's unit, else the measure's name), and the values drawn, by country."""
    return {
        "kind": measure.kind,
        "unit": measure.unit or label(measure),
        "higher_is_better": higher_is_better,
        "values": dict(zip(values["country"], values["value"].astype(float), strict=True)),
    }


def world_map(edition: pd.DataFrame, measure: model.Measure) -> go.Figure:
    """Choropleth of one edition of RSF's index (rows from rsf.with_changes for a
    single year); `measure` is the index as the map offers it.

    2022 onward: RSF's five situation bands. Earlier eras: a continuous scale
    whose direction follows the era (red is always worse).
    """
    year = int(edition["year"].iloc[0])
    era = rsf.era_of(year)
    hover = map_hover(edition)
    fig = go.Figure()
    if era == rsf.CURRENT:
        for band, colour in SITUATION_COLOURS.items():
            subset = edition["situation"] == band
            fig.add_trace(
                go.Choropleth(
                    locations=edition.loc[subset, "iso3"],
                    locationmode="ISO-3",
                    z=[1] * int(subset.sum()),
                    colorscale=[[0, colour], [1, colour]],
                    showscale=False,
                    name=band.capitalize(),
                    showlegend=True,
                    text=[h for h, s in zip(hover, subset, strict=True) if s],
                    hovertemplate="%{text}<extra></extra>",
                    marker_line_color="white",
                    marker_line_width=0.4,
                )
            )
        legend = {"title": {"text": "Situation:"}}
    else:
        higher_is_better = rsf.ERAS[era]["higher_is_better"]
        fig.add_trace(
            go.Choropleth(
                locations=edition["iso3"],
                locationmode="ISO-3",
                z=edition["score"],
                colorscale="RdYlGn" if higher_is_better else "RdYlGn_r",
                colorbar={
                    "title": {
                        "text": "Score, "
                        + ("higher is better" if higher_is_better else "lower is better")
                    },
                    "thickness": 12,
                    "len": 0.7,
                },
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                marker_line_color="white",
                marker_line_width=0.4,
            )
        )
        legend = None
    _map_layout(
        fig,
        f"World Press Freedom Index {year}",
        rsf.ERAS[era]["label"],
        _alt_meta(
            measure, edition.assign(value=edition["score"]), rsf.ERAS[era]["higher_is_better"]
        ),
        legend=legend,
    )
    return source_line(fig, measure.dataset, str(year))


COUNT_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500)


def count_map(values: pd.DataFrame, measure: model.Measure, year: int) -> go.Figure:
    """Choropleth of a count's values in one year (iso3, country, value): darker is more,
    grey is none.

    Colour follows log(1 + count), so one very large count does not wash out the rest;
    the colour bar is labelled in plain counts.
    """
    unit = measure.unit
    rows = []
    for row in values.itertuples():
        shapes = geo.shapes_of(row.iso3)
        for shape in shapes:
            shared = " (CPJ records these together)" if len(shapes) > 1 else ""
            rows.append(
                (shape, row.value, f"<b>{row.country}</b>{shared}<br>{int(row.value)} {unit}")
            )
    drawn = pd.DataFrame(rows, columns=["iso3", "value", "hover"])
    top = max(1.0, float(drawn["value"].max())) if len(drawn) else 1.0
    ticks = [t for t in COUNT_TICKS if t <= top] + ([int(top)] if top not in COUNT_TICKS else [])
    fig = go.Figure(
        go.Choropleth(
            locations=drawn["iso3"],
            locationmode="ISO-3",
            z=np.log1p(drawn["value"]),
            colorscale="Reds",
            zmin=0,
            zmax=float(np.log1p(top)),
            colorbar={
                "title": {"text": unit.capitalize()},
                "thickness": 12,
                "len": 0.7,
                "tickvals": list(np.log1p(ticks)),
                "ticktext": [str(t) for t in ticks],
            },
            text=drawn["hover"],
            hovertemplate="%{text}<extra></extra>",
            marker_line_color="white",
            marker_line_width=0.4,
        )
    )
    _map_layout(
        fig,
        f"{label(measure)}, {year}",
        f"{int(values['value'].sum())} in all; absolute counts (per-capita rates would "
        "mislead for such small numbers); grey: none recorded",
        _alt_meta(measure, values, higher_is_better=False),
    )
    return source_line(fig, measure.dataset, str(year))


def indicator_map(values: pd.DataFrame, measure: model.Measure, year: int) -> go.Figure:
    """Choropleth of a score's values in one year (iso3, country, value), whose colour says
    better or worse as the measure's direction says."""
    higher_is_better = measure.higher_is_better
    direction = "higher is better" if higher_is_better else "higher is worse"
    colorbar = direction.replace("higher is ", "higher: ")
    hover = [f"<b>{row.country}</b><br>{row.value:g}" for row in values.itertuples()]
    fig = go.Figure(
        go.Choropleth(
            locations=values["iso3"],
            locationmode="ISO-3",
            z=values["value"],
            colorscale="RdYlGn" if higher_is_better else "RdYlGn_r",
            colorbar={"title": {"text": colorbar}, "thickness": 12, "len": 0.7},
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            marker_line_color="white",
            marker_line_width=0.4,
        )
    )
    _map_layout(
        fig,
        f"{label(measure)}, {year}",
        f"{len(values)} countries; {direction}; grey: no value",
        _alt_meta(measure, values, higher_is_better),
    )
    return source_line(fig, measure.dataset, str(year))
