"""Chart construction: pure functions from a DataFrame to a Plotly figure.

The pages, the tests and (later) the image exporter all call these, so a chart
looks the same everywhere and can be checked without a browser.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from etl import model, project, registry
from etl.sources.rsf_index import methodology as rsf

SITUATION_COLOURS = {
    "good": "#2e8b57",
    "satisfactory": "#e3c44a",
    "problematic": "#ee8a3c",
    "difficult": "#d0433b",
    "very serious": "#6e1423",
}
ERA_COLOURS = {"2002-2012": "#7f7f7f", "2013-2021": "#1f77b4", "2022+": "#c0392b"}
SEQUENCE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
)
NO_DATA = "#e5e5e5"


def _source_line(fig: go.Figure, dataset: model.Dataset, years: str) -> go.Figure:
    return _source_note(fig, f"{dataset.attribution} {years}")


def _source_note(fig: go.Figure, sources: str) -> go.Figure:
    """The line under every chart naming its sources and the dashboard (exports add the
    licence and the data build to it)."""
    fig.add_annotation(
        text=f"{sources} · {project.NAME}",
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-36,
        yanchor="top",
        xanchor="left",
        showarrow=False,
        font={"size": 11, "color": "#666"},
    )
    return fig


def _fmt(value, digits: int = 2, signed: bool = False) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


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
        f", score {_fmt(row.score_change, signed=True)}"
        if pd.notna(row.score_change)
        else ", score not comparable (new methodology)"
    )
    return f"{rank_part} since {int(row.previous_year)}{score_part}"


def map_hover(edition: pd.DataFrame) -> list[str]:
    return [
        f"<b>{row.country}</b><br>Rank {int(row.rank)} of {int(row.entities_ranked)}"
        f"<br>Score {_fmt(row.score)}"
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
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle}},
        margin={"l": 0, "r": 0, "t": 70, "b": 50},
        height=520,
        meta=meta,
        **layout,
    )


def world_map(edition: pd.DataFrame) -> go.Figure:
    """Choropleth of one edition (rows from rsf_editions.with_changes for a single year).

    2022 onward: RSF's five situation bands. Earlier eras: a continuous scale
    whose direction follows the era (red is always worse).
    """
    year = int(edition["year"].iloc[0])
    era = rsf.era_of(year)
    hover = map_hover(edition)
    fig = go.Figure()
    if era == "2022+":
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
        legend = {"orientation": "h", "y": 1.02, "x": 0, "title": {"text": "Situation: "}}
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
                        "text": "Score<br>"
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
        {
            "kind": "score",
            "unit": "RSF score",
            "higher_is_better": rsf.ERAS[era]["higher_is_better"],
            "values": dict(zip(edition["country"], edition["score"].astype(float), strict=True)),
        },
        legend=legend,
    )
    return _source_line(fig, registry.DATASETS["rsf_index"], str(year))


def _add_breaks(fig: go.Figure, years: pd.Series, **where) -> None:
    for x in rsf.BREAKS:
        if years.min() < x < years.max():
            fig.add_vline(x=x, line_dash="dot", line_color="#999", **where)


def rank_chart(series: pd.DataFrame) -> go.Figure:
    """Rank over every edition; one segment per methodology era, breaks marked."""
    country = series["country"].iloc[0]
    fig = go.Figure()
    for era, part in series.groupby("methodology", sort=False):
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["rank"],
                mode="lines+markers",
                name=era,
                line={"color": ERA_COLOURS[era]},
                customdata=part[["entities_ranked"]],
                hovertemplate="%{x}: rank %{y} of %{customdata[0]}<extra></extra>",
            )
        )
    _add_breaks(fig, series["year"])
    fig.update_yaxes(autorange="reversed", title="Rank (1 = best)")
    fig.update_xaxes(title=None, dtick=2)
    fig.update_layout(
        title={
            "text": f"{country}: rank in the World Press Freedom Index",
            "subtitle": {"text": "Dotted lines mark methodology changes (2013, 2022)"},
        },
        height=380,
        margin={"t": 80, "b": 70},
        legend={"title": {"text": "Methodology"}},
    )
    return _source_line(fig, registry.DATASETS["rsf_index"], _span(series))


def score_chart(series: pd.DataFrame) -> go.Figure:
    """Scores in one panel per methodology era, each on its own scale and direction.

    Up is always better: the old-scale panel (lower is better) has its axis reversed.
    """
    country = series["country"].iloc[0]
    eras = [e for e in rsf.ERAS if e in set(series["methodology"])]
    widths = [max(4, series.loc[series.methodology == e, "year"].nunique()) for e in eras]
    fig = make_subplots(
        rows=1,
        cols=len(eras),
        column_widths=widths,
        horizontal_spacing=0.06,
        subplot_titles=[rsf.ERAS[e]["short_label"] for e in eras],
    )
    for col, era in enumerate(eras, 1):
        part = series[series["methodology"] == era]
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["score"],
                mode="lines+markers",
                name=era,
                line={"color": ERA_COLOURS[era]},
                showlegend=False,
                hovertemplate="%{x}: score %{y:.2f}<extra></extra>",
            ),
            row=1,
            col=col,
        )
        better_up = rsf.ERAS[era]["higher_is_better"]
        fig.update_yaxes(
            autorange=True if better_up else "reversed",
            title="higher is better" if better_up else "lower is better (reversed)",
            title_font={"size": 11},
            row=1,
            col=col,
        )
        fig.update_xaxes(tickformat="d", dtick=2, row=1, col=col)
    fig.update_layout(
        title={
            "text": f"{country}: score by methodology era",
            "subtitle": {
                "text": "Scores are not comparable across eras; up is better in every panel"
            },
        },
        height=380,
        margin={"t": 100, "b": 70},
    )
    return _source_line(fig, registry.DATASETS["rsf_index"], _span(series))


def indicators_chart(series: pd.DataFrame) -> go.Figure:
    """The five indicators of the 2022+ methodology for one entity."""
    country = series["country"].iloc[0]
    recent = series[series["methodology"] == "2022+"]
    fig = go.Figure()
    for i, name in enumerate(("political", "economic", "legal", "social", "safety")):
        fig.add_trace(
            go.Scatter(
                x=recent["year"],
                y=recent[name],
                mode="lines+markers",
                name=name.capitalize(),
                line={"color": SEQUENCE[i]},
                hovertemplate=f"{name.capitalize()} %{{x}}: %{{y:.2f}}<extra></extra>",
            )
        )
    fig.update_yaxes(range=[0, 100], title="0–100, higher is better")
    fig.update_xaxes(tickformat="d", dtick=1, title=None)
    fig.update_layout(
        title={
            "text": f"{country}: the five indicators",
            "subtitle": {"text": "2022 methodology onward"},
        },
        height=380,
        margin={"t": 80, "b": 70},
    )
    return _source_line(fig, registry.DATASETS["rsf_index"], _span(recent))


def compare_chart(frame: pd.DataFrame, measure: model.Measure) -> go.Figure:
    """Several entities over time on one measure (rows for the chosen entities only)."""
    data = frame if measure.era is None else frame[frame["methodology"] == measure.era]
    fig = go.Figure()
    for i, (country, part) in enumerate(data.groupby("country", sort=True)):
        colour = SEQUENCE[i % len(SEQUENCE)]
        segments = [part] if measure.era else [p for _, p in part.groupby("methodology")]
        for j, segment in enumerate(segments):
            fig.add_trace(
                go.Scatter(
                    x=segment["year"],
                    y=segment[measure.column],
                    mode="lines+markers",
                    name=country,
                    legendgroup=country,
                    showlegend=j == 0,
                    line={"color": colour},
                    hovertemplate=f"{country} %{{x}}: %{{y}}<extra></extra>",
                )
            )
    if measure.era is None and not data.empty:
        _add_breaks(fig, data["year"])
    fig.update_yaxes(
        title=measure.on_compare.label,
        autorange=True if measure.higher_is_better else "reversed",
    )
    fig.update_xaxes(tickformat="d", title=None)
    subtitle = "Up is better. " + (
        "Dotted lines mark methodology changes."
        if measure.era is None
        else rsf.ERAS[measure.era]["label"]
    )
    fig.update_layout(
        title={"text": f"Compared: {measure.on_compare.label}", "subtitle": {"text": subtitle}},
        height=460,
        margin={"t": 80, "b": 70},
        legend={"title": {"text": ""}},
    )
    return _source_line(fig, registry.DATASETS["rsf_index"], _span(data) if not data.empty else "")


def _span(frame: pd.DataFrame) -> str:
    first, last = int(frame["year"].min()), int(frame["year"].max())
    return str(first) if first == last else f"{first}–{last}"


def situation_bar(index: pd.DataFrame) -> go.Figure:
    """How many entities fall in each situation band, per edition since 2022 (stacked)."""
    recent = index[index["methodology"] == "2022+"]
    counts = recent.groupby(["year", "situation"]).size().unstack(fill_value=0)
    fig = go.Figure()
    for band, colour in SITUATION_COLOURS.items():
        if band in counts.columns:
            fig.add_trace(
                go.Bar(
                    x=counts.index,
                    y=counts[band],
                    name=band.capitalize(),
                    marker_color=colour,
                    hovertemplate=f"%{{x}}: %{{y}} entities in a {band} situation<extra></extra>",
                )
            )
    fig.update_layout(
        barmode="stack",
        height=360,
        margin={"t": 80, "b": 70},
        title={
            "text": "Entities by situation band",
            "subtitle": {"text": "RSF's five bands, 2022 methodology onward"},
        },
        legend={"traceorder": "normal"},
    )
    fig.update_xaxes(tickformat="d", dtick=1, title=None)
    fig.update_yaxes(title="Entities ranked")
    return _source_line(fig, registry.DATASETS["rsf_index"], _span(recent))


# CPJ records Israel, Gaza and the West Bank as one location; on the map its count is
# drawn on both shapes (the hover says so) rather than left off the map.
SHARED_SHAPES = {"XIP": ("ISR", "PSE")}
COUNT_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500)


def count_map(
    values: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    unit: str,
    dataset: model.Dataset,
    year: int,
) -> go.Figure:
    """Choropleth of absolute counts (iso3, country, value): darker is more, grey is none.

    Colour follows log(1 + count), so one very large count does not wash out the rest;
    the colour bar is labelled in plain counts.
    """
    rows = []
    for row in values.itertuples():
        for shape in SHARED_SHAPES.get(row.iso3, (row.iso3,)):
            shared = " (CPJ records these together)" if row.iso3 in SHARED_SHAPES else ""
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
        title,
        subtitle,
        {
            "kind": "count",
            "unit": unit,
            "higher_is_better": False,
            "values": dict(zip(values["country"], values["value"].astype(float), strict=True)),
        },
    )
    return _source_line(fig, dataset, str(year))


def cpj_counts_chart(census: pd.DataFrame, killed: pd.DataFrame, country: str) -> go.Figure:
    """One country's CPJ record: imprisoned on 1 December and killed per year, by motive.

    census: latest census rows (year, imprisoned); killed: rows of cpj_killed_counts.
    """
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12,
        subplot_titles=("Imprisoned on 1 December (CPJ census)", "Killed (CPJ records), by motive"),
    )
    fig.add_trace(
        go.Bar(
            x=census["year"],
            y=census["imprisoned"],
            name="Imprisoned",
            marker_color="#6e1423",
            hovertemplate="1 Dec %{x}: %{y} in prison<extra></extra>",
        ),
        row=1,
        col=1,
    )
    motives = {
        "confirmed": "#d0433b",
        "unconfirmed": "#ee8a3c",
        "reclassified": "#bbbbbb",
        "not applicable": "#7f7f7f",
    }
    labels = {"not applicable": "media workers", "reclassified": "no longer confirmed"}
    for motive, colour in motives.items():
        part = killed[killed["motive"] == motive].groupby("year")["killed"].sum()
        if part.empty:
            continue
        label = labels.get(motive, f"motive {motive}")
        fig.add_trace(
            go.Bar(
                x=part.index,
                y=part.values,
                name=label.capitalize(),
                marker_color=colour,
                hovertemplate=f"%{{x}}: %{{y}} killed ({label})<extra></extra>",
            ),
            row=2,
            col=1,
        )
    fig.update_layout(
        barmode="stack",
        height=560,
        margin={"t": 120, "b": 70},
        title={
            "text": f"{country}: journalists imprisoned and killed",
            "subtitle": {
                "text": "Committee to Protect Journalists; census 2020–2023 via Gapminder"
            },
        },
    )
    fig.update_xaxes(tickformat="d", showticklabels=True)
    for row, values in ((1, census["imprisoned"]), (2, killed.groupby("year")["killed"].sum())):
        top = int(values.max()) if len(values) else 1
        fig.update_yaxes(
            rangemode="tozero", tickformat="d", dtick=max(1, -(-top // 5)), row=row, col=1
        )
    years = pd.concat([census["year"], killed["year"]])
    return _source_line(
        fig,
        registry.DATASETS["cpj_cases"],
        _span(years.to_frame("year")) if not years.empty else "",
    )


def source_panels(
    panels: list[tuple[str, list]], country: str, first_year: int, last_year: int
) -> go.Figure:
    """One panel per source family on a shared year axis; up is better in every panel.

    panels: (title, [(measure, frame of year/value for this country), ...]).
    """
    fig = make_subplots(
        rows=len(panels),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.035,
        subplot_titles=[title for title, _ in panels],
    )
    for row, (_, members) in enumerate(panels, 1):
        for i, (measure, frame) in enumerate(members):
            fig.add_trace(
                go.Scatter(
                    x=frame["year"],
                    y=frame["value"],
                    mode="lines+markers",
                    connectgaps=False,
                    name=measure.label,
                    legendgroup=str(row),
                    showlegend=len(members) > 1,
                    line={"color": SEQUENCE[i % len(SEQUENCE)], "width": 2},
                    marker={"size": 5},
                    hovertemplate=f"{measure.label}<br>%{{x}}: %{{y}}<extra></extra>",
                ),
                row=row,
                col=1,
            )
        better_up = members[0][0].higher_is_better
        fig.update_yaxes(
            autorange=True if better_up else "reversed",
            title={
                "text": "↑ better" if better_up else "↑ better (reversed)",
                "font": {"size": 10},
            },
            row=row,
            col=1,
        )
    # one layout update for all x axes (update_xaxes walks every axis: slow with many panels)
    x_axis = {
        "range": [first_year - 0.5, last_year + 0.5],
        "tickformat": "d",
        "showticklabels": True,
    }
    fig.update_layout(
        {f"xaxis{row if row > 1 else ''}": x_axis for row in range(1, len(panels) + 1)},
        height=190 * len(panels) + 120,
        margin={"t": 90, "b": 60},
        title={
            "text": f"{country}: every source side by side",
            "subtitle": {
                "text": "One panel per source; axes are turned so that up is better in every panel"
            },
        },
        legend={"x": 1.01, "y": 1, "yanchor": "top", "font": {"size": 10}},
    )
    drawn = dict.fromkeys(
        registry.TITLES[registry.SOURCE_OF[measure.key]]
        for _, members in panels
        for measure, _ in members
    )
    return _source_note(fig, "Sources: " + ", ".join(drawn))


def indicator_map(
    values: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    higher_is_better: bool,
    colorbar: str,
    dataset: model.Dataset,
    year: int,
) -> go.Figure:
    """Choropleth of a score (iso3, country, value) whose colour says better or worse."""
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
        title,
        subtitle,
        {
            "kind": "score",
            "unit": title.rsplit(",", 1)[0],
            "higher_is_better": higher_is_better,
            "values": dict(zip(values["country"], values["value"].astype(float), strict=True)),
        },
    )
    return _source_line(fig, dataset, str(year))


def detained_compared(world: pd.DataFrame) -> go.Figure:
    """World totals by year: RSF's detained (round-ups) beside CPJ's census (year, source,
    value)."""
    fig = go.Figure()
    for i, (source, part) in enumerate(world.groupby("source", sort=False)):
        fig.add_trace(
            go.Bar(
                x=part["year"],
                y=part["value"],
                name=source,
                marker_color=SEQUENCE[i],
                text=part["value"],
                textposition="outside",
                hovertemplate=f"{source} %{{x}}: %{{y}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        height=450,
        margin={"t": 130, "b": 60},
        title={
            "text": "Journalists in prison worldwide: RSF and CPJ",
            "subtitle": {
                "text": "RSF round-ups (detained, incl. media workers) and CPJ's 1 December census"
            },
        },
        legend={"orientation": "h", "y": 1.12, "yanchor": "bottom", "x": 0},
    )
    fig.update_xaxes(tickformat="d", dtick=1)
    fig.update_yaxes(title="Journalists", rangemode="tozero")
    return _source_line(fig, registry.DATASETS["rsf_roundup"], _span(world))


def figure_data(fig: go.Figure) -> pd.DataFrame:
    """The numbers a figure draws, as a tidy table (series, x, y), in drawing order.

    Used for "download the data behind this view" where no richer table is at hand, so
    the file holds exactly what the chart shows.
    """
    rows = []
    for trace in fig.data:
        name = trace.name or ""
        if trace.type == "choropleth":
            rows += [
                {"series": name, "x": loc, "y": z}
                for loc, z in zip(trace.locations, trace.z, strict=True)
            ]
            continue
        for x, y in zip(
            trace.x if trace.x is not None else (),
            trace.y if trace.y is not None else (),
            strict=False,
        ):
            if y is not None and not pd.isna(y):
                rows.append({"series": name, "x": x, "y": y})
    return pd.DataFrame(rows, columns=["series", "x", "y"])
