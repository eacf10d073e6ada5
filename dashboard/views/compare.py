"""Compare several entities over time on one measure."""

import streamlit as st

from dashboard import cached, captions, chart_specs, plot, url_params, url_sync
from dashboard.names import country_names
from etl import registry
from etl.sources.rsf_index import methodology as rsf

index = cached.load_rsf_index()
names = country_names(index)
chosen, message = chart_specs.parse_compared(st.query_params.get("countries"), names)
measure, measure_message = chart_specs.parse_compare_measure(st.query_params.get("measure"))

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
key = right.selectbox(
    "Measure",
    measures,
    index=measures.index(measure.on_compare.key),
    format_func=lambda k: registry.ON_COMPARE[k].on_compare.label,
    key="measure",
)
measure = registry.ON_COMPARE[key]
url_sync.sync_url(countries=chosen, measure=key)

if not chosen:
    st.info("Choose at least one country to compare.")
    st.stop()
chart = cached.chart(chart_specs.CompareChart(tuple(chosen), measure))
plot.show(chart.figure, key="compare", sources=chart.sources, embed=chart)
if measure.era is None:
    st.caption(captions.ranks_across_editions(index))
else:
    st.caption(rsf.ERAS[measure.era]["explanation"])
captions.source_caption(measure.dataset)
