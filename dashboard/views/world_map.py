"""World map: the RSF index, CPJ's counts or a context measure, for one year."""

import streamlit as st

from dashboard import (
    cached,
    captions,
    chart_specs,
    cpj_census,
    i18n,
    navigation,
    plot,
    tables,
    timeline,
    url_sync,
)
from dashboard.charts import maps
from dashboard.text import md_escape
from etl import registry

tr = i18n.translator(i18n.current())
_ = tr.gettext
measure, metric_message = chart_specs.parse_map_measure(st.query_params.get("metric"))
st.title(_("World map"), anchor=False)
url_sync.note(metric_message)
metrics = list(registry.ON_MAP)
metric = st.selectbox(
    _("Measure"),
    metrics,
    index=metrics.index(measure.on_map.key),
    format_func=lambda key: maps.label(registry.ON_MAP[key], tr.lang),
    key="metric",
    disabled=timeline.playing("map-play"),
)
measure = registry.ON_MAP[metric]
years = cached.map_years(measure)
timeline.settle("map-play", "edition", "edition")
year, message = chart_specs.parse_map_year(st.query_params.get("edition"), years)
url_sync.note(message)
if measure.on_map.style == "bands":
    # TRANSLATORS: the year list of RSF's index, e.g. "Edition (2002–2026)"
    label = _("Edition (%(first)s–%(latest)s)")
else:
    label = _("Year (%(first)s–%(latest)s)")
if not timeline.playing("map-play"):  # while playing, the frames show their own year
    # a list, newest first, as "Change since" is: one tap on a phone, where a slider's 25
    # stops are a few pixels apart; and the page draws its map sooner without the slider's
    # modules (README, Performance)
    newest_first = years.values[::-1]
    year = st.selectbox(
        label % {"first": years.first, "latest": years.latest},
        newest_first,
        index=newest_first.index(year),
        key="edition",
    )
# the map of the values, or of their change since an earlier comparable year
since, since_note = chart_specs.parse_since(st.query_params.get("since"), measure, years, year)
url_sync.note(since_note)
VALUES = 0  # the option "no comparison"
choices = [VALUES, *chart_specs.change_years(measure, years, year)]
since = st.selectbox(
    _("Change since"),
    choices,
    index=choices.index(since) if since in choices else 0,
    format_func=lambda y: _("No comparison: the values themselves") if y == VALUES else str(y),
    key="since",
    disabled=timeline.playing("map-play"),
    help=_(
        "Colour each country by how much its value changed since an earlier year (for RSF's "
        "index, an edition of the same methodology)."
    ),
)
url_sync.sync_url(
    {"metric": chart_specs.DEFAULT_MAP, "since": VALUES}, metric=metric, edition=year, since=since
)


def draw_frame(shown: int) -> None:
    """One year of the map as it plays: the chart alone."""
    frame = cached.chart(chart_specs.MapChart(measure, shown, since or None), tr.lang)
    plot.chart(frame.figure, key="map-frame")


if timeline.controls("map-play", chart_specs.play_years(measure, years, since or None), year):
    timeline.play("map-play", measure, draw_frame)
    st.stop()  # the table, downloads and links follow the year once paused
chart = cached.chart(chart_specs.MapChart(measure, year, since or None), tr.lang)
event = plot.show(
    chart.figure,
    key="map",
    selectable=True,
    sources=chart.sources,
    data_frame=chart.table,
    embed=chart,
)
clicked = plot.selected_locations(event)
if clicked:  # open the profile on the section that explains the measure clicked
    section = navigation.section_for(registry.SOURCE_OF[measure.key])
    st.switch_page(
        navigation.COUNTRY.script, query_params={"country": clicked[0], "section": section}
    )
st.caption(md_escape(_("Click a country to open its profile.")) + " " + md_escape(chart.caption))
if measure.dataset.name == "cpj_census":
    st.caption(cpj_census.currency(cached.load("cpj_census")))

unmapped = cached.unmapped_table(chart_specs.MapChart(measure, year, since or None), tr.lang)
if unmapped is not None:
    st.markdown(
        _("**Not drawn on the map in %(year)s** (no shape in the base map):") % {"year": year}
    )
    st.html(tables.as_html(unmapped))
for dataset in chart.sources:
    captions.source_caption(dataset)
