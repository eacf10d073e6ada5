"""Entry point: `streamlit run dashboard/app.py` (or `make run`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from etl.catalog import DASHBOARD_NAME

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"

st.set_page_config(page_title=DASHBOARD_NAME, page_icon=str(FAVICON), layout="wide")

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/home:", default=True),
    st.Page("views/world_map.py", title="World map", icon=":material/public:", url_path="map"),
    st.Page(
        "views/country.py",
        title="Country profile",
        icon=":material/monitoring:",
        url_path="country",
    ),
    st.Page(
        "views/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"
    ),
    st.Page(
        "views/rankings.py",
        title="Rankings",
        icon=":material/format_list_numbered:",
        url_path="rankings",
    ),
    st.Page("views/about.py", title="About the data", icon=":material/info:", url_path="about"),
]

st.navigation(PAGES).run()
