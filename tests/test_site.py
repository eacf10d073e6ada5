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
from dashboard.charts import style
from etl import registry, store
from tests.conftest import DATASETS, needs_built

pytestmark = [
    pytest.mark.skipif(
        export.browser_path() is None, reason="no Chromium (apt-get install chromium)"
    ),
    needs_built("cpj_census", "cpj_killed_counts"),
]
CHROMIUM = Path("/usr/bin/chromium")
LIVE = "http://127.0.0.1:8501"
SITE = "http://127.0.0.1:8501/site/"  # the live app serves the site (no --site-url given)
BUILD = store.current_version()["version"]
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
    assert sorted(report.baked) == sorted(chart_specs.slug(s) for s in SPECS)
    assert any("[4/4]" in line for line in lines)
    for slug in report.baked:
        folder = out / "charts" / slug
        files = {p.name for p in folder.iterdir()}
        assert {"index.html", "embed.html", "chart.png", "chart.svg", "chart.pdf"} <= files
        assert {"chart.json", "oembed.json"} <= files
        assert (out / "pinned" / f"build-{BUILD}" / slug / "embed.html").is_file()
    index = (out / "index.html").read_text()
    assert 'href="countries/AZE/"' in index and 'href="charts/map-rsf-2026/"' in index
    country = (out / "countries" / "AZE" / "index.html").read_text()
    assert "Azerbaijan" in country and "http://127.0.0.1:8501/country?country=AZE" in country
    assert "charts/rank-AZE/chart.png" in country


def test_pages_share_one_plotly_js_and_one_geometry(site):
    """One copy of each plotly.js file (plotly's own: the full one and the partial bundles
    the Makefile fetches), each frame loading the smallest that draws its chart."""
    out, *_ = site
    assets = out / "assets"
    assert (assets / "plotly.min.js").read_bytes() == bake.PLOTLY_JS.read_bytes()
    for name, (path, _) in bake.BUNDLES.items():
        assert path.is_file(), f"{path} missing: `make install` fetches it"
        assert (assets / name).read_bytes() == path.read_bytes()
        assert f"minified) v{bake.PLOTLY_JS_VERSION}\n" in (assets / name).read_text()[:300]
    assert (out / "assets" / "topojson" / "world_50m.json").read_bytes() == (
        geo.TOPOJSON_DIR / "world_50m.json"
    ).read_bytes()
    assert sorted(p.name for p in out.rglob("plotly*.js")) == sorted(
        ["plotly.min.js", *bake.BUNDLES]
    )
    assert len(list(out.rglob("world_50m.json"))) == 1
    opening = bake.PLOTLY_JS.read_text()[:2000]
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert page.stat().st_size < 500_000, page  # no inline plotly.js
        assert opening[200:400] not in text
        assert "PlotlyGeoAssets" not in text  # the geometry is not inlined either
    for slug, bundle in (
        ("map-rsf-2026", "plotly-geo.min.js"),
        ("rank-AZE", "plotly-basic.min.js"),
    ):
        frame = (out / "charts" / slug / "embed.html").read_text()
        assert f'<script src="../../assets/{bundle}"></script>' in frame
        assert '<script src="../../assets/frame.js"></script>' in frame
        pinned = (out / "pinned" / f"build-{BUILD}" / slug / "embed.html").read_text()
        assert f'<script src="../../../assets/{bundle}"></script>' in pinned
        # the chart's page shows the chart in its own embed frame, as an editor's page would
        page = (out / "charts" / slug / "index.html").read_text()
        assert '<iframe src="embed.html"' in page and "plotly" not in page
    assert 'topojsonURL: new URL("topojson/", here)' in (out / "assets" / "frame.js").read_text()


def test_the_fetched_bundles_are_the_version_plotly_ships():
    """The Makefile pins the partial bundles' version; plotly.py's own file names its own:
    an upgrade of plotly that is not followed in the Makefile fails here."""
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    pinned = re.search(r"^PLOTLY_JS_VERSION := (\S+)$", makefile, flags=re.M).group(1)
    assert pinned == bake.PLOTLY_JS_VERSION


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
    # plotly's own files, byte for byte
    vendored = {out / "assets" / name for name in ("plotly.min.js", *bake.BUNDLES)}
    for path in _files(out):
        if path in vendored or path.suffix in (".png", ".pdf"):
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
    assert "not handed out" in page
    for frame in (
        folder / "embed.html",
        out / "pinned" / f"build-{BUILD}" / "cpj-AZE" / "embed.html",
    ):
        text = frame.read_text()
        assert 'id="figure"' not in text and "plotly.min.js" not in text  # no values in it
        assert '<img src="chart.png"' in text and (frame.parent / "chart.png").is_file()
    descriptor = json.loads((folder / "chart.json").read_text())
    assert descriptor["withheld"] and "csv" not in descriptor["urls"]
    # a chart whose sources may be handed out has its CSV, headed as the app's downloads
    csv = (out / "charts" / "rank-AZE" / "data.csv").read_text().splitlines()
    assert csv[0].startswith("# Source: RSF") and "Licence:" in csv[0]
    # its second source: the documented cases whose arrests it marks
    assert csv[1].startswith("# Source: as cited per fact")
    assert csv[2] == "# View: charts/rank-AZE/ (Press Freedom Dashboard, baked site)"
    assert "skiprows=4" in csv[3] and csv[4].startswith("iso3,country,year")


