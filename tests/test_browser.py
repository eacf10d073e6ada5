"""The served app in a real browser: what a reader's Chromium is allowed to do and get.

One server started as `make run` starts it (`streamlit run dashboard/server.py`, in its own
process group, stopped at the end) and one headless Chromium for the module check that
- every page draws its charts (the map with its geometry from /app/static/) under the
  Content-Security-Policy with no violation, and asks no other host for anything;
- no table offers "Download as CSV" or lets cells be copied (Ctrl+A, Ctrl+C), withheld
  downloads (CSV and the chart's HTML file) stay disabled and /data/cpj_cases.csv answers
  403;
- /embed may be framed by another site and other pages may not;
- text echoed from the URL or read from the data never becomes a link;
- every page, on a desktop (1440×900) and on a phone (390×844, an iPhone's user agent),
  shows no exception, draws no Plotly legend over a title or a plot and no text outside
  its chart, and has no serious or critical violation that axe-core finds (injected into
  the page; `make axe` fetches the pinned version into .tools/); each is photographed into
  snapshots/pages/ (not committed) for a person to look at;
- every chart has its text alternative (description and table) under it, opened by
  keyboard, with a visible focus.

Needs Playwright for Python and Debian's Chromium at /usr/bin/chromium (never a downloaded
browser); without either the module is skipped, saying which. Pages are opened a few ahead
of the test that checks them, so the browser and the server work while a test waits.
"""

from __future__ import annotations

import functools
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dashboard import layout, tables
from etl import registry
from tests.conftest import DATASETS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "snapshots" / "pages"  # screenshots of every page at both sizes, for review
WORD_JOINER = "\u2060"  # the invisible character md_escape may add to addresses
try:
    from playwright.sync_api import sync_playwright
except ImportError:
    pytest.skip(
        "Playwright for Python is not installed (pip install 'playwright>=1.45,<2')",
        allow_module_level=True,
    )
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 45_000  # a page waiting behind others on two cores
LOOKAHEAD = 3  # pages loading while one is checked
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
    ),
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 1,  # screenshots at CSS pixels: small files to review
}


@functools.cache
def _axe_script() -> str:
    """axe-core's axe.min.js at the version the Makefile pins (`make axe` fetches it)."""
    version = re.search(r"^AXE_VERSION\s*:=\s*(\S+)", (ROOT / "Makefile").read_text(), re.M)
    path = ROOT / ".tools" / f"axe-core-{version.group(1)}" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"no {path.relative_to(ROOT)}: `make axe` (part of `make install`) fetches it")
    return path.read_text(encoding="utf-8")


