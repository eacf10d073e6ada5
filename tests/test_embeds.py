"""The embed snippet and the addresses an embed links to (dashboard/embeds.py), without a
browser: tests/test_site.py draws the frames in Chromium."""

from __future__ import annotations

from html.parser import HTMLParser

from dashboard import chart_specs, embeds
from etl import registry


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(markup: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


def test_a_title_with_quotes_and_markup_stays_inside_its_attribute():
    title = 'Türkiye: "journalists" <jailed> & held'
    url = 'https://charts.example.org/site/charts/rank-TUR/embed.html?theme=dark&x="1"'
    tags = _tags(embeds.snippet(url, title, 500, "https://charts.example.org/site/assets/embed.js"))
    assert [tag for tag, _ in tags] == ["iframe", "script"]
    frame = tags[0][1]
    assert frame["title"] == title and frame["src"] == url
    assert frame["style"] == "width:100%;aspect-ratio:720 / 500;border:0"
    assert "data-pressfreedom-embed" in frame
    assert tags[1][1]["src"] == "https://charts.example.org/site/assets/embed.js"
    # without the sizing script (the live page reports no height): the iframe alone
    assert [tag for tag, _ in _tags(embeds.snippet(url, title, 500, None))] == ["iframe"]


def test_explore_links_open_the_same_view_in_the_dashboard():
    live = "https://dashboard.example.org/"
    rsf = registry.ON_MAP["rsf"]
    assert embeds.explore_url(chart_specs.MapChart(rsf, 2019), live) == (
        "https://dashboard.example.org/map?metric=rsf&edition=2019"
    )
    assert embeds.explore_url(chart_specs.CountryChart("score", "AZE"), live) == (
        "https://dashboard.example.org/country?country=AZE&section=RSF+index&chart=score"
    )
    assert embeds.explore_url(chart_specs.BandsChart(), live) == "https://dashboard.example.org/"
    assert embeds.live_embed_url(chart_specs.CountryChart("cpj", "TUR"), live) == (
        "https://dashboard.example.org/embed?chart=cpj&country=TUR&embed=true"
    )


def test_the_site_address_is_the_configured_host_or_this_app(monkeypatch):
    monkeypatch.delenv(embeds.SITE_URL_VARIABLE, raising=False)
    assert embeds.site_url("http://127.0.0.1:8501") == "http://127.0.0.1:8501/site/"
    monkeypatch.setenv(embeds.SITE_URL_VARIABLE, "https://cdn.example.org/pfd")
    assert embeds.site_url("http://127.0.0.1:8501") == "https://cdn.example.org/pfd/"
