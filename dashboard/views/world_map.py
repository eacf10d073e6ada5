"""World map: the RSF index or CPJ's counts, for one year."""

import streamlit as st

from dashboard import charts, data, geo, indicators, navigation, state, ui
from dashboard.text import md_escape
from etl import catalog

metric, metric_message = state.parse_choice(
    st.query_params.get("metric"), list(data.MAP_METRICS), "rsf"
)
st.title("World map")
ui.note(metric_message)
metric = st.selectbox(
    "Measure",
    list(data.MAP_METRICS),
    index=list(data.MAP_METRICS).index(metric),
    format_func=data.MAP_METRICS.get,
    key="metric",
)

if metric == "rsf":
    index = ui.load_rsf_index()
    years = sorted(int(y) for y in index["year"].unique())
elif metric in data.MAP_INDICATORS:
    indicator = indicators.BY_KEY[metric]
    values = ui.indicator_values(metric)
    years = sorted(int(y) for y in values["year"].unique())
else:
    census, killed = ui.load("cpj_census"), ui.load("cpj_killed_counts")
    source = census if metric == "imprisoned" else killed
    years = sorted(int(y) for y in source["year"].unique())
year, message = state.parse_year(st.query_params.get("edition"), years, years[-1])
ui.note(message)
year = st.select_slider(
    "Year" if metric != "rsf" else "Edition", options=years, value=year, key="edition"
)
ui.sync_url({"metric": "rsf"}, metric=metric, edition=year)

if metric == "rsf":
    shown = index[index["year"] == year]
    figure = charts.world_map(shown)
    caption = catalog.RSF_ERAS[catalog.era_of(year)]["explanation"]
    dataset = catalog.RSF_INDEX
elif metric in data.MAP_INDICATORS:
    names = data.entity_names()
    shown = values[values["year"] == year].assign(
        country=lambda f: f["iso3"].map(names).fillna(f["iso3"])
    )
    dataset = indicator.source
    direction = "higher is better" if indicator.higher_is_better else "higher is worse"
    figure = charts.indicator_map(
        shown,
        title=f"{indicator.label}, {year}",
        subtitle=f"{len(shown)} countries; {direction}; grey: no value",
        higher_is_better=indicator.higher_is_better,
        colorbar=direction.replace("higher is ", "higher:<br>"),
        dataset=dataset,
        year=year,
    )
    caption = indicator.scale
    unit = "value"
else:
    names = data.entity_names()
    shown = data.map_counts(metric, census, killed, year, names)
    unit = "journalists in prison" if metric == "imprisoned" else "killed"
    dataset = catalog.CPJ_CENSUS if metric == "imprisoned" else catalog.CPJ_KILLED_COUNTS
    figure = charts.count_map(
        shown,
        title=f"{data.MAP_METRICS[metric]}, {year}",
        subtitle=f"{int(shown['value'].sum())} in all; absolute counts (per-capita rates "
        "would mislead for such small numbers); grey: none recorded",
        unit=unit,
        dataset=dataset,
        year=year,
    )
    caption = dataset.notes[0]

behind = shown
if metric == "rsf":
    behind = shown[
        ["iso3", "country", "year", "rank", "score", "situation", "rank_change", "score_change"]
    ]
event = ui.plot(figure, key="map", selectable=True, sources=dataset, data_frame=behind)
clicked = ui.selected_locations(event)
if clicked:
    st.switch_page(navigation.COUNTRY.script, query_params={"country": clicked[0]})
st.caption("Click a country to open its profile. " + md_escape(caption))

missing = shown[shown["iso3"].isin(geo.unmapped(shown["iso3"]))]
if not missing.empty:
    st.markdown(f"**Not drawn on the map in {year}** (no shape in the base map):")
    if metric == "rsf":
        table = missing[["rank", "country", "score", "situation"]].dropna(axis=1, how="all")
        table = table.assign(score=table["score"].map("{:.2f}".format))
    else:
        table = missing[["country", "value"]].assign(value=missing["value"].map("{:g}".format))
        table = table.rename(columns={"value": unit})
    st.table(table.rename(columns=str.capitalize).set_index(table.columns[0].capitalize()))
ui.source_caption(dataset)
