"""The reader site baked into static files: `make site` (python -m dashboard.bake).

    python -m dashboard.bake --out site                  every chart the gallery knows
    python -m dashboard.bake --out site --countries AZE,TUR --kinds map,rank

Every chart of the gallery becomes a folder `charts/<slug>/` holding its page and its embed
frame (dashboard/embeds.py), PNG, SVG and PDF (drawn offline by dashboard/export.py), its
data as CSV with the usual source header, `chart.json` (title, source, licence, build,
files, embed URLs) and `oembed.json`; `pinned/build-<N>/<slug>/` keeps each build's frame.
Every frame loads one shared plotly.js (plotly's own partial bundle for its chart,
`assets/plotly-geo.min.js` or `plotly-basic.min.js`, else the full `plotly.min.js`) and the
map geometry from `assets/topojson/` (Plotly's `topojsonURL`): no file asks another host for
anything, and the site works from any static host.

Where a chart's sources may not be redistributed (`Dataset.download_blocked`, the policy
in etl/project.py), its data are not handed out: no CSV, and no interactive page (a
Plotly page holds every value it draws, which is why the exporter writes no HTML for
them); the page shows the image with its alt text and says why.

Incremental: `.bake.json` keys each chart by the code version and the checksums of the
datasets its drawing read (recorded while drawing); a rebuild draws and renders only the
charts whose key changed or whose files are missing, and removes charts no longer known.
The index and the country pages are cheap and written every time.

Languages (`--languages`, default every one): English stays at the site's root, as before;
each other language has the same tree under its code (`fr/charts/<slug>/`, `fr/pinned/...`,
`fr/countries/`, `fr/index.html`, `fr/changelog.html`): pages, frames, images, CSV headers,
`chart.json` and `oembed.json` written in that language, each page with `<html lang dir>` and
links to its versions in the others (hreflang). The maps of earlier years (the archive) are
baked in English only unless `--archive-in-every-language`.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import plotly

from dashboard import chart_specs, embeds, export, gallery, geo, i18n, text
from dashboard.charts import maps as maps_chart
from dashboard.charts import style
from dashboard.downloads import safe_csv, source_header, withheld_reason
from dashboard.names import entity_names
from etl import project, registry, store
from etl.sources.rsf_index import methodology as rsf

MANIFEST = ".bake.json"
ASSETS = "assets"
PINNED = "pinned"  # pinned/build-<N>/<slug>/embed.html, written once per build
CHANGELOG_PAGE = "changelog.html"
IMAGE_FORMATS = ("png", "svg", "pdf")
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
ROOT = Path(__file__).resolve().parent.parent
PLOTLY_JS_VERSION = re.search(r"plotly\.js v(\S+)", PLOTLY_JS.read_text()[:300]).group(1)
# plotly.js's own partial bundles, fetched by the Makefile at the version plotly.py ships: a
# page parses 1.2-1.4 MB instead of 4.8 MB (most of a static embed's time to its chart).
# Each lists the trace types it draws; a chart of any other type gets the full file.
BUNDLES = {  # the smallest first
    "plotly-basic.min.js": (
        ROOT / ".tools" / f"plotly.js-basic-dist-min-{PLOTLY_JS_VERSION}" / "plotly-basic.min.js",
        {"scatter", "bar", "pie"},
    ),
    "plotly-geo.min.js": (
        ROOT / ".tools" / f"plotly.js-geo-dist-min-{PLOTLY_JS_VERSION}" / "plotly-geo.min.js",
        {"choropleth", "scatter", "scattergeo"},
    ),
}


def plotly_script(figure) -> str:
    """The smallest plotly.js in the site's assets that draws every trace of `figure`."""
    types = {trace.type or "scatter" for trace in figure.data}
    for name, (path, draws) in BUNDLES.items():
        if types <= draws and path.is_file():
            return name
    return "plotly.min.js"


COUNTRY_KINDS = ("rank", "score", "indicators", "cpj")
KINDS = ("map", *COUNTRY_KINDS, "bands", "compare")
LIVE_URL = "http://localhost:8501"  # the live dashboard; `--live-url` names the public one


def dataset_checksums(directory: Path | None = None) -> dict[str, str | None]:
    """sha256 of each published dataset file as readers see it (None: not built here)."""
    folder = directory or store.DATASETS_DIR
    sums: dict[str, str | None] = {}
    for name, dataset in registry.DATASETS.items():
        try:
            sums[name] = hashlib.sha256(store.read_published(folder, dataset.filename)).hexdigest()
        except OSError:
            sums[name] = None
    return sums


