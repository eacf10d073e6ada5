"""Errors that name the source, file, row and rule, so a failed run says what to fix."""

from __future__ import annotations

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
