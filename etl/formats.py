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
import pyarrow as pa
import pyarrow.compute as pc

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
    for column in clean.select_dtypes(include=["object", "string", "category"]).columns:
        values = clean[column]
        if isinstance(values.dtype, pd.CategoricalDtype):  # a dictionary-encoded column's text
            values = clean[column] = values.astype("string")
        if isinstance(values.dtype, pd.StringDtype):
            risky = _starts_like_formula(values)
            if risky.any():
                clean.loc[risky, column] = values[risky].map(neutralise)
        else:
            clean[column] = values.map(neutralise, na_action="ignore")
    return clean


def _starts_like_formula(values: pd.Series) -> np.ndarray:
    """The rows of a text column that start as a formula does: only those few can need the
    quote, and are checked one by one. (Its first character looked up once, where pandas'
    startswith with several prefixes searches once per prefix.)"""
    first = pc.utf8_slice_codeunits(pa.array(values, pa.large_string()), 0, 1)
    starts = pc.is_in(first, pa.array(_FORMULA_START, pa.large_string()))
    return pc.fill_null(starts, False).to_numpy(zero_copy_only=False)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV with a fixed dialect: UTF-8, LF line ends, no index, shortest float repr, and no
    cell a spreadsheet would execute."""
    buffer = io.StringIO()
    fields = [_csv_fields(frame.iloc[:, i]) for i in range(frame.shape[1])]
    if frame.columns.empty or any(column is None for column in fields):
        neutralise_formulas(frame).to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue().encode("utf-8")
    # the bytes the csv module pandas writes with would write for the same cells, a row's
    # fields joined by Arrow rather than one Python call per row (a third of the cost)
    csv.writer(buffer, lineterminator="\n").writerow([str(name) for name in frame.columns])
    if len(frame):
        if len(fields) == 1:  # the csv module quotes a row's only field when it is blank
            fields = [pc.if_else(pc.equal(fields[0], ""), _text('""'), fields[0])]
        rows = pc.binary_join_element_wise(*fields, _text(",")) if len(fields) > 1 else fields[0]
        lines = pc.binary_join(pa.LargeListArray.from_arrays([0, len(rows)], rows), _text("\n"))
        buffer.write(lines[0].as_py())
        buffer.write("\n")
    return buffer.getvalue().encode("utf-8")


def _csv_fields(values: pd.Series) -> pa.Array | None:
    """Each cell of a text, Int64 or Float64 column as the csv module writes it in a row of
    several fields, as pandas' to_csv hands it over (a float spelt as its shortest repr, a
    blank where a value is missing), text neutralised and quoted where needed; None for any
    other type, left to pandas."""
    if isinstance(values.dtype, pd.StringDtype):
        texts = pc.fill_null(pa.array(values, pa.large_string()), "")
        risky = _starts_like_formula(values)
        if risky.any():
            cells = [neutralise(cell) for cell in values[risky].tolist()]
            texts = pc.replace_with_mask(texts, pa.array(risky), pa.array(cells, texts.type))
        return _quoted(texts)
    if values.dtype == "Int64":
        return pc.fill_null(pc.cast(pa.array(values), pa.large_string()), "")
    if values.dtype == "Float64":
        return _float_reprs(pa.array(values))
    return None


def _float_reprs(numbers: pa.Array) -> pa.Array:
    """Each float as str() spells it (its shortest repr), blank where missing. Arrow's cast
    writes the same shortest digits wherever both write them without an exponent, from
    10^-4 to 10^9 and 0 (27 million values compared), but a whole number without ".0";
    other values (large, tiny, not finite: a few, if any) are spelt by repr itself."""
    texts = pc.cast(numbers, pa.large_string())
    whole = pc.invert(pc.match_substring_regex(texts, r"[.eEn]"))
    texts = pc.if_else(whole, pc.binary_join_element_wise(texts, _text(".0"), _text("")), texts)
    values = numbers.to_numpy(zero_copy_only=False)  # NaN where missing
    size = np.abs(values)
    positional = (size >= 1e-4) & (size < 1e9) | (values == 0)
    odd = ~positional & ~numbers.is_null().to_numpy(zero_copy_only=False)
    if odd.any():
        cells = [repr(value) for value in values[odd].tolist()]
        texts = pc.replace_with_mask(texts, pa.array(odd), pa.array(cells, texts.type))
    return pc.fill_null(texts, "")


def _quoted(texts: pa.Array) -> pa.Array:
    """Texts as fields of a CSV row: a text with a comma, a double quote or a line feed in
    double quotes, its own doubled (as the csv module's minimal quoting does in every Python
    version); one with a bare carriage return as the csv module of this Python writes it."""
    comma, quote_mark, line_feed = (pc.match_substring(texts, c) for c in (",", '"', "\n"))
    quote = pc.or_(pc.or_(comma, quote_mark), line_feed)  # three searches: a regex costs more
    if pc.any(quote).as_py():
        doubled = pc.replace_substring(texts, '"', '""')
        texts = pc.if_else(
            quote, pc.binary_join_element_wise(_text('"'), doubled, _text('"'), _text("")), texts
        )
    odd = pc.and_not(pc.match_substring(texts, "\r"), quote)
    if pc.any(odd).as_py():
        cells = [_field(cell) for cell in pc.filter(texts, odd).to_pylist()]
        texts = pc.replace_with_mask(texts, odd, pa.array(cells, texts.type))
    return texts


def _text(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _field(text: str) -> str:
    """One text as the csv module writes it in a row of several fields."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([text, ""])
    return buffer.getvalue().removesuffix(",\n")


def json_bytes(payload: object) -> bytes:
    return (json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
