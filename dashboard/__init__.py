"""Streamlit dashboard: pages are thin; data loading, state parsing and charts live beside them."""
