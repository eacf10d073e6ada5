"""The "Data behind this view" button: a CSV of exactly the rows and columns shown, headed
by source, licence, the view's URL and the data build; disabled, saying why, where the
rows may not be handed out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, i18n, url_sync
from dashboard.downloads import safe_csv, source_header, withheld_reason
from dashboard.text import md_escape


def download(
    datasets,
    frame: pd.DataFrame,
    file_name: str,
    label: str | None = None,
    key: str | None = None,
) -> None:
    """A CSV of exactly the rows and columns shown, headed by source, licence and the view's
    URL; or a disabled button saying why it is withheld (any withheld source withholds it)."""
    tr = i18n.translator(i18n.current())
    datasets = datasets if isinstance(datasets, list | tuple) else [datasets]
    blocked = withheld_reason(datasets, tr.lang)
    header = source_header(datasets, url_sync.view_url(), cached.build_label(), tr.lang)
    st.download_button(
        label or tr.gettext("Data behind this view"),
        # the CSV is written only when the button is clicked, not on every rerun
        data=b"" if blocked else (lambda: safe_csv(frame, header)),
        file_name=file_name,
        mime="text/csv",
        disabled=bool(blocked),
        key=key,
        help=blocked or tr.gettext("Exactly the rows shown."),
    )
    if blocked:
        st.caption(md_escape(blocked))