def test_descriptor_fields(site):
    out, *_ = site
    descriptor = json.loads((out / "charts" / "map-rsf-2026" / "chart.json").read_text())
    for key in ("title", "source", "licence", "build", "urls", "alt", "code_version"):
        assert descriptor[key], key
    assert descriptor["build"].startswith("data build-")
    assert descriptor["source"][0]["dataset"] == "rsf_index"
    assert descriptor["urls"]["page"] == "charts/map-rsf-2026/"
    for fmt in ("png", "svg", "pdf", "csv", "json", "embed", "oembed"):
        assert (out / descriptor["urls"][fmt]).is_file(), fmt
    assert (
        descriptor["urls"]["live"]
        == "http://127.0.0.1:8501/embed?chart=map&metric=rsf&edition=2026&embed=true"
    )
    assert descriptor["urls"]["explore"] == "http://127.0.0.1:8501/map?metric=rsf&edition=2026"
    assert descriptor["embed"]["live"] == f"{SITE}charts/map-rsf-2026/embed.html"
    assert descriptor["embed"]["pinned"] == {
        str(BUILD): f"{SITE}pinned/build-{BUILD}/map-rsf-2026/embed.html"
    }
    assert len(descriptor["figures_sha256"]) == 64
    profile = json.loads((out / "charts" / "cpj-AZE" / "chart.json").read_text())
    assert profile["urls"]["explore"] == (
        "http://127.0.0.1:8501/country?country=AZE&section=CPJ+records"
    )
    assert descriptor["alt"] in (out / "charts" / "map-rsf-2026" / "index.html").read_text()


