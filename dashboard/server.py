"""The ASGI app that `make run` serves: the Streamlit dashboard plus stable data URLs.

    /data/<dataset>.csv       a published dataset, byte for byte as committed; filtered
                              (?iso3=AZE,TUR&year=2015-2025&columns=iso3,year,score), also
                              as .json and .parquet; its metadata as .meta.json
                              (dashboard/data_api.py); `?build=N`: as released in build N
                              (dashboard/builds.py), filters and formats alike
    /data/datapackage.json    the Frictionless data package
    /data/README.md           the data dictionary
    /data/integrity.json      the integrity report of the last ETL run
    /feeds/all.atom           Atom feeds of what changed: every build, one dataset
    /feeds/<dataset>.atom     (<dataset>.atom) or one country (<ISO3>.atom), from the
    /feeds/<ISO3>.atom        changelog and the chain of past builds (dashboard/feeds.py)
    /site/...                 the baked static site (`make site`), when baked here
    /oembed?url=...           oEmbed (JSON) for a chart's URL: the baked site's, /embed's,
                              or a /map or /compare view

so a researcher can `pandas.read_csv("http://host/data/rsf_index.csv")`. Datasets whose
terms are unverified or forbid redistribution answer 403 with the reason.

Every response (pages, Streamlit's scripts and static files, /data, /_stcore/, errors) carries
a Content-Security-Policy limiting the page to its own origin and `nosniff`; only the embed
page may be framed by other sites. The page shell names the page's language and direction
(`<html lang="ar" dir="rtl">`) from `?lang=` or the browser's Accept-Language.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
from pathlib import Path

import streamlit as st
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette_compress import CompressMiddleware, add_compress_type
from streamlit import file_util

from dashboard import chart_specs, data_api, feeds, geo, i18n, navigation, tcp, warmup
from dashboard.asset_cache import StaticAssetCache
from dashboard.embeds import SITE_DIR  # where `make site` bakes
from dashboard.replica import replica_status
from etl import registry, store

DOCUMENTS = {
    store.DATAPACKAGE: "application/json",
    store.DICTIONARY: "text/markdown; charset=utf-8",
    store.INTEGRITY: "application/json",
}


DATA_HEADERS = {"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"}
PAST_BUILD_HEADERS = {**DATA_HEADERS, "Cache-Control": "public, max-age=31536000, immutable"}


async def serve_data(request: Request) -> Response:
    name = request.path_params["name"]
    answer = data_api.answer(name, request.url.query)  # a dataset's file, in any format
    if answer is not None:
        headers = {"Access-Control-Allow-Origin": "*"}
        if answer.status == 200:
            headers = PAST_BUILD_HEADERS if answer.immutable else DATA_HEADERS
        return Response(answer.body, answer.status, media_type=answer.media_type, headers=headers)
    if "build" in request.query_params:
        return PlainTextResponse("build= applies to the datasets' files.", status_code=400)
    path = store.DATASETS_DIR / name if name in DOCUMENTS else None
    if path is None or not path.is_file():
        known = ", ".join(f"{d.filename}" for d in registry.DATASETS.values())
        return PlainTextResponse(
            f"No such file: {name}. Files: {known} (each also as .json, .parquet and "
            f".meta.json), {', '.join(DOCUMENTS)}.",
            status_code=404,
        )
    return Response(path.read_bytes(), media_type=DOCUMENTS[name], headers=DATA_HEADERS)


# Files of the site that never change once written (pinned embeds): cached for a year. The
# rest, assets included (their names carry no version), for minutes.
IMMUTABLE = re.compile(r"^(?:[a-z]{2,3}(?:_[A-Za-z]{2,4})?/)?pinned/")  # fr/pinned/ too


async def serve_site(request: Request) -> Response:
    """The baked site as any static host serves it: files, a folder's index.html."""
    relative = request.path_params.get("path", "")
    root = SITE_DIR.resolve()
    target = (root / relative).resolve()
    hidden = any(part.startswith(".") for part in Path(relative).parts)
    if hidden or not target.is_relative_to(root) or not target.exists():
        return PlainTextResponse(
            f"Not in the baked site: /site/{relative}. `make site` bakes it.", status_code=404
        )
    if target.is_dir():
        if relative and not relative.endswith("/"):  # relative links need the slash
            return RedirectResponse(f"{request.url.path}/", status_code=308)
        target = target / "index.html"
        if not target.is_file():
            return PlainTextResponse("No index here.", status_code=404)
    cache = (
        "public, max-age=31536000, immutable"
        if IMMUTABLE.match(relative)
        else "public, max-age=300"
    )
    return FileResponse(target, headers={"Cache-Control": cache})


async def serve_oembed(request: Request) -> Response:
    """oEmbed 1.0 (JSON) for a chart's URL, so a CMS can turn a pasted link into an embed."""
    from dashboard import oembed  # the chart code loads only when asked

    status, answer = oembed.answer(dict(request.query_params), str(request.base_url), SITE_DIR)
    if status != 200:
        return PlainTextResponse(answer, status_code=status)
    return JSONResponse(answer, headers={"Access-Control-Allow-Origin": "*"})


