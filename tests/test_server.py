"""The served app: stable data URLs, security headers on every response, compression."""

import base64
import hashlib
import io
import re

import pandas as pd
import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from dashboard import server
from dashboard.server import MIDDLEWARE, ROUTES
from tests.conftest import DATASETS

client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))


@pytest.fixture(scope="module")
def app_client():
    """The whole app as `make run` serves it (Streamlit's routes and middleware inside ours),
    in this process; its runtime is stopped and forgotten afterwards, for AppTest."""
    from streamlit.runtime import Runtime

    try:
        with TestClient(server.app) as real:
            yield real
    finally:
        Runtime._instance = None


def test_dataset_csv_is_served_byte_for_byte():
    response = client.get("/data/rsf_index.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content == (DATASETS / "rsf_index.csv").read_bytes()
    assert len(pd.read_csv(io.BytesIO(response.content))) == 4200


def test_data_package_and_dictionary_are_served():
    assert client.get("/data/datapackage.json").json()["resources"]
    assert "data dictionary" in client.get("/data/README.md").text


def test_withheld_and_unknown_files():
    withheld = client.get("/data/cpj_cases.csv")
    assert withheld.status_code == 403 and "terms" in withheld.text
    assert client.get("/data/../etl/catalog.py").status_code == 404
    missing = client.get("/data/nonsense.csv")
    assert missing.status_code == 404 and "rsf_index.csv" in missing.text


def _bundle(app_client) -> str:
    shell = app_client.get("/").text
    return "/" + re.search(r'src="\./(static/js/index\.[^"]+\.js)"', shell).group(1)


# Every kind of response: Streamlit's page shell (root, a page, an unknown path), its hashed
# scripts, the app's static files, the /data routes (200, 403, 404), /_stcore/ endpoints.
PATHS = [
    "/",
    "/cases",
    "/map?edition=2023",
    "/no/such/page",
    "BUNDLE",
    "/static/js/no-such-file.js",
    "/app/static/topojson/world_50m.json",
    "/app/static/no-such-file.json",
    "/data/rsf_index.csv",
    "/data/cpj_cases.csv",
    "/data/nonsense.csv",
    "/_stcore/health",
    "/_stcore/host-config",
    "/_replica",
    "/embed/",  # redirected to /embed
]


def _directives(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    pairs = (d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    return {name: value for name, value in pairs}


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_policy_and_nosniff(app_client, path):
    path = _bundle(app_client) if path == "BUNDLE" else path
    response = app_client.get(path, follow_redirects=False)
    assert response.status_code < 500
    assert response.headers["x-content-type-options"] == "nosniff"
    csp = _directives(response)
    assert csp["default-src"] == "'self'"
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'self'"
    frameable = path.rstrip("/") == "/embed"
    assert csp.get("frame-ancestors") == (None if frameable else "'none'")
    assert response.headers.get("x-frame-options") == (None if frameable else "DENY")
    assert len(response.headers.get_list("content-security-policy")) == 1


def test_only_the_embed_page_may_be_framed(app_client):
    embed = app_client.get("/embed?chart=map&metric=rsf&edition=2026&embed=true")
    # no frame-ancestors at all: `*` would refuse a page opened from a file (an editor's draft)
    assert embed.status_code == 200 and "frame-ancestors" not in _directives(embed)
    assert "x-frame-options" not in embed.headers
    for path in ("/", "/map?embed=true", "/embedded", "/x/embed", "/data/rsf_index.csv"):
        response = app_client.get(path)
        assert _directives(response)["frame-ancestors"] == "'none'", path
        assert response.headers["x-frame-options"] == "DENY", path


def test_the_inline_script_of_the_page_shell_is_allowed_by_hash(app_client):
    """Streamlit's index.html sets `window.prerenderReady` inline, the server adds its root
    (server_root_script): their hashes are in the policy (Streamlit's read from the installed
    file, so a Streamlit upgrade cannot silently break it)."""
    shell = app_client.get("/").text
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", shell, flags=re.S)
    assert len(inline) == 2
    script_src = _directives(app_client.get("/"))["script-src"].split()
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in script_src


def test_every_shell_names_the_servers_root_for_streamlits_client(app_client):
    """Told nothing, Streamlit's client asks a page's own path for the server first (a 404
    on every page but the front one) and the root only after a 100 ms retry timer; the
    shell names the root (tests/test_browser.py sees no request refused)."""
    script = '<script>window.__streamlit={BACKEND_BASE_URL:location.origin+"/"}</script>'
    for path in ("/", "/map?edition=2026", "/country?country=AZE", "/embed?kind=rank"):
        head = app_client.get(path).text.split("</head>")[0]
        assert head.count(script) == 1, path


def test_the_servers_root_follows_the_base_url_path(monkeypatch):
    from streamlit import config

    monkeypatch.setattr(config, "get_option", {"server.baseUrlPath": "/press/"}.get)
    assert server.server_root_script().endswith('location.origin+"/press/"}')
    headers = server.SecurityHeadersMiddleware(app=None)
    assert headers.frameable_paths == {"/press/embed"} and headers.site_prefix == "/press/site/"


def test_unhandled_errors_also_carry_the_headers():
    def boom(request):
        raise RuntimeError("boom")

    app = Starlette(routes=[Route("/boom", boom)], middleware=MIDDLEWARE)
    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500 and "boom" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert _directives(response)["frame-ancestors"] == "'none'"
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    ["BUNDLE", "/", "/cases", "/app/static/topojson/world_50m.json", "/data/rsf_index.csv"],
)
def test_every_compressible_response_is_zstd_for_a_modern_browser(app_client, path):
    """Streamlit's own gzip middleware sits inside ours: it must not get there first
    (it used to gzip the map geometry, the CSVs and every page but the root)."""
    path = _bundle(app_client) if path == "BUNDLE" else path
    plain = app_client.get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    chrome = app_client.get(path, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert chrome.headers["content-encoding"] == "zstd"
    assert chrome.content == plain.content  # decoded by the client
    assert chrome.headers["vary"] == "Accept-Encoding"
    brotli = app_client.get(path, headers={"Accept-Encoding": "gzip, br"})
    assert brotli.headers["content-encoding"] == "br" and brotli.content == plain.content


def test_responses_are_compressed_for_every_kind_of_client(app_client):
    """zstd where the browser accepts it, gzip for older clients, plain for the rest."""
    original = (DATASETS / "rsf_index.csv").read_bytes()
    modern = app_client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "zstd, gzip"})
    assert modern.headers["content-encoding"] == "zstd"
    assert int(modern.headers["content-length"]) < len(original) / 3
    assert modern.content == original  # decoded by the client
    older = app_client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "gzip"})
    assert older.headers["content-encoding"] == "gzip" and older.content == original
    plain = app_client.get("/data/rsf_index.csv", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == original


def test_the_shell_names_language_and_direction(app_client):
    """The server rewrites Streamlit's `<html lang="en">` for the page's language (here,
    where Streamlit's runtime starts once per process: tests/test_i18n.py has the rest)."""
    arabic = app_client.get("/?lang=ar").text
    french = app_client.get("/map", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).text
    english = app_client.get("/").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<html lang="fr" dir="ltr">' in french
    assert '<html lang="en" dir="ltr">' in english


def _hinted(shell: str) -> list[str]:
    head = shell.split("</head>")[0]
    return re.findall(r'<link rel="preload" as="fetch"[^>]*href="([^"]+)"', head)


def test_the_shell_asks_for_the_geometry_where_the_first_chart_is_a_map(app_client):
    geometry = "/app/static/topojson/world_50m.json"
    for page in ("/map", "/map?edition=2026", "/embed", "/embed?kind=map&metric=cpj"):
        assert _hinted(app_client.get(page).text) == [geometry], page
    for page in ("/", "/country?country=AZE", "/embed?kind=rank", "/compare"):
        assert _hinted(app_client.get(page).text) == [], page
    assert app_client.get(geometry).status_code == 200


def test_replica_route_says_only_its_name_and_session_count(app_client, monkeypatch):
    """/_replica (dashboard/replica.py) is for the proxy set-up: the operator's name for the
    replica and a count, nothing about the host or the sessions themselves."""
    monkeypatch.setenv("DASHBOARD_REPLICA", "a")
    response = app_client.get("/_replica")
    assert response.json() == {"replica": "a", "active_sessions": 0}
    assert response.headers["cache-control"] == "no-store"


def test_accepted_connections_send_small_writes_at_once():
    """Streamlit's listening socket leaves Nagle's algorithm on for the connections it
    accepts (each keep-alive response then waited ~40 ms for the browser's acknowledgement);
    the server's HTTP protocol turns it off on each connection it is given."""
    import asyncio
    import socket

    import uvicorn
    from streamlit.web.server.starlette import starlette_server
    from uvicorn.protocols.http.auto import AutoHTTPProtocol
    from uvicorn.server import ServerState

    listener = starlette_server._bind_socket("127.0.0.1", 0, 8)  # as Streamlit binds it
    client = socket.create_connection(listener.getsockname())
    listener.setblocking(True)
    accepted, _ = listener.accept()
    nodelay = (socket.IPPROTO_TCP, socket.TCP_NODELAY)
    assert accepted.getsockopt(*nodelay) == 0  # what asyncio leaves (proto 0)

    async def serve_it() -> int:
        config = uvicorn.Config(app=server.app, lifespan="off")
        config.load()
        transport, _ = await asyncio.get_running_loop().connect_accepted_socket(
            lambda: AutoHTTPProtocol(config, ServerState(), app_state={}), sock=accepted
        )
        try:
            return accepted.getsockopt(*nodelay)
        finally:
            transport.close()

    try:
        assert asyncio.run(serve_it()) == 1
    finally:
        for sock in (client, accepted, listener):
            sock.close()
