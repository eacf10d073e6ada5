"""The translated pages in Chromium: the Arabic overview laid out right to left, the French
map page's headings, menu and chart title in French (no English left in them).

Uses test_browser's server and browser (Debian's Chromium at /usr/bin/chromium; skipped,
saying why, without it or Playwright).
"""

from __future__ import annotations

import pytest

from dashboard import i18n
from tests.test_browser import CHROMIUM_ARGS, TIMEOUT_MS, base_url, browser  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(scope="module")
def page(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()


def _ready(tab) -> None:
    tab.locator("[data-testid=stMainBlockContainer] h1").first.wait_for()
    tab.locator(".js-plotly-plot .gtitle").first.wait_for()
    tab.locator("[data-testid=stStatusWidget]").wait_for(state="detached")


def test_arabic_overview_is_right_to_left(page, base_url):  # noqa: F811
    page.goto(f"{base_url}/?lang=ar")
    _ready(page)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    direction = page.locator("[data-testid=stMain]").evaluate("e => getComputedStyle(e).direction")
    assert direction == "rtl"
    assert page.locator("h1").first.inner_text() == "لوحة حرية الصحافة"
    # the chart's title is set from the right edge of the chart
    chart = page.locator(".js-plotly-plot").first.bounding_box()
    title = page.locator(".js-plotly-plot .gtitle").first.bounding_box()
    assert title["x"] + title["width"] > chart["x"] + chart["width"] * 0.6


def test_french_map_page_reads_in_french(page, base_url):  # noqa: F811
    tr = i18n.translator("fr")
    page.goto(f"{base_url}/map?lang=fr&edition=2026")
    _ready(page)
    assert page.locator("html").get_attribute("dir") == "ltr"
    headings = page.locator("[data-testid=stMainBlockContainer] h1").all_inner_texts()
    assert headings == ["Carte du monde"]
    title = page.locator(".js-plotly-plot .gtitle").first.text_content()  # SVG text
    assert " ".join(title.split()) == "Classement mondial de la liberté de la presse 2026"
    legend = page.locator(".js-plotly-plot .legendtext").all_text_contents()
    assert legend == [tr.capital(tr.situation(band)) for band in i18n_bands()]
    menu = page.locator("[data-testid=stSidebarNav] span").all_inner_texts()
    english = {"Overview", "World map", "Country profile", "Compare", "Rankings", "Cases"}
    assert not english & set(menu), menu
    assert "Carte du monde" in menu


def i18n_bands():
    from etl.sources.rsf_index import methodology as rsf

    return rsf.SITUATIONS


def test_arabic_chart_text_stays_inside_the_chart_on_a_phone(browser, base_url):  # noqa: F811
    """Set from the right edge, the source line used to be shifted left by its own width
    (Plotly measured it in the right-to-left page body) and the title ran under the
    toolbar."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        tab.goto(f"{base_url}/?lang=ar")
        _ready(tab)
        chart = tab.locator(".js-plotly-plot").first
        box = chart.bounding_box()
        right = box["x"] + box["width"]
        for text in (chart.locator(".annotation-text").first, chart.locator(".gtitle").first):
            found = text.bounding_box()
            assert found["x"] >= box["x"] - 1 and found["x"] + found["width"] <= right + 1
        title = chart.locator(".gtitle").first.bounding_box()
        toolbar = chart.locator(".modebar").first.bounding_box()
        assert title["x"] + title["width"] <= toolbar["x"] + 1
    finally:
        context.close()
