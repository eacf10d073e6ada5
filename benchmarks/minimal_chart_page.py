"""The framework's floor for a first chart (benchmarks/bench.py): a Streamlit page that
draws one Plotly line chart and nothing else, started and measured like the dashboard."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=[2022, 2023, 2024, 2025, 2026], y=[3, 1, 4, 1, 5])))