ROUTES = [
    Route("/data/{name}", serve_data, methods=["GET"]),
    Route("/feeds/{name}", feeds.serve, methods=["GET"]),
    Route("/site", lambda request: RedirectResponse("/site/", status_code=308)),
    Route("/site/{path:path}", serve_site, methods=["GET", "HEAD"]),
    Route("/oembed", serve_oembed, methods=["GET"]),
    Route("/_replica", replica_status, methods=["GET"]),  # which replica, its sessions
]


def _script_hash(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def _inline_script_hashes(index_html: Path) -> list[str]:
    """CSP hashes of the inline scripts in Streamlit's page shell (one, setting
    `window.prerenderReady`), read from the installed file so an upgrade stays allowed."""
    try:
        html = index_html.read_text(encoding="utf-8")
    except OSError:
        return []
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    return [_script_hash(script) for script in scripts]


def base_path() -> str:
    """The path the app is served under (`server.baseUrlPath`), with its slashes."""
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}/" if base else "/"


def server_root_script() -> str:
    """The shell's one script of this app's own: it names where Streamlit's server is.

    Streamlit's client otherwise guesses: on any page but the front one it asks the page's
    own path first (`/map/_stcore/health`, a 404) and the root only once a 100 ms retry
    timer has run out, so every page opened from a link drew its first chart 0.1 s late.
    `window.__streamlit.BACKEND_BASE_URL` is the client's setting for hosts that serve it
    elsewhere; named, it is the one place it asks."""
    return f"window.__streamlit={{BACKEND_BASE_URL:location.origin+{json.dumps(base_path())}}}"


def content_security_policy(frameable: bool) -> str:
    """The policy for every response; `frameable` only for the embed page.

    The smallest policy under which every page, chart and download works with no violation
    in Chromium (tests/test_browser.py); each exception to "own origin only" is needed:
    """
    shell = Path(file_util.get_static_dir()) / "index.html"
    directives = {
        # own origin only: scripts, styles, fonts, images, the websocket (CSP 3 `'self'`
        # covers ws: to the same host), fetches (the map geometry), frames, workers
        "default-src": "'self'",
        # + Streamlit's one inline script and the server's root (server_root_script), by
        # hash; + WebAssembly compilation only (the protobuf decoder's long.js probes it),
        # never JavaScript eval
        "script-src": " ".join(
            [
                "'self'",
                "'wasm-unsafe-eval'",
                *_inline_script_hashes(shell),
                _script_hash(server_root_script()),
            ]
        ),
        # Streamlit (emotion) and Plotly write <style> elements and style attributes
        "style-src": "'self' 'unsafe-inline'",
        # Plotly's "Download plot as a PNG" draws the chart from a blob: image
        "img-src": "'self' blob:",
        # Streamlit's stylesheet inlines one font (KaTeX_Size3) as data:
        "font-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        # no site may frame a page, except the embed page, which every page may: there the
        # directive is left out, since `*` would still refuse pages opened from a file
        "frame-ancestors": "'none'",
    }
    if frameable:
        del directives["frame-ancestors"]
    return "; ".join(f"{name} {value}" for name, value in directives.items())


# Pages that other sites may put in an <iframe>: the embeddable chart only (and the baked
# site's embed.html pages).
FRAMEABLE_PATHS = frozenset({"/embed"})


class SecurityHeadersMiddleware:
    """Adds the CSP, `X-Content-Type-Options: nosniff` and (except on frameable pages)
    `X-Frame-Options: DENY` to every HTTP response, including error pages."""

    def __init__(self, app: ASGIApp, frameable_paths: frozenset[str] = FRAMEABLE_PATHS):
        self.app = app
        base = base_path()
        self.frameable_paths = {f"{base}{path.lstrip('/')}" for path in frameable_paths}
        self.site_prefix = f"{base}site/"  # its embed.html pages
        self.closed = self._headers(frameable=False)
        self.open = self._headers(frameable=True)

    @staticmethod
    def _headers(frameable: bool) -> dict[str, str]:
        headers = {
            "Content-Security-Policy": content_security_policy(frameable),
            "X-Content-Type-Options": "nosniff",
        }
        if not frameable:
            headers["X-Frame-Options"] = "DENY"
        return headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope["path"].removeprefix(scope.get("root_path", "")).rstrip("/")
        frameable = path in self.frameable_paths or (
            path.startswith(self.site_prefix) and path.endswith("/embed.html")
        )
        extra = self.open if frameable else self.closed
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value  # replaces any value set further in
                if "vary" in headers:  # both compression layers add Accept-Encoding
                    tokens = (token.strip() for token in headers["vary"].split(","))
                    headers["Vary"] = ", ".join(dict.fromkeys(t for t in tokens if t))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # An unhandled error: Starlette's outermost handler would answer 500 without
            # passing through this middleware, so answer here (the error is re-raised
            # and still logged).
            if not started:
                await PlainTextResponse("Internal Server Error", status_code=500)(
                    scope, receive, send_with_headers
                )
            raise


