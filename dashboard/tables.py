"""Tables as readers see them, written once for every page: readable headers instead of
column names, country names instead of codes, a dash instead of None, and a Country column
wide enough for "United Kingdom" (Streamlit sizes columns by their header otherwise)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

BLANK = "–"
WIDE_COLUMNS = ("Country", "Name", "Measure")


def readable(
    frame: pd.DataFrame, labels: Mapping[str, str], names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The `labels` columns of `frame`, in that order, renamed; with `names`, an `iso3`
    column reads as the country's name; empty text cells read "–"."""
    shown = frame[list(labels)].copy()
    if names is not None and "iso3" in shown:
        shown["iso3"] = shown["iso3"].map(lambda code: names.get(code, code))
    for column in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].astype("object").where(shown[column].notna(), BLANK)
    return shown.rename(columns=dict(labels))


def column_config(frame: pd.DataFrame, **extra) -> dict:
    """Columns of names wide enough to show them whole, plus any `extra` settings."""
    wide = {c: st.column_config.TextColumn(width="medium") for c in WIDE_COLUMNS if c in frame}
    return wide | extra


def show(frame: pd.DataFrame, **options):
    """st.dataframe with the index hidden, full width, and name columns shown whole."""
    config = column_config(frame, **options.pop("column_config", {}))
    options = {"hide_index": True, "width": "stretch"} | options
    return st.dataframe(frame, column_config=config, **options)
