"""Every source side by side for one country: one panel per source on a shared year
axis, each turned so that up is better."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.style import SEQUENCE, source_note
from etl import registry


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
    return source_note(fig, "Sources: " + ", ".join(drawn))
