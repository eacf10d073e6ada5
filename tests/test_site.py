"""The baked reader site (`make site`, dashboard/bake.py), on a small subset baked once into
a temporary folder from a copy of the datasets: shared plotly.js and geometry, nothing
loaded from another host, withheld data not written, descriptors, incremental rebuilds,
and one page drawn by Chromium from `python -m http.server` with no request leaving it.

Needs Debian's Chromium (kaleido draws the images; Playwright opens the page) and the
CPJ datasets built here (the withheld chart); without them the module skips, saying why.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from dashboard import bake, chart_specs, export, geo
from etl import registry
from tests.conftest import DATASETS, needs_built

pytestmark = [
    pytest.mark.skipif(
        export.browser_path() is None, reason="no Chromium (apt-get install chromium)"
    ),
    needs_built("cpj_census", "cpj_killed_counts"),
]
CHROMIUM = Path("/usr/bin/chromium")
LIVE = "http://127.0.0.1:8501"
MAP = chart_specs.MapChart(registry.ON_MAP["rsf"], 2026)
PTS = chart_specs.MapChart(registry.ON_MAP["pts_a"], 2023)
SPECS = [MAP, PTS, chart_specs.CountryChart("rank", "AZE"), chart_specs.CountryChart("cpj", "AZE")]
# Absolute URLs a baked file may carry as text, never loaded: SVG namespaces, and the
# credits the sources' metadata give (publishers' pages, licences, citations)
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'<>)\];]*""")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    data = root / "datasets"
    shutil.copytree(DATASETS, data)
    out = root / "site"
    lines: list[str] = []
    report = bake.bake(out, specs=SPECS, directory=data, live_url=LIVE, progress=lines.append)
    return out, data, report, lines


def _files(out: Path):
    return [p for p in out.rglob("*") if p.is_file()]


def test_every_chart_is_baked_with_its_files_and_progress_shown(site):
    out, _, report, lines = site
    assert sorted(report.baked) == sorted(bake.slug_of(s) for s in SPECS)
    assert any("[4/4]" in line for line in lines)
    for slug in report.baked:
        folder = out / "charts" / slug
        assert {"index.html", "chart.png", "chart.svg", "chart.json"} <= {
            p.name for p in folder.iterdir()
        }
    index = (out / "index.html").read_text()
    assert 'href="countries/AZE/"' in index and 'href="charts/map-rsf-2026/"' in index
    country = (out / "countries" / "AZE" / "index.html").read_text()
    assert "Azerbaijan" in country and "http://127.0.0.1:8501/country?country=AZE" in country
    assert "charts/rank-AZE/chart.png" in country


def test_pages_share_one_plotly_js_and_one_geometry(site):
    out, *_ = site
    shared = out / "assets" / "plotly.min.js"
    assert shared.read_bytes() == bake.PLOTLY_JS.read_bytes()
    assert (out / "assets" / "topojson" / "world_50m.json").read_bytes() == (
        geo.TOPOJSON_DIR / "world_50m.json"
    ).read_bytes()
    assert len(list(out.rglob("plotly*.js"))) == 1
    assert len(list(out.rglob("world_50m.json"))) == 1
    opening = bake.PLOTLY_JS.read_text()[:2000]
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert page.stat().st_size < 500_000, page  # no inline 4.7 MB plotly.js
        assert opening[200:400] not in text
        assert "PlotlyGeoAssets" not in text  # the geometry is not inlined either
    for slug in ("map-rsf-2026", "rank-AZE"):
        page = (out / "charts" / slug / "index.html").read_text()
        assert '<script src="../../assets/plotly.min.js"></script>' in page
        assert '<script src="../../assets/chart.js"></script>' in page
    assert 'topojsonURL: new URL("topojson/", here)' in (out / "assets" / "chart.js").read_text()


def test_no_baked_file_refers_to_another_host(site):
    """Nothing is loaded from another host (no absolute src=, <link href=>, CSS url() or
    topojson URL); the only absolute URLs are the link to the live dashboard and credits
    from the sources' metadata (publishers' pages, licences, citations), as text or links."""
    out, *_ = site
    credits = set(NAMESPACES)
    for dataset in registry.DATASETS.values():
        for text in (
            dataset.homepage,
            dataset.licence_url or "",
            dataset.licence,
            dataset.citation,
        ):
            credits |= {m.rstrip(".,") for m in URL.findall(text)}
    vendored = {out / "assets" / "plotly.min.js"}  # plotly's own file, byte for byte
    for path in _files(out):
        if path in vendored or path.suffix == ".png":
            continue
        content = path.read_text(encoding="utf-8")
        assert not re.search(r"""src\s*=\s*["']?(?:https?:)?//""", content), path
        assert not re.search(r"""<link[^>]*href\s*=\s*["']?(?:https?:)?//""", content), path
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", content), path
        for found in URL.findall(content):
            found = found.rstrip(".,")
            if found.startswith(LIVE):
                continue  # the live dashboard, as configured for this test
            assert any(found.startswith(c) or c.startswith(found) for c in credits), (path, found)


