"""Fetching: mirror reads, and downloads that retry, time out and reject wrong content."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from etl.errors import FetchError
from etl.fetch import Fetcher, RawFile, http_session

CSV = b"ISO;Score\nNOR;9265\n"


class Script:
    """What the local server answers, request by request."""

    def __init__(self, responses):
        self.responses = list(responses)
        self.calls = 0


def serve(script: Script):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's naming
            status, headers, body = script.responses[min(script.calls, len(script.responses) - 1)]
            script.calls += 1
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def server_for():
    servers = []

    def start(*responses):
        script = Script(responses)
        server = serve(script)
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/2022.csv", script

    yield start
    for server in servers:
        server.shutdown()


def fetcher():
    return Fetcher(mirror=None, session=http_session(retries=3, backoff=0.01), timeout=(2, 2))


def test_mirror_read_records_checksum(tmp_path):
    (tmp_path / "rsf-index").mkdir()
    (tmp_path / "rsf-index" / "2022.csv").write_bytes(CSV)
    got = Fetcher(mirror=tmp_path).fetch("rsf_index", "rsf-index", RawFile("2022.csv", "u"))
    assert got.content == CSV
    assert got.sha256 == hashlib.sha256(CSV).hexdigest()
    assert got.size == len(CSV)


def test_missing_mirror_file_is_a_clear_error(tmp_path):
    with pytest.raises(FetchError, match="cannot read mirror file"):
        Fetcher(mirror=tmp_path).fetch("rsf_index", "rsf-index", RawFile("2022.csv", "u"))


def test_retries_on_503_then_succeeds(server_for):
    url, script = server_for((503, {}, b"busy"), (503, {"Retry-After": "0"}, b""), (200, {}, CSV))
    got = fetcher().fetch("rsf_index", "rsf-index", RawFile("2022.csv", url))
    assert got.content == CSV
    assert script.calls == 3
    assert got.origin == url


def test_gives_up_after_retries_with_status_in_message(server_for):
    url, _ = server_for((500, {}, b"down"))
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher().fetch("rsf_index", "rsf-index", RawFile("2022.csv", url))


def test_html_error_page_with_status_200_is_rejected(server_for):
    url, _ = server_for((200, {"Content-Type": "text/html"}, b"<!DOCTYPE html><p>Not found"))
    with pytest.raises(FetchError, match="HTML page"):
        fetcher().fetch("rsf_index", "rsf-index", RawFile("2022.csv", url))


def test_empty_body_is_rejected(server_for):
    url, _ = server_for((200, {}, b""))
    with pytest.raises(FetchError, match="empty file"):
        fetcher().fetch("rsf_index", "rsf-index", RawFile("2022.csv", url))
