"""Snapshots for editors: every chart type to PNG and SVG at the presets, offline HTML,
alt text, and the batch CLI. Image tests need a local Chromium and skip without one."""

import io
import re
import subprocess
import sys

import plotly.graph_objects as go
import pytest
from PIL import Image

from dashboard import alttext, export, gallery
from dashboard.charts import style
from etl import project, store
from tests.conftest import ROOT, needs_built

needs_browser = pytest.mark.skipif(
    export.browser_path() is None,
    reason="no Chromium: install Debian's `chromium` package (.ci/run does) to test images",
)
CHARTS = [
    ("map", {"metric": "rsf", "edition": "2026"}),
    ("map", {"metric": "rsf", "edition": "2010"}),
    ("map", {"metric": "imprisoned", "edition": "2023"}),
    ("map", {"metric": "pts_a", "edition": "2023"}),
    ("rank", {"country": "AZE"}),
    ("score", {"country": "TUR"}),
    ("indicators", {"country": "RUS"}),
    ("compare", {"countries": "AZE,TUR,RUS,UKR", "measure": "rank"}),
    ("cpj", {"country": "AZE"}),
    ("bands", {}),
]


def chart(kind, params):
    return gallery.build(kind, params, store.read_dataset)


@pytest.fixture(scope="module")
def browser():
    if export.browser_path() is None:
        pytest.skip("no Chromium: install Debian's `chromium` package to test images")
    with export.renderer():
        yield


@needs_built()
@needs_browser
@pytest.mark.parametrize(
    ("kind", "params"), CHARTS, ids=[f"{k}-{'-'.join(p.values())}" for k, p in CHARTS]
)
def test_every_chart_type_exports_png_and_svg(browser, kind, params):
    built = chart(kind, params)
    shot = export.snapshot(built.figure, preset="article", sources=built.sources)
    png = export.render(shot, "png")
    assert Image.open(io.BytesIO(png)).size == export.PRESETS["article"]
    svg = export.render(shot, "svg").decode("utf-8")
    title = style.plain(built.figure.layout.title.text)  # the figure's is wrapped for a phone
    assert title.split(":")[0].replace("&", "&amp;") in svg
    assert project.NAME in svg and "data build-" in svg and "Licence:" in svg
    assert "<desc>" in svg and "</title>" in svg


@needs_browser
@pytest.mark.parametrize("preset", list(export.PRESETS))
@pytest.mark.parametrize("theme", list(export.THEMES))
def test_presets_and_themes(browser, preset, theme):
    built = chart("rank", {"country": "AZE"})
    shot = export.snapshot(built.figure, preset=preset, theme=theme, sources=built.sources)
    image = Image.open(io.BytesIO(export.render(shot, "png"))).convert("RGB")
    assert image.size == export.PRESETS[preset]
    corner = image.getpixel((2, 2))
    assert (sum(corner) > 600) == (theme == "light")  # white paper or dark paper
    # the data colours do not change with the theme
    assert [t.line.color for t in shot.data] == [t.line.color for t in built.figure.data]


def test_html_export_needs_no_network():
    built = chart("map", {"metric": "rsf", "edition": "2026"})
    page = export.to_html(export.snapshot(built.figure), alttext.describe(built.figure))
    assert "window.PlotlyGeoAssets" in page and "world_50m" in page
    # the page's own markup loads nothing from elsewhere (the inlined plotly.js bundle
    # merely contains link strings, such as its logo's, which are never fetched)
    markup = re.sub(r"<script>.*?</script>", "<script></script>", page, flags=re.DOTALL)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", markup)
    assert markup.count("<script></script>") == 3  # geometry, plotly.js, the figure
    assert 'aria-label="World Press Freedom Index 2026' in page


@needs_built()
def test_alt_text_names_the_extremes():
    map_text = alttext.describe(chart("map", {"metric": "rsf", "edition": "2026"}).figure)
    assert "Norway (92.72)" in map_text and "Eritrea (10.24)" in map_text
    rank_text = alttext.describe(chart("rank", {"country": "AZE"}).figure)
    assert "from 101 in 2002" in rank_text and "171 in 2026" in rank_text
    count_text = alttext.describe(chart("map", {"metric": "imprisoned", "edition": "2023"}).figure)
    assert "China (44)" in count_text and "Total 320" in count_text


@needs_browser
def test_cli_batch_writes_images_and_an_index(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard.export",
            "--chart",
            "map:metric=rsf&edition=2025",
            "--chart",
            "rank:country=UKR",
            "--out",
            str(tmp_path),
            "--formats",
            "png,html",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "[2/2]" in result.stderr
    index = (tmp_path / "index.html").read_text()
    assert "map-rsf-2025-article-light.png" in index and "Ukraine" in index
    assert (tmp_path / "rank-UKR-article-light.html").exists()


def _ready_after(failures: int, calls: list):
    """A stand-in for pio.to_image whose tab is not ready for its first `failures` calls
    (kaleido's error), noting each call's format in `calls`."""

    def to_image(fig, **options):
        calls.append(options["format"])
        if len(calls) <= failures:
            raise RuntimeError("ReferenceError: kaleido_scopes is not defined")
        return b"image"

    return to_image


def test_a_drawing_handed_to_a_tab_not_yet_ready_is_tried_again(monkeypatch):
    """kaleido's tab may not have loaded its script yet on a busy machine; that error, and
    only that one, is retried."""
    calls = []
    monkeypatch.setattr(export.pio, "to_image", _ready_after(2, calls))
    monkeypatch.setattr(export.time, "sleep", lambda seconds: None)
    assert export._draw(go.Figure(), "png", 10, 10) == b"image"
    assert calls == ["png"] * 3

    def broken(fig, **options):
        raise RuntimeError("something else")

    monkeypatch.setattr(export.pio, "to_image", broken)
    with pytest.raises(RuntimeError, match="something else"):
        export._draw(go.Figure(), "png", 10, 10)


def test_the_export_browsers_warm_up_waits_for_its_tab_too(monkeypatch):
    """The warm-up's first drawing (when a Snapshot menu opens) is retried like a reader's:
    it failed in its thread with kaleido's not-ready error on a busy machine (a CI run,
    2026-12-04)."""
    import kaleido

    calls = []
    monkeypatch.setattr(export, "browser_path", lambda: "/usr/bin/chromium")  # not started
    monkeypatch.setenv("BROWSER_PATH", "/usr/bin/chromium")
    monkeypatch.setattr(kaleido, "start_sync_server", lambda **options: None)
    monkeypatch.setattr(export.pio, "to_image", _ready_after(1, calls))
    monkeypatch.setattr(export.time, "sleep", lambda seconds: None)
    export._start_and_draw_once()  # no exception
    assert calls == ["png", "png"]
