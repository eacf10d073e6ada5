"""Performance figures against the budgets, written to docs/benchmarks.md (`make bench`).

Medians and spread over repeated runs (machines here are noisy):
- ETL: full rebuild of every source from the mirror (--force) and a rebuild when nothing
  changed (skipped by checksum);
- page script runs for typical interactions, through Streamlit's AppTest, in every
  interface language (`--pages` prints those alone);
- cold start: seconds from `make run` (venv built) to the first chart painted in a new
  Chromium, repeated with a new server and browser each time;
- payload: bytes the map page costs the browser (HTTP bodies + websocket frames);
- memory: the server's resident memory after every page has been loaded once;
- export: seconds per PNG in a batch of 50;
- static embeds against live ones: first chart and readers per second
  (benchmarks/static_vs_live.py).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import loadtest  # noqa: E402  (the server helpers are shared with the load test)
import static_vs_live  # noqa: E402

BUDGETS = {
    "full ETL rebuild": 15.0,
    "unchanged rebuild": 2.0,
    "page run median": 0.100,
    "page run p95": 0.250,
    "first chart after server ready": 3.0,
    "map payload MB": 1.0,
    "server memory MB": 300.0,
    "export s per image": 1.0,
}


def spread(values: list[float]) -> tuple[float, float, float]:
    values = sorted(values)
    p95 = (
        statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    )
    return statistics.median(values), values[0], p95


def timed(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def page_runs(runs: int, lang: str = "en") -> dict[str, list[float]]:
    """Script-run time of typical interactions (server side only), via AppTest, with the
    interface in `lang`."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    results: dict[str, list[float]] = {}
    interactions = {
        "map: change edition": (
            "views/world_map.py",
            lambda a, i: a.select_slider(key="edition").set_value(2010 + i % 10),
        ),
        "compare: add a country": (
            "views/compare.py",
            lambda a, i: a.multiselect(key="countries").set_value(
                ["AZE", "TUR", ["RUS", "UKR", "BLR", "IRN"][i % 4]]
            ),
        ),
        "cases: filter": (
            "views/cases.py",
            lambda a, i: a.multiselect(key="status").set_value(
                [["imprisoned"], ["killed"], ["missing"]][i % 3]
            ),
        ),
        "profile: change country": (
            "views/country.py",
            lambda a, i: a.selectbox(key="country").set_value(
                ["AZE", "TUR", "RUS", "UKR", "MEX"][i % 5]
            ),
        ),
    }
    for name, (script, act) in interactions.items():
        at.switch_page(script).run()
        act(at, 0)
        at.run()  # warm caches for this page
        times = []
        for i in range(1, runs + 1):
            act(at, i)
            started = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - started)
        results[name] = times
    return results


COLD_STARTS = 5


async def cold_start(playwright) -> tuple[float, float]:
    """(server ready, first chart after ready) for `make run` (venv built) and a new browser."""
    port = loadtest.free_port()
    started = time.perf_counter()
    server = loadtest.start_server(port, ["make", "run", f"PORT={port}"])
    ready = time.perf_counter() - started
    try:
        browser = await loadtest.launch_browser(playwright)
        page = await browser.new_page()
        t0 = time.perf_counter()
        await page.goto(f"http://127.0.0.1:{port}/map?edition=2026")
        await page.wait_for_selector(".js-plotly-plot .choroplethlayer path", timeout=120000)
        first_chart = time.perf_counter() - t0
        await browser.close()
    finally:
        loadtest.stop_server(server)
    return ready, first_chart


async def browser_figures() -> dict[str, list[float]]:
    """Cold starts (each a new server and browser), map payload, and server memory after
    every page."""
    from playwright.async_api import async_playwright

    from dashboard.navigation import PAGES

    figures: dict[str, list[float]] = {"server ready s": [], "first chart after server ready s": []}
    async with async_playwright() as playwright:
        for _ in range(COLD_STARTS):
            ready, first_chart = await cold_start(playwright)
            figures["server ready s"].append(ready)
            figures["first chart after server ready s"].append(first_chart)
        figures["cold start to first chart s"] = [
            a + b
            for a, b in zip(
                figures["server ready s"], figures["first chart after server ready s"], strict=True
            )
        ]
        port = loadtest.free_port()
        server = loadtest.start_server(port)
        base = f"http://127.0.0.1:{port}"
        try:
            browser = await loadtest.launch_browser(playwright)
            app_mb, framework_mb = await payload(browser, f"{base}/map?edition=2025")
            figures["map payload MB"] = [app_mb]
            figures["Streamlit scripts and fonts (first visit) MB"] = [framework_mb]
            page = await browser.new_page()
            for spec in PAGES:
                await page.goto(f"{base}/{spec.url_path or ''}")
                await page.wait_for_timeout(3000)
            figures["server memory MB"] = [loadtest.rss_mb(server.pid)]
            await browser.close()
        finally:
            loadtest.stop_server(server)
    return figures


