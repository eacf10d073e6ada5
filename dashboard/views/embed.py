"""One chart alone, for iframes: /embed?chart=map&metric=rsf&edition=2026&embed=true.

The figure carries its own title, subtitle and source line; nothing else is drawn. With
`&lang=fr` (any of the interface's languages) the chart is drawn in that language, as the
app's Embed menu hands it out to a reader of that language.
"""

import streamlit as st

from dashboard import cached, chart_specs, i18n, plot, url_params

params = {
    key: url_params.parse_text(st.query_params.get(key), limit=200)
    for key in st.query_params
    if key != i18n.PARAM
}
kind = params.pop("chart", None)
lang = i18n.current()  # ?lang=, as app.py chose it
spec, _ = chart_specs.parse(kind, params, cached.load, cached.measure_values)  # parsed once
chart = cached.chart(spec, lang)
plot.announce(chart.figure)  # a heading and description for screen readers
plot.chart(chart.figure, key="embedded")
