"""Parse-stage helpers shared by the sources: raw bytes to string frames with line numbers.

Every reader keeps each row's raw file name and line number, so a validation
failure can point at the exact line to look at.
"""

from __future__ import annotations

import io
import json

import numpy as np
import pandas as pd
from python_calamine import CalamineError

from etl.errors import Problem, ValidationError


def text_cells(frame: pd.DataFrame, nbsp: bool = True) -> pd.DataFrame:
    """Every cell as text, no-break spaces made plain (nbsp False: left alone, or the text
    holds none) and outer spaces stripped; column by column (by position: a header may
    repeat a name), which costs a fraction of DataFrame.apply."""
    cells = {}
    for position in range(frame.shape[1]):
        values = frame.iloc[:, position]
        if values.dtype != "str":  # read as text already, or not
            values = values.astype(str)
        if nbsp:
            values = values.str.replace("\xa0", " ")
        cells[position] = values.str.strip()
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
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValidationError([Problem(source, name, None, "readable CSV", str(exc))]) from exc
    header = [str(c).strip() for c in frame.columns]
    if required and set(required) <= set(header):
        frame = frame.iloc[:, [i for i, column in enumerate(header) if column in required]]
    frame = _trace(frame, name, first_line=2, nbsp="\xa0" in text)
    if required:
        require_columns(source, name, frame, required)
    return frame


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
