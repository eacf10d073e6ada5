"""World maps: RSF's index (its situation bands, or a scale turned with its era), counts
on a log scale, and any other measure on a scale turned so that red is always worse. Each
carries the values behind it for the alt text. Each takes the language it is written in
(`lang`, English by default): titles, legends, colour bars, hover labels and country names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import geo, i18n
from dashboard.charts.style import NO_DATA, SITUATION_COLOURS, source_line, titled
from etl import model
from etl.sources.rsf_index import methodology as rsf


def _change_text(row, tr: i18n.Translator) -> str:
    _, ngettext = tr.gettext, tr.ngettext
    if pd.isna(row.previous_rank):
        return _("not ranked in the previous edition")
    moved, year = int(row.rank_change), int(row.previous_year)
    if moved == 0:
        rank_part = _("no change in rank since %(year)s") % {"year": year}
    elif moved > 0:
        rank_part = ngettext(
            "up %(num)s place since %(year)s", "up %(num)s places since %(year)s", moved
        ) % {"num": tr.number(moved), "year": year}
    else:
        rank_part = ngettext(
            "down %(num)s place since %(year)s", "down %(num)s places since %(year)s", -moved
        ) % {"num": tr.number(-moved), "year": year}
    if pd.notna(row.score_change):
        score_part = _("score %(change)s") % {"change": tr.signed(row.score_change)}
    else:
        score_part = _("score not comparable (new methodology)")
    return _("%(rank_change)s, %(score_change)s") % {
        "rank_change": rank_part,
        "score_change": score_part,
    }


def map_hover(edition: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> list[str]:
    """Each entity's hover label: name, rank, score, situation and change (`edition` has
    the names to show in its `country` column)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    labels = []
    for row in edition.itertuples():
        rank = _("Rank %(rank)s of %(ranked)s") % {
            "rank": tr.number(row.rank),
            "ranked": tr.number(row.entities_ranked),
        }
        if pd.notna(row.situation):
            score = _("Score %(score)s (%(situation)s)") % {
                "score": tr.number(row.score, 2),
                "situation": tr.situation(row.situation),
            }
        else:
            score = _("Score %(score)s") % {"score": tr.number(row.score, 2)}
        labels.append(f"<b>{row.country}</b><br>{rank}<br>{score}<br>{_change_text(row, tr)}")
    return labels


