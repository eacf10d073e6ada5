"""A bounded load test on loopback: N browser sessions interact with the dashboard at once.

    python benchmarks/loadtest.py [--sessions 20] [--seconds 60]      (or: make loadtest)

Starts the app on a free 127.0.0.1 port, opens N sessions in the system Chromium (one
browser, one context per session, driven by Playwright), and for the given time has each
session change the country on the profile page and the edition on the map, as a reader
would (keyboard on the select boxes, the sidebar between the two pages). It
reports errors, page switches, the median and 95th
percentile time from an interaction to the updated chart, how much of it the server took
(from the rerun request leaving the browser to the answer arriving, read off the
websocket; this includes the browser's network process reading the frames, which is
slow too when the machine is saturated), and the server's peak resident memory. Traffic
goes only to 127.0.0.1; the run stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ("Azerbaijan", "Türkiye", "Russia", "Ukraine", "Belarus", "Iran", "Mexico")
EDITIONS = ("2026", "2025", "2024", "2023", "2022", "2021", "2020")
CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
RAMP_UP = 20.0  # seconds over which the sessions open their first page
SESSIONS = [20]
# How often a waiting session looks for its updated chart. Playwright's default polls on
# every animation frame, which keeps 20 pages painting and measures the probe, not the app.
POLL_MS = 100
# Each reader changes the country on a profile (or the edition on the map) this many
# times, then follows the sidebar to the other page, and so on: every session does both.
CHANGES_PER_PAGE = 3


async def launch_browser(playwright):
    """The system Chromium, headless, with nothing of its own reaching the network."""
    return await playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_run(script: str) -> list[str]:
    """The command that serves `script` (a path from the repository's root) as the bench
    serves every page it times: on 127.0.0.1, headless; the port is added by the caller."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]


def start_server(port: int, command: list[str] | None = None) -> subprocess.Popen:
    """The dashboard on 127.0.0.1:port (or `command`, e.g. `make run`), once it answers.
    It runs in its own process group, so stop_server also stops what `make` started."""
    process = subprocess.Popen(
        command or [*streamlit_run("dashboard/server.py"), "--server.port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit("the server did not start within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def rss_mb(pid: int) -> float:
    """Resident memory of the server and its children, in MB."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{candidate}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by the server (user + system, with reaped children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(v) for v in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> float:
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    busy = sum(int(v) for i, v in enumerate(fields) if i not in (3, 4))  # not idle, iowait
    return busy / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# Records in the page when `selector` first matches (a MutationObserver) and the animation
# frame after it, the one that paints it: Playwright's wait_for_selector looks again only
# every 500 ms once a wait has lasted 0.3 s, which added 0.04-0.67 s of its own to each
# first-chart time (measured both ways on the same loads).
FIRST_MATCH_SCRIPT = """(() => {
  const selector = %s;
  const observer = new MutationObserver(() => {
    if (window.__firstMatch === undefined && document.querySelector(selector)) {
      window.__firstMatch = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => { window.__firstMatchPainted = performance.now(); });
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();"""


async def painted_after_navigation(context, url: str, selector: str) -> float:
    """Seconds from the start of a navigation to `url` (the document's time origin) to the
    frame that first paints an element matching `selector`, in a new page of `context`."""
    await context.add_init_script(FIRST_MATCH_SCRIPT % json.dumps(selector))
    page = await context.new_page()
    await page.goto(url)
    # asked from outside the page (the app's CSP forbids the eval of wait_for_function);
    # how often does not matter, the page has recorded the time
    deadline = time.monotonic() + 120
    while (painted := await page.evaluate("window.__firstMatchPainted")) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing matching {selector!r} was drawn at {url}")
        await asyncio.sleep(0.05)
    return painted / 1000


async def wait_until(page, predicate: str, arg) -> None:
    """Wait (30 s at most, looking every POLL_MS) until the JS `predicate(arg)` holds;
    it may call chartTitles(), the titles of the charts on the page, in order."""
    titles = "[...document.querySelectorAll('.js-plotly-plot .gtitle')].map(t => t.textContent)"
    await page.wait_for_function(
        f"arg => {{ const chartTitles = () => {titles}; return ({predicate})(arg); }}",
        arg=arg,
        timeout=30000,
        polling=POLL_MS,
    )


async def title_of(page) -> str:
    return await page.evaluate(
        "() => document.querySelector('.js-plotly-plot .gtitle')?.textContent || ''"
    )


async def change_country(page, number: int) -> None:
    name = COUNTRIES[number % len(COUNTRIES)]
    if (await title_of(page)).startswith(name):  # already shown: choosing it changes nothing
        name = COUNTRIES[(number + 1) % len(COUNTRIES)]
    box = page.locator(".st-key-country input").first
    await box.click()
    await box.fill(name)
    await box.press("Enter")
    await wait_until(page, "name => chartTitles().some(t => t.startsWith(name))", name)


async def change_edition(page, number: int) -> None:
    """Choose another edition in the map's year list, typed as a reader would."""
    before = await title_of(page)
    year = EDITIONS[number % len(EDITIONS)]
    if before.endswith(year):  # already shown: choosing it changes nothing
        year = EDITIONS[(number + 1) % len(EDITIONS)]
    box = page.locator(".st-key-edition input").first
    await box.click()
    await box.fill(year)
    await box.press("Enter")
    await wait_until(page, "old => chartTitles().length > 0 && chartTitles()[0] !== old", before)


async def switch_page(page, to_map: bool) -> None:
    """Follow the sidebar link to the map or the profile, and wait for its chart."""
    label = "World map" if to_map else "Country profile"
    await page.locator("[data-testid=stSidebarNav] a", has_text=label).first.click()
    await wait_until(
        page,
        "toMap => toMap ? !!document.querySelector('.js-plotly-plot .choroplethlayer')"
        " : chartTitles().some(t => t.includes(': rank in'))",
        to_map,
    )


async def websocket_clock(context, page) -> tuple[list[float], list[float]]:
    """Times (on this machine's monotonic clock, which Chromium's network stack shares)
    at which the page's websocket frames were sent and received: they show how long the
    server took to answer, apart from the time the browser took to draw the answer."""
    sent: list[float] = []
    received: list[float] = []
    client = await context.new_cdp_session(page)
    await client.send("Network.enable")
    client.on("Network.webSocketFrameSent", lambda event: sent.append(event["timestamp"]))
    client.on("Network.webSocketFrameReceived", lambda event: received.append(event["timestamp"]))
    return sent, received


def server_turnaround(sent: list[float], received: list[float], start: float, end: float):
    """From the first frame the browser sent after `start` (the rerun request) to the last
    frame it received before `end` (the chart drawn); None if either is missing."""
    asked = [t for t in sent if start <= t <= end]
    answered = [t for t in received if start <= t <= end]
    return max(answered) - min(asked) if asked and answered and max(answered) > min(asked) else None


async def session(browser, base: str, index: int, until: float, results: dict, errors: list):
    await asyncio.sleep(index * RAMP_UP / max(1, SESSIONS[0]))  # readers arrive over time
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    sent, received = await websocket_clock(context, page)
    on_map = index % 2 == 1  # half the readers start on the map, half on a profile
    urls = {True: f"{base}/map?edition=2020", False: f"{base}/country?country=AZE"}
    try:
        await page.goto(urls[on_map], timeout=180000)
        await page.wait_for_selector(".js-plotly-plot .gtitle", timeout=180000)
        number = index
        while time.monotonic() < until:
            switching = number % (CHANGES_PER_PAGE + 1) == CHANGES_PER_PAGE
            started = time.monotonic()
            try:
                if switching:
                    await switch_page(page, not on_map)
                    on_map = not on_map
                    results["switch"].append(time.monotonic() - started)
                else:
                    await (change_edition if on_map else change_country)(page, number)
                    finished = time.monotonic()
                    results["chart"].append(finished - started)
                    server = server_turnaround(sent, received, started, finished)
                    if server is not None:
                        results["server"].append(server)
            except Exception as exc:  # a failed interaction is counted, the session goes on
                errors.append(f"session {index}: {type(exc).__name__}: {str(exc)[:120]}")
                if switching:  # start again from a known page
                    on_map = not on_map
                    await page.goto(urls[on_map], timeout=180000)
            number += 1
    except Exception as exc:
        errors.append(f"session {index} could not start: {type(exc).__name__}: {exc}"[:200])
    finally:
        await context.close()


async def main(sessions: int, seconds: float) -> int:
    from playwright.async_api import async_playwright

    SESSIONS[0] = sessions
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    results: dict[str, list[float]] = {"chart": [], "server": [], "switch": []}
    errors: list[str] = []
    peak = rss_mb(server.pid)
    server_cpu, machine_cpu = cpu_seconds(server.pid), machine_cpu_seconds()
    try:
        async with async_playwright() as playwright:
            browser = await launch_browser(playwright)
            until = time.monotonic() + RAMP_UP + seconds
            tasks = [
                asyncio.create_task(session(browser, base, i, until, results, errors))
                for i in range(sessions)
            ]
            while not all(task.done() for task in tasks):
                peak = max(peak, rss_mb(server.pid))
                await asyncio.sleep(0.5)
            server_cpu = cpu_seconds(server.pid) - server_cpu
            machine_cpu = machine_cpu_seconds() - machine_cpu
            await browser.close()
    finally:
        stop_server(server)
    print(
        f"sessions: {sessions} (opening over {RAMP_UP:.0f} s), then {seconds:.0f} s of "
        f"interaction; interactions: {len(results['chart'])}"
    )
    print(f"errors: {len(errors)}")
    for error in errors[:10]:
        print(f"  {error}")
    print(f"page switches (sidebar, map ↔ profile): {len(results['switch'])}")
    for label, times in (
        ("interaction → updated chart", results["chart"]),
        ("  of which the server (rerun request sent → answer received)", results["server"]),
        ("page switch → its chart", results["switch"]),
    ):
        if len(times) >= 2:
            q = statistics.quantiles(times, n=20, method="inclusive")
            print(
                f"{label}: median {statistics.median(times):.2f} s, "
                f"p95 {q[-1]:.2f} s, max {max(times):.2f} s"
            )
    print(f"server peak resident memory: {peak:.0f} MB")
    print(
        f"CPU: server {server_cpu:.0f} s of {machine_cpu:.0f} s used on the machine "
        f"({100 * server_cpu / max(machine_cpu, 1):.0f} %); the rest is the browsers"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.sessions, args.seconds)))
