"""Performance against the floor, written to docs/benchmarks.md (`make bench`).

Absolute seconds do not travel between machines (a loaded or slower machine moves every
figure by about the same factor), so each figure is measured beside the floor it is
bounded by, on the same machine in the same run, and its budget is a ratio to that floor
(issue 21). Figure and floor are measured in turns (figure, floor, figure, ...), so a
change in the machine's load touches both; medians (and 95th percentiles where said) of the
repeats:

- full ETL rebuild (`python -m etl run --force` into a scratch folder) vs the read floor:
  a fresh Python imports pandas and reads every raw input with the fastest well-kept
  readers (benchmarks/floors.py); and, without a budget, its CPU time (user + system, its
  worker processes included) beside the floor's;
- unchanged rebuild vs the hashing floor (SHA-256 of the same inputs in a fresh Python);
- page script runs of a typical interaction on every page of the menu, in every interface
  language, timed in the dashboard's server where it runs them (benchmarks/timed_server.py:
  the script thread, the event loop sending meanwhile) and driven over its websocket as a
  browser drives it, 95th percentile vs a run of the same server's empty page
  (benchmarks/empty_page.py) in another session, in turns;
- first chart of every page that opens on a chart (FIRST_CHART_PAGES), each from a newly started
  server in a new browser context, timed in the page from the navigation's start to the
  frame that paints the chart (loadtest.painted_after_navigation), vs a minimal Streamlit
  page drawing one Plotly line chart (benchmarks/minimal_chart_page.py) started, loaded and
  timed the same way; the static embed of
  the map (benchmarks/static_vs_live.py) against the same floor: going below it is the
  static site's job;
- export per image (a batch of 50 in one browser, chart building included) vs kaleido
  drawing an empty figure of the same size in the same browser;
- the map's timeline played through its 24 editions in headless Chromium: the gaps
  between frames (p95) vs the step the timeline asks for (benchmarks/play_frames.py);
- a filtered request to the data API on the largest dataset (hrps.csv, 1.1 MB), median and
  95th percentile, vs the same server handing out the whole file (the file read and sent),
  both uncompressed, through the app's routes and middleware in this process.

Absolute figures (the above, payload, memory, readers per second) follow as information.

    python benchmarks/bench.py            everything, written to docs/benchmarks.md
    python benchmarks/bench.py --pages    the page runs and their floor alone, printed
    python benchmarks/bench.py --etl      the ETL rebuilds and their floors alone, printed
    python benchmarks/bench.py --api      the data API's rows alone, printed
    python benchmarks/bench.py --charts   the first charts and their floor alone, printed
    python benchmarks/play_frames.py      the map's timeline played, its frame gaps printed
"""

from __future__ import annotations

import asyncio
import functools
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import floors  # noqa: E402  (the ETL's floors)
import loadtest  # noqa: E402  (the server helpers are shared with the load test)
import play_frames  # noqa: E402
import static_vs_live  # noqa: E402

ETL_RUNS, UNCHANGED_RUNS = 5, 5
# page runs of each interaction in each language (and as many empty runs): the p95 of 40 is
# the third slowest run, so two slow runs (a collection, the machine's other work) do not
# decide a cell; of 20 (other languages until 2026-12-05 08:50 UTC), the second slowest
PAGE_RUNS = 40
WARM_RUNS = 10  # interactions before the timed ones: each cycles through at most 10 values
FIRST_CHART_RUNS = 5
EXPORT_BATCH = 50
API_RUNS = 200
RESAMPLES = 2000  # bootstrap draws for each ratio's interval (Ratio.interval)

# the budgets, as ratios to the floor (issue 21); None: reported, no budget
BUDGETS = {
    "full ETL rebuild": 3.0,
    "unchanged rebuild": 2.0,
    "page run p95": 3.0,
    "first chart": 1.2,
    "static embed, first chart": 1.0,
    "export per image": 4.0,
    "timeline frame gap": 1.25,
}
# a chart drawn: a line, a bar, or a country of a map
CHART_DRAWN = (
    ".js-plotly-plot path.js-line, .js-plotly-plot .barlayer path, "
    ".js-plotly-plot .choroplethlayer path"
)
FIRST_CHART_PAGES = {  # every page whose first element of note is a chart
    "overview": "/",
    "map": "/map?edition=2026",
    "profile": "/country?country=AZE",
    "compare": "/compare",
    "sources compared": "/sources",
}


