"""The ETL under faults: a local HTTP server misbehaves in every way we can think of; each
run must fail loudly, name source, file, row and rule, exit non-zero, and leave datasets/
byte-for-byte as it was.

Everything here runs on the committed fixtures (tests/fixtures), so on every machine."""

import dataclasses
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from etl import publish
from etl.fetch import Fetcher, RawFile, http_session
from etl.pipeline import RunOptions, run, run_source
from etl.sources.reference import steps as reference
from tests.conftest import FIXTURE_MIRROR, ROOT, copy_fixture_mirror, digest, fixture_sources

TARGET = "2026.csv"
NORWAY = b"NOR;9272;1;"  # Norway's row in the 2026 edition (line 12 of the file)


class FaultyServer:
    """Serves the RSF mirror on 127.0.0.1; `fault` decides what happens to TARGET."""

    def __init__(self, fault: str):
        self.fault = fault
        self.calls: dict[str, int] = {}
        self.times: list[float] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                name = self.path.lstrip("/")
                server.calls[name] = server.calls.get(name, 0) + 1
                body = (FIXTURE_MIRROR / "rsf-index" / name).read_bytes()
                if name == TARGET:
                    server.times.append(time.monotonic())
                    if server.misbehave(self, body, server.calls[name]):
                        return
                self.send(200, body)

            def send(self, status, body, headers=None):
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def misbehave(self, handler, body: bytes, call: int) -> bool:
        """Act out the fault; True when the response has been sent."""
        fault = self.fault
        if fault == "slow":
            time.sleep(2.5)
        elif fault in ("flaky", "throttled") and call <= 2:
            status = 503 if fault == "flaky" else 429
            handler.send(status, b"busy", {"Retry-After": "1"})
            return True
        elif fault == "drop":
            handler.send_response(200)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 2])
            handler.wfile.flush()
            handler.connection.shutdown(socket.SHUT_RDWR)
            return True
        elif fault == "truncated":
            handler.send(200, body[: len(body) // 2].rsplit(b"\n", 1)[0] + b"\n")
            return True
        elif fault == "html":
            handler.send(
                200,
                b"<!DOCTYPE html><html><body>Page not found</body></html>",
                {"Content-Type": "text/html"},
            )
            return True
        elif fault in EDITS:
            handler.send(200, EDITS[fault](body))
            return True
        return False

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}"


def _first_row(body: bytes) -> bytes:
    return body.split(b"\n")[1]


EDITS = {
    "utf16": lambda b: b.decode("cp1252").encode("utf-16"),
    "renamed-column": lambda b: b.replace(b"Rank_Pol", b"Rank_Politics", 1),
    "missing-column": lambda b: b.replace(b";Safety;", b";", 1),
    "duplicate-key": lambda b: b + _first_row(b) + b"\n",
    "out-of-range": lambda b: b.replace(NORWAY, b"NOR;19272;1;", 1),
    "non-numeric": lambda b: b.replace(NORWAY, b"NOR;high;1;", 1),
    "extra-columns": lambda b: (
        b"\n".join(
            line + (b";Comment" if i == 0 else b";ok")
            for i, line in enumerate(b.split(b"\n"))
            if line
        )
        + b"\n"
    ),
}


@pytest.fixture
def out(released):
    return released


def run_rsf(server: FaultyServer, out: Path, tmp_path: Path, **fetcher_options):
    rsf = fixture_sources()[0]
    source = dataclasses.replace(
        rsf, raw_files=tuple(RawFile(f.name, server.url(f.name)) for f in rsf.raw_files)
    )
    fetcher = Fetcher(
        mirror=None, session=http_session(retries=2, backoff=0.1), timeout=(2, 1), **fetcher_options
    )
    options = RunOptions(rejects_dir=tmp_path / "rejects")
    return run_source(source, fetcher, out, lambda m: None, options)


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("slow", "timed out"),
        ("drop", "download from"),
        ("truncated", "ranks account for every row of the edition"),
        ("html", "HTML page"),
        ("utf16", "encoded as UTF-16"),
        ("renamed-column", "rank_political"),
        ("missing-column", "safety"),
        ("duplicate-key", "FIN appears twice in 2026"),
        ("out-of-range", "score change matches RSF's 'Score evolution'"),
        ("non-numeric", "2026.csv, line 12: score is a number"),
    ],
)
def test_fault_fails_loudly_and_keeps_datasets(fault, expected, out, tmp_path):
    before = digest(out)
    with FaultyServer(fault) as server:
        outcome = run_rsf(server, out, tmp_path)
    assert not outcome.ok
    assert "[rsf_index]" in outcome.error
    assert TARGET in outcome.error
    assert expected in outcome.error, outcome.error
    assert digest(out) == before


