"""Parse-stage helpers shared by the sources: raw bytes to string frames with line numbers.

Every reader keeps each row's raw file name and line number, so a validation
failure can point at the exact line to look at.
"""

from __future__ import annotations

import csv
import io
import json
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pa_csv
from python_calamine import CalamineError

from etl.errors import Problem, ValidationError

_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # the dtype `dtype=str` reads as


def text_cells(frame: pd.DataFrame, nbsp: bool = True) -> pd.DataFrame:
    """Every cell as text, no-break spaces made plain (nbsp False: left alone, or the text
    holds none) and outer spaces stripped; column by column (by position: a header may
    repeat a name), each by Arrow's kernels on the column's own strings, what pandas' str
    methods run, without their cost per call (that cost was most of reading a small file)."""
    cells = {}
    for position, (_, values) in enumerate(frame.items()):
        if values.dtype != _TEXT:  # read as text already, or not
            values = values.astype(str)
        texts = pa.array(values.array)
        if nbsp:
            texts = pc.replace_substring(texts, "\xa0", " ")
        cells[position] = _TEXT.__from_arrow__(pc.utf8_trim_whitespace(texts))
    return pd.DataFrame(cells, index=frame.index).set_axis(frame.columns, axis="columns")


def _trace(frame: pd.DataFrame, name: str, first_line: int, nbsp: bool = True) -> pd.DataFrame:
    """Text cells (text_cells) with each row's file and line."""
    unnamed = [c for c in frame.columns if str(c) == "" or str(c).startswith("Unnamed:")]
    frame = frame.drop(columns=unnamed)  # stray pandas index columns in re-saved files
    frame = text_cells(frame, nbsp).set_axis([str(c).strip() for c in frame.columns], axis=1)
    frame["source_file"] = name
    frame["source_line"] = range(first_line, len(frame) + first_line)
    return frame


def read_csv(
    source: str,
    name: str,
    content: bytes,
    *,
    encoding: str = "utf-8",
    sep: str = ",",
    required: tuple[str, ...] = (),
) -> pd.DataFrame:
    """CSV bytes → all-string frame; BOM, CRLF and bare-CR line ends are normalised.

    required: the columns the parser needs (require_columns); when given, only they are
    cleaned and kept (a file lacking one fails as require_columns says, naming the file's
    columns). Every line is still parsed whole, so a malformed line still fails."""
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValidationError([Problem(source, name, None, f"{encoding} text", str(exc))]) from exc
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    try:
        frame = text_csv(text, sep, required)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValidationError([Problem(source, name, None, "readable CSV", str(exc))]) from exc
    frame = _trace(frame, name, first_line=2, nbsp="\xa0" in text)
    if required:
        require_columns(source, name, frame, required)
    return frame


def text_csv(text: str, sep: str, required: tuple[str, ...] = ()) -> pd.DataFrame:
    """Text with LF line ends as `pd.read_csv(sep=sep, dtype=str, keep_default_na=False)`
    reads it: every cell a string, blank "". Where the header has every `required` name
    (outer spaces aside), only those columns are kept.

    Read by Arrow's CSV reader when the file is a plain table (a header of distinct names,
    every line as many fields): its strings go to pandas as they are, where pandas' reader
    makes a Python string of every cell first, and the columns not kept are not converted
    at all. Any other file (a short or long line, a repeated name, nothing to read) is read
    by pandas, which reads or rejects it as it always has."""
    frame = _arrow_csv(text, sep, required)
    if frame is not None:
        return frame
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    return frame.iloc[:, _kept(list(frame.columns), required)]


def _kept(header: list, required: tuple[str, ...]) -> list[int]:
    """The positions of the columns read_csv keeps: the required ones, if all are there."""
    names = [str(name).strip() for name in header]
    if required and set(required) <= set(names):
        return [i for i, name in enumerate(names) if name in required]
    return list(range(len(names)))


# a line of spaces and tabs only, which pandas skips as blank and Arrow reads as a row
_SPACES_ONLY = re.compile(r"^[ \t]+$", re.MULTILINE)


