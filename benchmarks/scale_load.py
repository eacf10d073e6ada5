"""A short load run through nginx: new browser sessions spread over two replicas.

    python benchmarks/scale_load.py [--sessions 12]      (or: make scale-load)

Starts the set-up of `make scale` (deploy/scale.py) on free loopback ports and opens N
sessions in the system Chromium, each in a new browser context (no cookie shared), one
every ARRIVAL seconds. Each opens a country profile or the map, waits for its chart,
changes the country or the edition once and waits for the run to end. With every session
open, each replica is asked directly (/_replica) how many sessions it holds; then, one
session at a time, each downloads "Data behind this view" (a /media/ file only its
replica holds; a click that gives no file is tried once more in a new tab) and asks
/_replica through the proxy which replica answered. Reported:
sessions per replica (by route cookie, and as the replicas count them), how many stayed
on their replica, errors (HTTP answers >= 400, console and page errors, failed requests,
websocket errors or early closes) and timings. tests/test_scale.py runs it with fewer
sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import loadtest  # noqa: E402  (browser and interaction helpers)
from deploy.scale import ROUTE_COOKIE, free_port, running  # noqa: E402

ARRIVAL = 1.5  # seconds between one session's arrival and the next
TIMEOUT_MS = 120_000  # for any one step: a cold replica's first page on a busy machine
DOWNLOAD_WAIT_MS = 30_000  # for a download to start after its click
# Streamlit's page shell probes for its base path from the page's own path first
# (/country/_stcore/health), then from the root: those 404s are expected, not errors.
BASE_PATH_PROBES = ("/_stcore/health", "/_stcore/host-config")


@dataclass
class Session:
    """What one browser session saw."""

    replica: str = ""  # from its route cookie
    answered_by: str = ""  # /_replica through the proxy, with that cookie
    first_chart: float | None = None  # seconds from opening the page to its first chart
    interaction: float | None = None  # seconds from a changed control to the updated chart
    url: str = ""  # the page it ended on
    download: bytes = b""  # "Data behind this view", fetched through the proxy
    download_retried: bool = False  # the first click gave no file (see follow_the_cookie)
    errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    sessions: list[Session]
    held: dict[str, int]  # active sessions each replica reported, all sessions open
    seconds: float

    @property
    def errors(self) -> list[str]:
        return [error for session in self.sessions for error in session.errors]

    def by_cookie(self) -> Counter:
        return Counter(session.replica for session in self.sessions)


def watch(page, errors: list[str], closing: list[bool]) -> None:
    """Count what went wrong in a page: HTTP errors, console and script errors, failed
    requests, and websocket errors or closes before the session ends (`closing` set)."""

    def on_response(response) -> None:
        path = urlsplit(response.url).path
        probe = path.endswith(BASE_PATH_PROBES) and path not in BASE_PATH_PROBES
        if response.status >= 400 and not (response.status == 404 and probe):
            errors.append(f"HTTP {response.status} {path}")

    def on_console(message) -> None:
        # a failed resource is also a response above, with its URL
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            errors.append(f"console: {message.text[:160]}")

    def on_websocket(socket) -> None:
        socket.on("socketerror", lambda error: errors.append(f"websocket error: {error}"))
        socket.on("close", lambda _: closing[0] or errors.append("websocket closed early"))

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"page error: {str(error)[:160]}"))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url[:120]}"))
    page.on("websocket", on_websocket)


async def one_session(browser, url: str, index: int, closing: list[bool], interact: bool):
    """A reader arriving: opens a page, waits for its chart, changes a control (`interact`)
    and waits for the run to end. Returns what it saw, with its context and page, open."""
    seen = Session()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = await context.new_page()
    watch(page, seen.errors, closing)
    try:
        on_map = index % 2 == 1  # half the readers on the map, half on a profile
        started = time.monotonic()
        await page.goto(url + ("/map?edition=2020" if on_map else "/country?country=AZE"))
        await page.wait_for_selector(".js-plotly-plot .gtitle")
        seen.first_chart = time.monotonic() - started
        cookies = {c["name"]: c["value"] for c in await context.cookies()}
        seen.replica = cookies.get(ROUTE_COOKIE, "")
        if interact:
            started = time.monotonic()
            await (loadtest.change_edition if on_map else loadtest.change_country)(page, index)
            seen.interaction = time.monotonic() - started
        # the rest of the run redraws the buttons: a click before its end may be lost
        await page.locator("[data-testid=stStatusWidget]").wait_for(state="detached")
        seen.url = page.url
    except Exception as exc:  # a failed session is reported, the others go on
        seen.errors.append(f"session {index}: {type(exc).__name__}: {str(exc)[:160]}")
    return seen, context, page


async def download_data(page) -> bytes:
    """Click "Data behind this view" and return the file it downloads."""
    button = page.locator("[data-testid=stDownloadButton] button")
    async with page.expect_download(timeout=DOWNLOAD_WAIT_MS) as download:
        await button.filter(has_text="Data behind this view").first.click()
    return Path(await (await download.value).path()).read_bytes()


async def follow_the_cookie(seen: Session, context, page, url: str) -> None:
    """Download "Data behind this view" (a /media/ file only the session's replica holds)
    and ask /_replica, both through the proxy with the session's cookie."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        try:
            seen.download = await download_data(page)
        except PlaywrightTimeout:
            # Streamlit's deferred download button now and then spins for ever after a
            # click under load, on a replica reached directly as well: once more, in a new
            # tab (a new session, on the same replica: same cookie)
            seen.download_retried = True
            page = await context.new_page()
            watch(page, seen.errors, [False])
            await page.goto(seen.url)
            await page.wait_for_selector(".js-plotly-plot .gtitle")
            await page.locator("[data-testid=stStatusWidget]").wait_for(state="detached")
            seen.download = await download_data(page)
        seen.answered_by = (await (await context.request.get(f"{url}/_replica")).json())["replica"]
    except Exception as exc:
        seen.errors.append(f"download or /_replica: {type(exc).__name__}: {str(exc)[:160]}")


def active_sessions(replica_url: str) -> int:
    with urllib.request.urlopen(f"{replica_url}/_replica", timeout=10) as response:
        return json.load(response)["active_sessions"]


async def load_run(cluster, sessions: int, interact: bool = True) -> Report:
    """`sessions` new browser sessions through the proxy of a running `cluster`; without
    `interact`, they only draw their page's chart (enough to test the proxy).

    The downloads come after every session has drawn, one at a time: Streamlit (1.67)
    keeps the file a deferred download button generates for only two more script runs of
    any session on the replica, so under load a download may 404 on a single server as
    well (README, "Scaling out"); this run checks the proxy, not that race."""
    from playwright.async_api import async_playwright

    closing = [False]  # set once the sessions are being closed: websocket closes expected
    started = time.monotonic()
    async with async_playwright() as playwright:
        browser = await loadtest.launch_browser(playwright)
        tasks = []
        for index in range(sessions):  # readers arrive one after another
            session = one_session(browser, cluster.url, index, closing, interact)
            tasks.append(asyncio.create_task(session))
            await asyncio.sleep(ARRIVAL)
        opened = await asyncio.gather(*tasks)
        seconds = time.monotonic() - started
        held = {
            name: await asyncio.to_thread(active_sessions, url)
            for name, url in cluster.replicas.items()
        }
        for seen, context, page in opened:
            await follow_the_cookie(seen, context, page, cluster.url)
        closing[0] = True
        await browser.close()
    return Report([seen for seen, _, _ in opened], held, seconds)


def summary(report: Report) -> str:
    count = len(report.sessions)
    lines = [
        f"sessions: {count}, one every {ARRIVAL} s, all done and open after {report.seconds:.1f} s",
        "sessions per replica, by route cookie: "
        + ", ".join(f"{name or '(none)'} {n}" for name, n in sorted(report.by_cookie().items())),
        "sessions per replica, as each replica counts them (/_replica): "
        + ", ".join(f"{name} {n}" for name, n in report.held.items()),
        "asked again through the proxy, answered by their cookie's replica: "
        f"{sum(s.answered_by == s.replica != '' for s in report.sessions)} of {count}",
        "downloads through the proxy (Data behind this view, a /media/ file): "
        f"{sum(s.download.startswith(b'# ') for s in report.sessions)} of {count}, "
        f"{sum(s.download_retried for s in report.sessions)} on a second try",
        f"errors: {len(report.errors)}",
        *(f"  {error}" for error in report.errors[:10]),
    ]
    for label, times in (
        ("page opened → first chart", [s.first_chart for s in report.sessions]),
        ("control changed → updated chart", [s.interaction for s in report.sessions]),
    ):
        times = [t for t in times if t is not None]
        if len(times) >= 2:
            q = statistics.quantiles(times, n=20, method="inclusive")
            lines.append(
                f"{label}: median {statistics.median(times):.2f} s, p95 {q[-1]:.2f} s, "
                f"max {max(times):.2f} s"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=12)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="scale-") as scratch,
        running(free_port(), Path(scratch)) as cluster,
    ):
        report = asyncio.run(load_run(cluster, args.sessions))
    print(summary(report))
    print(f"machine load average (1 min) at the end: {os.getloadavg()[0]:.1f}")
    spread = set(cluster.replicas) <= set(report.by_cookie())
    return 0 if spread and not report.errors else 1


if __name__ == "__main__":
    sys.exit(main())
