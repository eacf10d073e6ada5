"""Streamlit's scripts and styles, compressed once and then answered from memory.

The compression middleware (dashboard/server.py) compresses each response as it is sent.
Streamlit's hashed bundles never change while the server runs, yet every new reader had
them compressed again: about 7 MB of script a first visit, 0.15-0.25 s of the server's time
for Plotly's 4.7 MB chunk alone, while that reader's page was also being run. This
middleware, outside the compression, keeps each bundle's compressed answer per
Accept-Encoding header. The large ones it compresses while the server starts, for the
header Chromium and Firefox send, so that even the first reader gets them from memory; the
others, and other headers, are kept when first asked for.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config, file_util
from streamlit.logger import get_logger

LOG = get_logger(__name__)

AHEAD_ENCODING = "gzip, deflate, br, zstd"  # what Chromium and Firefox send: zstd chosen
AHEAD_BYTES = 64 * 1024  # bundles at least this large are compressed ahead (37 files, 20 MB,
# about 2 s here); compressing a smaller one takes less than answering it
LIMIT_BYTES = 64 * 1024 * 1024  # at most this much kept (a browser family: about 7 MB)
SKIPPED = (b"range", b"if-none-match", b"if-modified-since")  # answered by Streamlit itself


class StaticAssetCache:
    """Answers GET requests for Streamlit's /static/ bundles from memory once answered, keyed
    by path and Accept-Encoding; the least recently used answers are dropped past
    LIMIT_BYTES. Everything else passes through."""

    def __init__(self, app: ASGIApp, static_dir: Path | None = None):
        self.app = app
        base = (config.get_option("server.baseUrlPath") or "").strip("/")
        self.prefix = f"/{base}/static/" if base else "/static/"
        self.static_dir = static_dir or Path(file_util.get_static_dir()) / "static"
        self.kept: OrderedDict[tuple[str, str], tuple[Message, bytes]] = OrderedDict()
        self.size = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, self._compressing_before_ready(send))
            return
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if key in self.kept:
            self.kept.move_to_end(key)
            start, body = self.kept[key]
            await send(_copy(start))  # the middleware outside adds its headers to each copy
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._keeping(key, send))

    def _key(self, scope: Scope) -> tuple[str, str] | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        if not scope["path"].startswith(self.prefix) or scope.get("query_string"):
            return None
        headers = dict(scope["headers"])
        if any(name in headers for name in SKIPPED):
            return None
        return scope["path"], headers.get(b"accept-encoding", b"").decode("latin-1")

    def _keeping(self, key: tuple[str, str], send: Send) -> Send:
        """`send`, keeping a complete 200 answer under `key`."""
        parts: list[Message] = []

        async def send_and_keep(message: Message) -> None:
            parts.append(_copy(message) if message["type"] == "http.response.start" else message)
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body"):
                start = parts[0]
                if start["type"] == "http.response.start" and start["status"] == 200:
                    body = b"".join(m.get("body", b"") for m in parts[1:])
                    self._keep(key, start, body)

        return send_and_keep

    def _keep(self, key: tuple[str, str], start: Message, body: bytes) -> None:
        if len(body) > LIMIT_BYTES:
            return
        if key in self.kept:
            self.size -= len(self.kept.pop(key)[1])
        self.kept[key] = (start, body)
        self.size += len(body)
        while self.size > LIMIT_BYTES:
            self.size -= len(self.kept.popitem(last=False)[1][1])

    def _compressing_before_ready(self, send: Send) -> Send:
        """`send` for the lifespan: the bundles are compressed before the server says it
        has started (and so before it answers its health check)."""

        async def send_when_compressed(message: Message) -> None:
            if message["type"] == "lifespan.startup.complete":
                try:
                    await self.compress_all()
                except Exception:  # noqa: BLE001 (a reader then waits for compression)
                    LOG.warning("Static bundles not compressed ahead", exc_info=True)
            await send(message)

        return send_when_compressed

    async def compress_all(self) -> int:
        """Asks the app for every script and style of at least AHEAD_BYTES under Streamlit's
        static folder, as Chromium and Firefox ask; returns how many answers are kept."""
        files = sorted(
            path
            for folder in ("js", "css")
            for path in (self.static_dir / folder).glob("*")
            if path.is_file() and path.stat().st_size >= AHEAD_BYTES
        )
        for path in files:
            url = self.prefix + path.relative_to(self.static_dir).as_posix()
            await self(_request(url, AHEAD_ENCODING), _receiver(), _discard)
        return len(self.kept)


def _copy(start: Message) -> Message:
    """A response's start with its own list of headers (middleware changes it in place)."""
    return {**start, "headers": list(start["headers"])}


def _request(path: str, accept_encoding: str) -> Scope:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"localhost"), (b"accept-encoding", accept_encoding.encode())],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", 80),
        "state": {},
    }


def _receiver() -> Receive:
    """A client's messages: an empty request body, then nothing until the answer is
    complete (the app listens for a disconnect meanwhile, and stops listening then)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await anyio.sleep_forever()
        return {"type": "http.disconnect"}

    return receive


async def _discard(message: Message) -> None:
    del message
