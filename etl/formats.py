"""The bytes of every file the project hands out: one CSV dialect (UTF-8, LF, no index,
shortest float repr, no cell a spreadsheet would execute), one JSON style, one checksum.
Used by the ETL when it publishes and by the app when it builds a download."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re

import numpy as np
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
        if isinstance(values.dtype, pd.StringDtype):
            risky = _starts_like_formula(values)
            if risky.any():
                clean.loc[risky, column] = values[risky].map(neutralise)
        else:
            clean[column] = values.map(neutralise, na_action="ignore")
    return clean


def _starts_like_formula(values: pd.Series) -> np.ndarray:
    """The rows of a text column that start as a formula does: only those few can need the
    quote, and are checked one by one."""
    return values.str.startswith(_FORMULA_START).fillna(False).to_numpy(dtype=bool)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV with a fixed dialect: UTF-8, LF line ends, no index, shortest float repr, and no
    cell a spreadsheet would execute."""
    buffer = io.StringIO()
    columns = [_csv_cells(frame.iloc[:, i]) for i in range(frame.shape[1])]
    if frame.columns.empty or any(cells is None for cells in columns):
        neutralise_formulas(frame).to_csv(buffer, index=False, lineterminator="\n")
    else:  # the same csv module pandas writes with, fed the same cells, without its overhead
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([str(name) for name in frame.columns])
        writer.writerows(zip(*columns, strict=True))
    return buffer.getvalue().encode("utf-8")


def _csv_cells(values: pd.Series) -> np.ndarray | None:
    """The cells pandas' to_csv writes for a text, Int64 or Float64 column, text neutralised:
    its values as Python objects (the writer spells a float as its shortest repr), a blank
    where one is missing; None for any other type, left to pandas."""
    if isinstance(values.dtype, pd.StringDtype):
        cells = values.to_numpy(dtype=object, na_value="")
        risky = _starts_like_formula(values)
        cells[risky] = [neutralise(cell) for cell in cells[risky]]
        return cells
    if values.dtype in ("Int64", "Float64"):
        return values.to_numpy(dtype=object, na_value="")
    return None


def json_bytes(payload: object) -> bytes:
    return (json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
