"""CSV files handed to readers: exactly the rows shown, safe to open in a spreadsheet."""

from __future__ import annotations

import re

import pandas as pd

# OWASP CSV injection guidance: cells a spreadsheet would evaluate as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(value: object) -> object:
    """Prefix a quote to text that a spreadsheet would execute; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (UTF-8, LF) with formula-like text neutralised."""
    text_columns = frame.select_dtypes(include=["object", "string"]).columns
    clean = frame.copy()
    for column in text_columns:
        clean[column] = clean[column].map(neutralise)
    return clean.to_csv(index=False, lineterminator="\n").encode("utf-8")
