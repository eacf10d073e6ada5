"""Static embeds against live ones, side by side in one run on this machine (in `make bench`).

    python benchmarks/static_vs_live.py

Bakes the RSF world map of the latest edition into a temporary site, serves it with
`python -m http.server` (a plain static host; a CDN is faster) beside the live app, and
measures in headless Chromium, each load in a new browser context (nothing cached):
- first chart: from navigation to the map's countries drawn, for the static embed
  (`charts/<slug>/embed.html`) and the live `/embed` page of the same chart;
- throughput: static embed pages answered per second (HTTP GETs from 8 client threads with
  keep-alive, for a few seconds), and new live embed sessions completed per second (four
  browser contexts at a time, each loading /embed until its map is drawn), since each
  reader of a live embed is a Streamlit session: a websocket, a script run, its memory.
"""

from __future__ import annotations

import asyncio
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import loadtest  # noqa: E402  (server and browser helpers)

RUNS = 5
MAP_DRAWN = ".js-plotly-plot .choroplethlayer path"


def bake_one(out: Path) -> str:
    """Bake the latest RSF map into `out`; its slug."""
    from dashboard import bake, chart_specs
    from etl import registry

    load = bake.RecordingLoader()
    years = chart_specs.map_years(registry.ON_MAP["rsf"], load)
    spec = chart_specs.MapChart(registry.ON_MAP["rsf"], int(years.latest))
    bake.bake(out, specs=[spec], formats=("png",), progress=lambda line: None)
    return chart_specs.slug(spec)


def serve_static(folder: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("HEAD", "/")
            connection.getresponse().read()
            break
        except OSError:
            time.sleep(0.1)
    return server


async def first_chart(browser, url: str, runs: int = RUNS) -> list[float]:
    """Seconds from navigation to the frame that paints the map, each time in a new
    context (measured as bench.py measures the minimal page it is compared with)."""
    times = []
    for _ in range(runs):
        context = await browser.new_context()
        times.append(await loadtest.painted_after_navigation(context, url, MAP_DRAWN))
        await context.close()
    return times


def requests_per_second(port: int, path: str, seconds: float = 5.0, threads: int = 8) -> float:
    """GETs of `path` answered per second (status 200 only), keep-alive connections."""
    done = [0] * threads
    stop = time.perf_counter() + seconds

    def client(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < stop:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                done[slot] += 1
            if response.getheader("Connection", "").lower() == "close" or response.version < 11:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done) / (time.perf_counter() - started)


async def sessions_per_second(
    browser, url: str, seconds: float = 20.0, parallel: int = 4
) -> tuple[float, int]:
    """Pages of `url` loaded to a drawn map per second, `parallel` new contexts at a time;
    (rate, errors)."""
    stop = time.perf_counter() + seconds
    completed, errors = 0, 0

    async def reader() -> None:
        nonlocal completed, errors
        while time.perf_counter() < stop:
            context = await browser.new_context()
            try:
                page = await context.new_page()
                await page.goto(url)
                await page.wait_for_selector(MAP_DRAWN, timeout=60_000)
                completed += 1
            except Exception:  # noqa: BLE001 (counted, reported)
                errors += 1
            finally:
                await context.close()

    started = time.perf_counter()
    await asyncio.gather(*(reader() for _ in range(parallel)))
    return completed / (time.perf_counter() - started), errors


async def measure() -> dict[str, list[float]]:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        slug = bake_one(site)
        static_port, live_port = loadtest.free_port(), loadtest.free_port()
        static = serve_static(site, static_port)
        live = loadtest.start_server(live_port)
        static_url = f"http://127.0.0.1:{static_port}/charts/{slug}/embed.html"
        _, metric, edition = slug.split("-")
        live_url = (
            f"http://127.0.0.1:{live_port}/embed?chart=map&metric={metric}&edition={edition}"
            "&embed=true"
        )
        try:
            async with async_playwright() as playwright:
                browser = await loadtest.launch_browser(playwright)
                await first_chart(browser, live_url, 1)  # both warmed: caches, imports
                await first_chart(browser, static_url, 1)
                figures = {
                    "static embed, first chart s": await first_chart(browser, static_url),
                    "live /embed, first chart s": await first_chart(browser, live_url),
                }
                static_rate, static_errors = await sessions_per_second(browser, static_url)
                live_rate, live_errors = await sessions_per_second(browser, live_url)
                await browser.close()
            figures["static embed, browser loads per second"] = [static_rate]
            figures["live /embed, new sessions per second"] = [live_rate]
            figures["static embed, browser load errors"] = [float(static_errors)]
            figures["live /embed, session errors"] = [float(live_errors)]
            figures["static embed page, HTTP requests per second"] = [
                requests_per_second(static_port, f"/charts/{slug}/embed.html")
            ]
        finally:
            static.terminate()
            static.wait(timeout=10)
            loadtest.stop_server(live)
    return figures


def summary(figures: dict[str, list[float]]) -> list[str]:
    """The comparison in sentences, for docs/benchmarks.md."""
    static = statistics.median(figures["static embed, first chart s"])
    live = statistics.median(figures["live /embed, first chart s"])
    loads = figures["static embed, browser loads per second"][0]
    requests = figures["static embed page, HTTP requests per second"][0]
    sessions = figures["live /embed, new sessions per second"][0]
    return [
        f"- first chart: static embed {static:.2f} s, live /embed {live:.2f} s "
        f"(static {live / static:.1f}× faster; target ≥ 3×)",
        f"- readers per second: static embed {loads:.1f} whole page loads in Chromium "
        f"({requests:.0f} HTTP requests per second for the page from python -m http.server), "
        f"live /embed {sessions:.2f} new sessions ({loads / sessions:.0f}× and "
        f"{requests / sessions:.0f}×)",
    ]


def main() -> None:
    figures = asyncio.run(measure())
    for name, values in figures.items():
        print(f"{name}: median {statistics.median(values):.3f} ({len(values)} runs)")
    print("\n".join(summary(figures)))


if __name__ == "__main__":
    main()