# axe-core rules not applied, each with its reason (none so far: every serious or critical
# violation found was ours and is fixed; see README "Accessibility")
AXE_SKIPPED: dict[str, str] = {}
AXE_RUN = """async () => {
  const found = await axe.run(document, {
    resultTypes: ['violations'],
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                                    'best-practice']},
    rules: Object.fromEntries(%s.map(rule => [rule, {enabled: false}])),
  });
  return found.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.impact} ${v.id} (${v.help}): ` + v.nodes.slice(0, 3)
      .map(n => n.target.join(' ')).join('; '));
}"""
# Plotly's SVG boxes, measured in the page: a legend over a title or a plot area, or any
# text (titles, ticks, legend, notes, panel headers) reaching outside its chart's SVG.
LAYOUT = """() => {
  const box = e => e.getBoundingClientRect();
  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))
    * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  const problems = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const svg = plot.querySelector('svg.main-svg');
    if (!svg) return;
    const frame = box(svg);
    const name = ((plot.querySelector('.gtitle') || {}).textContent || `chart ${i + 1}`)
      .slice(0, 60);
    const titles = [...plot.querySelectorAll('.gtitle, .gtitle-subtitle')].map(box);
    const plots = [...plot.querySelectorAll('.nsewdrag, .geo .layer.bg rect')].map(box);
    plot.querySelectorAll('.legend').forEach(legend => {
      const l = box(legend);
      if (titles.some(t => overlap(l, t) > 1)) problems.push(`${name}: legend over the title`);
      if (plots.some(p => overlap(l, p) > 1)) problems.push(`${name}: legend over the plot`);
    });
    plot.querySelectorAll('svg.main-svg text').forEach(text => {
      const t = box(text);
      if (!t.width || !text.textContent.trim()) return;
      if (t.left < frame.left - 1 || t.right > frame.right + 1
          || t.top < frame.top - 1 || t.bottom > frame.bottom + 1)
        problems.push(`${name}: "${text.textContent.slice(0, 40)}" drawn outside the chart`);
    });
  });
  return problems;
}"""
# What sticks out of the window sideways: elements of the page past its left or right edge,
# other than those inside a box that scrolls or clips them (a grid, a code block, a table)
SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth, page = '[data-testid=stMain], '
    + '[data-testid=stAppViewContainer], [data-testid=stMainBlockContainer]';
  const held = e => { for (let p = e.parentElement; p && !p.matches('body'); p = p.parentElement)
    if (!p.matches(page) && /auto|scroll|hidden|clip/.test(getComputedStyle(p).overflowX))
      return true;
    return false; };
  return [...document.querySelectorAll('[data-testid=stMain] *')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width && r.height && (r.right > width + 1 || r.left < -1) && !held(e);
  }).slice(0, 5).map(e => `${e.tagName} "${(e.innerText || '').slice(0, 40)}"`);
}"""
TEXT_VERSION = "Chart as text"  # the expander under every chart (dashboard/plot.py as_text)

# CSP violations (securitypolicyviolation events) in every frame, from the first script on.
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`
));
"""
MAP_SHAPES = ".js-plotly-plot .geo .choroplethlocation"
GRID = "[data-testid=stDataFrame]"
CLIPBOARD_SENTINEL = "nothing copied"
# a case's event date as CPJ's records give it (a day, or a month): one in each row of their grids
EVENT_DATE = re.compile(r"\b(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\b")


@dataclass(frozen=True)
class Expect:
    plots: int = 0  # charts drawn
    map_shapes: int = 0  # at least this many countries drawn on the map
    grids: int = 0  # st.dataframe tables
    tables: int = 0  # HTML tables: st.table's, and the pages' own (tables.as_html)
    withheld: tuple[str, ...] = ()  # download buttons that must be disabled
    allowed: tuple[str, ...] = ()  # and ones that must work
    copy_check: bool = False  # try Ctrl+A, Ctrl+C in the first grid
    needs: tuple[str, ...] = ()  # datasets not redistributed that the page shows


def _not_built(names) -> list[str]:
    """Datasets not redistributed (CPJ, ...) and not built on this machine: `make datasets`
    builds them from the raw-source mirror or the publishers' URLs."""
    return [n for n in names if not (DATASETS / registry.DATASETS[n].filename).exists()]