@dataclass
class Ratio:
    """One figure against its floor, measured in the same run."""

    name: str
    budget: str  # the key of BUDGETS
    figure: list[float]
    floor_name: str
    floor: list[float]
    statistic: str = "median"  # or "p95"

    def value(self, values: list[float]) -> float:
        return spread(values)[2] if self.statistic == "p95" else statistics.median(values)

    @property
    def ratio(self) -> float:
        return self.value(self.figure) / self.value(self.floor)

    @functools.cached_property
    def interval(self) -> tuple[float, float]:
        """The ratio's 90% bootstrap interval: its statistic again on RESAMPLES draws, with
        replacement, of the figure's and the floor's runs (a fixed seed: the same runs give
        the same interval). How far this run's ratio could move on the same machine: a cell
        whose interval holds the budget is not told apart from it by this run."""
        import numpy as np

        draw = np.random.default_rng(0)
        figure, floor = np.asarray(self.figure), np.asarray(self.floor)
        q = 0.95 if self.statistic == "p95" else 0.5
        ratios = np.quantile(
            draw.choice(figure, (RESAMPLES, figure.size)), q, axis=1
        ) / np.quantile(draw.choice(floor, (RESAMPLES, floor.size)), q, axis=1)
        low, high = np.quantile(ratios, [0.05, 0.95])
        return float(low), float(high)

    @property
    def limit(self) -> float | None:
        return BUDGETS.get(self.budget)

    @property
    def met(self) -> bool:
        return self.limit is None or self.ratio <= self.limit


def spread(values: list[float]) -> tuple[float, float, float]:
    """(median, fastest, 95th percentile)."""
    values = sorted(values)
    p95 = (
        statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
    )
    return statistics.median(values), values[0], p95


# ------------------------------------------------------------------ the ETL


def etl_ratios() -> list[Ratio]:
    paths = floors.raw_inputs()
    full, reading, unchanged, hashing = [], [], [], []
    full_cpu, reading_cpu = [], []
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        floors.etl_run(out, None)  # a first release to rebuild and compare with
        for _ in range(ETL_RUNS):
            with cpu_seconds(full_cpu):
                full.append(floors.etl_run(out, None, "--force"))
            with cpu_seconds(reading_cpu):
                reading.append(floors.read_floor(paths))
        for _ in range(UNCHANGED_RUNS):
            unchanged.append(floors.etl_run(out, None))
            hashing.append(floors.hash_floor(paths))
    return [
        Ratio("full ETL rebuild", "full ETL rebuild", full, "read floor", reading),
        # the rebuild's workers share the cores; the floor is one process: CPU says what
        # the wall time does not (no budget)
        Ratio("full ETL rebuild, CPU user+sys", "CPU", full_cpu, "read floor, CPU", reading_cpu),
        Ratio("unchanged rebuild", "unchanged rebuild", unchanged, "hashing floor", hashing),
    ]


