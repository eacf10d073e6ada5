"""Keeping the URL in step with the view: the chosen values written back (so a copied link
reopens the view), the view's address, and a note where a parameter was not understood."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from dashboard.text import md_escape


def note(message: str | None) -> None:
    """Tell the reader that a URL parameter was not understood (never a traceback)."""
    if message:  # it may echo what arrived in the URL: shown as text, never as markup
        st.info(md_escape(message), icon="ℹ️")


def sync_url(defaults: dict[str, object] | None = None, **values: object) -> None:
    """Write the view's state back into the URL so a copied link reopens it.

    Parameters at their `defaults` are left out, to keep links short.
    """
    defaults = defaults or {}
    for key, value in values.items():
        text = ",".join(value) if isinstance(value, list | tuple) else str(value)
        if key in defaults and value == defaults[key]:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != text:
            st.query_params[key] = text


def origin() -> str:
    """scheme://host:port the reader is using."""
    base = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{base.scheme}://{base.netloc}"


def view_url() -> str:
    """The address of the current view, with its state, for the header of a download."""
    base = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode({key: st.query_params[key] for key in st.query_params})
    return urlunsplit((base.scheme, base.netloc, base.path, query, ""))
