"""The bytes of every file the project hands out: one CSV dialect (UTF-8, LF, no index,
shortest float repr, no cell a spreadsheet would execute), one JSON style, one checksum.
Used by the ETL when it publishes and by the app when it builds a download."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pandas as pd

# OWASP's CSV-injection guidance: text a spreadsheet would run as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def neutralise(value: object) -> object:
    """Prefix a quote to text that a spreadsheet would execute; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    clean = frame.copy()
    for column in clean.select_dtypes(include=["object", "string"]).columns:
        values = clean[column]
        if isinstance(values.dtype, pd.StringDtype):  # only a text that starts like a
            # formula can need the quote: those few are checked one by one
            risky = values.str.startswith(_FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                clean.loc[risky, column] = values[risky].map(neutralise)
        else:
            clean[column] = values.map(neutralise, na_action="ignore")
    return clean


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV with a fixed dialect: UTF-8, LF line ends, no index, shortest float repr, and no
    cell a spreadsheet would execute."""
    buffer = io.StringIO()
    neutralise_formulas(frame).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def json_bytes(payload: object) -> bytes:
    return (json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
