"""Every source side by side for one country: one panel per source, each with its own
header and key, on a shared span of years, each turned so that up is better."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts import style
from etl import registry


def source_panels(
    panels: list[tuple[str, list]], country: str, first_year: int, last_year: int
) -> go.Figure:
    """One panel per source family on a shared span of years; up is better in every panel.

    panels: (title, [(measure, frame of year/value for this country), ...]). Each measure
    keeps its own colour (style.MEASURE_COLOURS); within a panel the measures differ by
    marker and dash too, and the panel's key names them.
    """
    fig = make_subplots(rows=len(panels), cols=1)
    headers = []
    for row, (title, members) in enumerate(panels, 1):
        key = []
        for i, (measure, frame) in enumerate(members):
            colour = style.MEASURE_COLOURS.get(measure.key, style.SEQUENCE[i])
            symbol, dash, glyph = style.SYMBOLS[i % len(style.SYMBOLS)]
            fig.add_trace(
                go.Scatter(
                    x=frame["year"],
                    y=frame["value"],
                    mode="lines+markers",
                    connectgaps=False,
                    name=measure.label,
                    line={"color": colour, "width": 2, "dash": dash},
                    marker={"size": 6, "symbol": symbol, "color": colour},
                    hovertemplate=f"{measure.label}<br>%{{x}}: %{{y}}<extra></extra>",
                ),
                row=row,
                col=1,
            )
            if len(members) > 1:
                key.append((measure.label, colour, glyph))
        better_up = members[0][0].higher_is_better
        values = [v for _, frame in members for v in frame["value"]]
        fig.update_layout(
            {
                f"yaxis{row if row > 1 else ''}": {
                    **style.value_axis(members[0][0], values, better_up),
                    "title": {"text": "↑ better", "font": {"size": 10}},
                },
                # one layout update per axis (update_xaxes walks every axis: slow)
                f"xaxis{row if row > 1 else ''}": {
                    "range": [first_year - 0.5, last_year + 0.5],
                    "tickformat": "d",
                    "showticklabels": True,
                },
            }
        )
        headers.append((title, key))
    style.titled(
        fig,
        f"{country}: every source side by side",
        "One panel per source; each axis is turned so that up is better",
    )
    style.panel_grid(fig, headers, plot_px=130)
    drawn = dict.fromkeys(
        registry.TITLES[registry.SOURCE_OF[measure.key]]
        for _, members in panels
        for measure, _ in members
    )
    return style.source_note(fig, "Sources: " + ", ".join(drawn))