@contextmanager
def cpu_seconds(into: list[float]):
    """Appends the CPU seconds (user + system) of the processes the block ran and waited
    for, their own children included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    yield
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    into.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


# ------------------------------------------------------------------ page runs

INTERACTIONS = {  # one typical interaction on every page of the menu
    "overview: change edition": (
        "views/overview.py",
        lambda a, i: a.selectbox(key="to").set_value([2026, 2025, 2024, 2023][i % 4]),
    ),
    "map: change edition": (
        "views/world_map.py",
        lambda a, i: a.selectbox(key="edition").set_value(2013 + i % 10),  # 2013-2022: all editions
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
    "rankings: change edition": (
        "views/rankings.py",
        lambda a, i: a.selectbox(key="edition").set_value(2013 + i % 10),
    ),
    "sources compared: change year": (
        "views/compared.py",
        lambda a, i: a.select_slider(key="edition").set_value(2015 + i % 9),  # 2015-2023
    ),
    "data: choose a dataset": (
        "views/datasets.py",
        lambda a, i: a.selectbox(key="dataset").set_value(
            ["rsf_index", "vdem", "pts", "hrps", "rsf_roundup"][i % 5]
        ),
    ),
}


TIMED_SERVER = loadtest.streamlit_run("benchmarks/timed_server.py")
EMPTY_PAGE = "bench-empty"  # benchmarks/timed_server.py serves the empty page there


class Session:
    """One reader's session of the timed server, driven over its websocket as the browser
    drives it: each rerun names the page, the URL's query as the page last set it, the
    widget the reader changed (its state as the browser sends it) and the large messages
    the browser still keeps, which the server then sends as references (Streamlit's
    message cache: a message not used for `global.maxCachedMessageAge` runs is dropped)."""

    def __init__(self, websocket, lang: str):
        self.websocket, self.lang = websocket, lang
        self.page = self.query = ""
        self.widget_ids: dict[str, str] = {}  # of the page's last run: id → its fragment's
        self.cache: dict[str, list] = {}  # hash → [the run it was last used in, message]
        self.runs = 0
        self.page_hashes: dict[str, str] = {}  # URL path → the page's hash (the menu's)

    def open(self, page: str) -> None:
        """Goes to `page` (its URL path; "" for the default page), as a link in the menu."""
        self.page, self.query = page, f"lang={self.lang}"

    async def rerun(self, changed=None) -> None:
        from streamlit import config
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        request = BackMsg()
        request.rerun_script.query_string = self.query
        request.rerun_script.page_name = self.page
        # the page by its hash, once the menu has named it, as the browser asks for it
        request.rerun_script.page_script_hash = self.page_hashes.get(self.page, "")
        request.rerun_script.cached_message_hashes.extend(self.cache)
        if changed is not None:
            if changed.id not in self.widget_ids:  # the server would ignore it
                raise RuntimeError(f"{changed.id}: not a widget of the page {self.page!r}")
            request.rerun_script.widget_states.widgets.append(changed)
            # a widget in a fragment reruns its fragment alone (st.fragment)
            request.rerun_script.fragment_id = self.widget_ids[changed.id]
        await self.websocket.send(request.SerializeToString())
        if not request.rerun_script.fragment_id:  # a fragment's run leaves the rest as it was
            self.widget_ids = {}
        while True:
            message = ForwardMsg.FromString(await self.websocket.recv())
            if message.WhichOneof("type") == "ref_hash":
                self.cache[message.ref_hash][0] = self.runs
                message = self.cache[message.ref_hash][1]
            elif message.metadata.cacheable:
                self.cache[message.hash] = [self.runs, message]
            kind = message.WhichOneof("type")
            if kind == "page_info_changed":  # the page wrote its state to the URL
                self.query = message.page_info_changed.query_string
            elif kind == "navigation":
                for page in message.navigation.app_pages:
                    self.page_hashes[page.url_pathname] = page.page_script_hash
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                shown = getattr(element, element.WhichOneof("type"))
                if element.WhichOneof("type") == "exception":  # an error page is not the page
                    raise RuntimeError(f"{self.page!r}: {shown.message}")
                if isinstance(getattr(shown, "id", None), str):
                    self.widget_ids[shown.id] = message.delta.fragment_id
            elif kind == "script_finished":
                self.runs += 1
                oldest = self.runs - config.get_option("global.maxCachedMessageAge")
                for hash_, (used, _) in list(self.cache.items()):
                    if used < oldest:
                        del self.cache[hash_]
                return


def timed_runs(port: int, count: int) -> list[tuple[str, float]]:
    """The next `count` runs the timed server timed, (page, seconds) in the order run (the
    last run's time is written just after its last message: waited for)."""
    import json
    import urllib.request

    runs, deadline = [], time.monotonic() + 30
    while len(runs) < count and time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/runs") as answer:
            runs += json.load(answer)
        if len(runs) < count:
            time.sleep(0.01)
    if len(runs) != count:
        raise RuntimeError(f"{len(runs)} runs timed, {count} expected")
    return runs


async def server_page_runs(port: int, runs: int, lang: str) -> dict:
    """name → (script-run times of the interaction, empty runs taken in turn with them) in
    the timed server, with the interface in `lang`. Each interaction's values are set on an
    AppTest of the same app, which turns them into the widget states a browser sends (the
    options' labels in the reader's language); the server's widget ids must match its."""
    import websockets
    from streamlit.testing.v1 import AppTest

    from dashboard import navigation

    names = {spec.script: spec.url_path or "" for spec in navigation.PAGES}
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    stream = f"ws://127.0.0.1:{port}/_stcore/stream"
    results = {}
    async with (
        websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as reader,
        websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as floor,
    ):
        empty, page = Session(floor, lang), Session(reader, lang)
        empty.open(EMPTY_PAGE)
        await empty.rerun()
        timed_runs(port, 1)  # untimed: the session's first run
        for name, (script, act) in INTERACTIONS.items():
            at.switch_page(script).run()
            page.open(names[script])
            await page.rerun()
            for i in range(WARM_RUNS):  # every value the runs below choose, built once: the
                await page.rerun(act(at, i)._widget_state)  # figures are of a server that
            timed_runs(port, 1 + WARM_RUNS)  # has drawn these views before (untimed)
            for i in range(1, runs + 1):
                await page.rerun(act(at, i)._widget_state)
                await empty.rerun()
            timed = timed_runs(port, 2 * runs)
            if [run for run, _ in timed] != [page.page, EMPTY_PAGE] * runs:
                raise RuntimeError(f"{name} [{lang}]: runs of other pages timed")
            results[name] = ([s for _, s in timed[0::2]], [s for _, s in timed[1::2]])
    return results


@contextmanager
def timed_server():
    """The timed server (benchmarks/timed_server.py) on a free port, once warmed up."""
    port = loadtest.free_port()
    server = loadtest.start_server(port, [*TIMED_SERVER, "--server.port", str(port)])
    try:
        yield port
    finally:
        loadtest.stop_server(server)


def page_runs(runs: int, lang: str, port: int | None = None) -> dict:
    """name → (page runs, empty runs) in the timed server on `port`, else in one started
    for them."""
    if port is None:
        with timed_server() as started:
            return page_runs(runs, lang, started)
    return asyncio.run(server_page_runs(port, runs, lang))


def page_ratios() -> list[Ratio]:
    """Every interaction in every language: p95 against the empty run's p95."""
    from dashboard import i18n

    ratios = []
    with timed_server() as port:
        measured = {lang: page_runs(PAGE_RUNS, lang, port) for lang in i18n.languages()}
    for lang, results in measured.items():
        for name, (times, empty) in results.items():
            ratios.append(
                Ratio(
                    f"page run p95 [{lang}], {name}",
                    "page run p95",
                    times,
                    "empty run",
                    empty,
                    statistic="p95",
                )
            )
    return ratios


# ------------------------------------------------------------------ first charts


async def first_chart(browser, command: list[str] | None, path: str) -> tuple[float, float]:
    """(seconds to the server's health answer, seconds from navigation to the frame that
    paints the first chart) for a newly started server and a new browser context."""
    port = loadtest.free_port()
    started = time.perf_counter()
    server = loadtest.start_server(port, command and [*command, "--server.port", str(port)])
    ready = time.perf_counter() - started
    try:
        context = await browser.new_context(viewport={"width": 1440, "height": 900})
        url = f"http://127.0.0.1:{port}{path}"
        drawn = await loadtest.painted_after_navigation(context, url, CHART_DRAWN)
        await context.close()
    finally:
        loadtest.stop_server(server)
    return ready, drawn


MINIMAL = loadtest.streamlit_run("benchmarks/minimal_chart_page.py")
# information beside the floor: the same page sent as the dashboard sends its pages
# (dashboard/tcp.py); against it, what a page's own elements cost
MINIMAL_SENT_AT_ONCE = loadtest.streamlit_run("benchmarks/minimal_chart_app.py")
SENT_AT_ONCE = "minimal page, sent at once"


async def first_chart_figures() -> dict[str, list[float]]:
    """Rounds of: the minimal page, the same sent at once, then each page of
    FIRST_CHART_PAGES."""
    from playwright.async_api import async_playwright

    figures: dict[str, list[float]] = {"minimal page": [], SENT_AT_ONCE: [], "server ready": []}
    async with async_playwright() as playwright:
        browser = await loadtest.launch_browser(playwright)
        await first_chart(browser, MINIMAL, "/")  # warm the disk cache of both
        await first_chart(browser, None, "/")
        for _ in range(FIRST_CHART_RUNS):
            figures["minimal page"].append((await first_chart(browser, MINIMAL, "/"))[1])
            figures[SENT_AT_ONCE].append((await first_chart(browser, MINIMAL_SENT_AT_ONCE, "/"))[1])
            for name, path in FIRST_CHART_PAGES.items():
                ready, drawn = await first_chart(browser, None, path)
                figures.setdefault(name, []).append(drawn)
                figures["server ready"].append(ready)
        await browser.close()
    return figures


async def server_figures() -> dict[str, list[float]]:
    """Map payload and the server's memory after every page has been loaded once."""
    from playwright.async_api import async_playwright

    from dashboard.navigation import PAGES

    figures = {}
    async with async_playwright() as playwright:
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


# ------------------------------------------------------------------ export


def export_figures() -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "benchmarks/export_batch.py", str(EXPORT_BATCH)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    lines = result.stdout.splitlines()
    total = next(line for line in lines if line.startswith("total:"))
    empty = next(line for line in lines if line.startswith("empty figure:"))
    return {
        "per image": float(total.split(",")[1].split()[0]),
        "empty figure": float(empty.split("median")[1].split()[0]),
        "detail": result.stdout.strip(),
    }


# ------------------------------------------------------------------ the data API

# What a researcher asks of the largest dataset: a few countries, decades, a measure
API_FILTERED = "/data/hrps.csv?iso3=AZE,TUR,RUS&year=1990-2021&columns=iso3,year,theta_mean"
API_WHOLE = "/data/hrps.csv"


def api_ratios() -> list[Ratio]:
    """The filtered request against the whole file, in turns, median and p95; uncompressed
    (compressing the whole file would raise the floor, not measure the API)."""
    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from dashboard.server import MIDDLEWARE, ROUTES

    client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))

    def timed(path: str) -> float:
        started = time.perf_counter()
        response = client.get(path, headers={"Accept-Encoding": "identity"})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200 and "content-encoding" not in response.headers
        return elapsed

    timed(API_FILTERED)  # the first request reads and parses the file (once per version)
    filtered, whole = [], []
    for _ in range(API_RUNS):
        filtered.append(timed(API_FILTERED))
        whole.append(timed(API_WHOLE))
    name = "data API, filtered request on hrps.csv (3 countries, 32 years, 3 columns)"
    return [
        Ratio(name, "data API filtered request", filtered, "whole file", whole),
        Ratio(name, "data API filtered request", filtered, "whole file", whole, "p95"),
    ]


