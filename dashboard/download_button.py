"""The "Data behind this view" button: a CSV of exactly the rows and columns shown, headed
by source, licence, the view's URL and the data build; disabled, saying why, where the
rows may not be handed out. Beside it, the data API's address of the same rows, where one
dataset's query gives them (dashboard/data_api.py)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import cached, data_api, i18n, memo, url_sync
from dashboard.downloads import safe_csv, source_header, withheld_reason
from dashboard.text import md_escape
from etl import model, registry


def download(
    datasets,
    frame: pd.DataFrame | pa.Table,
    file_name: str,
    label: str | None = None,
    key: str | None = None,
    api: bool = True,
) -> None:
    """A CSV of exactly the rows and columns shown, headed by source, licence and the view's
    URL; or a disabled button saying why it is withheld (any withheld source withholds it).
    api: also show the data API's address of these rows, where there is one, under the
    button (False: the page shows it elsewhere, or its own code). An Arrow table (a grid's
    rows as sent) becomes a frame only when one is needed."""
    tr = i18n.translator(i18n.current())
    rows = frame.to_pandas if isinstance(frame, pa.Table) else lambda: frame
    datasets = datasets if isinstance(datasets, list | tuple) else [datasets]
    blocked = withheld_reason(datasets, tr.lang)
    header = source_header(datasets, url_sync.view_url(), cached.build_label(), tr.lang)
    st.download_button(
        label or tr.gettext("Data behind this view"),
        # the CSV is written only when the button is clicked, not on every rerun
        data=b"" if blocked else (lambda: safe_csv(rows(), header)),
        file_name=file_name,
        mime="text/csv",
        disabled=bool(blocked),
        key=key,
        help=blocked or tr.gettext("Exactly the rows shown."),
    )
    if blocked:
        st.caption(md_escape(blocked))
    elif api:
        api_address(datasets, frame)


def api_address(datasets, frame: pd.DataFrame | pa.Table) -> None:
    """The data API's address of the rows shown (with the dataset's columns among those
    shown), to copy, where they are one dataset's rows that a query selects."""
    dataset = api_dataset(datasets if isinstance(datasets, list | tuple) else [datasets])
    if dataset is None:
        return
    query = table_query(frame, dataset.name)
    if query is not None:
        address = data_api.url(dataset, query, origin=url_sync.origin())
        # A link, not a code block: the first code block on a page makes the browser load
        # and run Streamlit's syntax highlighter (0.7 s of its main thread here) while the
        # page's first chart is being drawn. An autolink: shown as written, copied as written.
        label = i18n.gettext("The same rows from the data API:")
        st.caption(f"{label} <{address}>")


def api_dataset(datasets) -> model.Dataset | None:
    """The dataset whose data API query may give a view's rows: its only source, where that
    is redistributed."""
    return datasets[0] if len(datasets) == 1 and not datasets[0].download_blocked else None


@memo.per_object
def table_query(frame: pd.DataFrame | pa.Table, dataset: str):
    """data_api.query_for, once per table: a chart's table is cached and shared, and
    matching it against its dataset took 5-15 ms on every run (an Arrow table, as a grid's
    rows are sent, is converted to a frame only here, once)."""
    rows = frame.to_pandas() if isinstance(frame, pa.Table) else frame
    return data_api.query_for(registry.DATASETS[dataset], rows)
