"""A page's sections as tabs of which only the open one runs and is drawn, the open one
named in the URL (`section=`), so a reader's change of country or filter waits for one
section, and a copied link reopens the section it was copied from."""

from __future__ import annotations

import streamlit as st

from dashboard import i18n, url_sync

PARAM = "section"


def section_tabs(labels: dict[str, str], default: str) -> dict[str, object]:
    """identifier → its tab, for `labels` (identifier → the tab's label in the reader's
    language). A page draws a section's content only under its `tab.open`.

    The URL keeps the identifier (`section=CPJ records` in every language), written back
    when the reader switches; the default section is left out. The widget is keyed per
    language (a language switched with the picker starts it afresh), and the tab it opens
    on is read from the URL once per visit and then kept: the tabs stay the same widget while
    the reader switches them (Streamlit names a widget by its `default` too)."""
    key = f"{PARAM}-{i18n.current()}"
    first = f"{key}-first"
    if key not in st.session_state:  # first drawn on this visit: the URL says which tab
        asked = st.query_params.get(PARAM)
        st.session_state[first] = asked if asked in labels else default
    tabs = st.tabs(
        list(labels.values()),
        default=labels[st.session_state[first]],
        key=key,
        on_change="rerun",
    )
    by_label = {label: section for section, label in labels.items()}
    section = by_label.get(st.session_state.get(key), default)
    url_sync.sync_url({PARAM: default}, **{PARAM: section})
    return dict(zip(labels, tabs, strict=True))
