"""Country profile: one entity's record across every edition."""

import streamlit as st

from dashboard import charts, data, state, text, ui
from etl import catalog

index = ui.load_rsf_index()
names = data.country_names(index)
codes = list(names)
country, message = state.parse_country(st.query_params.get("country"), names, "AZE")

st.title("Country profile")
ui.note(message)
country = st.selectbox(
    "Country or territory", codes, index=codes.index(country), format_func=names.get, key="country"
)
ui.sync_url(country=country)

series = index[index["iso3"] == country].sort_values("year")
st.markdown("\n".join(f"- {line}" for line in text.country_summary(series)))
ui.plot(charts.rank_chart(series), key="rank")
ui.plot(charts.score_chart(series), key="score")
if (series["methodology"] == "2022+").any():
    ui.plot(charts.indicators_chart(series), key="indicators")
with st.expander("Why the lines break: RSF's methodology changes"):
    for era in catalog.RSF_ERAS.values():
        st.markdown(f"- **{era['label']}**: {text.md_escape(era['explanation'])}")
ui.source_caption(catalog.RSF_INDEX)