class RecordingLoader:
    """store.read_dataset, each file read once, remembering which datasets were read."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self.read: set[str] = set()
        self._frames: dict[str, pd.DataFrame] = {}

    def __call__(self, name: str) -> pd.DataFrame:
        self.read.add(name)
        if name not in self._frames:
            self._frames[name] = store.read_dataset(name, self.directory)
        return self._frames[name]


def chart_key(spec_id: str, reads: Iterable[str], sums: dict[str, str | None]) -> str:
    payload = json.dumps(
        [embeds.code_version(), spec_id, sorted((name, sums.get(name)) for name in reads)]
    ).encode()
    return hashlib.sha256(payload).hexdigest()


# ------------------------------------------------------------------------------ the specs


def site_specs(
    load: Callable[[str], pd.DataFrame],
    *,
    kinds: Iterable[str] = KINDS,
    countries: Iterable[str] | None = None,
    map_years: str = "latest",
) -> list[chart_specs.Spec]:
    """The charts of the site: each map measure in its latest year (or every year), the
    profile charts of every country RSF ranks, the bands, and a compare chart per compare
    measure for the default countries. Maps whose dataset is not built here are left out."""
    kinds = set(kinds)
    index = load("rsf_index")
    codes = sorted(index["iso3"].unique()) if countries is None else list(countries)
    values = chart_specs.values_from(load)
    specs: list[chart_specs.Spec] = []
    if "map" in kinds:
        for measure in registry.ON_MAP.values():
            try:
                years = chart_specs.map_years(measure, load, values)
            except store.DatasetNotBuilt as exc:
                print(f"skipped map {measure.on_map.key}: {exc}", file=sys.stderr)
                continue
            shown = sorted(years.values) if map_years == "all" else [years.latest]
            specs += [chart_specs.MapChart(measure, int(year)) for year in shown]
    # the indicators chart draws the current methodology's years: none, no chart
    current = index[index["methodology"] == rsf.CURRENT]
    with_indicators = set(
        current["iso3"][current[[n for n, _, _ in rsf.INDICATORS]].notna().any(axis=1)]
    )
    specs += [
        chart_specs.CountryChart(kind, code)
        for code in codes
        for kind in COUNTRY_KINDS
        if kind in kinds and (kind != "indicators" or code in with_indicators)
    ]
    if "bands" in kinds:
        specs.append(chart_specs.BandsChart())
    if "compare" in kinds:
        specs += [
            chart_specs.CompareChart(chart_specs.DEFAULT_COMPARED, measure)
            for measure in registry.ON_COMPARE.values()
        ]
    return specs


# ------------------------------------------------------------------------------ one chart


@dataclass(frozen=True)
class Address:
    """How the baked site is reached and which build it holds."""

    live_url: str  # the live dashboard (links back, the live /embed)
    site_url: str  # the site's public address, absolute (snippets, oEmbed, descriptors)
    build: str  # the data build as source lines name it
    build_number: int | None  # None: datasets never released (no pinned embeds then)


@dataclass
class Baked:
    slug: str
    kind: str
    title: str
    alt: str
    files: dict[str, str]
    params: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    withheld: str | None = None
    reads: list[str] = field(default_factory=list)
    key: str = ""
    lang: str = i18n.SOURCE_LANGUAGE


def _page(
    title: str,
    body: str,
    path: str,
    extra_head: str = "",
    lang: str = i18n.SOURCE_LANGUAGE,
    languages: Iterable[str] = (),
) -> str:
    """A page of the site at `path` below the site's root ("index.html", "fr/changelog.html",
    or a folder whose index.html it is, "fr/charts/<slug>/"), in `lang`, linking its
    versions in `languages` (the same path in each language's tree: hreflang alternates,
    and a list of them for the reader)."""
    up = "../" * path.count("/")
    _ = i18n.translator(lang).gettext
    own = embeds.language_folder(lang)
    neutral = path.removeprefix(own)  # the same page's path in the English tree
    others = [code for code in languages if code != lang]
    alternates = "".join(
        f'<link rel="alternate" hreflang="{code}" '
        f'href="{up}{embeds.language_folder(code)}{neutral}">'
        for code in others
    )
    switch = (
        '<nav class="languages"><ul>'
        + "".join(
            f'<li><a href="{up}{embeds.language_folder(code)}{neutral}" hreflang="{code}" '
            f'lang="{code}">{html.escape(i18n.translator(code).language_name())}</a></li>'
            for code in others
        )
        + "</ul></nav>"
        if others
        else ""
    )
    name = html.escape(_(project.NAME))
    return (
        f'<!DOCTYPE html>\n<html {embeds.html_attributes(lang)}><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} · {name}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="{up}{ASSETS}/site.css">'
        f'<link rel="icon" href="{up}{ASSETS}/favicon.png">{alternates}{extra_head}</head>'
        f'<body><header><a href="{up}{own}index.html">{name}</a>{switch}</header>'
        f"<main>{body}</main></body></html>\n"
    )


def file_names(lang: str = i18n.SOURCE_LANGUAGE) -> dict[str, str]:
    """The links to a chart's files, as its page names them in `lang`."""
    _ = i18n.translator(lang).gettext
    return {"png": "PNG", "svg": "SVG", "pdf": _("PDF (print)"), "csv": _("Data (CSV)")}


