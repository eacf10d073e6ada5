"""CSV files handed to readers: exactly the rows shown, safe to open in a spreadsheet."""

from __future__ import annotations

import pandas as pd

from etl.formats import neutralise_formulas


def safe_csv(frame: pd.DataFrame, header_lines: tuple[str, ...] = ()) -> bytes:
    """CSV bytes (UTF-8, LF) with formula-like text neutralised, after '# ' comment lines
    naming source, licence and view (read back with `pd.read_csv(..., skiprows=N)`)."""
    header = "".join(f"# {' '.join(line.split())}\n" for line in header_lines)
    body = neutralise_formulas(frame).to_csv(index=False, lineterminator="\n")
    return (header + body).encode("utf-8")
