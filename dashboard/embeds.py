"""Embeds editors can rely on, written once for the baked site, the app's Embed menu and the
server's oEmbed endpoint.

A static embed is `charts/<slug>/embed.html` in the baked site (dashboard/bake.py): the
chart alone, drawn by the site's one plotly.js from the figure inlined in the page, in the
reader's colour scheme (`prefers-color-scheme`; `?theme=light|dark` forces one), laid out
for a phone or a desktop by the frame's width, with its source line and a link back to the
live dashboard. It tells the page around it its height (`postMessage`); the snippet's small
script (`assets/embed.js`) sizes the iframe from it, and without the script the iframe keeps
a fixed aspect ratio.

Live and pinned: `charts/<slug>/embed.html` always shows the latest build baked;
`pinned/<build>/<slug>/embed.html` is written once, when a build is first baked, and never
changes. A pinned frame reads the live chart's descriptor and, when the figures were
revised since (another checksum of the numbers drawn), says so and links to the changelog.

Languages: English, the source language, stays at the site's root (`charts/<slug>/`,
`pinned/...`: the addresses editors pasted before there were languages); every other
language has the same tree under its code (`fr/charts/<slug>/`, `fr/pinned/...`), drawn
and written in that language. A frame's visible words (its links, the pinned frame's
notices) are written into the page from the catalogue; frame.js only reads them.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
from importlib import metadata
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go

from dashboard import chart_specs, export, gallery, i18n, navigation
from dashboard.charts import style
from dashboard.charts.figure_data import figure_data
from etl import model, project

ROOT = Path(__file__).resolve().parent.parent
# Everything whose change may change a baked file (besides the datasets it reads)
CODE_FILES = (
    "dashboard/**/*.py",
    "dashboard/static/topojson/*",
    "dashboard/static/site/*",
    "etl/**/*.py",
    "etl/**/*.csv",
)
SITE_DIR = ROOT / "site"  # where `make site` bakes; the app serves it at /site/
# The public address of the baked site (a static host or CDN); unset: the app's /site/
SITE_URL_VARIABLE = "PRESSFREEDOM_SITE_URL"
ASSETS_DIR = Path(__file__).resolve().parent / "static" / "site"  # frame.js, embed.js, css
NARROW_BELOW = 600  # px: a frame narrower than this gets the phone layout
FRAME_FOOT_PX = 40  # the links under the chart in a frame
# How each kind of chart is explored in the dashboard: its page and the profile's section
SECTION_OF_KIND = {
    "rank": navigation.RSF_SECTION,
    "score": navigation.RSF_SECTION,
    "indicators": navigation.RSF_SECTION,
    "cpj": navigation.CPJ_SECTION,
    "sources": navigation.SOURCES_SECTION,
}


@functools.cache
def code_version() -> str:
    """A checksum of the code that draws and writes the site, and the drawing libraries."""
    digest = hashlib.sha256()
    for pattern in CODE_FILES:
        for path in sorted(ROOT.glob(pattern)):
            if "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    for package in ("plotly", "kaleido", "pandas"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def language_folder(lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """The folder of a language's tree below the site's root: "" for English, "fr/"."""
    return "" if lang == i18n.SOURCE_LANGUAGE else f"{lang}/"


def chart_folder(slug: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """A chart's folder below the site's root: the live frame, its files, its descriptor."""
    return f"{language_folder(lang)}charts/{slug}/"


def pinned_folder(build: int | str, slug: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """Where the frame of `slug` as baked from data build `build` stays, never rewritten."""
    return f"{language_folder(lang)}pinned/build-{build}/{slug}/"


def _with_lang(params: dict[str, str], lang: str) -> dict[str, str]:
    """URL parameters with `lang=` when the language is not English (English links stay
    as they were, and open in each reader's own language)."""
    return params if lang == i18n.SOURCE_LANGUAGE else {**params, i18n.PARAM: lang}


def explore_url(spec: chart_specs.Spec, live_url: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """The live dashboard's page showing this chart, in the same state and language."""
    base = live_url.rstrip("/")
    if isinstance(spec, chart_specs.MapChart):
        page, params = navigation.WORLD_MAP, spec.params
    elif isinstance(spec, chart_specs.CountryChart):
        page = navigation.COUNTRY
        params = spec.params | {"section": SECTION_OF_KIND[spec.kind]}
        if spec.kind in chart_specs.PROFILE_RSF_KINDS[1:]:  # the profile opens on the first
            params["chart"] = spec.kind
    elif isinstance(spec, chart_specs.CompareChart):
        page, params = navigation.COMPARE, spec.params
    else:
        page, params = navigation.OVERVIEW, {}
    params = _with_lang(params, lang)
    path = f"/{page.url_path}" if page.url_path else "/"
    return base + path + (f"?{urlencode(params)}" if params else "")


def live_embed_url(spec: chart_specs.Spec, live_url: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """The live /embed page of this chart (a Streamlit session per reader), in `lang`."""
    query = urlencode(_with_lang({"chart": spec.kind, **spec.params}, lang) | {"embed": "true"})
    return f"{live_url.rstrip('/')}/{navigation.EMBED.url_path}?{query}"


def figures_checksum(figure: go.Figure, table: pd.DataFrame | None) -> str:
    """A checksum of the numbers a chart draws (not of its styling or build label): what
    tells a pinned embed that its figures were revised since."""
    frame = table if table is not None else figure_data(figure)
    return hashlib.sha256(frame.to_csv(index=False).encode("utf-8")).hexdigest()


def _plain(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def web_figure(
    figure: go.Figure, *, build: str, alt: str, sources: tuple[model.Dataset, ...]
) -> dict:
    """The figure for a web page in both layouts (desktop and phone widths) and both
    themes: the traces once, and per variant its layout and what it changes in a trace
    (a map's colour bar), so four variants cost little more than one."""
    base: list[dict] | None = None
    variants: dict[str, dict] = {}
    for width, phone in (("wide", False), ("narrow", True)):
        for theme in export.THEMES:
            shown = style.for_screen(
                export.themed(figure, theme=theme, build=build, alt=alt, sources=sources), phone
            )
            shown.update_layout(width=None, autosize=True)
            plain = _plain(shown)
            if base is None:
                base = plain["data"]
            patches = []
            for trace, first in zip(plain["data"], base, strict=True):
                patch = {k: v for k, v in trace.items() if first.get(k) != v}
                patch.update({k: None for k in first if k not in trace})
                patches.append(patch)
            layout = plain["layout"]
            layout["meta"] = {"alt": alt}  # not the style's recipe
            variants[f"{width}-{theme}"] = {"layout": layout, "traces": patches}
    return {"data": base, "variants": variants, "narrowBelow": NARROW_BELOW}


def frame_height(web: dict | None, width: str = "wide") -> int:
    """The frame's height at a desktop width (the aspect ratio without the script)."""
    if web is None:
        return export.PRESETS["article"][1] + FRAME_FOOT_PX
    return int(web["variants"][f"{width}-light"]["layout"]["height"]) + FRAME_FOOT_PX


def _json_in_html(value: dict) -> str:
    """JSON inside a <script type="application/json"> element: never closes it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def html_attributes(lang: str) -> str:
    """`lang` and `dir` of a page in `lang` (`<html lang="ar" dir="rtl">`)."""
    return f'lang="{lang}" dir="{"rtl" if i18n.is_rtl(lang) else "ltr"}"'


def pinned_notices(build: str, lang: str = i18n.SOURCE_LANGUAGE) -> dict[str, str]:
    """What a pinned frame says when its figures were revised since (or its chart is gone),
    in `lang`: written into the frame (data-* attributes) for frame.js to show."""
    _ = i18n.translator(lang).gettext
    shown = export.build_text(build, lang)
    return {
        "revised-text": _("These figures (%(build)s) were revised in a later build.")
        % {"build": shown},
        "gone-text": _("This chart (%(build)s) is no longer in the latest build.")
        % {"build": shown},
        "current-text": _("The latest version"),
        "changelog-text": _("What changed"),
    }


def frame_page(
    *,
    title: str,
    alt: str,
    web: dict | None,
    up: str,
    explore: str,
    details: str,
    oembed: str | None,
    plotly_js: str = "plotly.min.js",
    pinned: dict | None = None,
    lang: str = i18n.SOURCE_LANGUAGE,
) -> str:
    """The embed page: the chart alone (or, for withheld data, its image), its links, in
    `lang`.

    `up` leads to the site's root; `plotly_js` names the assets' plotly.js it needs;
    `pinned` (build, latest descriptor, figures checksum, changelog) marks a frame that
    must say when its figures were revised since."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    name = html.escape(_(project.NAME))
    explore_text = html.escape(_("Explore in the dashboard"))
    details_text = html.escape(_("Data and images"))
    if web is None:
        chart = (
            f'<img src="chart.png" alt="{html.escape(alt)}" width="1200" height="675">'
            f'<p class="alt">{html.escape(alt)}</p>'
        )
        data = ""
    else:
        chart = (
            f'<figure role="img" aria-label="{html.escape(alt)}"><div id="chart"></div></figure>'
        )
        data = f'<script type="application/json" id="figure">{_json_in_html(web)}</script>'
    notice = ""
    attributes = ""
    if pinned is not None:
        marks = {**pinned, **pinned_notices(pinned["build"], lang)}
        attributes = "".join(
            f' data-{name}="{html.escape(str(value))}"' for name, value in marks.items()
        )
        notice = '<p id="revised" class="revised" role="status" hidden></p>'
    head = f'<script src="{up}assets/{plotly_js}"></script>' if web is not None else ""
    if oembed:
        head += (
            f'<link rel="alternate" type="application/json+oembed" href="{html.escape(oembed)}" '
            f'title="{html.escape(title)}">'
        )
    return (
        f'<!DOCTYPE html>\n<html {html_attributes(lang)}><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} · {name}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f'<link rel="stylesheet" href="{up}assets/frame.css">{head}</head>'
        f"<body{attributes}>{notice}{chart}"
        f'<p class="foot"><a href="{html.escape(explore)}" target="_blank" rel="noopener">'
        f"{explore_text}</a> · "
        f'<a href="{html.escape(details)}" target="_blank" rel="noopener">'
        f"{details_text}</a>"
        f"</p>{data}"
        f'<script src="{up}assets/frame.js"></script></body></html>\n'
    )


def snippet(url: str, title: str, height: int, script_url: str | None) -> str:
    """The iframe to paste: the title escaped for its attribute, a fixed aspect ratio until
    the script (when given) sizes it from the frame's own height."""
    ratio = f"{style.WIDE} / {height}"
    frame = (
        f'<iframe src="{html.escape(url)}" title="{html.escape(title)}" loading="lazy" '
        f'style="width:100%;aspect-ratio:{ratio};border:0" data-pressfreedom-embed '
        "allowfullscreen></iframe>"
    )
    if script_url:
        frame += f'<script src="{html.escape(script_url)}" async></script>'
    return frame


def site_url(origin: str) -> str:
    """Where readers reach the baked site: the configured static host, else this app."""
    configured = os.environ.get(SITE_URL_VARIABLE, "").strip()
    return (configured or f"{origin.rstrip('/')}/site").rstrip("/") + "/"


def oembed(
    *,
    url: str,
    title: str,
    height: int,
    script_url: str | None,
    thumbnail: str | None,
    maxwidth: int | None = None,
    lang: str = i18n.SOURCE_LANGUAGE,
) -> dict:
    """An oEmbed 1.0 "rich" answer for a chart, in the chart's language: what a CMS needs
    to embed it."""
    answer = {
        "version": "1.0",
        "type": "rich",
        "provider_name": i18n.translator(lang).gettext(project.NAME),
        "title": title,
        "html": snippet(url, title, height, script_url),
        "width": min(maxwidth or 900, 900),
        "height": height,  # a chart's height does not follow its width
        "cache_age": 3600,
    }
    if thumbnail:
        answer.update(
            thumbnail_url=thumbnail,
            thumbnail_width=export.PRESETS["article"][0],
            thumbnail_height=export.PRESETS["article"][1],
        )
    return answer


def current(
    chart: gallery.Chart, site_dir: Path | None = None, lang: str | None = None
) -> dict | None:
    """The baked descriptor of `chart` if the site holds exactly what the app draws now, in
    the run's language (or `lang`): the same figures, from the same data build, drawn by the
    same code (else None, and the app hands out the live embed in that language)."""
    lang = lang or i18n.current()
    descriptor = baked(chart.slug, site_dir, lang)
    if (
        descriptor
        and descriptor.get("figures_sha256") == figures_checksum(chart.figure, chart.table)
        and descriptor.get("build") == export.data_build()
        and descriptor.get("code_version") == code_version()
        and descriptor.get("lang", i18n.SOURCE_LANGUAGE) == lang
    ):
        return descriptor
    return None


def static_oembed(descriptor: dict, site: str, folder: str, maxwidth: int | None) -> dict:
    """The oEmbed answer for a baked chart's frame in `folder` of the site at `site`."""
    return oembed(
        url=site + folder + "embed.html",
        title=descriptor["title"],
        height=descriptor["embed"]["height"],
        script_url=site + "assets/embed.js",
        thumbnail=site + descriptor["urls"]["png"] if "png" in descriptor["urls"] else None,
        maxwidth=maxwidth,
        lang=descriptor.get("lang", i18n.SOURCE_LANGUAGE),
    )


def baked(slug: str, site_dir: Path | None = None, lang: str = i18n.SOURCE_LANGUAGE) -> dict | None:
    """The descriptor of a chart baked into the site here in `lang` (None: not baked)."""
    path = (site_dir or SITE_DIR) / chart_folder(slug, lang) / "chart.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
