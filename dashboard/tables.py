"""Tables as readers see them, written once for every page: readable headers instead of
column names, country names instead of codes, a dash instead of None, and name columns
as wide as their longest name, so "United Kingdom" is not cut to "United Kingdo" (Streamlit
sizes a column by its header and first rows otherwise)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from dashboard import i18n, memo
from dashboard.i18n import N_

BLANK = "–"
# px: the most a column of names may take; longer names are cut rather than push the
# other columns out of sight (a measure's name is long, a country's short)
# The headers charts' tables are given from their column names ("rank_change" → "Rank
# change"), translated where shown (plot.readable_table)
HEADERS = (
    N_("Country"),
    N_("Year"),
    N_("Rank"),
    N_("Score"),
    N_("Situation"),
    N_("Rank change"),
    N_("Score change"),
    N_("Entities"),
    N_("Value"),
    N_("Methodology"),
    N_("Source"),
    N_("Political"),
    N_("Economic"),
    N_("Legal"),
    N_("Social"),
    N_("Safety"),
)
WIDE_COLUMNS = {N_("Country"): 260, N_("Name"): 260, N_("Measure"): 440}


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


CHAR_PX = 8  # px: a character of the grid's font, on average


def column_config(frame: pd.DataFrame | pa.Table, **extra) -> dict:
    """Columns of names as wide as their longest name (within WIDE_COLUMNS' limits), plus
    any `extra` settings."""
    return _name_widths(frame, i18n.current()) | extra


@memo.per_object
def _name_widths(frame: pd.DataFrame | pa.Table, lang: str) -> dict:
    """The name columns' settings, measured once per table: a table from the caches (the
    Cases page's selections) is shown on many runs, never changed. (Streamlit copies the
    settings it is given before changing them.)"""
    columns = frame.column_names if isinstance(frame, pa.Table) else frame.columns
    header = i18n.translator(lang).gettext
    return {
        shown: st.column_config.TextColumn(width=_width(_longest(frame[shown]), most))
        for column, most in WIDE_COLUMNS.items()
        for shown in dict.fromkeys((column, header(column)))
        if shown in columns
    }


def _longest(values: pd.Series | pa.ChunkedArray) -> int:
    """Characters in the longest value (0 for none)."""
    if isinstance(values, pa.ChunkedArray):
        lengths = pc.utf8_length(values.cast(pa.large_string()))
        return int(pc.max(lengths).as_py() or 0)
    return int(values.astype("string").str.len().fillna(0).max()) if len(values) else 0


def _width(longest: int, most: int) -> int:
    return max(90, min(most, CHAR_PX * max(longest, 7) + 24))


class Link(NamedTuple):
    """A table cell that links somewhere (as_html): its text and its address."""

    text: str
    url: str


CLASS = "data-table"  # the class the app's style sheet lays such tables out by (app.py)


@memo.per_object
def as_html(frame: pd.DataFrame, caption: str | None = None) -> str:
    """A small table as one HTML table for st.html, its named index as its first column
    (row headers): cells are plain text, escaped here, or Links; empty cells read "–";
    numbers line up on the right. `caption` (plain text) names the table, for screen readers
    too, in the table's own element. Plain HTML, which the browser draws at once: st.table and
    the grid load scripts of their own, and a markdown table is parsed and built element by
    element (Sources compared's two tables: 0.3 s of the browser's main thread before its
    chart was drawn). Once per table object: the pages' tables come from the caches."""
    named = frame.index.name is not None
    shown = frame.reset_index() if named else frame
    numbers = [_numbers(shown[column]) for column in shown.columns]
    head = "".join(
        f'<th scope="col"{_aligned(number)}>{html.escape(str(column))}</th>'
        for column, number in zip(shown.columns, numbers, strict=True)
    )
    rows = []
    for row in shown.itertuples(index=False):
        cells = []
        for place, (value, number) in enumerate(zip(row, numbers, strict=True)):
            tag = "th" if named and place == 0 else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}{_aligned(number)}>{_cell(value)}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    named_by = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="{CLASS}">{named_by}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


FIGURES_CLASS = "key-figures"  # a row of headline numbers (key_figures), laid out by app.py


def key_figures(figures: list[tuple[str, int, str, str]], caption: str) -> str:
    """Headline numbers as one description list for st.html: each (label, number, colour,
    note), the colour the charts draw it in, shown as a swatch that ties the number to the
    chart's legend, the note (plain text, may be empty) under the number, and one caption
    (plain text) saying what all of them count. One element, in one row that wraps, where
    st.metric sent one per number, each with a help icon a touch screen cannot hover."""
    items = "".join(
        f'<div style="--swatch:{html.escape(colour)}"><dt>{html.escape(label)}</dt>'
        f"<dd>{number}</dd>"
        + (f'<dd class="note">{html.escape(note)}</dd>' if note else "")
        + "</div>"
        for label, number, colour, note in figures
    )
    return (
        f'<figure class="{FIGURES_CLASS}"><figcaption>{html.escape(caption)}</figcaption>'
        f"<dl>{items}</dl></figure>"
    )


def _aligned(number: bool) -> str:
    return ' class="number"' if number else ""


def _cell(value: object) -> str:
    if isinstance(value, Link):
        return f'<a href="{html.escape(value.url)}">{html.escape(value.text)}</a>'
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return BLANK
    return html.escape(" ".join(str(value).split()))


# a number as the pages write one: a sign, digits, the language's separators, a percent sign
_NUMBER = re.compile(r"[+\-\u2212]?[\d.,\u00a0\u202f ]*\d%?")


def _numbers(column: pd.Series) -> bool:
    """Whether a column holds numbers, as such or written out in the page's language."""
    if pd.api.types.is_numeric_dtype(column):
        return True
    written = column.dropna().astype(str)
    return not written.empty and bool(written.map(_NUMBER.fullmatch).notna().all())


def show(frame: pd.DataFrame | pa.Table, **options):
    """st.dataframe with the index hidden, full width, and name columns shown whole. An
    Arrow table is sent as it is (a frame is converted to Arrow on every run), with its
    empty text cells reading "–" (`with_blanks`)."""
    if isinstance(frame, pa.Table):
        frame = with_blanks(frame)
    config = column_config(frame, **options.pop("column_config", {}))
    options = {"hide_index": True, "width": "stretch"} | options
    return st.dataframe(frame, column_config=config, **options)


def with_blanks(table: pa.Table) -> pa.Table:
    """`table` with its empty text cells reading "–", as `readable` makes a frame's: the grid
    prints a null as "None", in English whatever the page's language. The download beside
    the grid keeps them empty. A table with none is shown as it is."""
    if not any(column.null_count and _is_text(column.type) for column in table.columns):
        return table
    return _blanks_filled(table)


@memo.per_object
def _blanks_filled(table: pa.Table) -> pa.Table:
    """Once per table: a page's Arrow tables come from the caches (dashboard/case_filter.py).
    (A new table: one kept under its own key would keep it alive.)"""
    return pa.Table.from_arrays(
        [
            pc.fill_null(column, BLANK) if _is_text(column.type) else column
            for column in table.columns
        ],
        names=table.column_names,
    )


def _is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return pa.types.is_string(kind) or pa.types.is_large_string(kind)
