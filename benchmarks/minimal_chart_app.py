"""The framework's floor (minimal_chart_page.py) served with the dashboard's TCP setting
(dashboard/tcp.py: Nagle's algorithm off on each connection), which Streamlit's own server
leaves on. benchmarks/bench.py reports the pages against it beside the floor, as
information: what a page's own elements add once both are sent alike."""

from pathlib import Path

import streamlit as st

from dashboard import tcp

tcp.send_small_writes_at_once()
app = st.App(Path(__file__).with_name("minimal_chart_page.py"))
