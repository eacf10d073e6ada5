"""Layouts written once for every page."""

from __future__ import annotations

import streamlit as st

# the prefix of the containers the app's style sheet lays out as grids (app.py); Streamlit
# gives a keyed container the class st-key-<key>
GRID_KEY = "grid-"
# Cells at least 15rem wide (a picker's label and a few chips), as many a line as fit: three
# on a desktop, two in half a page, one on a phone. A cell never wider than the page.
GRID_CSS = (
    f'[class*="st-key-{GRID_KEY}"]{{display:grid;'
    "grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr))}"
)


def grid(name: str):
    """A container of controls (pickers, a search box, a slider) laid out in a grid of equal
    cells that wraps to the screen: one block, where rows of st.columns sent a block per row
    and one per column. On a phone the cells stack, as the columns did."""
    return st.container(key=f"{GRID_KEY}{name}")