def _links(files: dict[str, str], lang: str = i18n.SOURCE_LANGUAGE) -> str:
    _ = i18n.translator(lang).gettext
    return (
        " · ".join(
            f'<a href="{html.escape(files[fmt])}">{html.escape(name)}</a>'
            for fmt, name in file_names(lang).items()
            if fmt in files
        )
        + ' · <a href="chart.json">'
        + html.escape(_("Descriptor (JSON)"))
        + "</a>"
    )


def chart_page(
    *,
    title: str,
    alt: str,
    note: str,
    files: dict,
    height: int,
    explore: str,
    embed: dict,
    lang: str = i18n.SOURCE_LANGUAGE,
    path: str = "charts/chart/",
    languages: Iterable[str] = (),
) -> str:
    """The chart's page (charts/<slug>/index.html, fr/charts/<slug>/index.html): the chart
    in its own embed frame, as an editor's page would show it, its description, files and
    the snippets to embed it, in `lang`."""
    _ = i18n.translator(lang).gettext
    up = "../" * path.count("/")
    shown = embeds.snippet("embed.html", title, height, f"{up}{ASSETS}/embed.js")
    snippets = [(_("Live (always the latest build)"), embed["snippet"])] + [
        (_("Pinned to data build-%(number)s (never changes)") % {"number": number}, code)
        for number, code in embed["pinned_snippets"].items()
    ]
    themes = {"light": "<code>?theme=light</code>", "dark": "<code>?theme=dark</code>"}
    body = (
        f"<h1>{html.escape(title)}</h1>{shown}"
        + '<p class="alt"><strong>'
        + html.escape(_("Description:"))
        + f"</strong> {html.escape(alt)}</p>"
        + (f'<p class="note">{html.escape(note)}</p>' if note else "")
        + f"<p>{_links(files, lang)}</p>"
        + f'<p><a href="{html.escape(explore)}">'
        + html.escape(_("Explore in the dashboard"))
        + "</a></p><h2>"
        + html.escape(_("Embed this chart"))
        + "</h2><p>"
        + html.escape(
            _(
                "Paste into a page; the script sizes the frame to the chart (without it the "
                "frame keeps a fixed aspect ratio). The chart follows the reader's light or "
                "dark mode; add %(light)s or %(dark)s to its address to fix one."
            ),
            quote=False,
        )
        % themes
        + "</p>"
        + "".join(
            f"<h3>{html.escape(label)}</h3><pre><code>{html.escape(code)}</code></pre>"
            for label, code in snippets
        )
    )
    head = (
        '<link rel="alternate" type="application/json+oembed" href="oembed.json" '
        f'title="{html.escape(title)}">'
    )
    return _page(title, body, path, head, lang, languages)


def _descriptor_sources(chart: gallery.Chart) -> list[dict]:
    return [
        {
            "dataset": d.name,
            "title": d.title,
            "attribution": d.attribution,
            "publisher": d.publisher,
            "homepage": d.homepage,
            "licence": d.licence,
            "licence_url": d.licence_url,
            "citation": d.citation,
        }
        for d in chart.sources
    ]


