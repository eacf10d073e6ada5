"""Streamlit dashboard. Pages (views/) are thin: they parse their URL parameters once
(url_params, chart_specs), read through `cached` (datasets, measure values, named charts,
the data build; never the ETL's pipeline or publisher) and draw with `plot`, `captions`
and `download_button`. Charts are pure functions in charts/, drawn by name in `gallery`
and exported by `export`; what they show comes from the measures' metadata (etl.registry).
"""
