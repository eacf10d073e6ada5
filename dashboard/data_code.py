"""Reading a dataset from code, on the Data page: pandas, R, Stata and a spreadsheet
formula at this server's address, and what the data API adds (filters, formats,
metadata), with an example for the dataset shown."""

from __future__ import annotations

import streamlit as st

from dashboard import data_api, i18n, url_sync
from dashboard.i18n import N_
from etl import model

# The tools the code is given for, by data_api.snippets' names, as the tabs name them
TOOLS = {"pandas": "pandas", "R": "R (readr)", "Stata": "Stata", "spreadsheet": N_("Spreadsheet")}


def show(dataset: model.Dataset) -> None:
    """Code reading the dataset from this server in each tool (at the address the reader
    uses, as embed codes are), then the data API's filters, formats and metadata, with
    example addresses."""
    _ = i18n.translator(i18n.current()).gettext
    origin = url_sync.origin()
    code = data_api.snippets(data_api.url(dataset, origin=origin), dataset.name)
    st.markdown(_("Read it from code, at this server's address:"))
    for tab, tool in zip(st.tabs([_(label) for label in TOOLS.values()]), TOOLS, strict=True):
        with tab:
            # no syntax colours (Streamlit's are below 4.5:1 contrast), no scrolling box
            st.code(code[tool], language=None, wrap_lines=True)
            if tool == "spreadsheet":
                st.caption(
                    _("Google Sheets. In Excel: Data › From Web (Power Query), same address.")
                )
    st.markdown(
        _(
            "**Data API.** Add `iso3` (country codes), `year` (a year or a range) and "
            "`columns` to the address for part of the dataset; end it in `.json` (records "
            "with their metadata) or `.parquet` (typed) rather than `.csv` for another "
            "format; `.meta.json` gives the columns, licence, citation, build and checksum. "
            "For example:"
        )
    )
    example = data_api.example_query(dataset) or data_api.Query()
    addresses = dict.fromkeys(
        [
            data_api.url(dataset, example, origin=origin),
            data_api.url(dataset, example, "json", origin),
            data_api.url(dataset, fmt="meta.json", origin=origin),
        ]
    )
    st.code("\n\n".join(addresses), language=None, wrap_lines=True)  # apart on a phone
