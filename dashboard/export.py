"""Chart snapshots for editors: PNG, SVG, PDF (print) and self-contained HTML, offline.

    python -m dashboard.export --chart map:edition=2026 --chart rank:country=AZE --out DIR
    python -m dashboard.export --gallery --out DIR        (every edition, every country)
    python -m dashboard.export --chart map:edition=2026 --lang fr --out DIR   (in French)

Images are drawn by kaleido in the locally installed Chromium (Debian's `chromium`), with
the map geometry read from the app's own files, so nothing is fetched from a CDN. Every
snapshot carries its title, subtitle, source line with licence, the dashboard's name and
the data build; SVG and HTML also carry the generated alt text. `--lang` draws them in one
of the interface's languages (dashboard/i18n.py): titles, legends, source line, licence,
alt text.
"""

from __future__ import annotations

import argparse
import copy
import functools
import html
import io
import json
import os
import re
import shutil
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
import plotly.offline

from dashboard import alttext, chart_specs, gallery, geo, i18n
from dashboard.charts import style
from dashboard.downloads import withheld_reason
from etl import model, project, registry, store

PRESETS = {"article": (1200, 675), "square": (1080, 1080), "portrait": (1080, 1350)}
THEMES = {
    "light": {
        "paper": "#ffffff",
        "plot": "#ffffff",
        "text": "#262730",
        "grid": "#e6e6e6",
        "ocean": "#ffffff",
    },
    "dark": {
        "paper": "#0e1117",
        "plot": "#0e1117",
        "text": "#e6e6e6",
        "grid": "#333a44",
        "ocean": "#0e1117",
    },
}
FORMATS = ("png", "svg", "pdf", "html")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


class ExportUnavailable(RuntimeError):
    """No local browser to draw images with; says how to install one."""


def browser_path() -> str | None:
    """The Chromium kaleido will drive, if one is installed."""
    return os.environ.get("BROWSER_PATH") or next(
        (found for name in BROWSERS if (found := shutil.which(name))), None
    )


def data_build(directory: Path | None = None) -> str:
    """The data build, as the source line of a snapshot names it."""
    return f"data {store.build_label(store.current_version(directory or store.DATASETS_DIR))}"