def entry_id(slug: str, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """A chart's key in the bake's record: its slug in English (as before there were
    languages), "fr/<slug>" in another language."""
    return embeds.language_folder(lang) + slug


def bake_chart(
    spec: chart_specs.Spec,
    out: Path,
    load: RecordingLoader,
    *,
    address: Address,
    formats: tuple[str, ...] = IMAGE_FORMATS,
    lang: str = i18n.SOURCE_LANGUAGE,
    languages: Iterable[str] = (),
) -> Baked:
    """Draw one chart in `lang` and write its folder (and this build's pinned embed, once);
    needs an active export.renderer(). `languages`: those the site holds this chart in (its
    page links them)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    chart = gallery.draw(spec, load, lang=lang)
    slug = chart_specs.slug(spec)
    page_url = embeds.chart_folder(slug, lang)
    folder = out / page_url
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    fig = export.snapshot(chart.figure, build=address.build, sources=chart.sources)
    alt = fig.layout.meta["alt"]
    title = style.plain(chart.figure.layout.title.text) or slug
    withheld = withheld_reason(chart.sources)
    files: dict[str, str] = {"html": "index.html", "embed": "embed.html"}
    for fmt in formats:
        (folder / f"chart.{fmt}").write_bytes(export.render(fig, fmt))
        files[fmt] = f"chart.{fmt}"
    if not withheld:
        table = chart.table if chart.table is not None else pd.DataFrame()
        view = _("%(page)s (%(dashboard)s, baked site)") % {
            "page": page_url,
            "dashboard": _(project.NAME),
        }
        label = address.build.removeprefix("data ")
        (folder / "data.csv").write_bytes(
            safe_csv(table, source_header(chart.sources, view, label, lang))
        )
        files["csv"] = "data.csv"
    files["json"] = "chart.json"
    files["oembed"] = "oembed.json"

    # the embed: interactive where the data may be handed out, else the image
    web = (
        None
        if withheld
        else embeds.web_figure(chart.figure, build=address.build, alt=alt, sources=chart.sources)
    )
    height = embeds.frame_height(web)
    figures = embeds.figures_checksum(chart.figure, chart.table)
    explore = embeds.explore_url(spec, address.live_url, lang)
    frame = {
        "title": title,
        "alt": alt,
        "web": web,
        "explore": explore,
        "plotly_js": plotly_script(chart.figure),
        "lang": lang,
    }
    up = "../" * page_url.count("/")
    (folder / "embed.html").write_text(
        embeds.frame_page(**frame, up=up, details="index.html", oembed="oembed.json"),
        encoding="utf-8",
    )
    number = address.build_number
    pinned_url = embeds.pinned_folder(number, slug, lang) if number is not None else None
    pinned = out / pinned_url if pinned_url is not None else None
    if pinned is not None and not (pinned / "embed.html").exists():  # written once, never again
        pinned.mkdir(parents=True, exist_ok=True)
        if web is None:
            shutil.copyfile(folder / "chart.png", pinned / "chart.png")
        up = "../" * pinned_url.count("/")
        changelog = embeds.language_folder(lang) + CHANGELOG_PAGE
        marks = {
            "build": address.build,
            "figures": figures,
            "latest": f"{up}{page_url}chart.json",
            "current": f"{up}{page_url}embed.html",
            "changelog": f"{up}{changelog}#build-{address.build_number}",
        }
        (pinned / "embed.html").write_text(
            embeds.frame_page(**frame, up=up, details=up + page_url, oembed=None, pinned=marks),
            encoding="utf-8",
        )
    script = address.site_url + f"{ASSETS}/embed.js"
    live_embed = address.site_url + page_url + "embed.html"
    pinned_root = embeds.language_folder(lang) + PINNED
    builds = sorted(
        int(p.parent.name.removeprefix("build-")) for p in out.glob(f"{pinned_root}/build-*/{slug}")
    )
    pinned_urls = {
        str(n): address.site_url + embeds.pinned_folder(n, slug, lang) + "embed.html"
        for n in builds
    }
    embed = {
        "live": live_embed,
        "pinned": pinned_urls,
        "height": height,
        "snippet": embeds.snippet(live_embed, title, height, script),
        "pinned_snippets": {
            n: embeds.snippet(u, title, height, script) for n, u in pinned_urls.items()
        },
    }
    descriptor = {
        "title": title,
        "lang": lang,
        "kind": spec.kind,
        "params": spec.params,
        "alt": alt,
        "caption": chart.caption,
        "source": _descriptor_sources(chart),
        "licence": "; ".join(dict.fromkeys(d.licence_label for d in chart.sources)),
        "withheld": withheld,
        "build": address.build,
        "figures_sha256": figures,
        "code_version": embeds.code_version(),
        "embed": {k: embed[k] for k in ("live", "pinned", "height", "snippet")},
        "urls": {
            "page": page_url,
            **{fmt: page_url + name for fmt, name in files.items() if fmt != "html"},
            "explore": explore,
            "live": embeds.live_embed_url(spec, address.live_url, lang),
        },
        "languages": {
            code: address.site_url + embeds.chart_folder(slug, code) for code in languages
        },
    }
    (folder / "chart.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    answer = embeds.oembed(
        url=live_embed,
        title=title,
        height=height,
        script_url=script,
        thumbnail=address.site_url + page_url + "chart.png" if "png" in files else None,
        lang=lang,
    )
    (folder / "oembed.json").write_text(json.dumps(answer, indent=1) + "\n", encoding="utf-8")
    note = chart.caption or ""
    if withheld:
        note = (note + " " if note else "") + _(
            "The data behind this chart are not handed out (no interactive chart, no CSV): "
            "%(reason)s"
        ) % {"reason": withheld}
    (folder / "index.html").write_text(
        chart_page(
            title=title,
            alt=alt,
            note=note,
            files=files,
            height=height,
            explore=explore,
            embed=embed,
            lang=lang,
            path=page_url,
            languages=languages,
        ),
        encoding="utf-8",
    )
    return Baked(
        slug,
        spec.kind,
        title,
        alt,
        files,
        spec.params,
        getattr(spec, "iso3", None),
        withheld,
        lang=lang,
    )


# ------------------------------------------------------------------------------ the site


def write_assets(out: Path) -> None:
    assets = out / ASSETS
    (assets / "topojson").mkdir(parents=True, exist_ok=True)
    for source, target in [
        (PLOTLY_JS, assets / "plotly.min.js"),
        *((path, assets / name) for name, (path, _) in BUNDLES.items() if path.is_file()),
        (geo.TOPOJSON_DIR.parent / "favicon.png", assets / "favicon.png"),
        *((path, assets / "topojson" / path.name) for path in geo.TOPOJSON_DIR.iterdir()),
        *((path, assets / path.name) for path in embeds.ASSETS_DIR.iterdir()),
    ]:
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)


def _markdown_line(line: str) -> str:
    """A line of dashboard/text.py's markdown (escapes and **bold**) as HTML."""
    parts = line.split("**")
    return "".join(
        (f"<strong>{p}</strong>" if i % 2 else p)
        for i, p in enumerate(html.escape(re.sub(r"\\(.)", r"\1", part)) for part in parts)
    )


def _chart_item(entry: dict, up: str) -> str:
    return (
        f'<li><a href="{up}charts/{html.escape(entry["slug"])}/">'
        f"{html.escape(entry['title'])}</a></li>"
    )


def write_country_pages(
    out: Path,
    entries: list[dict],
    index: pd.DataFrame,
    live_url: str,
    lang: str = i18n.SOURCE_LANGUAGE,
    languages: Iterable[str] = (),
) -> list[str]:
    """A page per country with charts baked (in `lang`'s tree): its summary, its charts,
    the live profile."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    own = embeds.language_folder(lang)
    by_country: dict[str, list[dict]] = {}
    for entry in entries:
        if entry.get("country"):
            by_country.setdefault(entry["country"], []).append(entry)
    ranked = rsf.with_changes(index)
    written = []
    for code, charts in sorted(by_country.items()):
        series = ranked[ranked["iso3"] == code]
        english = series["country"].iloc[-1] if len(series) else None
        name = tr.country(code, english)
        summary = text.country_summary(series, lang) if len(series) else []
        path = f"{own}countries/{code}/"
        up = "../" * path.count("/")
        figures = "".join(
            f'<h2><a href="{up}{own}charts/{html.escape(e["slug"])}/">'
            f"{html.escape(e['title'])}</a></h2>"
            f'<img src="{up}{own}charts/{html.escape(e["slug"])}/chart.png" '
            f'alt="{html.escape(e["alt"])}" width="600" height="338" loading="lazy">'
            for e in charts
            if "png" in e["files"]
        )
        query = {"country": code, **({i18n.PARAM: lang} if own else {})}
        live = f"{live_url.rstrip('/')}/country?{urlencode(query)}"
        body = (
            f"<h1>{html.escape(name)}</h1>"
            + "".join(f"<p>{_markdown_line(line)}</p>" for line in summary)
            + f'<p><a href="{html.escape(live)}">'
            + html.escape(_("Full profile in the live dashboard"))
            + "</a></p>"
            + figures
        )
        folder = out / path
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(
            _page(name, body, path, lang=lang, languages=languages), encoding="utf-8"
        )
        written.append(code)
    return written


def _alphabetical(name: str) -> str:
    """A sort key for names in any of the languages: accents after their letter
    ("Égypte" with the Es), case ignored."""
    return unicodedata.normalize("NFKD", name).casefold()


def write_index(
    out: Path,
    entries: list[dict],
    countries: list[str],
    names: dict,
    build: str,
    lang: str = i18n.SOURCE_LANGUAGE,
    languages: Iterable[str] = (),
):
    """The site's front page in `lang` (`index.html`, `fr/index.html`): the maps by measure
    and year, the other charts, the countries; and index.json listing every chart."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    own = embeds.language_folder(lang)
    maps: dict[str, list[dict]] = {}
    for entry in entries:
        if entry["kind"] == "map":
            maps.setdefault(entry["params"]["metric"], []).append(entry)
    map_list = "".join(
        f"<dt>{html.escape(maps_chart.label(registry.ON_MAP[metric], lang))}</dt><dd>"
        + " ".join(
            f'<a href="charts/{html.escape(e["slug"])}/">{html.escape(e["params"]["edition"])}</a>'
            for e in sorted(charts, key=lambda e: int(e["params"]["edition"]))
        )
        + "</dd>"
        for metric, charts in maps.items()
    )
    general = [e for e in entries if not e.get("country") and e["kind"] != "map"]

    def name_of(code: str) -> str:
        return tr.country(code, names.get(code))

    country_list = "".join(
        f'<li><a href="countries/{code}/">{html.escape(name_of(code))}</a></li>'
        for code in sorted(countries, key=lambda c: _alphabetical(name_of(c)))
    )
    changelog = (
        f'<a href="{CHANGELOG_PAGE}">' + html.escape(_("what changed in each build")) + "</a>"
    )
    body = (
        "<h1>"
        + html.escape(_(project.NAME))
        + "</h1><p>"
        + html.escape(_("Charts baked from %(build)s (%(changelog)s)."), quote=False)
        % {"build": html.escape(export.build_text(build, lang)), "changelog": changelog}
        + "</p>"
        + (
            "<h2>" + html.escape(_("Maps")) + f'</h2><dl class="maps">{map_list}</dl>'
            if maps
            else ""
        )
        + (
            "<h2>"
            + html.escape(_("Other charts"))
            + '</h2><ul class="charts">'
            + "".join(_chart_item(e, "") for e in general)
            + "</ul>"
            if general
            else ""
        )
        + (
            "<h2>" + html.escape(_("Countries")) + f'</h2><ul class="charts">{country_list}</ul>'
            if countries
            else ""
        )
    )
    folder = out / own
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        _page(_("Charts and countries"), body, own + "index.html", lang=lang, languages=languages),
        encoding="utf-8",
    )
    (folder / "index.json").write_text(
        json.dumps(
            {
                "build": build,
                "lang": lang,
                "charts": [{k: e[k] for k in ("slug", "kind", "title")} for e in entries],
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


def _row_changes(tr: i18n.Translator, counts: dict) -> list[str]:
    """ "3 rows added", "1 row removed", "0 rows changed": each count a sentence of its own
    with its plural form."""
    added, removed, changed = (counts.get(k, 0) for k in ("added", "removed", "changed"))
    return [
        tr.ngettext("%(num)s row added", "%(num)s rows added", added) % {"num": tr.number(added)},
        tr.ngettext("%(num)s row removed", "%(num)s rows removed", removed)
        % {"num": tr.number(removed)},
        tr.ngettext("%(num)s row changed", "%(num)s rows changed", changed)
        % {"num": tr.number(changed)},
    ]


def write_changelog(
    out: Path,
    directory: Path | None,
    lang: str = i18n.SOURCE_LANGUAGE,
    languages: Iterable[str] = (),
) -> None:
    """The builds, newest first, with what changed and why, in `lang`: where a pinned embed
    whose figures were revised sends its reader (#build-<N>). The reasons are shown as the
    data's maintainers wrote them."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    rows = []
    for version in reversed(store.load_changelog(directory or store.DATASETS_DIR)):
        number = version["version"]
        reasons = version.get("reasons", {})
        changes = "".join(
            f"<li><code>{html.escape(name)}</code>: "
            + html.escape(_(", ").join(_row_changes(tr, c)))
            + (f" ({html.escape(reasons[name])})" if name in reasons else "")
            + "</li>"
            for name, c in version.get("datasets", {}).items()
        )
        first = html.escape(_("first release"))
        rows.append(
            f'<tr id="build-{number}"><th>build-{number}</th><td>{html.escape(version["date"])}'
            f"</td><td><ul>{changes or f'<li>{first}</li>'}</ul></td></tr>"
        )
    body = (
        "<h1>"
        + html.escape(_("What changed in each build"))
        + "</h1><p>"
        + html.escape(
            _(
                "Every build of the datasets, newest first: rows added, removed and changed "
                "per dataset, and why."
            )
        )
        + '</p><table class="builds"><thead><tr>'
        + "".join(
            f"<th>{html.escape(heading)}</th>" for heading in (_("Build"), _("Date"), _("Changes"))
        )
        + f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    path = embeds.language_folder(lang)
    (out / path).mkdir(parents=True, exist_ok=True)
    (out / path / CHANGELOG_PAGE).write_text(
        _page(_("What changed"), body, path + CHANGELOG_PAGE, lang=lang, languages=languages),
        encoding="utf-8",
    )


def image_formats(
    specs: list[chart_specs.Spec], formats: tuple[str, ...]
) -> Callable[[chart_specs.Spec], tuple[str, ...]]:
    """Which images each chart gets: every format, except the maps of earlier years, which
    get a PNG (previews, oEmbed thumbnails) beside their interactive embed. Their SVG and
    PDF (about 0.7 and 0.5 MB each, for some 650 map-years) would make most of the site;
    the app's Snapshot menu draws them on request."""
    latest: dict[str, int] = {}
    for spec in specs:
        if isinstance(spec, chart_specs.MapChart):
            key = spec.measure.on_map.key
            latest[key] = max(latest.get(key, spec.year), spec.year)

    def formats_for(spec: chart_specs.Spec) -> tuple[str, ...]:
        if isinstance(spec, chart_specs.MapChart) and spec.year < latest[spec.measure.on_map.key]:
            return tuple(f for f in formats if f == "png")
        return formats

    return formats_for


@dataclass
class Report:
    baked: list[str]
    skipped: list[str]
    removed: list[str]
    seconds: float
    failed: dict[str, str] = field(default_factory=dict)  # slug → why it could not be baked


def language_specs(
    specs: list[chart_specs.Spec], lang: str, archive: bool = False
) -> list[chart_specs.Spec]:
    """The charts baked in `lang`: every one in English; in another language every one but
    the maps of earlier years (the archive, some 650 map-years), unless `archive`. Their
    English maps stay, and the live dashboard draws any of them in any language."""
    if lang == i18n.SOURCE_LANGUAGE or archive:
        return specs
    latest: dict[str, int] = {}
    for spec in specs:
        if isinstance(spec, chart_specs.MapChart):
            key = spec.measure.on_map.key
            latest[key] = max(latest.get(key, spec.year), spec.year)
    return [
        spec
        for spec in specs
        if not isinstance(spec, chart_specs.MapChart)
        or spec.year == latest[spec.measure.on_map.key]
    ]


def bake(
    out: Path,
    *,
    specs: list[chart_specs.Spec] | None = None,
    directory: Path | None = None,
    live_url: str = LIVE_URL,
    site_url: str | None = None,
    formats: tuple[str, ...] = IMAGE_FORMATS,
    languages: Iterable[str] = (i18n.SOURCE_LANGUAGE,),
    archive_in_every_language: bool = False,
    progress: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
    **selection,
) -> Report:
    """Bake (or bring up to date) the site in `out` in `languages` (English always, at the
    site's root; each other one under its code); `selection` goes to site_specs."""
    started = time.perf_counter()
    languages = tuple(dict.fromkeys((i18n.SOURCE_LANGUAGE, *languages)))
    if unknown := set(languages) - set(i18n.languages()):
        raise ValueError(f"no catalogue for language(s) {sorted(unknown)}")
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out)
    sums = dataset_checksums(directory)
    lister = RecordingLoader(directory)
    specs = specs if specs is not None else site_specs(lister, **selection)
    version = store.current_version(directory or store.DATASETS_DIR)
    address = Address(
        live_url=live_url,
        site_url=(site_url or f"{live_url.rstrip('/')}/site").rstrip("/") + "/",
        build=export.data_build(directory),
        build_number=version["version"] if version else None,
    )
    build = address.build
    manifest_path = out / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    settings = {"formats": list(formats), "live_url": live_url, "site_url": address.site_url}
    if len(languages) > 1 or archive_in_every_language:  # as before for English alone
        settings.update(languages=list(languages), archive=archive_in_every_language)
    if manifest.get("settings") != settings:  # written otherwise: every chart again
        manifest = {}
    formats_for = image_formats(specs, formats)
    by_language = {
        lang: language_specs(specs, lang, archive_in_every_language) for lang in languages
    }
    held = {  # the languages each chart is baked in (its pages link them)
        chart_specs.slug(spec): [lang for lang in languages if spec in by_language[lang]]
        for spec in specs
    }
    old = manifest.get("charts", {})
    charts: dict[str, dict] = {}
    todo = []
    for lang in languages:
        for spec in by_language[lang]:
            slug = chart_specs.slug(spec)
            name = entry_id(slug, lang)
            entry = old.get(name)
            folder = out / embeds.chart_folder(slug, lang)
            if (
                entry
                and entry["key"] == chart_key(name, entry["reads"], sums)
                and all((folder / file).exists() for file in entry["files"].values())
            ):
                charts[name] = entry
            else:
                todo.append((lang, spec))
    skipped = list(charts)
    baked, failed = [], {}

    def save() -> None:  # as it goes: an interrupted bake resumes where it stopped
        manifest_path.write_text(
            json.dumps({"settings": settings, "charts": charts}, indent=1) + "\n",
            encoding="utf-8",
        )

    total = sum(len(chosen) for chosen in by_language.values())
    if todo:
        progress(f"{len(todo)} of {total} chart(s) to bake; {len(skipped)} up to date")
        with export.renderer():
            for number, (lang, spec) in enumerate(todo, 1):
                load = RecordingLoader(directory)
                load._frames = lister._frames  # one read of each file per bake
                began = time.perf_counter()
                name = entry_id(chart_specs.slug(spec), lang)
                try:
                    done = bake_chart(
                        spec,
                        out,
                        load,
                        address=address,
                        formats=formats_for(spec),
                        lang=lang,
                        languages=held[chart_specs.slug(spec)],
                    )
                except Exception as exc:  # one chart that cannot be drawn stops no other
                    failed[name] = f"{type(exc).__name__}: {exc}"
                    shutil.rmtree(
                        out / embeds.chart_folder(chart_specs.slug(spec), lang), ignore_errors=True
                    )
                    progress(f"[{number}/{len(todo)}] {name} FAILED: {failed[name]}")
                    continue
                done.reads = sorted(load.read)
                done.key = chart_key(name, done.reads, sums)
                charts[name] = done.__dict__
                baked.append(name)
                progress(
                    f"[{number}/{len(todo)}] {name} ({time.perf_counter() - began:.1f} s, "
                    f"{time.perf_counter() - started:.0f} s in all)"
                )
                if number % 20 == 0:
                    save()
    else:
        progress(f"all {total} chart(s) up to date")
    removed = sorted(set(old) - set(charts) - set(failed))
    for name in removed:
        lang = old[name].get("lang", i18n.SOURCE_LANGUAGE)
        shutil.rmtree(out / embeds.chart_folder(old[name]["slug"], lang), ignore_errors=True)
    index = lister("rsf_index")
    names = {**entity_names(), **dict(zip(index["iso3"], index["country"], strict=True))}
    for lang in languages:
        entries = [
            charts[name]
            for spec in by_language[lang]
            if (name := entry_id(chart_specs.slug(spec), lang)) in charts
        ]
        countries = write_country_pages(out, entries, index, live_url, lang, languages)
        country_dir = out / embeds.language_folder(lang) / "countries"
        for stale in country_dir.glob("*") if country_dir.exists() else ():
            if stale.name not in countries:
                shutil.rmtree(stale, ignore_errors=True)
        write_index(out, entries, countries, names, build, lang, languages)
        write_changelog(out, directory, lang, languages)
    for stale in set(i18n.languages()) - set(languages):  # a language no longer baked:
        folder = out / embeds.language_folder(stale)  # all but its pinned frames
        for path in folder.iterdir() if folder.is_dir() else ():
            if path.name != PINNED:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
    save()
    return Report(baked, skipped, removed, time.perf_counter() - started, failed)


def site_size(out: Path) -> int:
    return sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.bake",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=Path("site"))
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"of {', '.join(KINDS)}")
    parser.add_argument("--countries", default=None, help="ISO3 codes (default: every one)")
    parser.add_argument("--map-years", choices=("latest", "all"), default="all")
    parser.add_argument(
        "--formats",
        default=",".join(IMAGE_FORMATS),
        help=f"images of each chart, of {IMAGE_FORMATS}",
    )
    parser.add_argument(
        "--languages",
        default=",".join(i18n.languages()),
        help=f"the site's languages, of {', '.join(i18n.languages())} (default: every one; "
        "English is always baked, at the site's root)",
    )
    parser.add_argument(
        "--archive-in-every-language",
        action="store_true",
        help="bake the maps of earlier years in every language too (by default they are "
        "baked in English only: some 650 map-years per language)",
    )
    parser.add_argument("--live-url", default=LIVE_URL, help="the live dashboard's address")
    parser.add_argument(
        "--site-url",
        default=None,
        help="the site's public address (default: the live dashboard's /site/, which serves it)",
    )
    args = parser.parse_args(argv)
    languages = [code for code in args.languages.split(",") if code]
    if unknown := set(languages) - set(i18n.languages()):
        parser.error(f"unknown language(s) {sorted(unknown)}; choose from {i18n.languages()}")
    kinds = [k for k in args.kinds.split(",") if k]
    if unknown := set(kinds) - set(KINDS):
        parser.error(f"unknown kind(s) {sorted(unknown)}; choose from {KINDS}")
    countries = args.countries.split(",") if args.countries else None
    formats = tuple(f for f in args.formats.split(",") if f)
    if unknown := set(formats) - set(IMAGE_FORMATS):
        parser.error(f"unknown format(s) {sorted(unknown)}; choose from {IMAGE_FORMATS}")
    try:
        report = bake(
            args.out,
            live_url=args.live_url,
            site_url=args.site_url,
            formats=formats,
            languages=languages,
            archive_in_every_language=args.archive_in_every_language,
            kinds=kinds,
            countries=countries,
            map_years=args.map_years,
        )
    except export.ExportUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{args.out}: {len(report.baked)} baked, {len(report.skipped)} up to date, "
        f"{len(report.removed)} removed, {len(report.failed)} failed in {report.seconds:.1f} s; "
        f"{site_size(args.out) / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