def localised_names(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` (iso3, country, ...) with its countries named in `lang` (CLDR, or the
    catalogue for entities without an ISO 3166-1 code); unchanged in English."""
    if lang == i18n.SOURCE_LANGUAGE or frame.empty:
        return frame
    return frame.assign(
        country=[i18n.country_name(code, lang) for code in frame["iso3"]],
    )


def _map_layout(fig: go.Figure, title: str, subtitle: str, meta: dict, lang: str, **layout) -> None:
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
    fig.update_layout(meta=meta, **layout)
    # the map's own frame: the plot area is the map, no wider than the world is
    fig.update_geos(domain={"x": [0, 1], "y": [0, 1]})
    titled(fig, title, subtitle, is_map=True, lang=lang)


def label(measure: model.Measure, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """A measure's name on the map (its selector, its maps' titles)."""
    return i18n.translator(lang).term("measure", measure.on_map.label or measure.label)


def _alt_meta(
    measure: model.Measure, values: pd.DataFrame, higher_is_better: bool, lang: str
) -> dict:
    """What the alt text reads (alttext.py): the kind of measure, what its values are (a
    count's unit, else the measure's name), and the values drawn, by country."""
    unit = i18n.translator(lang).term("unit", measure.unit) if measure.unit else None
    return {
        "kind": measure.kind,
        "unit": unit or label(measure, lang),
        "higher_is_better": higher_is_better,
        "values": dict(zip(values["country"], values["value"].astype(float), strict=True)),
    }


def _countries(locations, z, text, colorbar: dict | None = None, **options) -> go.Choropleth:
    """One choropleth layer as every map draws it: ISO-3 shapes with white borders, its
    hover label the `text` given, and a thin colour bar titled `colorbar["title"]` (none
    when `colorbar` is None)."""
    if colorbar is None:
        options["showscale"] = False
    else:
        options["colorbar"] = {"thickness": 12, "len": 0.7} | colorbar
    return go.Choropleth(
        locations=locations,
        locationmode="ISO-3",
        z=z,
        text=text,
        hovertemplate="%{text}<extra></extra>",
        marker_line_color="white",
        marker_line_width=0.4,
        **options,
    )


def world_map(
    edition: pd.DataFrame, measure: model.Measure, lang: str = i18n.SOURCE_LANGUAGE
) -> go.Figure:
    """Choropleth of one edition of RSF's index (rows from rsf.with_changes for a
    single year); `measure` is the index as the map offers it.

    2022 onward: RSF's five situation bands. Earlier eras: a continuous scale
    whose direction follows the era (red is always worse).
    """
    tr = i18n.translator(lang)
    _ = tr.gettext
    edition = localised_names(edition, lang)
    year = int(edition["year"].iloc[0])
    era = rsf.era_of(year)
    hover = map_hover(edition, lang)
    fig = go.Figure()
    if era == rsf.CURRENT:
        for band, colour in SITUATION_COLOURS.items():
            subset = edition["situation"] == band
            fig.add_trace(
                _countries(
                    edition.loc[subset, "iso3"],
                    [1] * int(subset.sum()),
                    [h for h, s in zip(hover, subset, strict=True) if s],
                    colorscale=[[0, colour], [1, colour]],
                    name=tr.capital(tr.situation(band)),
                    showlegend=True,
                )
            )
        legend = {"title": {"text": _("Situation:")}}
    else:
        higher_is_better = rsf.ERAS[era]["higher_is_better"]
        fig.add_trace(
            _countries(
                edition["iso3"],
                edition["score"],
                hover,
                {
                    "title": {
                        "text": _("Score, higher is better")
                        if higher_is_better
                        else _("Score, lower is better")
                    }
                },
                colorscale="RdYlGn" if higher_is_better else "RdYlGn_r",
            )
        )
        legend = None
    _map_layout(
        fig,
        _("World Press Freedom Index %(year)s") % {"year": year},
        tr.term("era", rsf.ERAS[era]["label"]),
        _alt_meta(
            measure,
            edition.assign(value=edition["score"]),
            rsf.ERAS[era]["higher_is_better"],
            lang,
        ),
        lang,
        legend=legend,
    )
    return source_line(fig, measure.dataset, str(year))


COUNT_TICKS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500)


def count_map(
    values: pd.DataFrame, measure: model.Measure, year: int, lang: str = i18n.SOURCE_LANGUAGE
) -> go.Figure:
    """Choropleth of a count's values in one year (iso3, country, value): darker is more,
    grey is none.

    Colour follows log(1 + count), so one very large count does not wash out the rest;
    the colour bar is labelled in plain counts.
    """
    tr = i18n.translator(lang)
    _ = tr.gettext
    values = localised_names(values, lang)
    unit = tr.term("unit", measure.unit)
    rows = []
    for row in values.itertuples():
        shapes = geo.shapes_of(row.iso3)
        for shape in shapes:
            shared = " " + _("(CPJ records these together)") if len(shapes) > 1 else ""
            count = _("%(count)s %(unit)s") % {"count": tr.number(int(row.value)), "unit": unit}
            rows.append((shape, row.value, f"<b>{row.country}</b>{shared}<br>{count}"))
    drawn = pd.DataFrame(rows, columns=["iso3", "value", "hover"])
    top = max(1.0, float(drawn["value"].max())) if len(drawn) else 1.0
    ticks = [t for t in COUNT_TICKS if t <= top] + ([int(top)] if top not in COUNT_TICKS else [])
    fig = go.Figure(
        _countries(
            drawn["iso3"],
            np.log1p(drawn["value"]),
            drawn["hover"],
            {
                "title": {"text": tr.capital(unit)},
                "tickvals": list(np.log1p(ticks)),
                "ticktext": [tr.number(t) for t in ticks],
            },
            colorscale="Reds",
            zmin=0,
            zmax=float(np.log1p(top)),
        )
    )
    _map_layout(
        fig,
        _("%(measure)s, %(year)s") % {"measure": label(measure, lang), "year": year},
        _(
            "%(total)s in all; absolute counts (per-capita rates would mislead for such "
            "small numbers); grey: none recorded"
        )
        % {"total": tr.number(int(values["value"].sum()))},
        _alt_meta(measure, values, False, lang),
        lang,
    )
    return source_line(fig, measure.dataset, str(year))


def indicator_map(
    values: pd.DataFrame, measure: model.Measure, year: int, lang: str = i18n.SOURCE_LANGUAGE
) -> go.Figure:
    """Choropleth of a score's values in one year (iso3, country, value), whose colour says
    better or worse as the measure's direction says."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    values = localised_names(values, lang)
    higher_is_better = measure.higher_is_better
    colorbar = _("higher: better") if higher_is_better else _("higher: worse")
    hover = [f"<b>{row.country}</b><br>{_value(row.value, tr)}" for row in values.itertuples()]
    fig = go.Figure(
        _countries(
            values["iso3"],
            values["value"],
            hover,
            {"title": {"text": colorbar}},
            colorscale="RdYlGn" if higher_is_better else "RdYlGn_r",
        )
    )
    count = len(values)
    subtitle = (
        tr.ngettext(
            "%(num)s country; higher is better; grey: no value",
            "%(num)s countries; higher is better; grey: no value",
            count,
        )
        if higher_is_better
        else tr.ngettext(
            "%(num)s country; higher is worse; grey: no value",
            "%(num)s countries; higher is worse; grey: no value",
            count,
        )
    )
    _map_layout(
        fig,
        _("%(measure)s, %(year)s") % {"measure": label(measure, lang), "year": year},
        subtitle % {"num": tr.number(count)},
        _alt_meta(measure, values, higher_is_better, lang),
        lang,
    )
    return source_line(fig, measure.dataset, str(year))


def _value(value: float, tr: i18n.Translator) -> str:
    """A scale's value as `{:g}` writes it (no trailing zeros), in the language's marks."""
    text = f"{value:g}"
    digits = len(text.partition(".")[2]) if "e" not in text else 2
    return tr.number(value, digits)


# Diverging colours of a change (the data colours' teal for better, red for worse) about a
# light grey "no change"
CHANGE_BETTER, CHANGE_NONE, CHANGE_WORSE = "#1a7f8a", "#f2f2f2", "#c8312f"


def change_map(
    changes: pd.DataFrame,
    measure: model.Measure,
    since: int,
    year: int,
    lang: str = i18n.SOURCE_LANGUAGE,
) -> go.Figure:
    """Choropleth of each country's change in a measure between two years (iso3, country,
    before, after, value = after − before): a diverging scale centred on no change, teal
    where the change is for the better and red for the worse as the measure's direction
    says, grey where a country has no value in one of the years."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    changes = localised_names(changes, lang)
    better_up = measure.higher_is_better
    digits = 0 if measure.kind == "count" else 2
    hover = [
        f"<b>{row.country}</b><br>"
        + _("%(since)s: %(before)s → %(year)s: %(after)s")
        % {
            "since": since,
            "before": tr.number(row.before, digits),
            "year": year,
            "after": tr.number(row.after, digits),
        }
        + f"<br>{tr.signed(row.value, digits)}"
        for row in changes.itertuples()
    ]
    reach = max(1.0, float(changes["value"].abs().max())) if len(changes) else 1.0
    scale = [[0, CHANGE_WORSE], [0.5, CHANGE_NONE], [1, CHANGE_BETTER]]
    if not better_up:
        scale = [[0, CHANGE_BETTER], [0.5, CHANGE_NONE], [1, CHANGE_WORSE]]
    unit = tr.term("unit", measure.unit) if measure.unit else label(measure, lang)
    fig = go.Figure(
        _countries(
            changes["iso3"],
            changes["value"],
            hover,
            {"title": {"text": _("Change since %(since)s") % {"since": since}}},
            colorscale=scale,
            zmin=-reach,
            zmax=reach,
        )
    )
    improved = int((changes["value"] > 0).sum() if better_up else (changes["value"] < 0).sum())
    worsened = int((changes["value"] < 0).sum() if better_up else (changes["value"] > 0).sum())
    subtitle = _(
        "%(unit)s: teal better, red worse; %(improved)s improved, %(worsened)s worsened; "
        "grey: no value in one of the years"
    ) % {"unit": tr.capital(unit), "improved": improved, "worsened": worsened}
    if measure.on_map.style == "bands":
        subtitle = _(
            "Score points within one RSF methodology: teal better, red worse; %(improved)s "
            "improved, %(worsened)s worsened; grey: not ranked in both editions"
        ) % {"improved": improved, "worsened": worsened}
    meta = _alt_meta(measure, changes, better_up, lang) | {
        "kind": "change",
        "since": since,
    }
    _map_layout(
        fig,
        _("%(measure)s: change %(since)s–%(year)s")
        % {"measure": label(measure, lang), "since": since, "year": year},
        subtitle,
        meta,
        lang,
    )
    return source_line(fig, measure.dataset, f"{since}–{year}")


def unmapped_table(
    table: pd.DataFrame, bands: bool, lang: str = i18n.SOURCE_LANGUAGE
) -> pd.DataFrame | None:
    """The rows of a map's table (its `chart.table`) that the base map has no shape for, as
    a table for under the map (tables.as_html), indexed by its first column, with headers in
    `lang`; None if every row is drawn.
    bands: RSF's index as its situation bands (rank, country, score, situation); else the
    country and its value."""
    tr = i18n.translator(lang)
    missing = table[table["iso3"].isin(geo.unmapped(table["iso3"]))]
    if missing.empty:
        return None
    if bands:
        shown = missing[["rank", "country", "score", "situation"]].dropna(axis=1, how="all")
        shown = shown.assign(score=shown["score"].map(lambda score: tr.number(score, 2)))
    else:
        shown = missing[["country", "value"]].assign(value=missing["value"].map("{:g}".format))
    headers = {
        "rank": tr.gettext("Rank"),
        "country": tr.gettext("Country"),
        "score": tr.gettext("Score"),
        "situation": tr.gettext("Situation"),
        "value": tr.gettext("Value"),
    }
    shown = shown.rename(columns=headers)
    return shown.set_index(shown.columns[0])