def test_rebake_redraws_only_what_changed(site):
    out, data, _, _ = site
    again = bake.bake(out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE)
    assert again.baked == [] and len(again.skipped) == len(SPECS)
    # a changed dataset re-bakes the charts that read it, and only those
    with (data / "pts.csv").open("a") as handle:
        handle.write("\n")
    pinned = out / "pinned" / f"build-{BUILD}" / "map-pts_a-2023" / "embed.html"
    before = pinned.read_bytes()
    changed = bake.bake(out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE)
    assert changed.baked == ["map-pts_a-2023"]
    assert pinned.read_bytes() == before  # a pinned embed never changes
    # a chart whose files went missing is baked again; one no longer listed is removed
    (out / "charts" / "rank-AZE" / "chart.svg").unlink()
    fewer = [s for s in SPECS if s is not PTS]
    repaired = bake.bake(
        out, specs=fewer, directory=data, progress=lambda line: None, live_url=LIVE
    )
    assert repaired.baked == ["rank-AZE"] and repaired.removed == ["map-pts_a-2023"]
    assert not (out / "charts" / "map-pts_a-2023").exists()
    assert pinned.read_bytes() == before  # pinned embeds outlive the chart (they say so)
    bake.bake(
        out, specs=SPECS, directory=data, progress=lambda line: None, live_url=LIVE
    )  # as it was


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(folder: Path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, base


@pytest.fixture(scope="module")
def served(site):
    out, *_ = site
    server, base = _serve(out)
    try:
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
            # the countries are drawn in the page's embed frame: the geometry came from the
            # site's own file
            frame = page.frame_locator("iframe")
            frame.locator("path.choroplethlocation").first.wait_for(timeout=20_000)
            shapes = frame.locator("path.choroplethlocation").count()
            legend = frame.locator(".legend").text_content()
        finally:
            browser.close()
    assert shapes > 150
    assert "Very serious" in legend
    assert any(url.endswith("/assets/plotly-geo.min.js") for url in requests)
    assert any(url.endswith("/assets/topojson/world_50m.json") for url in requests)
    assert all(url.startswith(served) for url in requests), requests
    assert not [url for url in failed if not url.endswith("favicon.ico")], failed


def test_a_chart_that_cannot_be_drawn_stops_no_other(tmp_path, monkeypatch):
    drawn = bake.gallery.draw

    def draw(spec, load, values=None, lang="en"):
        if spec.kind == "score":
            raise ValueError("no data for this one")
        return drawn(spec, load, values, lang)

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


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield launched
        finally:
            launched.close()


def _frame_state(frame) -> dict:
    frame.wait_for_selector("path.choroplethlocation, .scatterlayer .trace", timeout=20_000)
    return frame.evaluate(
        """() => ({theme: document.documentElement.getAttribute("data-theme"),
                   paper: document.getElementById("chart")._fullLayout.paper_bgcolor,
                   height: document.getElementById("chart")._fullLayout.height,
                   body: document.body.getBoundingClientRect().height})"""
    )


def test_an_embed_in_another_sites_page_sizes_itself_and_follows_dark_mode(
    site, served, browser, tmp_path
):
    """The snippet as an editor pastes it, in a page of another origin: the frame draws
    the chart from the site's files, the script sizes the iframe to the frame's height,
    the reader's dark mode is followed unless ?theme= fixes one, phones get their layout."""
    out, *_ = site
    descriptor = json.loads((out / "charts" / "map-rsf-2026" / "chart.json").read_text())
    snippet = descriptor["embed"]["snippet"].replace(SITE, served)
    forced = snippet.replace("embed.html", "embed.html?theme=light")
    (tmp_path / "index.html").write_text(
        f"<!DOCTYPE html><html><body style='margin:0'><p>An article.</p>{snippet}"
        f"<p>Between.</p>{forced}</body></html>"
    )
    host, host_url = _serve(tmp_path)
    try:
        sizes = {}
        for width, scheme in ((1200, "dark"), (390, "light")):
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            page.goto(host_url)
            # the iframes' documents may still be committing when the page's load event
            # fires: wait until both have their addresses (the test raced this once in CI)
            deadline = time.monotonic() + 30
            while True:
                frames = [f for f in page.frames if f.url.endswith(("embed.html", "theme=light"))]
                if len(frames) == 2 or time.monotonic() > deadline:
                    break
                page.wait_for_timeout(100)
            assert len(frames) == 2
            followed, fixed = (_frame_state(f) for f in sorted(frames, key=lambda f: f.url))
            page.wait_for_function(
                "() => [...document.querySelectorAll('iframe')].every("
                "f => f.style.height && f.style.aspectRatio === 'auto')"
            )
            heights = page.evaluate(
                "() => [...document.querySelectorAll('iframe')].map(f => f.clientHeight)"
            )
            context.close()
            assert followed["theme"] == scheme and fixed["theme"] == "light"
            assert followed["paper"] == export.THEMES[scheme]["paper"]
            assert fixed["paper"] == export.THEMES["light"]["paper"]
            # the iframe is exactly as tall as its frame's content: nothing cut, no blank
            assert abs(heights[0] - followed["body"]) <= 1, (heights, followed)
            sizes[width] = followed["height"]
    finally:
        host.terminate()
        host.wait(timeout=10)
    web = json.loads(
        re.search(
            r'id="figure">(.*?)</script>',
            (out / "charts" / "map-rsf-2026" / "embed.html").read_text(),
        ).group(1)
    )
    assert sizes[1200] == web["variants"]["wide-dark"]["layout"]["height"]
    assert sizes[390] == web["variants"]["narrow-light"]["layout"]["height"]


def test_a_pinned_embed_says_when_its_figures_were_revised(site, served, browser):
    out, *_ = site
    live = out / "charts" / "rank-AZE" / "chart.json"
    original = live.read_text()
    pinned = f"{served}pinned/build-{BUILD}/rank-AZE/embed.html"
    page = browser.new_page()
    try:
        page.goto(pinned)
        page.wait_for_selector(".scatterlayer .trace", timeout=20_000)
        page.wait_for_timeout(500)
        assert page.locator("#revised").is_hidden()  # the same figures as the live chart
        descriptor = json.loads(original)
        descriptor["figures_sha256"] = "0" * 64  # as a later build with revised figures
        live.write_text(json.dumps(descriptor))
        page.goto(pinned)
        notice = page.locator("#revised")
        notice.wait_for(state="visible", timeout=10_000)
        text = notice.text_content()
        links = notice.locator("a").evaluate_all("links => links.map(a => a.href)")
    finally:
        live.write_text(original)
        page.close()
    assert f"build-{BUILD}" in text and "revised in a later build" in text
    assert links == [
        f"{served}charts/rank-AZE/embed.html",
        f"{served}changelog.html#build-{BUILD}",
    ]
    changelog = (out / "changelog.html").read_text()
    assert f'id="build-{BUILD}"' in changelog


def test_oembed_answers_for_site_pinned_and_live_addresses(site, monkeypatch):
    from starlette.testclient import TestClient

    from dashboard import oembed, server

    out, *_ = site
    static = json.loads((out / "charts" / "rank-AZE" / "oembed.json").read_text())
    assert static["type"] == "rich" and static["version"] == "1.0"
    assert static["html"].startswith(f'<iframe src="{SITE}charts/rank-AZE/embed.html"')
    status, answer = oembed.answer({"url": f"{SITE}charts/rank-AZE/"}, LIVE, out)
    assert status == 200 and answer == static
    cdn = "https://charts.example.org/pfd/"
    status, answer = oembed.answer(
        {"url": f"{cdn}pinned/build-{BUILD}/rank-AZE/embed.html", "maxwidth": "600"}, LIVE, out
    )
    assert status == 200 and answer["width"] == 600
    assert f'src="{cdn}pinned/build-{BUILD}/rank-AZE/embed.html"' in answer["html"]
    assert f'<script src="{cdn}assets/embed.js" async>' in answer["html"]
    # a live view whose chart is baked gets the static embed; one that is not, the live page
    status, answer = oembed.answer({"url": f"{LIVE}/map?metric=rsf&edition=2026"}, LIVE, out)
    assert status == 200 and f"{SITE}charts/map-rsf-2026/embed.html" in answer["html"]
    status, answer = oembed.answer({"url": f"{LIVE}/map?metric=rsf&edition=2019"}, LIVE, out)
    assert status == 200
    assert "/embed?chart=map&amp;metric=rsf&amp;edition=2019&amp;embed=true" in answer["html"]
    assert answer["title"] == "World Press Freedom Index 2019"
    for params, expected in [
        ({"url": f"{SITE}charts/no-such-chart/"}, 404),
        ({"url": f"{LIVE}/cases"}, 404),
        ({"url": "javascript:alert(1)"}, 400),
        ({"url": f"{SITE}charts/rank-AZE/", "format": "xml"}, 501),
        ({"url": f"{SITE}charts/rank-AZE/", "maxwidth": "-3"}, 400),
        ({}, 400),
    ]:
        assert oembed.answer(params, LIVE, out)[0] == expected, params
    # through the server's routes and headers (Streamlit's runtime starts once per process:
    # tests/test_server.py owns it), which also serve the site itself
    from starlette.applications import Starlette

    monkeypatch.setattr(server, "SITE_DIR", out)
    with TestClient(Starlette(routes=server.ROUTES, middleware=server.MIDDLEWARE)) as client:
        answer = client.get("/oembed", params={"url": f"{SITE}charts/rank-AZE/"})
        assert answer.status_code == 200 and answer.json() == static
        frame = client.get("/site/charts/rank-AZE/embed.html")
        policy = frame.headers["content-security-policy"]
        assert frame.status_code == 200 and "frame-ancestors" not in policy
        page = client.get("/site/charts/rank-AZE/")
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        pinned = client.get(f"/site/pinned/build-{BUILD}/rank-AZE/embed.html")
        assert "immutable" in pinned.headers["cache-control"]
        assert "immutable" not in client.get("/site/assets/frame.js").headers["cache-control"]
        assert client.get("/site/.bake.json").status_code == 404
        assert client.get("/site/%2e%2e/README.md").status_code == 404
        assert client.get("/site/charts/rank-AZE", follow_redirects=False).status_code == 308


def test_the_apps_embed_menu_hands_out_the_static_embed(site, monkeypatch):
    """Where the baked site holds the chart as the app draws it now, the Embed menu gives
    the static embed (live and pinned) before the live /embed page; a snapshot serves the
    baked file."""
    import streamlit as st

    from dashboard import embeds, gallery
    from tests.test_app import page

    out, *_ = site
    monkeypatch.setattr(embeds, "SITE_DIR", out)
    chart = gallery.draw(chart_specs.CountryChart("rank", "AZE"), export.cached_loader())
    assert embeds.current(chart)["title"] == style.plain(chart.figure.layout.title.text)
    assert (
        embeds.current(
            gallery.draw(chart_specs.CountryChart("rank", "TUR"), export.cached_loader())
        )
        is None
    )
    st.cache_data.clear()
    at = page("views/world_map.py", edition="2026")
    at.session_state["map-embed"] = True
    at.run()
    assert not at.exception
    codes = [c.value for c in at.code]
    assert codes[0].startswith('<iframe src="http://localhost:8501/site/charts/map-rsf-2026/')
    assert f"/site/pinned/build-{BUILD}/map-rsf-2026/embed.html" in codes[1]
    assert "chart=map&metric=rsf&edition=2026&embed=true" in codes[2]