# The map geometry, which Plotly asks for only once its chunk has been compiled and the map
# laid out: fetched with the page's scripts instead, on the pages whose first chart is a map.
GEOMETRY_HINT = (
    f'<link rel="preload" as="fetch" crossorigin href="{geo.TOPOJSON_URL}{geo.WORLD_TOPOLOGY}">'
)


def draws_a_map_first(request: Request) -> bool:
    page = request.url.path.strip("/")
    if page == navigation.EMBED.url_path:  # a map unless another kind is asked for
        return request.query_params.get("kind", chart_specs.DEFAULT_KIND) == "map"
    return page == navigation.WORLD_MAP.url_path


class ShellMiddleware:
    """Streamlit's page shell, as the browser needs it:

    - it says `<html lang="en">` whatever the page's language; this names the language the
      page will be in (`?lang=`, else the browser's Accept-Language, as the app decides:
      dashboard/app.py) and its direction, `dir="rtl"` for Arabic, so the browser lays the
      page out from the right and screen readers pronounce it right. (A language changed
      with the picker takes effect on the page's styles at once, and on these attributes
      at the next load.)
    - it names the server's root for Streamlit's client (server_root_script, the one
      inline script of the app's own, allowed by its hash).
    - on a page whose first chart is a map, its head asks for the map's geometry with the
      shell's own scripts. (A like hint for Plotly's 4.7 MB chunk was tried and dropped: it
      made the overview's first chart later, 4.3 → 5.1 s, and the profile's no sooner;
      tried again once the bundles were cached, and as a module script, no sooner either:
      README, Performance.)"""

    SHELL = b'<html lang="en">'
    HEAD_END = b"</head>"

    def __init__(self, app: ASGIApp):
        self.app = app
        self.head = f"<script>{server_root_script()}</script>"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        lang = (
            i18n.parse_lang(request.query_params.get(i18n.PARAM))
            or i18n.negotiate(request.headers.get("accept-language"))
            or i18n.SOURCE_LANGUAGE
        )
        shell = f'<html lang="{lang}" dir="{"rtl" if i18n.is_rtl(lang) else "ltr"}">'.encode()
        head = self.head + (GEOMETRY_HINT if draws_a_map_first(request) else "")
        held: list[Message] = []

        async def send_rewritten(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html") and not headers.get(
                    "content-encoding"
                ):
                    held.append(message)  # the shell: rewritten once its body is complete
                    return
            elif held:
                held.append(message)
                if message.get("more_body"):
                    return
                body = b"".join(m.get("body", b"") for m in held[1:])
                body = body.replace(self.SHELL, shell, 1)
                body = body.replace(self.HEAD_END, head.encode() + self.HEAD_END, 1)
                start = held[0]
                MutableHeaders(scope=start)["content-length"] = str(len(body))
                held.clear()
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, send_rewritten)


tcp.send_small_writes_at_once()  # before the first connection is accepted

# Compress what is sent: the map geometry (0.47 MB of JSON), Streamlit's scripts and the
# CSVs shrink 3-7 times. zstd (or brotli, gzip for older clients) at a low level: Plotly's
# 4.7 MB script takes about 0.06 s instead of gzip level 9's 0.3 s, the geometry 0.004 s
# instead of gzip level 5's 0.016 s; the result is smaller for scripts and geometry and
# within 2 % for the CSVs. Compressing Plotly's script as it was sent still took the server
# 0.15-0.25 s for each new reader: Streamlit's bundles are compressed once and kept
# (dashboard/asset_cache.py).
add_compress_type("text/csv")  # the datasets; not on the library's list of text types
MIDDLEWARE = [
    Middleware(SecurityHeadersMiddleware),
    # outside the compression: Streamlit's bundles compressed once, then from memory
    Middleware(StaticAssetCache),
    # remove_accept_encoding: Streamlit's own gzip middleware sits inside this one and
    # gzips (level 5) every response except its /static/ bundles and the root page; once
    # a body is gzipped this middleware leaves it alone. Taking Accept-Encoding off the
    # request after reading it leaves all compression to this middleware.
    Middleware(CompressMiddleware, minimum_size=1024, remove_accept_encoding=True),
    # inside the compression: it reads the page shell as Streamlit sends it (uncompressed)
    Middleware(ShellMiddleware),
]


@contextlib.asynccontextmanager
async def warmed(_app):
    """The server answers (its health check too) once dashboard/warmup.py has filled the
    caches, so its first reader does not wait for them; `DASHBOARD_WARMUP=0` skips it (a
    developer restarting often)."""
    if os.environ.get("DASHBOARD_WARMUP", "1") != "0":
        warmup.warm()
    yield


# The entry script by absolute path, so the app also loads outside `streamlit run` (tests).
app = st.App(
    Path(__file__).with_name("app.py"), routes=ROUTES, middleware=MIDDLEWARE, lifespan=warmed
)
