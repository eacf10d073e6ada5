"""Errors that name the source, file, row and rule, so a failed run says what to fix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule, located as precisely as the data allows."""

    source: str
    file: str
    row: int | None  # 1-based line number in the raw file (header is line 1); None = whole file
    rule: str
    detail: str

    def __str__(self) -> str:
        where = f"{self.file}" + (f", line {self.row}" if self.row is not None else "")
        return f"[{self.source}] {where}: {self.rule}: {self.detail}"


class EtlError(Exception):
    """Base class: every ETL failure is reported with a clear message and no traceback."""


class FetchError(EtlError):
    """A raw file could not be obtained, or what arrived is not what was asked for."""


class ValidationError(EtlError):
    """The data broke one or more rules; nothing is published."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n  ".join(str(p) for p in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n  {shown}{more}")


def rows_where(frame, mask) -> Iterator:
    """The rows of a frame where a boolean mask holds, as itertuples gives them; nothing, at
    no cost, where it holds nowhere. Checks mostly find nothing, and the itertuples of a
    filtered frame costs milliseconds even when empty: a run makes hundreds of them."""
    return frame[mask].itertuples() if mask.any() else iter(())


def describe_failure(fetched, exc: Exception) -> str:
    """What a parser's unexpected exception means for the file it was reading, in words a
    person fixing the input can act on."""
    import json
    import zipfile

    import pandas as pd

    kind = f"{type(exc).__name__}: {exc}"
    name = fetched.name.lower()
    if isinstance(exc, zipfile.BadZipFile) or (
        name.endswith((".xlsx", ".xlsm")) and not fetched.content.startswith(b"PK")
    ):
        return (
            f"not a readable Excel workbook ({kind}); an .xlsx file is a zip archive and this "
            f"one is not: a truncated download or a page saved under the workbook's name?"
        )
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid {exc.encoding} text at byte {exc.start} ({kind})"
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
    if isinstance(exc, pd.errors.ParserError | pd.errors.EmptyDataError):
        return f"malformed CSV ({exc})"
    if isinstance(exc, KeyError):
        return f"expected column or field {exc} not found ({kind})"
    return f"could not be parsed ({kind})"