# The map and the Cases page are opened with addresses in their URL, so the same loads
# serve the checks of echoed and data text further down.
ECHO = "/map?metric=https://evil.example/a&edition=www.example.org/x"
DATA_TEXT = "/cases?case=afgan-mukhtarli:imprisoned:2017-05-29&status=press@rsf.org"
PAGES = {
    "/": Expect(plots=1, tables=2, allowed=("Download every move (CSV)",)),
    ECHO: Expect(plots=1, map_shapes=150, allowed=("Data behind this view",)),
    "/map?metric=imprisoned&edition=2023": Expect(
        plots=1, map_shapes=40, withheld=("Data behind this view",), needs=("cpj_census",)
    ),
    "/compare": Expect(plots=1),
    "/rankings": Expect(grids=1, allowed=("Data behind this view",)),
    DATA_TEXT: Expect(
        grids=1, withheld=("Download these cases (CSV)",), copy_check=True, needs=("cpj_cases",)
    ),
    "/sources": Expect(
        plots=1, tables=2, withheld=("Data behind this view",), needs=("cpj_census",)
    ),
    "/datasets?dataset=cpj_cases": Expect(  # the columns' grid
        grids=1, withheld=("Download cpj_cases.csv",), needs=("cpj_cases",)
    ),
    # a table per integrity count (the builds are a list of links)
    "/datasets?dataset=cpj_cases&section=Integrity+and+changes": Expect(
        tables=len(registry.DATASETS["cpj_cases"].integrity),
        withheld=("Download cpj_cases.csv",),
        needs=("cpj_cases",),
    ),
    "/datasets?dataset=hrps&section=Citation+and+code": Expect(allowed=("Download hrps.csv",)),
    "/embed?chart=map&metric=rsf&edition=2026&embed=true": Expect(plots=1, map_shapes=150),
    # a past build: its notice, and the dataset as released then, downloadable
    "/datasets?dataset=rsf_roundup&build=4&section=Integrity+and+changes": Expect(
        tables=len(registry.DATASETS["rsf_roundup"].integrity),
        allowed=("Download rsf_roundup.csv",),
    ),
}
# The profile's sections are tabs: one load, then a click on each other tab.
PROFILE = "/country?country=AZE&section="
SECTIONS = {
    "CPJ records": Expect(
        plots=1,
        grids=1,
        withheld=("Data behind this view",),
        copy_check=True,
        needs=("cpj_cases", "cpj_census", "cpj_killed_counts"),
    ),
    "RSF index": Expect(plots=1),  # one chart at a time (`chart=`)
    "All sources": Expect(plots=1, grids=1),
}
FRAMING = "another site"  # the page of `other_site`, framing /embed and /cases
ORDER = [*PAGES, PROFILE, FRAMING]  # the order the tests below use them


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    port = _free_port()
    streamlit = Path(sys.executable).with_name("streamlit")
    command = [str(streamlit)] if streamlit.exists() else [sys.executable, "-m", "streamlit"]
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                *command,
                "run",
                "dashboard/server.py",
                "--server.port",
                str(port),
                "--server.headless",
                "true",
                "--server.address",
                "127.0.0.1",  # the test's own server: not on the network
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, stopped as a whole
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="module")
def other_site(base_url):
    """A page on another origin (another local port) framing /embed and the Cases page."""
    html = (
        "<!doctype html><title>another site</title>"
        f'<iframe id="embed" src="{base_url}/embed?chart=map&metric=rsf&edition=2026'
        '&embed=true" width="900" height="560"></iframe>'
        f'<iframe id="cases" src="{base_url}/cases" width="900" height="560"></iframe>'
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@dataclass
class Visit:
    """A page of the app in the browser, with what it did on the side."""

    page: object
    base_url: str
    label: str = ""  # size and page, for messages and the screenshot's name
    foreign: list[str] = field(default_factory=list)  # requests to any other host
    refused: list[str] = field(default_factory=list)  # the app's answers of 4xx or 5xx
    console_csp: list[str] = field(default_factory=list)  # console reports of refusals

    def violations(self) -> list[str]:
        found = list(self.console_csp)
        for frame in self.page.frames:
            if frame.url.startswith(self.base_url):
                found += frame.evaluate("window.__cspViolations || []")
        return found


class Tabs:
    """Opens the module's pages in test order, LOOKAHEAD ahead of the one being checked."""

    def __init__(self, context, base_url: str, other_site: str, size="desktop", order=ORDER):
        self.context, self.base_url, self.other_site = context, base_url, other_site
        self.size, self.order = size, order
        self.opened: dict[str, Visit] = {}

    def _open(self, key: str) -> None:
        page = self.context.new_page()
        seen = Visit(page, self.base_url, f"{self.size} {key}")
        origin = urlsplit(self.base_url).netloc

        def on_request(request):
            parts = urlsplit(request.url)
            web = parts.scheme in ("http", "https", "ws", "wss")
            if web and parts.netloc != origin and request.url != self.other_site:
                seen.foreign.append(request.url)

        def on_response(response):
            if response.status >= 400 and urlsplit(response.url).netloc == origin:
                seen.refused.append(f"{response.status} {response.url}")

        def on_console(message):
            if "Content Security Policy" in message.text:
                seen.console_csp.append(message.text)

        page.on("request", on_request)
        page.on("response", on_response)
        page.on("console", on_console)
        if key == FRAMING:
            url = self.other_site
        elif key == PROFILE:
            first = "CPJ records" if not _not_built(SECTIONS["CPJ records"].needs) else "RSF index"
            url = self.base_url + PROFILE + first.replace(" ", "+")
        else:
            url = self.base_url + key
        page.goto(url, wait_until="commit")  # the rest loads while earlier pages are checked
        self.opened[key] = seen

    def take(self, key: str) -> Visit:
        if not self.opened:  # the first page alone, so the others find the scripts cached
            self._open(key)
            _settle(self.opened[key].page)
        start = self.order.index(key)
        for ahead in self.order[start : start + 1 + LOOKAHEAD]:
            if ahead not in self.opened:
                self._open(ahead)
        return self.opened[key]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _context(browser, size: dict):
    # One context per screen: pages share the HTTP cache, as a reader's tabs would.
    context = browser.new_context(**size, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="module")
def tabs(browser, base_url, other_site):
    context = _context(browser, DESKTOP)
    yield Tabs(context, base_url, other_site)
    context.close()


@pytest.fixture(scope="module")
def phone_tabs(browser, base_url, other_site, tabs):
    """The same pages on a phone, opened after the desktop's (`tabs` first: its pages are
    checked first, and two screens' pages at once would only wait on each other)."""
    context = _context(browser, PHONE)
    yield Tabs(context, base_url, other_site, size="phone", order=[*PAGES, PROFILE])
    context.close()


@pytest.fixture
def visit(tabs):
    return tabs.take


def _settle(page) -> None:
    """Wait until the script run is over (Streamlit's running indicator gone)."""
    page.locator("[data-testid=stMainBlockContainer] h1, .js-plotly-plot").first.wait_for()
    page.locator("[data-testid=stStatusWidget]").wait_for(state="detached")


def _wait_for_plots(page, count: int) -> None:
    plots = page.locator(".js-plotly-plot")
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while plots.count() < count or any(
        plots.nth(i).locator(".main-svg").count() == 0 for i in range(plots.count())
    ):
        assert time.monotonic() < deadline, f"{plots.count()} of {count} charts drawn"
        page.wait_for_timeout(100)


def _wait_for_count(locator, count: int) -> None:
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while (found := locator.count()) < count:
        assert time.monotonic() < deadline, f"{found} of at least {count} drawn"
        locator.page.wait_for_timeout(100)


def _no_grid_export(page, grids: int) -> None:
    """No grid offers a CSV download: each one's toolbar is there (search, fullscreen)
    without it."""
    toolbars = page.locator(GRID).evaluate_all(
        """grids => grids.map(grid => [...grid.parentElement.querySelectorAll(
             '[data-testid=stElementToolbar] button')].map(b => b.getAttribute('aria-label')))"""
    )
    assert len(toolbars) == grids
    for labels in toolbars:
        assert "Search" in labels, labels
        assert "Download as CSV" not in labels, labels
    assert page.locator('[aria-label="Download as CSV"]').count() == 0


def _no_grid_copy(page) -> None:
    """Select a cell and copy: nothing reaches the clipboard. Select all and copy: at most
    what the page shows (a select-all of the page takes its text, with the rows the grid
    renders for screen readers, as a mouse selection would), never CPJ's cases in bulk."""
    page.bring_to_front()  # keyboard shortcuts go to the tab in front
    page.evaluate(f"navigator.clipboard.writeText({CLIPBOARD_SENTINEL!r})")
    grid = page.locator(GRID).first
    in_grid = "() => !!document.activeElement.closest('[data-testid=stDataFrame]')"
    deadline = time.monotonic() + 10
    while True:  # a grid still laying itself out ignores the first clicks
        grid.click(position={"x": 120, "y": 35 * 2 + 15})  # a cell of row 2
        if page.evaluate(in_grid):
            break
        assert time.monotonic() < deadline, "could not select a cell of the table"
        page.wait_for_timeout(250)
    page.keyboard.press("Control+c")
    page.wait_for_timeout(100)
    assert page.evaluate("navigator.clipboard.readText()") == CLIPBOARD_SENTINEL
    page.keyboard.press("Control+a")
    page.keyboard.press("Control+c")
    clipboard = "navigator.clipboard.readText()"
    deadline = time.monotonic() + 2  # a grid's copy of thousands of rows takes a moment
    while page.evaluate(clipboard) == CLIPBOARD_SENTINEL and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    rows = len(EVENT_DATE.findall(page.evaluate(clipboard)))
    assert rows < 30, f"{rows} of CPJ's cases copied"


def _download_button(page, label: str):
    return page.locator("[data-testid=stDownloadButton] button").filter(has_text=label).first


def _reads_right(seen: Visit, expect: Expect, section: str = "") -> None:
    """No exception shown, no legend over a title or a plot, no text outside its chart,
    nothing out of the window sideways, a text version under each chart, no serious or
    critical axe-core violation; then the page's screenshot, whole, into SHOTS."""
    page = seen.page
    label = f"{seen.label} {section}".strip()
    exceptions = page.locator("[data-testid=stException]")
    assert exceptions.count() == 0, f"{label}: {exceptions.all_inner_texts()}"
    assert page.evaluate(LAYOUT) == [], label
    assert page.evaluate(SIDEWAYS) == [], f"{label}: sticks out of the window sideways"
    if "embed=true" not in seen.label:
        versions = page.locator("[data-testid=stExpander] summary").filter(has_text=TEXT_VERSION)
        assert versions.count() == expect.plots, f"{label}: a text version under each chart"
    assert _axe(page) == [], label
    _screenshot(page, label)


def _axe(page) -> list[str]:
    """axe-core's serious and critical violations in the page as it is now. The script is
    evaluated (once per page), not added as a <script>: the policy allows no inline one."""
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(_axe_script() + "\n;0")
    return page.evaluate(AXE_RUN % json.dumps(list(AXE_SKIPPED)))


def _screenshot(page, label: str) -> None:
    """The whole page: Streamlit scrolls its main block inside the window, so the window is
    made as tall as the content for the picture, then put back."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    size_name, _, path = label.partition(" ")
    path = path.replace("embed=true", "").replace("country=AZE&section=", "AZE ")
    name = size_name + "-" + (re.sub(r"[^\w]+", "-", path).strip("-")[:60] or "overview")
    size = page.viewport_size
    tall = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], body')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(tall, size["height"]), 8000)})
    page.wait_for_timeout(200)
    page.screenshot(path=SHOTS / f"{name}.png")
    page.set_viewport_size(size)


HTML_TABLES = "[data-testid=stTable] table, table.data-table"


def _check(seen: Visit, expect: Expect, section: str = "", phone: bool = False) -> None:
    """Charts drawn, no CSP violation, nothing from other hosts, nothing refused; tables
    without export; the page reads right on its screen (_reads_right)."""
    page = seen.page
    _settle(page)
    _wait_for_plots(page, expect.plots)
    if expect.map_shapes:  # the geometry came from /app/static/ (after the chart's frame)
        _wait_for_count(page.locator(MAP_SHAPES), expect.map_shapes)
    if expect.grids:
        page.locator(GRID).nth(expect.grids - 1).wait_for()
        _no_grid_export(page, expect.grids)
    if expect.tables:
        _wait_for_count(page.locator(HTML_TABLES), expect.tables)
    if expect.copy_check and not phone:  # keyboard shortcuts: the desktop's
        _no_grid_copy(page)
    for label in expect.withheld:
        assert _download_button(page, label).is_disabled(), label
    for label in expect.allowed:
        assert _download_button(page, label).is_enabled(), label
    assert seen.violations() == []
    assert seen.foreign == []
    # nothing the page asks for is refused (Streamlit's client used to ask each page's own
    # path for the server first: dashboard/server.server_root_script)
    assert seen.refused == []
    _grids_fit(page, phone)
    _figures_line_up(page, phone)
    _reads_right(seen, expect, section)


# each grid of controls (dashboard/layout.grid): its cells' left edges and widths
GRID_CELLS = f"""() => [...document.querySelectorAll('[class*="st-key-{layout.GRID_KEY}"]')].map(
    grid => [grid.getBoundingClientRect().width, [...grid.children]
        .filter(cell => cell.getBoundingClientRect().height > 0)
        .map(cell => [cell.getBoundingClientRect().left, cell.getBoundingClientRect().width])])"""


def _grids_fit(page, phone: bool) -> None:
    """A grid of controls holds one a line on a phone, each as wide as the page; on a desktop
    several side by side, none narrower than 15rem (240 px)."""
    for width, cells in page.evaluate(GRID_CELLS):
        lefts = {round(left) for left, _ in cells}
        if phone:
            assert len(lefts) == 1 and all(abs(w - width) < 2 for _, w in cells), cells
        else:
            assert len(lefts) > 1 and all(w >= 239 for _, w in cells), cells


# each list of headline numbers (dashboard/tables.key_figures): each figure's top, and its
# number's left and right edges
FIGURES = f"""() => [...document.querySelectorAll('figure.{tables.FIGURES_CLASS} dl')].map(
    list => [...list.children].map(figure => {{
        const number = figure.querySelector('dd:not(.note)').getBoundingClientRect();
        return [figure.getBoundingClientRect().top, number.left, number.right]}}))"""


def _figures_line_up(page, phone: bool) -> None:
    """Headline numbers: on a phone one figure a line, the numbers in one column at the
    line's end (their labels' length in words does not move them); on a desktop in one row."""
    for figures in page.evaluate(FIGURES):
        tops = {round(top) for top, _, _ in figures}
        if phone:
            ends = min(
                len({round(left) for _, left, _ in figures}),
                len({round(right) for *_, right in figures}),
            )
            assert len(tops) == len(figures) and ends == 1, figures
        else:
            assert len(tops) == 1, figures


@pytest.mark.parametrize("path", PAGES)
def test_page_under_the_policy(visit, path):
    expect = PAGES[path]
    if missing := _not_built(expect.needs):
        pytest.skip(f"{', '.join(missing)} not built here (`make datasets` builds them)")
    _check(visit(path), expect)


def _profile_sections(seen: Visit, phone: bool = False) -> None:
    page = seen.page
    sections = [s for s, expect in SECTIONS.items() if not _not_built(expect.needs)]
    first = "CPJ records" if "CPJ records" in sections else "RSF index"
    _check(seen, SECTIONS[first], first, phone)
    for section in sections:
        if section != first:
            tab = page.get_by_role("tab", name=section)
            tab.click()
            # only the open section's panel is in the page: wait for the new one
            page.locator(f'[role=tabpanel][aria-labelledby="{tab.get_attribute("id")}"]').wait_for()
            _check(seen, SECTIONS[section], section, phone)
    if len(sections) < len(SECTIONS):
        pytest.skip("CPJ's datasets not built here (`make datasets` builds them)")


def test_profile_sections_under_the_policy(visit):
    _profile_sections(visit(PROFILE))


@pytest.mark.parametrize("path", PAGES)
def test_page_on_a_phone(phone_tabs, path):
    expect = PAGES[path]
    if missing := _not_built(expect.needs):
        pytest.skip(f"{', '.join(missing)} not built here (`make datasets` builds them)")
    seen = phone_tabs.take(path)
    _check(seen, expect, phone=True)
    seen.page.close()  # no other test needs it: its scripts stop using the two cores


def test_profile_sections_on_a_phone(phone_tabs):
    seen = phone_tabs.take(PROFILE)
    _profile_sections(seen, phone=True)
    seen.page.close()


# The longest section names found in the catalogues, each too long for one line of tabs on a
# phone: a bar that scrolled sideways hid its last section behind an arrow
LONG_SECTION_NAMES = (
    "/country?country=AZE&lang=ar",
    "/datasets?lang=ru",
    "/cases?lang=ru",
)
# each tab bar: its content's width, its own, and each tab's label with how many lines it
# takes and whether the tab holds it
TAB_BARS = """() => [...document.querySelectorAll('[role=tablist]')].map(bar => [
    bar.scrollWidth, bar.clientWidth, [...bar.querySelectorAll('[role=tab]')].map(tab => {
        const text = document.createRange();
        text.selectNodeContents(tab.querySelector('p'));
        const lines = new Set([...text.getClientRects()].map(line => Math.round(line.top)));
        return [tab.innerText, lines.size, tab.scrollWidth <= tab.clientWidth + 1]})])"""


def _tab_bars_fit(bars) -> bool:
    return bool(bars) and all(content <= width + 1 for content, width, _ in bars)


@pytest.mark.parametrize("path", LONG_SECTION_NAMES)
def test_every_section_name_is_in_view_on_a_phone(phone_tabs, path):
    """Tabs whose names do not fit one line on a phone share it, each name wrapped at its
    spaces within its tab (app.py's style sheet), instead of a bar that scrolls."""
    page = phone_tabs.context.new_page()
    page.goto(phone_tabs.base_url + path)
    _settle(page)
    deadline = time.monotonic() + 10  # the style sheet applies after the first layout
    while not _tab_bars_fit(bars := page.evaluate(TAB_BARS)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _tab_bars_fit(bars), (path, bars)
    tabs = [tab for *_, bar_tabs in bars for tab in bar_tabs]
    assert all(whole for *_, whole in tabs), (path, tabs)  # no tab cuts its name
    assert max(lines for _, lines, _ in tabs) > 1, (path, tabs)  # a name wrapped to fit
    page.close()


def test_chart_text_version_by_keyboard(visit):
    """Tab to the first chart's text version, open it with Enter: it is focused visibly,
    and shows the chart's description and its numbers as a table (HTML, for screen
    readers), with no axe-core violation in it."""
    seen = visit("/compare")
    page = seen.page
    page.bring_to_front()
    _settle(page)
    summary = page.locator("[data-testid=stExpander] summary").filter(has_text=TEXT_VERSION)
    summary.first.wait_for()
    page.evaluate("document.activeElement?.blur()")  # Tab starts from the page's top
    focused = "() => document.activeElement.closest('summary')?.textContent || ''"
    for _ in range(40):  # as a keyboard reader gets there
        page.keyboard.press("Tab")
        if TEXT_VERSION in page.evaluate(focused):
            break
    else:
        pytest.fail("the chart's text version is not reached with the Tab key")
    ring = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"""
    )
    assert (ring[0] != "none" and ring[1] != "0px") or ring[2] != "none", ring
    page.keyboard.press("Enter")
    opened = page.locator("[data-testid=stExpander]").filter(has_text=TEXT_VERSION).first
    table = opened.locator("[data-testid=stTable] table")
    table.wait_for()
    assert table.locator("th").count() >= 3
    assert table.locator("tbody tr").count() > 10
    assert "Compared: Rank" in opened.inner_text()  # the description names the chart
    _settle(page)
    assert _axe(page) == []


def _plain(text: str) -> str:
    return text.replace(WORD_JOINER, "")


def test_echoed_addresses_are_not_links(visit):
    page = visit(ECHO).page
    _settle(page)
    notes = page.locator("[data-testid=stAlert]")
    notes.nth(1).wait_for()
    assert notes.locator("a").count() == 0
    text = _plain(" ".join(notes.all_inner_texts()))
    assert "https://evil.example/a" in text and "www.example.org/x" in text
    # the same markdown does make links where the app writes one (the source line)
    assert page.locator("[data-testid=stCaptionContainer] a").count() > 0


def test_chart_image_download_works_under_the_policy(visit):
    """Plotly's own "Download plot as a PNG" (a blob: image drawn on a canvas)."""
    seen = visit(ECHO)
    page = seen.page
    page.bring_to_front()
    page.locator(".js-plotly-plot").first.hover()
    with page.expect_download() as download:
        page.locator(".js-plotly-plot [data-title='Download plot as a PNG']").first.click()
    assert download.value.suggested_filename.endswith(".png")
    assert seen.violations() == []


def _snapshot_html_button(page):
    page.bring_to_front()
    page.get_by_role("button", name="Snapshot").first.click()
    button = _download_button(page, "HTML")
    button.wait_for()
    return button


def test_chart_html_file_is_withheld_with_the_data(visit):
    """The snapshot's HTML file holds every value of the chart (for its hover labels): it is
    offered for RSF's map and withheld, like the CSV, for CPJ's."""
    withheld = "/map?metric=imprisoned&edition=2023"
    assert _snapshot_html_button(visit(ECHO).page).is_enabled()
    if missing := _not_built(PAGES[withheld].needs):
        pytest.skip(f"{', '.join(missing)} not built here (`make datasets` builds them)")
    seen = visit(withheld)
    assert _snapshot_html_button(seen.page).is_disabled()
    assert seen.violations() == []


def test_data_text_with_addresses_is_not_linked(visit):
    if missing := _not_built(["cpj_cases"]):
        pytest.skip(f"{', '.join(missing)} not built here (`make datasets` builds them)")
    page = visit(DATA_TEXT).page
    _settle(page)
    detail = page.locator("[data-testid=stTable]").first
    detail.wait_for()
    assert detail.locator("a").count() == 0
    assert "https://cpj.org/data/people/afgan-mukhtarli/" in _plain(detail.inner_text())
    note = page.locator("[data-testid=stAlert]").first
    assert note.locator("a").count() == 0
    assert "press@rsf.org" in _plain(note.inner_text())


def test_only_the_embed_page_can_be_framed_by_another_site(visit):
    seen = visit(FRAMING)
    page = seen.page
    embed = page.frame_locator("#embed")
    _wait_for_count(embed.locator(MAP_SHAPES), 150)
    deadline = time.monotonic() + 10
    while not any("frame-ancestors" in m for m in seen.console_csp):
        assert time.monotonic() < deadline, "the Cases page was not refused in a frame"
        page.wait_for_timeout(100)
    cases = page.locator("#cases").element_handle().content_frame()
    assert not cases.url.startswith(seen.base_url)  # Chromium's error page instead
    assert page.frame_locator("#cases").locator("[data-testid=stApp]").count() == 0
    others = [v for v in seen.violations() if "frame-ancestors 'none'" not in v]
    assert others == []  # nothing else refused, in the embed either


def test_withheld_file_is_refused(tabs, base_url):
    request = tabs.context.request
    withheld = request.get(base_url + "/data/cpj_cases.csv")
    assert withheld.status == 403
    assert "case_id" not in withheld.text()  # the reason, not the rows
    assert request.get(base_url + "/data/rsf_index.csv").status == 200


def test_a_pages_controls_leave_the_next_page_as_its_own(tabs, base_url):
    """A control reruns its page alone (a fragment, dashboard/app.py); the next page the
    reader opens from the menu still starts on its own sections, not on what the page before
    kept under the same name (Cases, the profile and the Data page all have `section` tabs),
    and the menu, outside the fragment, keeps working."""
    page = tabs.context.new_page()
    try:
        page.goto(f"{base_url}/cases?lang=en")
        page.locator("[data-testid=stDataFrame]").first.wait_for()
        _settle(page)
        page.get_by_label("Status").click()
        page.keyboard.type("killed")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        page.wait_for_url(lambda url: "status=killed" in url)
        _settle(page)
        for link, first_tab in (("Data & downloads", "Columns"), ("Country profile", "RSF index")):
            page.get_by_role("link", name=link).click()
            page.wait_for_url(lambda url, link=link: "status=" not in url)
            selected = page.locator("[role=tab][aria-selected=true]")
            selected.first.wait_for()
            _settle(page)
            assert page.locator("[data-testid=stException]").count() == 0
            assert selected.first.inner_text() == first_tab
            assert "section=" not in page.url
    finally:
        page.close()
