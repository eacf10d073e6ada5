"""Timeline play in headless Chromium: how evenly the map's frames follow each other.

The page steps one year every `timeline.FRAME_SECONDS`; a frame that takes longer to build
and draw than that shows as a longer gap. The browser itself records, with a
MutationObserver, when the year in the chart's title changes, so polling adds nothing.

    python benchmarks/play_frames.py      play the map's 24 editions once, print the gaps
"""

from __future__ import annotations

import asyncio
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import loadtest  # noqa: E402

from dashboard import timeline  # noqa: E402

# Installed before the page's scripts: the time (ms) each new year appears in a chart title,
# and how long the chart was gone each time Streamlit replaced it (a new figure is a new
# element to Streamlit: the frame's chart is drawn anew, not updated in place).
RECORD_FRAMES = """
window.__frames = [];
window.__blank = [];
let goneSince = null;
new MutationObserver(() => {
  const title = document.querySelector('.js-plotly-plot .gtitle');
  if (title === null && goneSince === null) goneSince = performance.now();
  if (title !== null && goneSince !== null) {
    window.__blank.push(performance.now() - goneSince);
    goneSince = null;
  }
  const years = title && title.textContent.match(/(19|20)\\d\\d/g);
  const year = years && years[years.length - 1];
  const frames = window.__frames;
  if (year && (!frames.length || frames[frames.length - 1][0] !== year)) {
    frames.push([year, performance.now()]);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


async def play(
    browser, url: str, seconds: float = 90
) -> tuple[list[tuple[str, float]], list[float]]:
    """(year, s) of each frame from pressing Play (with the keyboard) to the last year, and
    the seconds the chart was gone each time it was replaced."""
    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    await context.add_init_script(RECORD_FRAMES)
    page = await context.new_page()
    await page.goto(url)
    play_button = page.get_by_role("button", name="Play the years")
    await play_button.wait_for(timeout=120_000)
    await page.locator(".js-plotly-plot .gtitle").first.wait_for(timeout=120_000)
    await page.wait_for_timeout(500)
    await page.evaluate("window.__frames = []; window.__blank = []")
    await play_button.focus()
    await page.keyboard.press("Enter")
    await page.get_by_role("button", name="Pause").wait_for()
    await play_button.wait_for(timeout=seconds * 1000)  # back when the last year is shown
    frames = await page.evaluate("window.__frames")
    blank = await page.evaluate("window.__blank")
    await context.close()
    return [(year, ms / 1000) for year, ms in frames], [ms / 1000 for ms in blank]


def gaps(frames: list[tuple[str, float]]) -> list[float]:
    """Seconds between consecutive frames, from the second (the first follows the click)."""
    times = [t for _, t in frames]
    return [b - a for a, b in zip(times[1:], times[2:], strict=False)]


async def measure(edition: int = 2002) -> dict[str, object]:
    from playwright.async_api import async_playwright

    port = loadtest.free_port()
    server = loadtest.start_server(port)
    try:
        async with async_playwright() as playwright:
            browser = await loadtest.launch_browser(playwright)
            url = f"http://127.0.0.1:{port}/map?edition={edition}"
            await play(browser, url)  # warm: each year's map built once, as readers find it
            frames, blank = await play(browser, url)
            await browser.close()
    finally:
        loadtest.stop_server(server)
    between = sorted(gaps(frames))
    return {
        "frames": len(frames),
        "years": [year for year, _ in frames],
        "step s": timeline.FRAME_SECONDS,
        "median gap s": statistics.median(between),
        "p95 gap s": between[round(0.95 * (len(between) - 1))],
        "longest gap s": between[-1],
        "chart gone, median s": statistics.median(blank) if blank else 0.0,
        "chart gone, longest s": max(blank, default=0.0),
        "gaps": between,
    }


def main() -> None:
    result = asyncio.run(measure())
    years, _ = result.pop("years"), result.pop("gaps")
    print(f"map play: {result['frames']} frames, {years[0]}…{years[-1]}")
    for name, value in result.items():
        if name != "frames":
            print(f"  {name}: {value:.3f}")


if __name__ == "__main__":
    main()