# ------------------------------------------------------------------ the report


def play_ratio(played: dict[str, object]) -> Ratio:
    return Ratio(
        f"map timeline, gap between frames ({played['frames']} frames)",
        "timeline frame gap",
        played["gaps"],
        "the timeline's step",
        [played["step s"]],
        statistic="p95",
    )


def ratio_table(ratios: list[Ratio]) -> list[str]:
    rows = [
        "| measure | figure s | floor | floor s | ratio | 90% interval | budget | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in ratios:
        limit = "" if r.limit is None else f"≤ {r.limit:g}×"
        met = "" if r.limit is None else ("yes" if r.met else "NO")
        low, high = r.interval
        rows.append(
            f"| {r.name} ({r.statistic}) | {r.value(r.figure):.3f} | {r.floor_name} | "
            f"{r.value(r.floor):.3f} | {r.ratio:.2f}× | {low:.2f}–{high:.2f}× | {limit} | {met} |"
        )
    return rows


def undecided(budgeted: list[Ratio]) -> str:
    """How many budgets this run cannot call either way: met or not, their ratio's 90%
    interval holds the budget."""
    met = sum(r.met and r.interval[1] > r.limit for r in budgeted)
    missed = sum(not r.met and r.interval[0] <= r.limit for r in budgeted)
    return (
        f"Within their interval of the budget: {met} of those met (interval reaching above "
        f"it) and {missed} of those not met (interval reaching down to it)."
    )


def absolute_table(figures: dict[str, list[float]]) -> list[str]:
    rows = ["| measure | median | min | p95 | runs |", "|---|---|---|---|---|"]
    for name, values in figures.items():
        median, low, p95 = spread(values)
        rows.append(f"| {name} | {median:.3f} | {low:.3f} | {p95:.3f} | {len(values)} |")
    return rows


def chart_ratios(charts: dict[str, list[float]]) -> list[Ratio]:
    """Every page's first chart against the minimal page's (first_chart_figures); then,
    without a budget, against the same page sent at once as the dashboard sends its own."""
    floor = charts["minimal page"]
    return [
        Ratio(f"first chart, {name}", "first chart", charts[name], "minimal page", floor)
        for name in FIRST_CHART_PAGES
    ] + [
        Ratio(f"first chart, {name}", "", charts[name], SENT_AT_ONCE, charts[SENT_AT_ONCE])
        for name in FIRST_CHART_PAGES
    ]


def main() -> None:
    alone = {
        "--pages": page_ratios,
        "--etl": etl_ratios,
        "--api": api_ratios,
        "--charts": lambda: chart_ratios(asyncio.run(first_chart_figures())),
    }
    chosen = [measure for option, measure in alone.items() if option in sys.argv]
    if chosen:
        for measure in chosen:
            print("\n".join(ratio_table(measure())), flush=True)
        return
    ratios = etl_ratios()
    ratios += page_ratios()
    charts = asyncio.run(first_chart_figures())
    floor = charts["minimal page"]
    ratios += chart_ratios(charts)
    embeds = asyncio.run(static_vs_live.measure())
    ratios.append(
        Ratio(
            "static embed, first chart",
            "static embed, first chart",
            embeds["static embed, first chart s"],
            "minimal page",
            floor,
        )
    )
    export = export_figures()
    ratios.append(
        Ratio(
            "export per image",
            "export per image",
            [export["per image"]],
            "empty figure",
            [export["empty figure"]],
        )
    )
    played = asyncio.run(play_frames.measure())
    ratios.append(play_ratio(played))
    ratios += api_ratios()
    absolute = {
        "server ready s": charts["server ready"],
        **{
            f"first chart, {name} s": charts[name]
            for name in ("minimal page", SENT_AT_ONCE, *FIRST_CHART_PAGES)
        },
        **{name: values for name, values in embeds.items()},
        **asyncio.run(server_figures()),
    }
    budgeted = [r for r in ratios if r.limit is not None]
    failed = {}  # budget → (not met, measured)
    for r in budgeted:
        missed, total = failed.get(r.budget, (0, 0))
        failed[r.budget] = (missed + (not r.met), total + 1)
    failed = {name: counts for name, counts in failed.items() if counts[0]}
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` "
        "(`benchmarks/bench.py`) on this project's 2-core machine. Each figure beside its "
        "floor, measured in turns in the same run; budgets are ratios to the floor (issue "
        "21). Median unless marked p95; the 90% interval is the ratio's bootstrap interval "
        "(how far it could move with other draws of the same runs: information).",
        "",
        *ratio_table(ratios),
        "",
        f"Budgets met: {sum(r.met for r in budgeted)} of {len(budgeted)}"
        + (
            "; not met: "
            + "; ".join(f"{name} ({missed} of {total})" for name, (missed, total) in failed.items())
            + "."
            if failed
            else "."
        ),
        "",
        undecided(budgeted),
        "",
        "## Absolute figures (information: they move with the machine)",
        "",
        *absolute_table(absolute),
        "",
        "## Static embeds against live ones",
        "",
        *static_vs_live.summary(embeds),
        "",
        "## Export batch",
        "",
        "```",
        str(export["detail"]),
        "```",
        "",
    ]
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
