"""Scaling out: two replicas behind nginx with sticky sessions (deploy/, README "Scaling out").

Starts the set-up of `make scale` on free loopback ports and runs the load run of
benchmarks/scale_load.py with a few browser sessions, each in a new context (no shared
cookie), which only draw their page (the charts come over the websocket): they must land
on both replicas, stay on their replica (a later request with the same cookie, the /media/
file of a download) and see no error. Needs Debian's nginx and Chromium and Playwright
for Python; without any of them the browser tests skip, saying which.
"""

from __future__ import annotations

import asyncio
import re
import urllib.request
from pathlib import Path

import pytest

from deploy.scale import free_port, nginx_path, running, site_config
from tests.conftest import DATASETS

SESSIONS = 4
CHROMIUM = Path("/usr/bin/chromium")

MISSING = [
    what
    for what, present in (
        ("nginx (apt-get install nginx)", nginx_path() is not None),
        (f"Chromium at {CHROMIUM} (apt-get install chromium)", CHROMIUM.is_file()),
    )
    if not present
]
needs_browser_and_nginx = pytest.mark.skipif(
    bool(MISSING), reason=f"needs {' and '.join(MISSING)}; .ci/run installs both"
)


def test_the_template_is_filled_in_completely():
    config = site_config("127.0.0.1:8080", {"a": "127.0.0.1:8502", "b": "127.0.0.1:8503"})
    assert not re.search(r"@[A-Z_]+@", config)
    assert "server 127.0.0.1:8503 backup;" in config and "listen 127.0.0.1:8080;" in config


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    with running(free_port(), tmp_path_factory.mktemp("scale")) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def report(cluster):
    pytest.importorskip("playwright.async_api", reason="Playwright for Python is not installed")
    from benchmarks.scale_load import load_run

    return asyncio.run(load_run(cluster, SESSIONS, interact=False))


@needs_browser_and_nginx
def test_sessions_land_on_both_replicas_and_each_counts_its_own(report):
    assert set(report.by_cookie()) == {"a", "b"}
    assert report.held == report.by_cookie()  # each replica's count of open websockets


@needs_browser_and_nginx
def test_each_session_drew_and_stayed_on_its_replica(report):
    assert all(s.first_chart is not None for s in report.sessions)
    # /_replica asked through the proxy with the session's cookie
    assert [s.answered_by for s in report.sessions] == [s.replica for s in report.sessions]
    # "Data behind this view" is a /media/ file held by the replica that ran the session
    assert all(s.download.startswith(b"# Source:") for s in report.sessions)


@needs_browser_and_nginx
def test_no_errors_in_any_session(report):
    assert report.errors == []


@needs_browser_and_nginx
def test_the_apps_own_headers_and_files_pass_through(cluster):
    with urllib.request.urlopen(f"{cluster.url}/cases") as response:
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Server"] == "nginx"  # no version
    with urllib.request.urlopen(f"{cluster.url}/data/rsf_index.csv") as response:
        assert response.read() == (DATASETS / "rsf_index.csv").read_bytes()
