"""World map: the RSF index, CPJ's counts or a context measure, for one year."""

import streamlit as st

from dashboard import cached, captions, gallery, geo, navigation, plot, url_params, url_sync
from dashboard.text import md_escape
from etl import registry

MAP_LABELS = {key: m.on_map.label or m.label for key, m in registry.ON_MAP.items()}
metric, metric_message = url_params.parse_choice(
    st.query_params.get("metric"), list(MAP_LABELS), "rsf"
)
st.title("World map")
url_sync.note(metric_message)
metrics = list(MAP_LABELS)
metric = st.selectbox(
    "Measure", metrics, index=metrics.index(metric), format_func=MAP_LABELS.get, key="metric"
)
years = gallery.map_years(metric, cached.load, cached.measure_values)
year, message = url_params.parse_year(st.query_params.get("edition"), years, years.latest)
url_sync.note(message)
year = st.select_slider(years.noun.capitalize(), options=years.values, value=year, key="edition")
url_sync.sync_url({"metric": "rsf"}, metric=metric, edition=year)

chart = cached.chart("map", {"metric": metric, "edition": str(year)})
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
    section = (
        navigation.RSF_SECTION
        if metric == "rsf"
        else navigation.CPJ_SECTION
        if registry.ON_MAP[metric].on_map.style == "count"
        else navigation.SOURCES_SECTION
    )
    st.switch_page(
        navigation.COUNTRY.script, query_params={"country": clicked[0], "section": section}
    )
st.caption("Click a country to open its profile. " + md_escape(chart.caption))

shown = chart.table
missing = shown[shown["iso3"].isin(geo.unmapped(shown["iso3"]))]
if not missing.empty:
    st.markdown(f"**Not drawn on the map in {year}** (no shape in the base map):")
    if metric == "rsf":
        table = missing[["rank", "country", "score", "situation"]].dropna(axis=1, how="all")
        table = table.assign(score=table["score"].map("{:.2f}".format))
    else:
        table = missing[["country", "value"]].assign(value=missing["value"].map("{:g}".format))
    # st.table renders cells as markdown: names from the data are escaped
    table = table.assign(
        **{c: table[c].map(md_escape) for c in ("country", "situation") if c in table}
    )
    st.table(table.rename(columns=str.capitalize).set_index(table.columns[0].capitalize()))
for dataset in chart.sources:
    captions.source_caption(dataset)
