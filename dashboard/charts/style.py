"""The look every chart shares: the data colours (the same in light and dark snapshots),
the source line under each chart, and how a span of years is written."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from etl import model, project
from etl.sources.rsf_index import methodology as rsf

# RSF's five situation bands, best to worst, and its three methodology eras
SITUATION_COLOURS = dict(
    zip(rsf.SITUATIONS, ("#2e8b57", "#e3c44a", "#ee8a3c", "#d0433b", "#6e1423"), strict=True)
)
ERA_COLOURS = dict(zip(rsf.ERAS, ("#7f7f7f", "#1f77b4", "#c0392b"), strict=True))
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


def source_line(fig: go.Figure, dataset: model.Dataset, years: str) -> go.Figure:
    return source_note(fig, f"{dataset.attribution} {years}")


def source_note(fig: go.Figure, sources: str) -> go.Figure:
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


def fmt(value, digits: int = 2, signed: bool = False) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def span(frame: pd.DataFrame) -> str:
    first, last = int(frame["year"].min()), int(frame["year"].max())
    return str(first) if first == last else f"{first}–{last}"