def test_withheld_data_are_not_written(site):
    out, *_ = site
    assert registry.DATASETS["cpj_census"].download_blocked
    folder = out / "charts" / "cpj-AZE"
    assert not (folder / "data.csv").exists()
    page = (folder / "index.html").read_text()
    assert 'id="figure"' not in page and "plotly.min.js" not in page  # no values in the page
    assert '<img src="chart.png"' in page and "not handed out" in page
    descriptor = json.loads((folder / "chart.json").read_text())
    assert descriptor["withheld"] and "csv" not in descriptor["urls"]
    # a chart whose sources may be handed out has its CSV, headed as the app's downloads
    csv = (out / "charts" / "rank-AZE" / "data.csv").read_text().splitlines()
    assert csv[0].startswith("# Source: RSF") and "Licence:" in csv[0]
    assert csv[1] == "# View: charts/rank-AZE/ (Press Freedom Dashboard, baked site)"
    assert "skiprows=3" in csv[2] and csv[3].startswith("iso3,country,year")


def test_descriptor_fields(site):
    out, *_ = site
    descriptor = json.loads((out / "charts" / "map-rsf-2026" / "chart.json").read_text())
    for key in ("title", "source", "licence", "build", "urls", "alt", "code_version"):
        assert descriptor[key], key
    assert descriptor["build"].startswith("data build-")
    assert descriptor["source"][0]["dataset"] == "rsf_index"
    assert descriptor["urls"]["page"] == "charts/map-rsf-2026/"
    for fmt in ("png", "svg", "csv", "json"):
        assert (out / descriptor["urls"][fmt]).is_file(), fmt
    assert (
        descriptor["urls"]["live"]
        == "http://127.0.0.1:8501/embed?chart=map&metric=rsf&edition=2026"
    )
    assert descriptor["alt"] in (out / "charts" / "map-rsf-2026" / "index.html").read_text()


def test_rebake_redraws_only_what_changed(site):
    out, data, _, _ = site
    again = bake.bake(out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE)
    assert again.baked == [] and len(again.skipped) == len(SPECS)
    # a changed dataset re-bakes the charts that read it, and only those
    with (data / "pts.csv").open("a") as handle:
        handle.write("\n")
    changed = bake.bake(out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE)
    assert changed.baked == ["map-pts_a-2023"]
    # a chart whose files went missing is baked again; one no longer listed is removed
    (out / "charts" / "rank-AZE" / "chart.svg").unlink()
    fewer = [s for s in SPECS if s is not PTS]
    repaired = bake.bake(
        out, specs=fewer, directory=data, progress=lambda line: None, live_url=LIVE
    )
    assert repaired.baked == ["rank-AZE"] and repaired.removed == ["map-pts_a-2023"]
    assert not (out / "charts" / "map-pts_a-2023").exists()
    bake.bake(
        out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE
    )  # as it was


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(site):
    out, *_ = site
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=out,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"no Chromium at {CHROMIUM}")
def test_served_page_draws_the_map_with_no_request_leaving_the_host(served):
    sync_api = pytest.importorskip("playwright.sync_api")
    requests, failed = [], []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.on("requestfailed", lambda request: failed.append(request.url))
            page.goto(served + "charts/map-rsf-2026/")
            # the countries are drawn: the geometry came from the site's own file
            page.wait_for_selector("path.choroplethlocation", timeout=20_000)
            shapes = page.locator("path.choroplethlocation").count()
            legend = page.locator(".legend").text_content()
        finally:
            browser.close()
    assert shapes > 150
    assert "Very serious" in legend
    assert any(url.endswith("/assets/plotly.min.js") for url in requests)
    assert any(url.endswith("/assets/topojson/world_50m.json") for url in requests)
    assert all(url.startswith(served) for url in requests), requests
    assert not [url for url in failed if not url.endswith("favicon.ico")], failed


def test_a_chart_that_cannot_be_drawn_stops_no_other(tmp_path, monkeypatch):
    drawn = bake.gallery.draw

    def draw(spec, load, values=None):
        if spec.kind == "score":
            raise ValueError("no data for this one")
        return drawn(spec, load, values)

    monkeypatch.setattr(bake.gallery, "draw", draw)
    specs = [chart_specs.CountryChart("score", "AZE"), chart_specs.CountryChart("rank", "AZE")]
    report = bake.bake(tmp_path, specs=specs, progress=lambda line: None)
    assert report.baked == ["rank-AZE"]
    assert report.failed == {"score-AZE": "ValueError: no data for this one"}
    assert not (tmp_path / "charts" / "score-AZE").exists()
    assert "charts/score-AZE/" not in (tmp_path / "index.html").read_text()


def test_indicators_only_where_the_current_methodology_has_them():
    load = bake.RecordingLoader()
    specs = bake.site_specs(load, kinds=["indicators"])
    index = load("rsf_index")
    current = index[index["methodology"] == bake.rsf.CURRENT]
    assert specs and len(specs) < index["iso3"].nunique()
    for spec in specs:
        rows = current[current["iso3"] == spec.iso3]
        assert rows[["political", "safety"]].notna().any(axis=None), spec.iso3
