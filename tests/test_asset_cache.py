"""Streamlit's bundles compressed once and answered from memory (dashboard/asset_cache.py):
the same bytes as the compression middleware answers, for each Accept-Encoding; the large
ones compressed before the server says it has started; nothing else kept."""

from __future__ import annotations

import gzip

import pytest
import zstandard
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient
from starlette_compress import CompressMiddleware

from dashboard import asset_cache
from dashboard.asset_cache import StaticAssetCache

# What the cache is tested on: Streamlit's own bundles (real files, real sizes)
STATIC = StaticAssetCache(None).static_dir
LARGE = max((STATIC / "js").glob("*.js"), key=lambda p: p.stat().st_size)  # Plotly's chunk
SMALL = min((STATIC / "js").glob("*.js"), key=lambda p: p.stat().st_size)
CHROMIUM, SAFARI = "gzip, deflate, br, zstd", "gzip, deflate, br"


class Counting:
    """The app inside the cache, counting the requests that reach it."""

    def __init__(self, app):
        self.app, self.calls = app, []

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            self.calls.append(scope["path"])
        await self.app(scope, receive, send)


class Stamped:
    """A middleware outside the cache adding a header to each answer in place, as the
    security headers middleware does."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def stamp(message):
            if message["type"] == "http.response.start":
                message["headers"].append((b"x-stamp", b"1"))
            await send(message)

        await self.app(scope, receive, stamp)


@pytest.fixture
def served():
    inner = Counting(None)
    app = Starlette(
        routes=[Mount("/static", StaticFiles(directory=STATIC))],
        middleware=[
            Middleware(Stamped),
            Middleware(StaticAssetCache),
            Middleware(lambda app: setattr(inner, "app", app) or inner),
            Middleware(CompressMiddleware, minimum_size=1024, remove_accept_encoding=True),
        ],
    )
    with TestClient(app) as client:  # starts (and so compresses ahead), then serves
        cache = app.middleware_stack.app.app  # ServerErrorMiddleware → Stamped → the cache
        assert isinstance(cache, StaticAssetCache)
        yield client, cache, inner


def _raw(client, path, accept, **headers):
    """The answer's bytes as sent (TestClient would otherwise decode them)."""
    with client.stream("GET", path, headers={"accept-encoding": accept, **headers}) as r:
        return r, b"".join(r.iter_raw())


def test_large_bundles_are_compressed_before_the_server_has_started(served):
    client, cache, inner = served
    ahead = {path for path, _ in cache.kept}
    assert f"/static/js/{LARGE.name}" in ahead and f"/static/js/{SMALL.name}" not in ahead
    before = len(inner.calls)
    answer, body = _raw(client, f"/static/js/{LARGE.name}", CHROMIUM)
    assert len(inner.calls) == before  # from memory: nothing compressed for this reader
    assert answer.headers["content-encoding"] == "zstd"
    assert zstandard.ZstdDecompressor().decompressobj().decompress(body) == LARGE.read_bytes()
    assert answer.headers.get_list("x-stamp") == ["1"]  # the outer header added once


def test_each_encoding_is_kept_apart_and_answered_alike_the_second_time(served):
    client, cache, inner = served
    path = f"/static/js/{LARGE.name}"
    first, first_body = _raw(client, path, "gzip")
    second, second_body = _raw(client, path, "gzip")
    assert inner.calls.count(path) == 2  # ahead (zstd), then gzip once
    assert first_body == second_body and gzip.decompress(second_body) == LARGE.read_bytes()
    assert first.headers["content-encoding"] == second.headers["content-encoding"] == "gzip"
    assert second.headers.get_list("x-stamp") == ["1"]
    _raw(client, path, SAFARI)
    assert {accept for p, accept in cache.kept if p == path} == {CHROMIUM, "gzip", SAFARI}


def test_what_is_not_a_plain_request_for_a_bundle_is_not_kept(served):
    client, cache, inner = served
    kept = set(cache.kept)
    path = f"/static/js/{SMALL.name}"
    for headers in ({"range": "bytes=0-9"}, {"if-none-match": '"x"'}):
        _raw(client, path, CHROMIUM, **headers)
    assert client.get("/static/js/no-such-file.js").status_code == 404
    _raw(client, path + "?v=1", CHROMIUM)
    assert set(cache.kept) == kept
    _raw(client, path, CHROMIUM)
    assert set(cache.kept) == kept | {(path, CHROMIUM)}


def test_the_least_recently_used_answers_go_past_the_limit(served, monkeypatch):
    client, cache, inner = served
    cache.kept.clear()
    cache.size = 0
    small = sorted((STATIC / "js").glob("*.js"), key=lambda p: p.stat().st_size)[:3]
    sizes = [path.stat().st_size for path in small]
    monkeypatch.setattr(asset_cache, "LIMIT_BYTES", sizes[1] + sizes[2])  # room for two
    for path in small:
        _raw(client, f"/static/js/{path.name}", "identity")
    assert [p for p, _ in cache.kept] == [f"/static/js/{p.name}" for p in small[1:]]
    assert cache.size == sum(len(body) for _, body in cache.kept.values())
