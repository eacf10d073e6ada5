"""Counts of journalists: one country's CPJ record (imprisoned on 1 December, killed by
motive), and RSF's and CPJ's world totals of journalists in prison side by side."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import i18n
from dashboard.charts.style import (
    MEASURE_COLOURS,
    panel_grid,
    source_line,
    source_note,
    span,
    titled,
)
from dashboard.i18n import N_
from etl import registry

CENSUS = registry.DATASETS["cpj_census"]
KILLED = registry.DATASETS["cpj_killed_counts"]
MOTIVE_COLOURS = {
    "confirmed": "#d0433b",
    "unconfirmed": "#ee8a3c",
    "reclassified": "#bbbbbb",
    "not applicable": "#7f7f7f",
}
# CPJ's motives (the dataset's values) as the chart's key names them
MOTIVE_LABELS = {
    # TRANSLATORS: CPJ's killed journalists whose work-related motive CPJ has confirmed
    "confirmed": i18n.N_("Motive confirmed"),
    "unconfirmed": i18n.N_("Motive unconfirmed"),
    "reclassified": i18n.N_("No longer confirmed"),
    "not applicable": i18n.N_("Media workers"),
}


def cpj_counts_chart(
    census: pd.DataFrame,
    killed: pd.DataFrame,
    country: str,
    lang: str = i18n.SOURCE_LANGUAGE,
    log_scale: bool = False,
) -> go.Figure:
    """One country's CPJ record: imprisoned on 1 December and killed per year, by motive.

    census: latest census rows (year, imprisoned); killed: rows of cpj_killed_counts;
    country: its name in `lang`; log_scale: counts on logarithmic axes, where a year of a
    few stays readable beside a year of hundreds.
    """
    tr = i18n.translator(lang)
    _, ngettext = tr.gettext, tr.ngettext
    fig = make_subplots(rows=2, cols=1)
    key = []
    fig.add_trace(
        go.Bar(
            x=census["year"],
            y=census["imprisoned"],
            name=_("Imprisoned"),
            marker_color=MEASURE_COLOURS["cpj_imprisoned"],
            hovertext=[
                # TRANSLATORS: a bar's hover label: "1 December 2024: 13 in prison"
                ngettext(
                    "1 December %(year)s: %(num)s in prison",
                    "1 December %(year)s: %(num)s in prison",
                    int(n),
                )
                % {"year": int(year), "num": tr.number(int(n))}
                for year, n in zip(census["year"], census["imprisoned"], strict=True)
            ],
            hovertemplate="%{hovertext}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    for motive in KILLED.column("motive").enum:  # CPJ's motives, as the dataset declares them
        colour = MOTIVE_COLOURS.get(motive, "#7f7f7f")
        part = killed[killed["motive"] == motive].groupby("year")["killed"].sum()
        if part.empty:
            continue
        label = _(MOTIVE_LABELS[motive]) if motive in MOTIVE_LABELS else motive
        key.append((label, colour, "■"))
        fig.add_trace(
            go.Bar(
                x=part.index,
                y=part.values,
                name=label,
                marker_color=colour,
                hovertext=[
                    # TRANSLATORS: a bar's hover label: "2024: 3 killed (Motive confirmed)"
                    ngettext(
                        "%(year)s: %(num)s killed (%(motive)s)",
                        "%(year)s: %(num)s killed (%(motive)s)",
                        int(n),
                    )
                    % {"year": int(year), "num": tr.number(int(n)), "motive": label}
                    for year, n in part.items()
                ],
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=2,
            col=1,
        )
    fig.update_layout(barmode="stack")
    titled(
        fig,
        _("%(country)s: journalists imprisoned and killed") % {"country": country},
        # TRANSLATORS: the publisher of CPJ's census (CPJ's own name for itself in your
        # language, as in its publications), as the dataset's metadata names it
        _("Committee to Protect Journalists (CPJ); compiled by Gapminder for 2020–2023")
        + (
            ". " + _("Logarithmic scale: each step of the axis is ten times the last.")
            if log_scale
            else ""
        ),
        lang=lang,
    )
    panel_grid(
        fig,
        [
            (_("Imprisoned on 1 December (CPJ census)"), []),
            (_("Killed (CPJ records), by motive"), key),
        ],
        plot_px=170,
    )
    years = pd.concat([census["year"], killed["year"]])
    if not years.empty:  # one span of years in both panels
        fig.update_xaxes(range=[int(years.min()) - 0.6, int(years.max()) + 0.6])
    fig.update_xaxes(tickformat="d", showticklabels=True)
    for row, values in ((1, census["imprisoned"]), (2, killed.groupby("year")["killed"].sum())):
        top = int(values.max()) if len(values) else 1
        if log_scale:  # from below 1, so that a bar of one is drawn
            fig.update_yaxes(
                type="log",
                range=[-0.3, np.log10(max(top, 1)) + 0.2],
                dtick=1,
                tickformat="d",
                row=row,
                col=1,
            )
        else:
            fig.update_yaxes(
                rangemode="tozero", tickformat="d", dtick=max(1, -(-top // 5)), row=row, col=1
            )
    return source_line(
        fig,
        registry.DATASETS["cpj_cases"],
        span(years.to_frame("year")) if not years.empty else "",
    )


# The world totals' two series, as the page names them (translated where drawn)
DETAINED_SOURCES = {
    "rsf": N_("RSF round-up (detained)"),
    "cpj": N_("CPJ census (1 December)"),
}


def detained_compared(world: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> go.Figure:
    """World totals by year: RSF's detained (round-ups) beside CPJ's census (year, source,
    value; the source named as in DETAINED_SOURCES, in English). A year a source published
    no figure says so, rather than leaving a gap that reads as zero. In `lang`."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    not_published = _("not published")
    fig = go.Figure()
    years = sorted(world["year"].unique())
    for source, part in world.groupby("source", sort=False):
        colour = MEASURE_COLOURS["rsf_detained" if source.startswith("RSF") else "cpj_imprisoned"]
        name = _(source)
        gaps = sorted(set(years) - set(part["year"]))
        # TRANSLATORS: a bar's hover label, e.g. "CPJ census (1 December) 2023: 320"
        # (%{x} is the year and %{y} the count, filled in by the chart: keep them)
        hover = _("%(source)s %(year)s: %(value)s") % {
            "source": name,
            "year": "%{x}",
            "value": "%{y}",
        }
        gap_hover = _("%(source)s %(year)s: not published") % {"source": name, "year": "%{x}"}
        fig.add_trace(
            go.Bar(
                x=part["year"],
                y=part["value"],
                name=name,
                marker_color=colour,
                offsetgroup=source,
                legendgroup=source,
                text=[tr.number(v) for v in part["value"]],
                textposition="outside",
                hovertemplate=f"{hover}<extra></extra>",
            )
        )
        fig.add_trace(  # in the same slot: the source's missing years, said in words
            go.Bar(
                x=gaps,
                y=[0] * len(gaps),
                name=_("%(source)s: not published") % {"source": name},
                marker_color=colour,
                offsetgroup=source,
                legendgroup=source,
                showlegend=False,
                text=[not_published] * len(gaps),
                textposition="outside",
                textangle=-90,
                constraintext="none",  # else Plotly shrinks the words to the bar's width
                cliponaxis=False,
                textfont={"color": "#666", "size": 11},
                hovertemplate=f"{gap_hover}<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    titled(
        fig,
        _("Journalists in prison worldwide: RSF and CPJ"),
        _("RSF round-ups (detained, incl. media workers) and CPJ's 1 December census"),
        plot_px=300,
        lang=lang,
    )
    fig.update_xaxes(tickformat="d", dtick=1)
    fig.update_yaxes(title=_("Journalists"), rangemode="tozero")
    return source_note(
        fig,
        _("%(first)s; %(second)s %(years)s")
        % {
            "first": tr.term("source", registry.DATASETS["rsf_roundup"].attribution),
            "second": tr.term("source", registry.DATASETS["cpj_census"].attribution),
            "years": span(world),
        },
    )
