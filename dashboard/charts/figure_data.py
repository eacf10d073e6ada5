"""The numbers a figure draws, as a table: the data behind a chart when no richer table
is at hand, and what its alt text describes."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go


def figure_data(fig: go.Figure) -> pd.DataFrame:
    """The numbers a figure draws, as a tidy table (series, x, y), in drawing order.

    Used for "download the data behind this view" where no richer table is at hand, so
    the file holds exactly what the chart shows.
    """
    rows = []
    for trace in fig.data:
        if marks_events(trace):  # marks beside the data, not numbers the chart measures
            continue
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


def marks_events(trace) -> bool:
    """Whether a trace marks dated events (charts.rsf_index.add_events)."""
    return isinstance(trace.meta, dict) and trace.meta.get("kind") == "events"
