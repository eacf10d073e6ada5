"""Captions under the pages' charts and tables, written from the datasets' metadata."""

from __future__ import annotations

import streamlit as st

from dashboard.text import md_escape
from etl import model


def source_caption(dataset: model.Dataset) -> None:
    """Who published the data, under which licence, and where it comes from."""
    st.caption(
        f"{md_escape(dataset.attribution)}. Licence: {md_escape(dataset.licence.rstrip('.'))}. "
        f"[Source]({dataset.homepage})"
    )
