"""Compare several entities over time on one measure."""

import streamlit as st

from dashboard import (
    cached,
    captions,
    chart_specs,
    i18n,
    peer_picker,
    plot,
    timeline,
    url_params,
    url_sync,
    view_controls,
)
from etl import registry
from etl.sources.rsf_index import methodology as rsf

tr = i18n.translator(i18n.current())
_ = tr.gettext
names = cached.ranked_names()  # the data's names: what a URL may name a country by
chosen, message = chart_specs.parse_compared(st.query_params.get("countries"), names)
measure, measure_message = chart_specs.parse_compare_measure(st.query_params.get("measure"))
# as the reader reads them (CLDR's names in their language), in their alphabetical order
shown_names = cached.ranked_names_in(tr.lang)
ordered = list(shown_names)

st.title(_("Compare countries"), anchor=False)
url_sync.note(message)
url_sync.note(measure_message)
left, right = st.columns([3, 2])
chosen = left.multiselect(
    _("Countries and territories"),
    ordered,
    default=chosen,
    format_func=shown_names.get,
    max_selections=url_params.MAX_COUNTRIES,
    key="countries",
    placeholder=_("Choose countries"),
    disabled=timeline.playing("compare-play"),
)
measures = list(registry.ON_COMPARE)
key = right.selectbox(
    _("Measure"),
    measures,
    index=measures.index(measure.on_compare.key),
    format_func=lambda k: tr.term("measure", registry.ON_COMPARE[k].on_compare.label),
    key="measure",
    disabled=timeline.playing("compare-play"),
)
measure = registry.ON_COMPARE[key]
relative = view_controls.relative_view(
    _(
        "Each country's gain since its first edition of each RSF methodology: places for "
        "ranks, points for scores; a line starts again at 0 after a change of method."
    ),
    disabled=timeline.playing("compare-play"),
)
url_sync.sync_url(countries=chosen, measure=key)

if not chosen:
    st.info(_("Choose at least one country to compare."))
    st.stop()
# one click to the first country's peers (same region, neighbours, closest values)
if not timeline.playing("compare-play"):
    peer_picker.add_buttons(chosen[0], measure, names, "countries")
years = cached.compare_years(tuple(chosen), measure)
timeline.settle("compare-play", "until", "until")
until, until_message = chart_specs.parse_until(st.query_params.get("until"), years)
url_sync.note(until_message)
if years is not None and len(years) > 1 and not timeline.playing("compare-play"):
    until = st.select_slider(
        # TRANSLATORS: the slider of the last year a comparison draws, e.g. "Drawn up to"
        _("Drawn up to"),
        options=years.values,
        value=until or years.latest,
        key="until",
    )
    url_sync.sync_url({"until": years.latest}, until=until)


def draw_frame(shown: int) -> None:
    """The comparison drawn up to one year as it plays."""
    spec = chart_specs.CompareChart(tuple(chosen), measure, relative, shown)
    plot.chart(cached.chart(spec, tr.lang).figure, key="compare-frame")


if years is not None and timeline.controls("compare-play", years.values, until or years.latest):
    timeline.play("compare-play", measure, draw_frame)
    st.stop()  # the data, snapshot and embed follow the year once paused
until = None if years is None or until == years.latest else until
chart = cached.chart(chart_specs.CompareChart(tuple(chosen), measure, relative, until), tr.lang)
plot.show(chart.figure, key="compare", sources=chart.sources, embed=chart)
if measure.era is None:
    note = cached.ranks_across_editions(tr.lang)
else:
    note = tr.term("era", rsf.ERAS[measure.era]["explanation"])
captions.source_caption(measure.dataset, note=note)
