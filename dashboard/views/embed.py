"""One chart alone, for iframes: /embed?chart=map&metric=rsf&edition=2026&embed=true.

The figure carries its own title, subtitle and source line; nothing else is drawn.
"""

import streamlit as st

from dashboard import cached, chart_specs, plot, url_params

params = {
    key: url_params.parse_text(st.query_params.get(key), limit=200) for key in st.query_params
}
kind = params.pop("chart", None)
spec, _ = chart_specs.parse(kind, params, cached.load, cached.measure_values)  # parsed once
chart = cached.chart(spec)
plot.announce(chart.figure)  # a heading and description for screen readers
plot.chart(chart.figure, key="embedded")
