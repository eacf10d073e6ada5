"""What the data is, where it comes from, and how to cite it: read from the catalog."""

import streamlit as st

from dashboard import ui
from dashboard.text import md_escape
from etl import catalog

st.title("About the data")
for dataset in catalog.DATASETS.values():
    st.header(dataset.title)
    st.markdown(md_escape(dataset.description))
    st.markdown(
        f"**Publisher:** {md_escape(dataset.publisher)} · "
        f"**Licence / terms:** {md_escape(dataset.licence)} · [Home page]({dataset.homepage})"
    )
    st.markdown("**Methodology notes**")
    st.markdown("\n".join(f"- {md_escape(n)}" for n in dataset.notes))
    st.markdown("**How to cite**")
    st.code(dataset.citation, language=None, wrap_lines=True)
    with st.expander("Columns"):
        st.table(
            [
                {
                    "column": c.name,
                    "type": c.type,
                    "unit": c.unit or "",
                    "description": c.description,
                }
                for c in dataset.columns
            ]
        )
ui.source_caption(catalog.RSF_INDEX)
