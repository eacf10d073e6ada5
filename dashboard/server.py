"""The ASGI app that `make run` serves: the Streamlit dashboard plus stable data URLs.

    /data/<dataset>.csv       a published dataset, byte for byte as committed
    /data/datapackage.json    the Frictionless data package
    /data/README.md           the data dictionary

so a researcher can `pandas.read_csv("http://host/data/rsf_index.csv")`. Datasets whose
terms are unverified or forbid redistribution answer 403 with the reason.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette_compress import CompressMiddleware, add_compress_type

from dashboard import data
from etl import catalog, release

DOCUMENTS = {
    release.DATAPACKAGE: "application/json",
    release.DICTIONARY: "text/markdown; charset=utf-8",
}


def _file(name: str) -> tuple[Path | None, str, str | None]:
    """(path, media type, reason it is withheld) for a public file name."""
    if name in DOCUMENTS:
        return data.DATASETS_DIR / name, DOCUMENTS[name], None
    dataset = catalog.DATASETS.get(name.removesuffix(".csv")) if name.endswith(".csv") else None
    if dataset is None:
        return None, "", None
    return data.DATASETS_DIR / dataset.filename, "text/csv; charset=utf-8", dataset.download_blocked


async def serve_data(request: Request) -> Response:
    name = request.path_params["name"]
    path, media_type, withheld = _file(name)
    if path is None or not path.is_file():
        known = ", ".join(f"{d.filename}" for d in catalog.DATASETS.values())
        return PlainTextResponse(
            f"No such file: {name}. Files: {known}, {', '.join(DOCUMENTS)}.", status_code=404
        )
    if withheld:
        return PlainTextResponse(withheld, status_code=403)
    return Response(
        path.read_bytes(),
        media_type=media_type,
        headers={"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"},
    )


ROUTES = [Route("/data/{name}", serve_data, methods=["GET"])]

# Compress what is sent: the map geometry (1.1 MB of JSON), Streamlit's scripts and the CSVs
# shrink 4-8 times. zstd (or brotli, gzip for older clients) at a low level: compressing
# Plotly's 4.7 MB script takes 0.02 s instead of gzip level 9's 0.2 s, and the geometry
# 0.005 s instead of 0.48 s, for a smaller result.
add_compress_type("text/csv")  # the datasets; not on the library's list of text types
MIDDLEWARE = [Middleware(CompressMiddleware, minimum_size=1024)]
app = st.App("app.py", routes=ROUTES, middleware=MIDDLEWARE)