def build_text(build: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """The data build as `data_build` names it ("data build-3 (2026-11-30)"), in `lang`."""
    label = build.removeprefix("data ")
    if label == build:  # named otherwise by a caller: shown as given
        return build
    return i18n.translator(lang).gettext("data %(build)s") % {"build": label}


def licence_label(dataset: model.Dataset, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """The licence's short name in `lang` (`Dataset.licence_label`, cut from the translated
    licence the same way)."""
    if lang == i18n.SOURCE_LANGUAGE:
        return dataset.licence_label
    translated = i18n.translator(lang).term("licence", dataset.licence)
    return re.split(r":|;|؛| \(", translated, maxsplit=1)[0].strip() or dataset.licence_label


def themed(
    fig: go.Figure,
    *,
    theme: str = "light",
    build: str | None = None,
    alt: str | None = None,
    sources: tuple[model.Dataset, ...] = (),
) -> go.Figure:
    """A copy of `fig` in the theme's colours, with the build and licence in its source line
    (not yet laid out for a size: `snapshot` fits it to an image, the site to a screen).

    Only backgrounds, text and grid change between themes: every data colour is set
    explicitly by the chart functions, so the meaning of colours is the same in both.
    """
    colours = THEMES[theme]
    out = style.copy_of(fig)
    out.update_layout(
        paper_bgcolor=colours["paper"],
        plot_bgcolor=colours["plot"],
        font={"color": colours["text"], "family": "Arial, sans-serif"},
        meta={**(out.layout.meta or {}), "alt": alt or alttext.describe(fig)},
    )
    out.update_xaxes(gridcolor=colours["grid"], linecolor=colours["grid"])
    out.update_yaxes(gridcolor=colours["grid"], linecolor=colours["grid"])
    out.update_geos(bgcolor=colours["ocean"])
    tr = i18n.translator(style.language(fig))
    build = build_text(build or data_build(), tr.lang)
    annotations = []
    for note in out.layout.annotations:
        note = copy.deepcopy(note)
        if note.name == "source":
            licences = tr.gettext("; ").join(
                dict.fromkeys(licence_label(d, tr.lang) for d in sources)
            )
            note.text = f"{note.text} · {build}" + (
                "<br>" + tr.gettext("Licence: %(licence)s") % {"licence": licences}
                if licences
                else ""
            )
            note.font = {"size": 12, "color": colours["text"]}
            note.align = "left"
        annotations.append(note)
    out.layout.annotations = annotations
    return out


def snapshot(
    fig: go.Figure,
    *,
    preset: str = "article",
    theme: str = "light",
    build: str | None = None,
    alt: str | None = None,
    sources: tuple[model.Dataset, ...] = (),
) -> go.Figure:
    """A copy of `fig` sized for the preset, themed, with the build in its source line."""
    width, height = PRESETS[preset]
    out = themed(fig, theme=theme, build=build, alt=alt, sources=sources)
    out.update_layout(width=width, height=height)
    # laid out again for the image's size: text wrapped for its width, panels in a grid
    return style.fit(out, width, height)


def _palette_png(png: bytes) -> bytes:
    """The PNG in 256 colours: a chart has a handful of flat colours and the anti-aliased
    edges of its text and shapes, so a palette keeps its look (no dithering) at a third to
    a quarter of the bytes (world map 212 KB → 58 KB, line chart 84 KB → 25 KB)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")  # the chart's paper is opaque
    palette = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, format="PNG", optimize=True)
    return out.getvalue()


_PATH_DATA = re.compile(r'd="([^"]*)"')
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _compact_paths(svg: bytes) -> bytes:
    """Path coordinates to 0.1 px: the browser writes 14 decimals, which make a world map
    2 MB; at 0.1 px (1/12,000 of the image's width) it is a third of that and looks the same
    at any zoom a page or print uses."""

    def short(number: re.Match) -> str:
        text = f"{float(number.group()):.1f}".removesuffix(".0")
        return "0" if text == "-0" else text

    def path(match: re.Match) -> str:
        return 'd="' + _DECIMAL.sub(short, match.group(1)) + '"'

    return _PATH_DATA.sub(path, svg.decode("utf-8")).encode("utf-8")


def _with_alt_svg(svg: bytes, alt: str, title: str) -> bytes:
    """Put a <title> and <desc> (the alt text) first inside the SVG root element."""
    text = svg.decode("utf-8")
    end = text.index(">", text.index("<svg")) + 1
    tags = f"<title>{html.escape(title)}</title><desc>{html.escape(alt)}</desc>"
    root = text[:end]
    if "role=" not in root:
        root = root[:-1] + ' role="img">'
    return (root + tags + text[end:]).encode("utf-8")


def to_html(fig: go.Figure, alt: str) -> str:
    """A page that needs nothing from the network: plotly.js and map geometry inlined."""
    geometry = ""
    if any(trace.type == "choropleth" for trace in fig.data):
        topology = (geo.TOPOJSON_DIR / "world_50m.json").read_text(encoding="utf-8")
        geometry = (
            f"<script>window.PlotlyGeoAssets = {{topojson: {{'world_50m': {topology}}}}};</script>"
        )
    lang = style.language(fig)
    title = style.plain(fig.layout.title.text) or i18n.translator(lang).gettext(project.NAME)
    div = pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=False,
        config={"displaylogo": False, "responsive": True},
    )
    direction = "rtl" if i18n.is_rtl(lang) else "ltr"
    # The page's body keeps Plotly's left-to-right frame, as the app's charts do
    # (dashboard/app.py): the figure places its text from the right itself, Plotly measures
    # text in a tester on the body (from the right, it shifted the source line by its own
    # width), and an Arabic page whose body ran from the right drew nothing in Chromium.
    toolbar = (  # the title starts at the right: the toolbar goes to the free left
        "<style>.js-plotly-plot text{unicode-bidi:plaintext}"
        ".js-plotly-plot .plotly .modebar{right:auto;left:2px}</style>"
        if direction == "rtl"
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">'
        f'<head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{geometry}<script>{plotly.offline.get_plotlyjs()}</script>{toolbar}</head>"
        f'<body style="margin:0;direction:ltr"><figure role="img" '
        f'aria-label="{html.escape(alt)}" style="margin:0">{div}'
        f'<figcaption dir="{direction}" style="position:absolute;left:-10000px">'
        f"{html.escape(alt)}</figcaption></figure></body></html>\n"
    )


@contextmanager
def renderer() -> Iterator[None]:
    """One browser for a whole batch of images (kaleido's sync server)."""
    import kaleido

    path = browser_path()
    if path is None:
        raise ExportUnavailable(
            "Image export needs a local Chromium: install Debian's package with "
            "`apt-get install chromium` (or set BROWSER_PATH)."
        )
    os.environ.setdefault("BROWSER_PATH", path)
    _offline_plotly()
    warnings.filterwarnings("ignore", message="The kopts argument is ignored")
    kaleido.start_sync_server(silence_warnings=True)
    try:
        yield
    finally:
        kaleido.stop_sync_server(silence_warnings=True)


# kaleido's sync server hands results back through one queue: two threads (two readers'
# sessions) drawing at once could swap their images, so one image is drawn at a time.
_DRAWING = threading.Lock()


def warm() -> bool:
    """Start this process's export browser, once, in the background, and keep it: the
    app calls this when a Snapshot menu opens, so by the click an image costs its drawing
    only (0.2-1 s), not a browser start (4-16 s per click before). False where no Chromium
    is installed."""
    global _warming
    if browser_path() is None:
        return False
    with _WARMING:
        if _warming is None:
            _warming = threading.Thread(target=_start_and_draw_once, daemon=True)
            _warming.start()
    return True


def _start_and_draw_once() -> None:
    import kaleido

    os.environ.setdefault("BROWSER_PATH", browser_path())
    _offline_plotly()
    warnings.filterwarnings("ignore", message="The kopts argument is ignored")
    with _DRAWING:
        kaleido.start_sync_server(silence_warnings=True)
    # the page loaded: drawn as a reader's image is, again while kaleido's page is not ready
    # (on a busy machine the first drawing could fail with NOT_READY, in this thread)
    _draw(go.Figure(), "png", 10, 10)


_WARMING = threading.Lock()
_warming: threading.Thread | None = None


def _offline_plotly() -> None:
    """Map geometry from the app's own files, no MathJax: nothing is fetched from a CDN."""
    pio.defaults.topojson = geo.TOPOJSON_DIR.as_uri() + "/"
    pio.defaults.mathjax = None


def render(fig: go.Figure, fmt: str) -> bytes:
    """Bytes of one snapshot (`fig` from `snapshot`); PNG/SVG need an active `renderer()`
    or start a browser for this one image."""
    alt = (fig.layout.meta or {}).get("alt") or alttext.describe(fig)
    if fmt == "html":
        return to_html(fig, alt).encode("utf-8")
    _offline_plotly()
    width, height = fig.layout.width, fig.layout.height
    image = _draw(fig, fmt, width, height)
    if fmt == "svg":
        image = _with_alt_svg(_compact_paths(image), alt, style.plain(fig.layout.title.text))
    elif fmt == "png":
        image = _palette_png(image)
    return image


# kaleido may hand a drawing to its browser tab before the tab's own script has loaded (a
# busy machine: "ReferenceError: kaleido_scopes is not defined"); the tab is ready a moment
# later, so such a drawing is tried again, a few times
NOT_READY = "kaleido_scopes is not defined"
DRAW_ATTEMPTS = 4


def _draw(fig: go.Figure, fmt: str, width, height) -> bytes:
    for attempt in range(DRAW_ATTEMPTS):
        try:
            with _DRAWING:
                return pio.to_image(fig, format=fmt, width=width, height=height, scale=1)
        except Exception as error:  # kaleido's JavascriptError is not exported
            if NOT_READY not in str(error) or attempt == DRAW_ATTEMPTS - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
    raise AssertionError("unreachable")


# Files that carry every value of the chart (the HTML holds the figure's data for its hover
# labels): handed out only when the chart's sources may be redistributed.
DATA_FORMATS = ("html",)


def export_one(
    chart: gallery.Chart,
    out: Path,
    *,
    formats=FORMATS,
    preset="article",
    theme="light",
    build: str | None = None,
) -> dict:
    """Write one chart in every format; returns its entry for the gallery index."""
    fig = snapshot(
        chart.figure,
        preset=preset,
        theme=theme,
        build=build,
        sources=chart.sources,
    )
    alt = fig.layout.meta["alt"]
    files, withheld = {}, withheld_reason(chart.sources)
    for fmt in formats:
        if fmt in DATA_FORMATS and withheld:
            print(f"{chart.slug}: no {fmt.upper()} file: {withheld}", file=sys.stderr)
            continue
        path = out / f"{chart.slug}-{preset}-{theme}.{fmt}"
        path.write_bytes(render(fig, fmt))
        files[fmt] = path.name
    return {
        "slug": chart.slug,
        "title": style.plain(chart.figure.layout.title.text),
        "alt": alt,
        "files": files,
    }


def cached_loader():
    """read_dataset, each file read once per batch (every chart of a gallery shares them)."""
    return functools.cache(store.read_dataset)


def gallery_specs(load) -> list[chart_specs.Spec]:
    """The whole gallery: a world map for every RSF edition, a profile chart per country."""
    index = load("rsf_index")
    rsf_maps = [m for m in registry.ON_MAP.values() if m.on_map.style == "bands"]
    specs: list[chart_specs.Spec] = [
        chart_specs.MapChart(measure, int(year))
        for measure in rsf_maps
        for year in sorted(index["year"].unique())
    ]
    specs += [chart_specs.CountryChart("rank", code) for code in sorted(index["iso3"].unique())]
    return specs


def write_index(out: Path, entries: list[dict], lang: str = i18n.SOURCE_LANGUAGE) -> Path:
    _ = i18n.translator(lang).gettext
    heading = html.escape(_("%(dashboard)s: chart gallery") % {"dashboard": _(project.NAME)})
    direction = "rtl" if i18n.is_rtl(lang) else "ltr"
    items = "\n".join(
        f"<li><h2>{html.escape(e['title'] or e['slug'])}</h2>"
        + (
            f'<img src="{html.escape(e["files"]["png"])}" alt="{html.escape(e["alt"])}" '
            'width="600">'
            if "png" in e["files"]
            else ""
        )
        + f"<p>{html.escape(e['alt'])}</p><p>"
        + " · ".join(
            f'<a href="{html.escape(name)}">{fmt.upper()}</a>' for fmt, name in e["files"].items()
        )
        + "</p></li>"
        for e in entries
    )
    path = out / "index.html"
    path.write_text(
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{heading}</title></head><body>"
        f"<h1>{heading}</h1><ul>{items}</ul></body></html>\n",
        encoding="utf-8",
    )
    (out / "index.json").write_text(
        json.dumps(entries, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return path


def _parse_chart(text: str) -> tuple[str, dict[str, str]]:
    """'map:metric=rsf,edition=2026' → ('map', {...}); ';' also separates parameters."""
    kind, _, rest = text.partition(":")
    params = dict(part.split("=", 1) for part in rest.replace(";", "&").split("&") if "=" in part)
    return kind, params


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--chart",
        action="append",
        default=[],
        metavar="KIND:PARAMS",
        help=f"a chart, e.g. map:metric=rsf&edition=2026 or "
        f"rank:country=AZE; kinds: {', '.join(chart_specs.KINDS)}",
    )
    parser.add_argument(
        "--gallery",
        action="store_true",
        help="every RSF edition's map and every country's rank chart",
    )
    parser.add_argument("--out", type=Path, default=Path("snapshots"))
    parser.add_argument("--formats", default="png,svg,html")
    parser.add_argument("--preset", choices=list(PRESETS), default="article")
    parser.add_argument("--theme", choices=list(THEMES), default="light")
    parser.add_argument("--limit", type=int, default=None, help="stop after N charts")
    parser.add_argument(
        "--lang",
        choices=i18n.languages(),
        default=i18n.SOURCE_LANGUAGE,
        help="the language the charts are drawn in (titles, legends, source line, alt text)",
    )
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    if unknown := set(formats) - set(FORMATS):
        parser.error(f"unknown format(s) {sorted(unknown)}; choose from {FORMATS}")

    load = cached_loader()
    # charts named on the command line are parsed once, here
    specs = [chart_specs.parse(*_parse_chart(text), load)[0] for text in args.chart]
    if args.gallery:
        specs += gallery_specs(load)
    if not specs:
        parser.error("name at least one --chart, or --gallery")
    specs = specs[: args.limit] if args.limit else specs
    args.out.mkdir(parents=True, exist_ok=True)
    build = data_build()
    entries, started = [], time.perf_counter()
    try:
        with renderer() if {"png", "svg"} & set(formats) else _nothing():
            for number, spec in enumerate(specs, 1):
                chart = gallery.draw(spec, load, lang=args.lang)
                entries.append(
                    export_one(
                        chart,
                        args.out,
                        formats=formats,
                        preset=args.preset,
                        theme=args.theme,
                        build=build,
                    )
                )
                elapsed = time.perf_counter() - started
                print(
                    f"[{number}/{len(specs)}] {chart.slug} ({elapsed:.1f} s)",
                    file=sys.stderr,
                    flush=True,
                )
    except ExportUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    index = write_index(args.out, entries, args.lang)
    print(f"wrote {len(entries)} chart(s) to {args.out}; index: {index}", file=sys.stderr)
    return 0


@contextmanager
def _nothing() -> Iterator[None]:
    yield


if __name__ == "__main__":
    sys.exit(main())
