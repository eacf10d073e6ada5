"""Text descriptions of charts, for screen readers and for editors' alt attributes.

Generated from the figure itself (its title and the numbers it draws), so the text always
matches the chart: which entities are highest and lowest, and how each series moved. Written
in the figure's language (`style.language`), as templates with plural forms.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n, memo
from dashboard.charts import style

MAX_SERIES = 6


def _title(fig: go.Figure, tr: i18n.Translator) -> str:
    title = fig.layout.title
    text = style.plain(title.text) or tr.gettext("Chart")
    subtitle = style.plain(title.subtitle.text) if title.subtitle and title.subtitle.text else ""
    return (
        tr.gettext("%(title)s (%(subtitle)s)") % {"title": text, "subtitle": subtitle}
        if subtitle
        else text
    )


def _fmt(value: float, tr: i18n.Translator) -> str:
    return tr.number(value, 0 if float(value).is_integer() else 2)


def _listed(pairs, tr: i18n.Translator) -> str:
    """ "Norway (92.31), Estonia (89.46)": names with their values, in the language's marks."""
    return tr.gettext(", ").join(
        tr.gettext("%(name)s (%(value)s)") % {"name": name, "value": _fmt(value, tr)}
        for name, value in pairs
    )


def _map_text(fig: go.Figure, tr: i18n.Translator) -> str:
    _, ngettext = tr.gettext, tr.ngettext
    meta = fig.layout.meta or {}
    values = pd.Series(meta.get("values", {}), dtype=float)
    unit = meta.get("unit") or _("value")
    higher_is_better = meta.get("higher_is_better", True)
    if values.empty:
        return _("Map with no values.")
    count = {"num": tr.number(len(values)), "unit": unit}
    if meta.get("kind") == "change":
        ordered = values.sort_values(ascending=not higher_is_better)
        return (
            ngettext(
                "World map of %(num)s country by its change in %(unit)s since %(since)s.",
                "World map of %(num)s countries by their change in %(unit)s since %(since)s.",
                len(values),
            )
            % (count | {"since": meta.get("since")})
            + " "
            + _("Most improved: %(list)s.") % {"list": _listed(ordered.head(3).items(), tr)}
            + " "
            + _("Most worsened: %(list)s.") % {"list": _listed(ordered.tail(3)[::-1].items(), tr)}
        )
    if meta.get("kind") == "count":
        return (
            ngettext(
                "World map of %(num)s country shaded by %(unit)s.",
                "World map of %(num)s countries shaded by %(unit)s.",
                len(values),
            )
            % count
            + " "
            + _("Highest: %(list)s.") % {"list": _listed(values.nlargest(3).items(), tr)}
            + " "
            + _("Total %(total)s.") % {"total": _fmt(values.sum(), tr)}
        )
    ordered = values.sort_values(ascending=not higher_is_better)
    text = (
        ngettext(
            "World map of %(num)s country by %(unit)s.",
            "World map of %(num)s countries by %(unit)s.",
            len(values),
        )
        % count
        + " "
        + _("Best placed: %(list)s.") % {"list": _listed(ordered.head(3).items(), tr)}
        + " "
        + _("Worst placed: %(list)s.") % {"list": _listed(ordered.tail(3)[::-1].items(), tr)}
    )
    bands = [
        _("%(band)s: %(num)s") % {"band": trace.name, "num": tr.number(len(trace.locations))}
        for trace in fig.data
        if trace.type == "choropleth" and trace.name
    ]
    if bands:
        text += " " + _("Countries per band: %(bands)s.") % {"bands": _("; ").join(bands)}
    return text


def _reversed(fig: go.Figure, trace) -> bool:
    """Whether the trace's y axis is turned so that up means a lower number (ranks)."""
    axis = fig.layout["yaxis" + (trace.yaxis or "y")[1:]]
    return axis is not None and axis.autorange == "reversed"


def _series_text(fig: go.Figure, tr: i18n.Translator) -> str:
    from dashboard.charts.figure_data import figure_data

    _ = tr.gettext
    frame = figure_data(fig)
    if frame.empty:
        return _("No data drawn.")
    frame = frame[pd.to_numeric(frame["y"], errors="coerce").notna()]
    lower_is_better = {t.name or "": _reversed(fig, t) for t in fig.data}
    parts = []
    for name, part in list(frame.groupby("series", sort=False))[:MAX_SERIES]:
        part = part.astype({"y": float})
        first, last = part.iloc[0], part.iloc[-1]
        top, bottom = part.loc[part["y"].idxmax()], part.loc[part["y"].idxmin()]
        if lower_is_better.get(name):  # a rank: the smallest number is the best place
            extremes = (
                _("best %(value)s in %(year)s") % _point(bottom, tr),
                _("worst %(value)s in %(year)s") % _point(top, tr),
            )
        else:
            extremes = (
                _("highest %(value)s in %(year)s") % _point(top, tr),
                _("lowest %(value)s in %(year)s") % _point(bottom, tr),
            )
        moved = _("from %(first)s in %(first_year)s to %(last)s in %(last_year)s") % {
            "first": _fmt(first["y"], tr),
            "first_year": first["x"],
            "last": _fmt(last["y"], tr),
            "last_year": last["x"],
        }
        text = _("%(movement)s (%(extremes)s)") % {
            "movement": moved,
            "extremes": _(", ").join(extremes),
        }
        parts.append(_("%(series)s: %(text)s") % {"series": name, "text": text} if name else text)
    more = frame["series"].nunique() - MAX_SERIES
    text = _("; ").join(parts)
    if more > 0:
        return tr.ngettext(
            "%(text)s; and %(num)s more series.", "%(text)s; and %(num)s more series.", more
        ) % {"text": text, "num": tr.number(more)}
    return _("%(text)s.") % {"text": text}


def _point(row, tr: i18n.Translator) -> dict:
    return {"value": _fmt(row["y"], tr), "year": row["x"]}


def describe(fig: go.Figure) -> str:
    """One paragraph: the title, then the extremes and the movement of what is drawn, in the
    figure's language."""
    tr = i18n.translator(style.language(fig))
    is_map = any(trace.type == "choropleth" for trace in fig.data)
    body = _map_text(fig, tr) if is_map else _series_text(fig, tr)
    text = tr.gettext("%(title)s. %(description)s") % {
        "title": _title(fig, tr),
        "description": body,
    }
    return " ".join([text, *_events_text(fig, tr)])


def _events_text(fig: go.Figure, tr: i18n.Translator) -> list[str]:
    """A sentence naming the dated events marked on the chart, if any."""
    from dashboard.charts.figure_data import marks_events

    dates = [d for trace in fig.data if marks_events(trace) for d in trace.meta["dates"]]
    if not dates:
        return []
    return [
        tr.ngettext(
            "Marked: documented arrests or detentions on %(num)s date (%(dates)s).",
            "Marked: documented arrests or detentions on %(num)s dates (%(dates)s).",
            len(dates),
        )
        % {"num": tr.number(len(dates)), "dates": tr.gettext(", ").join(dates)}
    ]


@memo.per_object
def describe_once(fig: go.Figure) -> str:
    """describe(fig), computed once per figure object (cached charts are shared and never
    change)."""
    return describe(fig)
