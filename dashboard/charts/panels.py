"""Every source side by side for one country: one panel per source, each with its own
header and key, on a shared span of years, each turned so that up is better."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import i18n
from dashboard.charts import style
from etl import registry


def source_panels(
    panels: list[tuple[str, list]],
    country: str,
    first_year: int,
    last_year: int,
    lang: str = i18n.SOURCE_LANGUAGE,
) -> go.Figure:
    """One panel per source family on a shared span of years; up is better in every panel.

    panels: (title, [(measure, frame of year/value for this country), ...]). Each measure
    keeps its own colour (style.MEASURE_COLOURS); within a panel the measures differ by
    marker and dash too, and the panel's key names them. `country`: its name in `lang`;
    the panels' titles and the measures' names are the metadata's, translated where the
    catalogue has them ("panel", "measure").
    """
    tr = i18n.translator(lang)
    _ = tr.gettext
    fig = make_subplots(rows=len(panels), cols=1)
    headers = []
    for row, (title, members) in enumerate(panels, 1):
        key = []
        for i, (measure, frame) in enumerate(members):
            colour = style.MEASURE_COLOURS.get(measure.key, style.SEQUENCE[i])
            symbol, dash, glyph = style.SYMBOLS[i % len(style.SYMBOLS)]
            label = tr.term("measure", measure.label)
            fig.add_trace(
                go.Scatter(
                    x=frame["year"],
                    y=frame["value"],
                    mode="lines+markers",
                    connectgaps=False,
                    name=label,
                    line={"color": colour, "width": 2, "dash": dash},
                    marker={"size": 6, "symbol": symbol, "color": colour},
                    hovertemplate=f"{label}<br>%{{x}}: %{{y}}<extra></extra>",
                ),
                row=row,
                col=1,
            )
            if len(members) > 1:
                key.append((label, colour, glyph))
        better_up = members[0][0].higher_is_better
        values = [v for _measure, frame in members for v in frame["value"]]
        fig.update_layout(
            {
                f"yaxis{row if row > 1 else ''}": {
                    **style.value_axis(members[0][0], values, better_up),
                    "title": {"text": _("↑ better"), "font": {"size": 10}},
                },
                # one layout update per axis (update_xaxes walks every axis: slow)
                f"xaxis{row if row > 1 else ''}": {
                    "range": [first_year - 0.5, last_year + 0.5],
                    "tickformat": "d",
                    "showticklabels": True,
                },
            }
        )
        headers.append((tr.term("panel", title), key))
    style.titled(
        fig,
        _("%(country)s: every source side by side") % {"country": country},
        _("One panel per source; each axis is turned so that up is better"),
        lang=lang,
    )
    style.panel_grid(fig, headers, plot_px=130)
    drawn = dict.fromkeys(
        tr.term("source name", registry.TITLES[registry.SOURCE_OF[measure.key]])
        for _title, members in panels
        for measure, _frame in members
    )
    # TRANSLATORS: the line under a chart: "Sources: RSF, CPJ, Freedom House"
    return style.source_note(fig, _("Sources: %(sources)s") % {"sources": _(", ").join(drawn)})
