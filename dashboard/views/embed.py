"""One chart alone, for iframes: /embed?chart=map&metric=rsf&edition=2026&embed=true.

The figure carries its own title, subtitle and source line; nothing else is drawn.
"""

import streamlit as st

from dashboard import cached, url_params
from dashboard.geo import PLOTLY_CONFIG

params = {
    key: url_params.parse_text(st.query_params.get(key), limit=200) for key in st.query_params
}
chart = cached.chart(params.pop("chart", "map"), params)
st.plotly_chart(chart.figure, config=PLOTLY_CONFIG, theme=None, key="embedded")