def _arrow_csv(text: str, sep: str, required: tuple[str, ...]) -> pd.DataFrame | None:
    header = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    # pandas names a blank header cell after its position
    names = [name or f"Unnamed: {i}" for i, name in enumerate(header)]
    repeated = len(set(header)) < len(header) or len(set(names)) < len(names)
    if not header or repeated or _SPACES_ONLY.search(text):
        return None
    kept = _kept(header, required)
    data = text.encode("utf-8")
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(use_threads=False, block_size=len(data) + 1),
            # every line is still parsed whole: a malformed one fails, as with pandas
            parse_options=pa_csv.ParseOptions(delimiter=sep, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.large_string()),
                include_columns=[header[i] for i in kept],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    if table.column_names != [header[i] for i in kept]:
        return None
    return pd.DataFrame(
        {
            names[i]: _TEXT.__from_arrow__(column)
            for i, column in zip(kept, table.columns, strict=True)
        }
    )


ZIP_SIGNATURE = b"PK\x03\x04"  # an .xlsx workbook is a zip archive


def read_json(source: str, name: str, content: bytes) -> pd.DataFrame:
    """A JSON array of records → all-string frame; each row keeps its record number."""
    try:
        records = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError([Problem(source, name, None, "readable JSON", str(exc))]) from exc
    if not isinstance(records, list):
        raise ValidationError([Problem(source, name, None, "JSON array", "not a list")])
    return _trace(pd.DataFrame(records).fillna(""), name, first_line=1)


def read_excel(
    source: str, name: str, content: bytes, *, sheet: str, header_row: int
) -> pd.DataFrame:
    """One sheet of a workbook → all-string frame; `header_row` is 0-based, as in pandas."""
    frame = excel_sheet(source, name, content, sheet=sheet, header=header_row)
    return _trace(frame, name, first_line=header_row + 2)


def excel_sheet(
    source: str, name: str, content: bytes, *, sheet: str, header: int | None
) -> pd.DataFrame:
    """One sheet of an .xlsx workbook as pandas reads it, every cell a string (blank: "").

    Read with calamine (Rust) rather than openpyxl: 0.5 s instead of 2.5 s for Freedom
    House's FIW workbook, and every sheet the sources read comes out as the identical frame
    (compared cell by cell when calamine replaced openpyxl)."""
    rule = "readable Excel workbook"
    if not content.startswith(ZIP_SIGNATURE):
        detail = (
            "not an .xlsx workbook: it does not begin as a zip archive does (a truncated "
            "download, or an error page saved under the workbook's name?)"
        )
        raise ValidationError([Problem(source, name, None, rule, detail)])
    try:
        return pd.read_excel(
            io.BytesIO(content),
            sheet_name=sheet,
            header=header,
            dtype=str,
            keep_default_na=False,
            engine="calamine",
        )
    except CalamineError as exc:
        detail = (
            f"the workbook's zip archive or its sheets are damaged ({exc}): a truncated download?"
        )
        raise ValidationError([Problem(source, name, None, rule, detail)]) from exc
    except (ValueError, KeyError, OSError) as exc:
        raise ValidationError(
            [Problem(source, name, None, f"sheet {sheet!r} readable", str(exc))]
        ) from exc


def require_columns(source: str, name: str, frame: pd.DataFrame, columns, line: int = 1) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValidationError(
            [
                Problem(
                    source,
                    name,
                    line,
                    "required columns",
                    f"missing {missing}; found {list(frame.columns)[:15]}",
                )
            ]
        )


def numbers(
    frame: pd.DataFrame, column: str, source: str, *, missing=("", "NA"), problems: list[Problem]
) -> pd.Series:
    """A numeric column; listed missing markers become <NA>, anything else unparsable is a
    problem naming its line."""
    raw = frame[column]
    blank = raw.isin(missing)
    # each distinct text parsed once: years, scores and codes repeat over thousands of rows
    codes, distinct = pd.factorize(raw.where(~blank))
    parsed = pd.to_numeric(pd.Series(distinct, dtype=object), errors="coerce").to_numpy(float)
    values = pd.Series(np.append(parsed, np.nan)[codes], index=raw.index)  # -1: blank
    for index in frame.index[values.isna() & ~blank]:
        problems.append(
            Problem(
                source,
                frame.at[index, "source_file"],
                int(frame.at[index, "source_line"]),
                f"{column} is a number",
                repr(raw[index]),
            )
        )
    return values.astype("Float64")
