"""The oEmbed endpoint (/oembed?url=...): a CMS sends the address of a chart and gets the
iframe to embed (oEmbed 1.0, "rich", JSON only).

Addresses understood: a chart of the baked site (…/charts/<slug>/, its embed.html, or a
pinned …/pinned/build-<N>/<slug>/embed.html, and the same under a language's folder,
…/fr/charts/<slug>/), and the live dashboard's /embed, /map and /compare views (with
`lang=`, in that language). A live view whose chart is baked here in its language is
answered with the static embed (files, no dashboard session per reader); otherwise with the
live /embed page, in the view's language.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from dashboard import chart_specs, embeds, export, gallery, i18n
from dashboard.charts import style
from etl import store

MAX_URL = 2000
LANGUAGE_FOLDER = "|".join(re.escape(code) for code in i18n.languages()[1:])
SITE_CHART = re.compile(
    rf"^(?P<site>.*?/)(?:(?P<lang>{LANGUAGE_FOLDER})/)?"
    r"(?:charts|pinned/build-(?P<build>\d+))/(?P<slug>[A-Za-z0-9_+.-]+)/"
    r"(?:embed\.html|index\.html)?$"
)
LIVE_VIEWS = {"embed": None, "map": "map", "compare": "compare"}  # page → chart kind
UNDERSTOOD = (
    "a chart of the baked site (…/charts/<name>/ or its embed.html, or a pinned "
    "…/pinned/build-<N>/<name>/embed.html), or a dashboard /embed, /map or /compare address"
)


@functools.lru_cache(maxsize=1)
def _loader(build: str):
    """Datasets read once per data build (a new build gets a new cache)."""
    del build  # the key only
    return export.cached_loader()


def _positive(raw: str | None, name: str) -> int | None:
    if raw in (None, ""):
        return None
    if not raw.isdigit() or not 0 < int(raw) <= 10_000:
        raise ValueError(f"{name} must be a whole number of pixels from 1 to 10000")
    return int(raw)


def answer(params: dict[str, str], base_url: str, site_dir: Path) -> tuple[int, dict | str]:
    """(HTTP status, oEmbed answer or the reason it cannot be given)."""
    if params.get("format", "json") != "json":
        return 501, "Only format=json is offered."
    url = params.get("url", "")
    if not url:
        return 400, f"Give the chart's address: /oembed?url=... ({UNDERSTOOD})."
    if len(url) > MAX_URL:
        return 400, f"The address is longer than {MAX_URL} characters."
    try:
        maxwidth = _positive(params.get("maxwidth"), "maxwidth")
        _positive(params.get("maxheight"), "maxheight")  # a chart keeps its height
    except ValueError as exc:
        return 400, str(exc)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return 400, "The address must be an http or https URL."
    origin = f"{parts.scheme}://{parts.netloc}"
    if found := SITE_CHART.match(parts.path):
        return _site_chart(found, origin, site_dir, maxwidth)
    return _live_view(parts, origin, base_url, site_dir, maxwidth)


def _site_chart(found: re.Match, origin: str, site_dir: Path, maxwidth) -> tuple[int, dict | str]:
    slug, build = found["slug"], found["build"]
    lang = found["lang"] or i18n.SOURCE_LANGUAGE
    descriptor = embeds.baked(slug, site_dir, lang)
    folder = embeds.pinned_folder(build, slug, lang) if build else embeds.chart_folder(slug, lang)
    if descriptor is None or not (site_dir / folder / "embed.html").is_file():
        return 404, f"No such chart in the baked site: {folder}"
    return 200, embeds.static_oembed(descriptor, origin + found["site"], folder, maxwidth)


def _live_view(parts, origin: str, base_url: str, site_dir: Path, maxwidth):
    page = parts.path.rstrip("/").rsplit("/", 1)[-1]
    query = dict(parse_qsl(parts.query))
    if page not in LIVE_VIEWS:
        return 404, f"Not a chart's address. Understood: {UNDERSTOOD}."
    kind = LIVE_VIEWS[page] or query.pop("chart", None)
    query.pop("embed", None)
    lang = i18n.parse_lang(query.pop(i18n.PARAM, None)) or i18n.SOURCE_LANGUAGE
    if kind not in chart_specs.KINDS:
        return 404, f"No chart named {kind!r}; charts: {', '.join(chart_specs.KINDS)}."
    load = _loader(store.build_label(store.current_version()))
    spec, _ = chart_specs.parse(kind, query, load)
    chart = gallery.draw(spec, load, lang=lang)
    descriptor = embeds.baked(chart.slug, site_dir, lang)
    if descriptor and descriptor["figures_sha256"] == embeds.figures_checksum(
        chart.figure, chart.table
    ):
        folder = embeds.chart_folder(chart.slug, lang)
        return 200, embeds.static_oembed(descriptor, embeds.site_url(base_url), folder, maxwidth)
    prefix = parts.path.rstrip("/").rsplit("/", 1)[0]  # the dashboard's base path, if any
    laid_out = style.for_screen(chart.figure, False)
    return 200, embeds.oembed(
        url=embeds.live_embed_url(spec, origin + prefix, lang),
        title=style.plain(chart.figure.layout.title.text),
        height=int(laid_out.layout.height) + embeds.FRAME_FOOT_PX,
        script_url=None,  # the live page does not report its height
        thumbnail=None,
        maxwidth=maxwidth,
        lang=lang,
    )
