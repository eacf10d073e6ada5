"""Compare several entities over time on one measure."""

import streamlit as st

from dashboard import cached, captions, plot, url_params, url_sync
from dashboard.names import country_names
from etl import registry
from etl.sources.rsf_index import methodology as rsf

DEFAULT = ["AZE", "TUR", "RUS", "UKR"]

index = cached.load_rsf_index()
names = country_names(index)
chosen, message = url_params.parse_countries(st.query_params.get("countries"), names, DEFAULT)
measure, measure_message = url_params.parse_choice(
    st.query_params.get("measure"), list(registry.ON_COMPARE), "rank"
)

st.title("Compare countries")
url_sync.note(message)
url_sync.note(measure_message)
left, right = st.columns([3, 2])
chosen = left.multiselect(
    "Countries and territories",
    list(names),
    default=chosen,
    format_func=names.get,
    max_selections=url_params.MAX_COUNTRIES,
    key="countries",
)
measures = list(registry.ON_COMPARE)
measure = right.selectbox(
    "Measure",
    measures,
    index=measures.index(measure),
    format_func=lambda k: registry.ON_COMPARE[k].on_compare.label,
    key="measure",
)
url_sync.sync_url(countries=chosen, measure=measure)

if not chosen:
    st.info("Choose at least one country to compare.")
    st.stop()
chart = cached.chart("compare", {"countries": ",".join(chosen), "measure": measure})
plot.show(chart.figure, key="compare", sources=registry.DATASETS["rsf_index"], embed=chart)
era = registry.ON_COMPARE[measure].era
if era is None:
    st.caption(
        "Ranks span every edition, but the number of ranked entities grew from 139 "
        "(2002) to 180 (2014 on), and the method changed in 2013 and 2022."
    )
else:
    st.caption(rsf.ERAS[era]["explanation"])
captions.source_caption(registry.DATASETS["rsf_index"])
