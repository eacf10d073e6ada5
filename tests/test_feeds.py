"""Atom feeds of what changed (dashboard/feeds.py): valid Atom 1.0 as a feed reader reads it
(feedparser), every element RFC 4287 requires, and the real changes of real builds."""

import html
import xml.etree.ElementTree as ET

import feedparser
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard.server import MIDDLEWARE, ROUTES
from etl import registry, store

client = TestClient(Starlette(routes=ROUTES, middleware=MIDDLEWARE))
ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["all", "rsf_index", "pts", "rsf_roundup", "cpj_census", "AZE", "CZE", "TUR", "XIP"]


def fetch(name: str):
    response = client.get(f"/feeds/{name}.atom")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    return response.content, feedparser.parse(response.content)


@pytest.mark.parametrize("name", FEEDS)
def test_every_feed_is_valid_atom_with_the_required_elements(name):
    content, parsed = fetch(name)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.id.startswith("urn:uuid:") and feed.title and feed.updated_parsed
    assert feed.author == "Press Freedom Dashboard"
    links = {link.rel: link.href for link in feed.links}
    assert links["self"] == f"http://testserver/feeds/{name}.atom"
    assert links["alternate"].startswith("http://testserver/")
    root = ET.fromstring(content)  # RFC 4287: exactly one of each, in the feed and entries
    for tag in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{tag}")) == 1, tag
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{tag}")) == 1, tag
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    ids = [entry.id for entry in parsed.entries]
    assert len(ids) == len(set(ids))
    dates = [entry.updated for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_all_changes_lists_every_build_with_its_reasons():
    _, parsed = fetch("all")
    log = store.load_changelog()
    assert [e.title.split(":")[0] for e in parsed.entries] == [
        f"build-{entry['version']}" for entry in reversed(log)
    ]
    five = next(e for e in parsed.entries if e.title.startswith("build-5:"))
    assert "rsf_roundup" in five.title
    assert "+2 added, −2 removed, 6 changed" in five.content[0].value
    assert "why: figures cite RSF's own publication" in html.unescape(five.content[0].value)
    assert five.link == "http://testserver/datasets?build=5"
    assert five.updated.startswith("2026-12-02")


def test_a_dataset_feed_lists_the_rows_each_build_touched():
    _, parsed = fetch("rsf_roundup")
    assert [e.title.rsplit("build-", 1)[1][0] for e in parsed.entries] == ["5", "1"]
    body = parsed.entries[0].content[0].value
    assert "Added world / 2023 / detained / 2023-12: value 521" in body
    assert "Removed world / 2023 / detained / 2023-12-13" in body
    assert "/data/rsf_roundup.csv?build=5" in body
    # a dataset not redistributed: its builds by counts, no rows
    _, withheld = fetch("cpj_census")
    eight = next(e for e in withheld.entries if "build-8" in e.title)
    assert "+1 added, −1 removed, 1 changed" in eight.title
    assert "<li>" not in eight.content[0].value


def test_a_country_feed_names_the_revised_rows_for_that_country():
    _, parsed = fetch("CZE")
    pts = next(e for e in parsed.entries if "Political Terror Scale" in e.title)
    assert pts.title.startswith("Czechia — Political Terror Scale")
    assert "1 row: 1 revised (year 1992) (build-6)" in pts.title
    assert "Revised Czechia / 1992: iso3: CZE → CSK" in pts.content[0].value
    assert pts.link == "http://testserver/country?country=CZE&section=All+sources&build=6"
    # Czechoslovakia's feed gets the same rows, recoded to it
    _, old = fetch("CSK")
    assert any("Revised Czechia / 1992: iso3: CZE → CSK" in e.content[0].value for e in old.entries)


def test_a_country_feed_counts_a_first_release():
    _, parsed = fetch("AZE")
    rsf = next(e for e in parsed.entries if e.title.startswith("Azerbaijan — RSF World"))
    assert "first released, 24 rows (build-1)" in rsf.title  # 24 editions, 2002–2026
    hrps = next(e for e in parsed.entries if "Human Rights Protection" in e.title)
    assert "first released, 37 rows (build-2)" in hrps.title


@pytest.mark.parametrize(
    "name", ["ZZZ.atom", "nope.atom", "AZE.rss", "aze.atom", "all", "%00.atom"]
)
def test_unknown_feeds_answer_404_naming_the_feeds(name):
    response = client.get(f"/feeds/{name}")
    assert response.status_code == 404
    assert "Feeds: all.atom" in response.text


def test_every_dataset_has_a_feed():
    for name in registry.DATASETS:
        assert client.get(f"/feeds/{name}.atom").status_code == 200, name