@pytest.mark.parametrize("fault", ["duplicate-key", "non-numeric", "out-of-range"])
def test_rejects_report_lists_the_offending_rows(fault, out, tmp_path):
    with FaultyServer(fault) as server:
        run_rsf(server, out, tmp_path)
    rejects = pd.read_csv(tmp_path / "rejects" / "rsf_index.csv")
    assert set(rejects["file"]) == {TARGET}
    assert rejects["rule"].notna().all() and rejects["row"].notna().any()


@pytest.mark.parametrize("fault", ["flaky", "throttled"])
def test_retries_honour_retry_after_then_succeed(fault, out, tmp_path):
    with FaultyServer(fault) as server:
        outcome = run_rsf(server, out, tmp_path)
    assert outcome.ok, outcome.error
    assert server.calls[TARGET] == 3
    gaps = [b - a for a, b in zip(server.times, server.times[1:], strict=False)]
    assert min(gaps) >= 0.9  # Retry-After: 1 was waited for
    # same bytes as the mirror and unchanged code: recognised by checksum, nothing redone
    assert outcome.skipped and outcome.written == []


def test_extra_columns_are_tolerated(out, tmp_path):
    before = digest(out, with_provenance=False)
    with FaultyServer("extra-columns") as server:
        outcome = run_rsf(server, out, tmp_path)
    assert outcome.ok, outcome.error
    assert digest(out, with_provenance=False) == before


def test_changed_checksum_is_caught_in_frozen_mode(out, tmp_path):
    from etl.fetch import frozen_checksums

    before = digest(out)
    with FaultyServer("out-of-range") as server:
        outcome = run_rsf(server, out, tmp_path, expected=frozen_checksums(out))
    assert not outcome.ok and "checksum changed" in outcome.error
    assert digest(out) == before


def test_a_failing_source_does_not_stop_the_others(out, tmp_path):
    rsf = fixture_sources()[0]
    with FaultyServer("html") as server:
        broken = dataclasses.replace(
            rsf, raw_files=tuple(RawFile(f.name, server.url(f.name)) for f in rsf.raw_files)
        )
        fetcher = Fetcher(mirror=None, session=http_session(retries=0), timeout=(2, 2))
        report = run([broken, reference.SOURCE], fetcher, out, lambda m: None)
    assert [o.ok for o in report.outcomes] == [False, True]  # the local reference publishes
    assert (out / "countries.csv").exists()


def test_cli_exits_nonzero_and_names_what_was_kept(released, tmp_path):
    mirror = copy_fixture_mirror(tmp_path / "mirror")
    (mirror / "pts" / "PTS-2024.csv").write_bytes(b"<html>maintenance</html>")
    before = digest(released)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "run",
            "pts",
            "--mirror",
            str(mirror),
            "--out",
            str(released),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "FAILED, last good version kept: pts" in result.stderr
    assert "PTS-2024.csv" in result.stderr and "HTML page" in result.stderr
    assert digest(released) == before


KILLER = """
import os, sys, time
from pathlib import Path
from etl import publish
real_replace = os.replace
def slow_replace(a, b):
    real_replace(a, b)
    print("moved", b, flush=True)
    time.sleep(0.4)
publish.os.replace = slow_replace
files = {f"f{i}.csv": b"new\\n" for i in range(6)}
publish.publish(Path(sys.argv[1]), "demo", files)
"""


def test_killed_mid_publish_is_finished_by_recovery(tmp_path):
    for i in range(6):
        (tmp_path / f"f{i}.csv").write_bytes(b"old\n")
    process = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert "moved" in process.stdout.readline()  # at least one file replaced
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    contents = {(tmp_path / f"f{i}.csv").read_bytes() for i in range(6)}
    assert contents == {b"old\n", b"new\n"}  # the crash left a mix on disk...
    assert publish.recover(tmp_path) == ["demo"]  # ...which the next run completes
    assert {(tmp_path / f"f{i}.csv").read_bytes() for i in range(6)} == {b"new\n"}


def test_killed_before_commit_keeps_the_old_version(tmp_path):
    for i in range(3):
        (tmp_path / f"f{i}.csv").write_bytes(b"old\n")
    stage = tmp_path / publish.STAGING / "demo"
    stage.mkdir(parents=True)
    (stage / "f0.csv").write_bytes(b"new\n")  # written, but no COMMIT marker yet
    assert publish.recover(tmp_path) == []
    assert {(tmp_path / f"f{i}.csv").read_bytes() for i in range(3)} == {b"old\n"}
