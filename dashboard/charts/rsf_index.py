"""Charts of RSF's World Press Freedom Index: one entity's rank, scores by era and
indicators, several entities compared, and the situation bands per edition. No line joins
two methodologies; breaks are drawn and explained."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import i18n
from dashboard.charts.style import (
    ERA_COLOURS,
    EVENT_COLOUR,
    SEQUENCE,
    SITUATION_COLOURS,
    SITUATION_PATTERNS,
    panel_grid,
    source_line,
    source_note,
    span,
    titled,
)
from etl import model, registry
from etl.sources.rsf_index import methodology as rsf

CURRENT_SINCE = rsf.ERAS[rsf.CURRENT]["years"][0]  # the first edition of the current method


def add_breaks(fig: go.Figure, years: pd.Series, **where) -> None:
    for x in rsf.BREAKS:
        if years.min() < x < years.max():
            fig.add_vline(x=x, line_dash="dot", line_color="#999", **where)


def _name(series: pd.DataFrame, tr: i18n.Translator) -> str:
    """The entity's name in the chart's language (the data's own name in English)."""
    return tr.country(series["iso3"].iloc[0], series["country"].iloc[0])


def rank_chart(
    series: pd.DataFrame,
    lang: str = i18n.SOURCE_LANGUAGE,
    events: pd.DataFrame | None = None,
    relative_to_start: bool = False,
) -> go.Figure:
    """Rank over every edition; one segment per methodology era, breaks marked; `events`
    (dashboard.events) marked on the line where they happened; `relative_to_start`: the
    places gained since the first edition of each era instead of the ranks."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    country = _name(series, tr)
    series = series.assign(gain=era_gains(series, "rank"))
    column = "gain" if relative_to_start else "rank"
    fig = go.Figure()
    for era, part in series.groupby("methodology", sort=False):
        hover = [
            # TRANSLATORS: a point's hover label on a country's rank chart: "2024: rank 164 of 180"
            _("%(year)s: rank %(rank)s of %(ranked)s")
            % {"year": int(year), "rank": tr.number(rank), "ranked": tr.number(ranked)}
            for year, rank, ranked in zip(
                part["year"], part["rank"], part["entities_ranked"], strict=True
            )
        ]
        if relative_to_start:
            hover = [
                # TRANSLATORS: added to a rank's hover label: "…; +3 places since 2022"
                _("%(label)s; %(gain)s places since %(first)s")
                % {"label": label, "gain": tr.signed(gain, 0), "first": int(part["year"].iloc[0])}
                for label, gain in zip(hover, part["gain"], strict=True)
            ]
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part[column],
                mode="lines+markers",
                name=era,
                line={"color": ERA_COLOURS[era]},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    add_breaks(fig, series["year"])
    if relative_to_start:
        fig.update_yaxes(title=_("Places gained"), zeroline=True, zerolinecolor="#999")
    else:
        fig.update_yaxes(autorange="reversed", title=_("Rank (1 = best)"))
    fig.update_xaxes(title=None, tickformat="d")
    subtitle = _("Dotted lines mark methodology changes (%(years)s)") % {
        "years": _(", ").join(map(str, rsf.NEW_METHODOLOGY_YEARS))
    }
    if relative_to_start:
        subtitle += ". " + _("Places gained since the first edition of each methodology (0)")
    marked = events is not None and not events.empty
    if marked:
        add_events(fig, events, series, column, tr)
        subtitle += ". " + _("Black stars mark documented arrests and detentions")
    titled(
        fig,
        # TRANSLATORS: a chart's title; the index's name as RSF writes it in your language
        _("%(country)s: rank in the World Press Freedom Index") % {"country": country},
        subtitle,
        lang=lang,
    )
    fig.update_layout(legend={"title": {"text": _("Methodology:")}})
    if not marked:
        return source_line(fig, registry.DATASETS["rsf_index"], span(series))
    attributions = (
        tr.term("source", registry.DATASETS["rsf_index"].attribution) + " " + span(series),
        tr.term("source", registry.DATASETS["documented_cases"].attribution),
    )
    return source_note(fig, _("; ").join(attributions))


def add_events(fig: go.Figure, events: pd.DataFrame, series: pd.DataFrame, column: str, tr) -> None:
    """Dated events as black stars on the line of `column`, where it stands at that date
    (the values between editions read off the line), each named in its hover label."""
    line = series.sort_values("year")
    at = np.interp(events["when"], line["year"], line[column])
    hover = [
        # TRANSLATORS: an event's hover label on a rank chart: "7 May 2025: arrest or
        # detention of Ulviyya Ali (World Socialist Web Site)"
        tr.gettext("%(date)s: arrest or detention of %(people)s (%(publishers)s)")
        % {
            "date": event_date(date, precision, tr),
            "people": tr.gettext(", ").join(people),
            "publishers": tr.gettext(", ").join(publishers),
        }
        for date, precision, people, publishers in zip(
            events["date"], events["precision"], events["people"], events["publishers"], strict=True
        )
    ]
    fig.add_trace(
        go.Scatter(
            x=events["when"],
            y=at,
            mode="markers",
            name=tr.gettext("Documented arrests and detentions"),
            marker={
                "symbol": "star",
                "size": 14,
                "color": EVENT_COLOUR,
                "line": {"width": 1, "color": "white"},
            },
            showlegend=False,
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            meta={
                "kind": "events",
                "dates": [
                    event_date(d, p, tr)
                    for d, p in zip(events["date"], events["precision"], strict=True)
                ],
            },
        )
    )


def event_date(date: str, precision: str, tr) -> str:
    """A date as precise as its source: "September 2023", "7 May 2025"."""
    return tr.date(pd.Timestamp(date), "LLLL y" if precision == "month" else "long")


def score_chart(
    series: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE, relative_to_start: bool = False
) -> go.Figure:
    """Scores in one panel per methodology era, each on its own scale and direction;
    `relative_to_start`: the points gained since each era's first edition.

    Up is always better: the old-scale panel (lower is better) has its axis reversed, or
    its gains turned.
    """
    tr = i18n.translator(lang)
    _ = tr.gettext
    country = _name(series, tr)
    series = series.assign(gain=era_gains(series, "score"))
    eras = [e for e in rsf.ERAS if e in set(series["methodology"])]
    fig = make_subplots(rows=len(eras), cols=1)
    years = [int(series["year"].min()) - 0.5, int(series["year"].max()) + 0.5]
    for row, era in enumerate(eras, 1):
        part = series[series["methodology"] == era]
        hover = [
            # TRANSLATORS: a point's hover label on a country's score chart: "2024: score 32.14"
            _("%(year)s: score %(score)s") % {"year": int(year), "score": tr.number(score, 2)}
            for year, score in zip(part["year"], part["score"], strict=True)
        ]
        if relative_to_start:
            hover = [
                # TRANSLATORS: added to a score's hover label: "…; +1.20 points since 2022"
                _("%(label)s; %(gain)s points since %(first)s")
                % {"label": label, "gain": tr.signed(gain), "first": int(part["year"].iloc[0])}
                for label, gain in zip(hover, part["gain"], strict=True)
            ]
        fig.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["gain" if relative_to_start else "score"],
                mode="lines+markers",
                name=era,
                line={"color": ERA_COLOURS[era]},
                showlegend=False,
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            ),
            row=row,
            col=1,
        )
        better_up = rsf.ERAS[era]["higher_is_better"] or relative_to_start
        if relative_to_start:
            # TRANSLATORS: a short axis title: points gained, up is better (keep the arrow)
            axis_title = _("↑ points gained")
        else:
            # TRANSLATORS: a short axis title: up the axis is better (keep the arrow)
            axis_title = _("↑ better") if better_up else _("↑ better (reversed)")
        fig.update_yaxes(
            autorange=True if better_up else "reversed",
            title=axis_title,
            title_font={"size": 10},
            nticks=5,
            row=row,
            col=1,
        )
        fig.update_xaxes(tickformat="d", dtick=2, range=years, row=row, col=1)
    subtitle = _("Scores are not comparable across eras; up is better in every panel")
    if relative_to_start:
        subtitle = _("Points gained since the first edition of each era; up is better")
    titled(
        fig, _("%(country)s: score by methodology era") % {"country": country}, subtitle, lang=lang
    )
    panel_grid(
        fig,
        [
            (
                # TRANSLATORS: a panel's header: "2002–2012, old scale: lower is better"
                (
                    _("%(era)s: higher is better")
                    if rsf.ERAS[e]["higher_is_better"]
                    else _("%(era)s: lower is better")
                )
                % {"era": tr.term("era", rsf.ERAS[e]["short_label"])},
                [],
            )
            for e in eras
        ],
        plot_px=130,
    )
    return source_line(fig, registry.DATASETS["rsf_index"], span(series))


def indicators_chart(series: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> go.Figure:
    """The five indicators of the current methodology for one entity."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    country = _name(series, tr)
    recent = series[series["methodology"] == rsf.CURRENT]
    fig = go.Figure()
    for i, (name, label, _original) in enumerate(rsf.INDICATORS):
        shown = tr.term("indicator", label)
        hover = [
            # TRANSLATORS: a point's hover label: "Safety of journalists 2024: 35.20"
            _("%(indicator)s %(year)s: %(score)s")
            % {"indicator": shown, "year": int(year), "score": tr.number(score, 2)}
            for year, score in zip(recent["year"], recent[name], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=recent["year"],
                y=recent[name],
                mode="lines+markers",
                name=shown,
                line={"color": SEQUENCE[i]},
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_yaxes(range=[0, 100], title=_("0–100, higher is better"))
    fig.update_xaxes(tickformat="d", dtick=1, title=None)
    titled(
        fig,
        _("%(country)s: the five indicators") % {"country": country},
        _("%(year)s methodology onward") % {"year": CURRENT_SINCE},
        lang=lang,
    )
    return source_line(fig, registry.DATASETS["rsf_index"], span(recent))


def era_gains(frame: pd.DataFrame, column: str) -> pd.Series:
    """Each row's gain since its entity's first edition of the same methodology era, up is
    better: places gained for a rank, points for a score (the old scale, where lower was
    better, turned), so a line starts again at 0 after a change of method."""
    data = frame.sort_values(["iso3", "year"])
    first = data.groupby(["iso3", "methodology"])[column].transform("first")
    better_up = data["methodology"].map(
        lambda era: column != "rank" and rsf.ERAS[era]["higher_is_better"]
    )
    gain = data[column] - first
    # + 0.0: a gain of nought is 0, never -0
    return (gain.where(better_up, -gain).round(2) + 0.0).reindex(frame.index)


def relative(frame: pd.DataFrame, measure: model.Measure) -> pd.DataFrame:
    """`frame` with a `change` column (`era_gains` of the measure), sorted by entity and year."""
    data = frame if measure.era is None else frame[frame["methodology"] == measure.era]
    data = data.sort_values(["iso3", "year"])
    return data.assign(change=era_gains(data, measure.column))


def compare_chart(
    frame: pd.DataFrame,
    measure: model.Measure,
    lang: str = i18n.SOURCE_LANGUAGE,
    relative_to_start: bool = False,
    until: int | None = None,
) -> go.Figure:
    """Several entities over time on one measure (rows for the chosen entities only), in
    `lang` (countries by their names there); `relative_to_start`: each entity's gain since
    its first edition of each era instead of the values; `until`: the lines up to that year
    only, on the axes every year would need (so a timeline's frames do not jump)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    data = frame if measure.era is None else frame[frame["methodology"] == measure.era]
    if relative_to_start:
        data = relative(data, measure)
    if lang != i18n.SOURCE_LANGUAGE and not data.empty:
        data = data.assign(country=[i18n.country_name(code, lang) for code in data["iso3"]])
    label = tr.term("measure", measure.on_compare.label)
    column = "change" if relative_to_start else measure.column
    every_year = data.dropna(subset=[column])
    if until is not None:
        data = data[data["year"] <= until]
    fig = go.Figure()
    for i, (country, part) in enumerate(data.groupby("country", sort=True)):
        colour = SEQUENCE[i % len(SEQUENCE)]
        segments = [part] if measure.era else [p for _, p in part.groupby("methodology")]
        # TRANSLATORS: a point's hover label, e.g. "Azerbaijan 2026: 167" (%{x} is the
        # year and %{y} the value, filled in by the chart: keep them as they are)
        hover = _("%(country)s %(year)s: %(value)s") % {
            "country": country,
            "year": "%{x}",
            "value": "%{y}",
        }
        for j, segment in enumerate(segments):
            fig.add_trace(
                go.Scatter(
                    x=segment["year"],
                    y=segment[column],
                    mode="lines+markers",
                    name=country,
                    legendgroup=country,
                    showlegend=j == 0,
                    line={"color": colour},
                    hovertemplate=f"{hover}<extra></extra>",
                )
            )
    if measure.era is None and not every_year.empty:
        add_breaks(fig, every_year["year"])
    fig.update_xaxes(tickformat="d", title=None)
    if measure.era is None:
        subtitle = _("Up is better. Dotted lines mark methodology changes.")
    else:
        subtitle = _("Up is better. %(era)s") % {
            "era": tr.term("era", rsf.ERAS[measure.era]["label"])
        }
    title = _("Compared: %(measure)s") % {"measure": label}
    if relative_to_start:
        fig.update_yaxes(
            title=_("Places gained") if measure.column == "rank" else _("Points gained"),
            zeroline=True,
            zerolinecolor="#999",
        )
        title = _("Compared: change in %(measure)s") % {"measure": label}
        subtitle = _(
            "Gain since each entity's first edition of each methodology (0); up is better."
        )
    else:
        fig.update_yaxes(title=label, autorange=True if measure.higher_is_better else "reversed")
    if until is not None:
        # TRANSLATORS: a comparison drawn up to a year of the timeline, e.g. "…, up to 2015"
        title = _("%(title)s, up to %(year)s") % {"title": title, "year": until}
        _fixed_axes(
            fig, every_year, column, reversed_=not (relative_to_start or measure.higher_is_better)
        )
    titled(fig, title, subtitle, plot_px=320, lang=lang)
    return source_line(fig, registry.DATASETS["rsf_index"], span(data) if not data.empty else "")


def _fixed_axes(fig: go.Figure, every_year: pd.DataFrame, column: str, reversed_: bool) -> None:
    """Axes spanning every year and value of the comparison, as the whole chart has them."""
    if every_year.empty:
        return
    first, last = every_year["year"].min(), every_year["year"].max()
    low, high = every_year[column].min(), every_year[column].max()
    pad = max((high - low) * 0.05, 1)
    values = [low - pad, high + pad]
    fig.update_xaxes(range=[first - 0.5, last + 0.5], autorange=False)
    fig.update_yaxes(range=values[::-1] if reversed_ else values, autorange=False)


def situation_bar(index: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> go.Figure:
    """How many entities fall in each situation band, per edition of the current
    methodology (stacked)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    recent = index[index["methodology"] == rsf.CURRENT]
    counts = recent.groupby(["year", "situation"]).size().unstack(fill_value=0)
    fig = go.Figure()
    for band, colour in SITUATION_COLOURS.items():
        if band in counts.columns:
            situation = tr.situation(band)
            hover = [
                # TRANSLATORS: a bar's hover label, e.g. "2026: 7 countries and territories
                # in a very serious situation" (the band as in the legend, lower case)
                tr.ngettext(
                    "%(year)s: %(num)s country or territory in a %(situation)s situation",
                    "%(year)s: %(num)s countries and territories in a %(situation)s situation",
                    int(n),
                )
                % {"year": int(year), "num": tr.number(int(n)), "situation": situation}
                for year, n in counts[band].items()
            ]
            fig.add_trace(
                go.Bar(
                    x=counts.index,
                    y=counts[band],
                    name=tr.capital(situation),
                    marker_color=colour,
                    marker_pattern_shape=SITUATION_PATTERNS[band],
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
    fig.update_layout(barmode="stack")
    titled(
        fig,
        _("Entities by situation band"),
        _("RSF's five bands, %(year)s methodology onward") % {"year": CURRENT_SINCE},
        lang=lang,
    )
    fig.update_xaxes(tickformat="d", dtick=1, title=None)
    fig.update_yaxes(title=_("Entities ranked"))
    return source_line(fig, registry.DATASETS["rsf_index"], span(recent))
