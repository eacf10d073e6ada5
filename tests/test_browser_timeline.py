"""Timeline play in Chromium, as a reader uses it: Play pressed with the keyboard, the years
following each other in the chart's title, the change of RSF methodology said on the frame
that starts it, Pause leaving the year in the address, on a desktop and on a phone.

Uses test_browser's server and browser (skipped, saying why, without Chromium)."""

from __future__ import annotations

import re

import pytest

from tests.test_browser import TIMEOUT_MS, base_url, browser  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
}


SHOWS_YEAR = """year => {
  const title = document.querySelector('.js-plotly-plot .gtitle');
  return title !== null && title.textContent.includes(String(year));
}"""


def title_year(tab) -> int:
    text = tab.locator(".js-plotly-plot .gtitle").first.text_content()
    return int(re.findall(r"(?:19|20)\d\d", text)[-1])


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_map_plays_from_the_keyboard_and_pauses_into_the_url(browser, base_url, screen):  # noqa: F811
    size = PHONE if screen == "phone" else {"viewport": {"width": 1440, "height": 900}}
    context = browser.new_context(**size)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        tab.goto(f"{base_url}/map?edition=2010")
        play = tab.get_by_role("button", name="Play the years")
        play.wait_for()
        tab.locator(".js-plotly-plot .gtitle").first.wait_for()
        play.focus()
        tab.keyboard.press("Enter")
        tab.wait_for_function(SHOWS_YEAR, arg=2013)
        # on the 2013 frame: the step from 2012 crossed a change of method, and it says so
        assert tab.get_by_text("RSF's new methodology").is_visible()
        assert tab.get_by_text("2013: year 11 of 24").is_visible()
        # the chart and its frame fit the screen's width (nothing overprints sideways)
        chart = tab.locator(".js-plotly-plot").first.bounding_box()
        assert chart["x"] >= 0 and chart["x"] + chart["width"] <= size["viewport"]["width"]
        tab.wait_for_function(SHOWS_YEAR, arg=2014)
        assert not tab.get_by_text("RSF's new methodology").count()  # one scale since 2013
        pause = tab.get_by_role("button", name="Pause")
        pause.focus()
        tab.keyboard.press("Enter")
        play.wait_for()
        shown = title_year(tab)
        assert shown >= 2014
        tab.wait_for_url(re.compile(rf"edition={shown}"))
        # the year list shows the year that was on screen
        year_list = tab.locator(".st-key-edition input").first
        year_list.wait_for()
        assert year_list.input_value() == str(shown)
    finally:
        context.close()
