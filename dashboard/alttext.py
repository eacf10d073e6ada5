"""Text descriptions of charts, for screen readers and for editors' alt attributes.

Generated from the figure itself (its title and the numbers it draws), so the text always
matches the chart: which entities are highest and lowest, and how each series moved.
"""

from __future__ import annotations

import weakref

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import style

MAX_SERIES = 6


def _title(fig: go.Figure) -> str:
    title = fig.layout.title
    text = style.plain(title.text) or "Chart"
    subtitle = style.plain(title.subtitle.text) if title.subtitle and title.subtitle.text else ""
    return f"{text} ({subtitle})" if subtitle else text


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _map_text(fig: go.Figure) -> str:
    meta = fig.layout.meta or {}
    values = pd.Series(meta.get("values", {}), dtype=float)
    unit = meta.get("unit", "value")
    higher_is_better = meta.get("higher_is_better", True)
    if values.empty:
        return "Map with no values."
    ordered = values.sort_values(ascending=not higher_is_better)
    best = ", ".join(f"{name} ({_fmt(v)})" for name, v in ordered.head(3).items())
    worst = ", ".join(f"{name} ({_fmt(v)})" for name, v in ordered.tail(3)[::-1].items())
    if meta.get("kind") == "count":
        return (
            f"World map of {len(values)} countries shaded by {unit}. Highest: "
            f"{', '.join(f'{n} ({_fmt(v)})' for n, v in values.nlargest(3).items())}. "
            f"Total {_fmt(values.sum())}."
        )
    bands = [
        f"{trace.name}: {len(trace.locations)}"
        for trace in fig.data
        if trace.type == "choropleth" and trace.name
    ]
    text = (
        f"World map of {len(values)} countries by {unit}. Best placed: {best}. "
        f"Worst placed: {worst}."
    )
    return text + (f" Countries per band: {'; '.join(bands)}." if bands else "")


def _reversed(fig: go.Figure, trace) -> bool:
    """Whether the trace's y axis is turned so that up means a lower number (ranks)."""
    axis = fig.layout["yaxis" + (trace.yaxis or "y")[1:]]
    return axis is not None and axis.autorange == "reversed"


def _series_text(fig: go.Figure) -> str:
    from dashboard.charts.figure_data import figure_data

    frame = figure_data(fig)
    if frame.empty:
        return "No data drawn."
    frame = frame[pd.to_numeric(frame["y"], errors="coerce").notna()]
    lower_is_better = {t.name or "": _reversed(fig, t) for t in fig.data}
    parts = []
    for name, part in list(frame.groupby("series", sort=False))[:MAX_SERIES]:
        part = part.astype({"y": float})
        first, last = part.iloc[0], part.iloc[-1]
        top, bottom = part.loc[part["y"].idxmax()], part.loc[part["y"].idxmin()]
        if lower_is_better.get(name):  # a rank: the smallest number is the best place
            extremes = (("best", bottom), ("worst", top))
        else:
            extremes = (("highest", top), ("lowest", bottom))
        label = f"{name}: " if name else ""
        parts.append(
            f"{label}from {_fmt(first['y'])} in {first['x']} to {_fmt(last['y'])} in "
            f"{last['x']} ("
            + ", ".join(f"{word} {_fmt(row['y'])} in {row['x']}" for word, row in extremes)
            + ")"
        )
    more = frame["series"].nunique() - MAX_SERIES
    return "; ".join(parts) + (f"; and {more} more series." if more > 0 else ".")


def describe(fig: go.Figure) -> str:
    """One paragraph: the title, then the extremes and the movement of what is drawn."""
    is_map = any(trace.type == "choropleth" for trace in fig.data)
    body = _map_text(fig) if is_map else _series_text(fig)
    return f"{_title(fig)}. {body}"


# Descriptions per figure object: cached charts are shared and never change, so each is
# described once. (Figures are unhashable: keyed by id, with a weak reference to check that
# it is the same figure.)
_DESCRIBED: dict[int, tuple[weakref.ref, str]] = {}


def describe_once(fig: go.Figure) -> str:
    """describe(fig), computed once per figure object."""
    known = _DESCRIBED.get(id(fig))
    if known and known[0]() is fig:
        return known[1]
    text = describe(fig)
    key = id(fig)
    _DESCRIBED[key] = (weakref.ref(fig, lambda _: _DESCRIBED.pop(key, None)), text)
    return text
