"""About the project itself: its name, how to cite it, and what it redistributes."""

from __future__ import annotations

NAME = "Press Freedom Dashboard"
CITATION = (
    "Press Freedom Dashboard: open statistics on press freedom and the repression of "
    "journalists (software and datasets), 2026. See CITATION.cff."
)

# What this project hands out, and why. One policy for every channel: the repository, the
# app's downloads and grids, the /data URLs, the data package and the exports.
WITHHELD_POLICY = (
    "Datasets whose publisher's terms are unverified or forbid redistribution are shown in "
    "the dashboard (charts and tables read on screen, each credited and linked to the "
    "publisher, as the publishers show them on their own sites) but never handed out in "
    "bulk: they are not committed to the repository, not in the data package, not served "
    "at /data, and no download, grid export or data file of a chart contains their rows. "
    "Each installation builds them from the publisher's own files (`make datasets`, or "
    "automatically by `make run` and `make test` when they are missing), so every copy "
    "comes from the publisher, under the publisher's terms. Their metadata, checksums and "
    "row counts are published, so a local build can be checked against ours."
)
