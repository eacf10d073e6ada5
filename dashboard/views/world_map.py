"""World map of one edition of the RSF index."""

import streamlit as st

from dashboard import charts, geo, navigation, state, ui
from dashboard.text import md_escape
from etl import catalog

index = ui.load_rsf_index()
years = sorted(int(y) for y in index["year"].unique())
year, message = state.parse_year(st.query_params.get("edition"), years, years[-1])

st.title("World Press Freedom Index: world map")
ui.note(message)
year = st.select_slider("Edition", options=years, value=year, key="edition")
ui.sync_url(edition=year)

edition = index[index["year"] == year]
event = ui.plot(charts.world_map(edition), key="map", selectable=True)
clicked = ui.selected_locations(event)
if clicked:
    st.switch_page(navigation.COUNTRY.script, query_params={"country": clicked[0]})
st.caption("Click a country to open its profile.")
era = catalog.RSF_ERAS[catalog.era_of(year)]
st.caption(md_escape(era["explanation"]))

missing = edition[edition["iso3"].isin(geo.unmapped(edition["iso3"]))]
if not missing.empty:
    st.markdown(f"**Ranked in {year} but not drawn on the map** (no shape in the base map):")
    shown = missing[["rank", "country", "score", "situation"]].dropna(axis=1, how="all")
    st.table(
        shown.assign(score=shown["score"].map("{:.2f}".format))
        .rename(columns=str.capitalize)
        .set_index("Rank")
    )
ui.source_caption(catalog.RSF_INDEX)