FRAMEWORK = ("/static/js/", "/static/css/", "/static/media/", "/favicon")


async def payload(browser, url: str) -> tuple[float, float]:
    """MB a fresh page for `url` receives: (the app's own: figure messages and map
    geometry, as transferred; Streamlit's own scripts and fonts, cached after a visit)."""
    context = await browser.new_context()
    page = await context.new_page()
    client = await context.new_cdp_session(page)
    await client.send("Network.enable")
    urls: dict[str, str] = {}
    totals = {"app": 0, "framework": 0}

    def finished(event) -> None:
        url = urls.get(event["requestId"], "")
        part = "framework" if any(p in url for p in FRAMEWORK) else "app"
        totals[part] += event["encodedDataLength"]

    client.on(
        "Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"])
    )
    client.on("Network.loadingFinished", finished)
    client.on(
        "Network.webSocketFrameReceived",
        lambda e: totals.__setitem__("app", totals["app"] + len(e["response"]["payloadData"])),
    )
    await page.goto(url)
    await page.wait_for_selector(".js-plotly-plot .choroplethlayer path", timeout=120000)
    await page.wait_for_timeout(2000)
    await context.close()
    return totals["app"] / 1e6, totals["framework"] / 1e6


def export_figure(count: int) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "benchmarks/export_batch.py", str(count)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("total:"))
    return {
        "export s per image": float(line.split(",")[1].split()[0]),
        "export detail": result.stdout.strip(),
    }


def page_rows() -> list[tuple]:
    """Page runs in English (50 each) and in every other language (20 each): the budgets
    hold in every language."""
    from dashboard import i18n

    rows = []
    for lang in i18n.languages():
        for name, times in page_runs(50 if lang == "en" else 20, lang).items():
            median, low, p95 = spread(times)
            rows.append((f"page run [{lang}], {name}", "s", median, low, p95))
    return rows


def main() -> None:
    if "--pages" in sys.argv:  # the page runs alone, printed (a quick check of one change)
        for name, unit, median, low, p95 in page_rows():
            print(f"{name:55} median {median:.3f} {unit}  min {low:.3f}  p95 {p95:.3f}")
        return
    python = sys.executable
    rows = []
    full = timed([python, "-m", "etl", "run", "--force"], 3)
    rows.append(("full ETL rebuild", "s", *spread(full)))
    unchanged = timed([python, "-m", "etl", "run"], 5)
    rows.append(("unchanged rebuild", "s", *spread(unchanged)))
    rows += page_rows()
    figures = asyncio.run(browser_figures())
    for key, values in figures.items():
        name, unit = key.rsplit(" ", 1)
        rows.append((name, unit, *(spread(values) if len(values) > 1 else (values[0], None, None))))
    export = export_figure(50)
    rows.append(("export s per image", "s", export["export s per image"], None, None))
    embeds = asyncio.run(static_vs_live.measure())
    for key, values in embeds.items():
        name, unit = key.rsplit(" ", 1) if key.endswith(" s") else (key, "")
        rows.append((name, unit, *(spread(values) if len(values) > 1 else (values[0], None, None))))

    page_medians = [r[2] for r in rows if r[0].startswith("page run")]
    page_p95 = [r[4] for r in rows if r[0].startswith("page run")]
    checks = {
        "full ETL rebuild": rows[0][2],
        "unchanged rebuild": rows[1][2],
        "page run median": max(page_medians),
        "page run p95": max(page_p95),
        "first chart after server ready": statistics.median(
            figures["first chart after server ready s"]
        ),
        "map payload MB": figures["map payload MB"][0],
        "server memory MB": figures["server memory MB"][0],
        "export s per image": export["export s per image"],
    }
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` "
        "(`benchmarks/bench.py`) on this project's 2-core machine. Times in seconds; "
        "median, fastest and 95th percentile where repeated.",
        "",
        "| measure | unit | median | min | p95 |",
        "|---|---|---|---|---|",
        *(
            f"| {name} | {unit} | {median:.3f} | "
            f"{'' if low is None else f'{low:.3f}'} | {'' if p95 is None else f'{p95:.3f}'} |"
            for name, unit, median, low, p95 in rows
        ),
        "",
        "## Budgets",
        "",
        "| budget | limit | measured | met |",
        "|---|---|---|---|",
        *(
            f"| {name} | {BUDGETS[name]} | {value:.3f} | "
            f"{'yes' if value <= BUDGETS[name] else 'NO'} |"
            for name, value in checks.items()
        ),
        "",
        "## Static embeds against live ones",
        "",
        *static_vs_live.summary(embeds),
        "",
        "## Export batch",
        "",
        "```",
        export["export detail"],
        "```",
        "",
    ]
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
