"""Timeline play on the map and on Compare: the years stepped one frame at a time, a change
of RSF methodology said on the frame it starts, the URL and the page's controls on the year
shown once paused or at the end; and a comparison drawn up to a year (`until=`)."""

from __future__ import annotations

import json

import pytest

from dashboard import chart_specs, export, gallery, timeline
from dashboard.charts import style
from etl import registry
from tests.conftest import open_page


@pytest.fixture(scope="module")
def load():
    return export.cached_loader()


def titles(at) -> list[str]:
    return [
        style.plain(json.loads(c.proto.spec)["layout"]["title"]["text"])
        for c in at.get("plotly_chart")
    ]


def test_a_break_is_named_only_where_a_step_crosses_a_methodology():
    rsf = registry.ON_MAP["rsf"]
    assert timeline.break_note(rsf, 2012, 2010, "en") is None
    assert timeline.break_note(rsf, 2013, None, "en") is None  # the first frame
    note = timeline.break_note(rsf, 2022, 2021, "en")
    assert note.startswith("2022: RSF's new methodology (2022 onward")
    assert "same scale as 2021's" in note
    # a measure of one scale has no break
    assert timeline.break_note(registry.ON_MAP["pts_a"], 2013, 2012, "en") is None
    assert "2013" in timeline.break_note(rsf, 2013, 2012, "fr")
    assert timeline.break_note(rsf, 2013, 2012, "fr") != timeline.break_note(rsf, 2013, 2012, "en")


def test_the_years_a_map_plays(load):
    rsf = registry.ON_MAP["rsf"]
    years = chart_specs.map_years(rsf, load)
    every = chart_specs.play_years(rsf, years, None)
    assert every[0] == 2002 and every[-1] == 2026 and len(every) == len(years) == 24
    # a change since 2022 plays the later editions of the 2022 methodology only
    assert chart_specs.play_years(rsf, years, 2022) == [2023, 2024, 2025, 2026]


def test_the_map_plays_through_the_editions_and_stops_on_pause():
    at = open_page("views/world_map.py", edition="2010")
    at.button(key="map-play-play").click().run()
    assert not at.exception
    assert titles(at) == ["World Press Freedom Index 2010"]
    assert not at.warning
    at.run()  # each run of the page is one tick of the timeline here
    assert titles(at) == ["World Press Freedom Index 2012"]  # the 2011-12 edition
    at.run()
    assert titles(at) == ["World Press Freedom Index 2013"]
    assert "RSF's new methodology" in at.warning[0].value
    assert at.get("progress")[0].proto.text == "2013: year 11 of 24"
    # the page's controls wait while it plays: no year list, the measure not changeable
    assert "edition" not in [box.key for box in at.selectbox]
    assert at.selectbox(key="metric").disabled
    at.button(key="map-play-pause").click().run()
    assert not at.exception
    assert at.query_params["edition"] == "2013"
    assert at.selectbox(key="edition").value == 2013
    assert titles(at) == ["World Press Freedom Index 2013"]


def test_the_map_stops_on_its_last_year():
    at = open_page("views/world_map.py", edition="2025")
    at.button(key="map-play-play").click().run()  # from 2025
    at.run()  # 2026, the last: stops there
    assert not at.exception
    assert at.button(key="map-play-play")  # Play is offered again
    assert at.selectbox(key="edition").value == 2026
    assert titles(at) == ["World Press Freedom Index 2026"]


def test_a_change_map_plays_within_its_methodology():
    at = open_page("views/world_map.py", edition="2024", since="2022")
    at.button(key="map-play-play").click().run()
    assert titles(at)[0].endswith("change 2022–2024")
    at.run()
    assert titles(at)[0].endswith("change 2022–2025")


def test_compare_draws_up_to_a_year_and_plays(load):
    at = open_page("views/compare.py", until="2012")
    assert not at.exception
    assert titles(at) == ["Compared: Rank (1 = best), up to 2012"]
    at.button(key="compare-play-play").click().run()
    at.run()
    assert titles(at) == ["Compared: Rank (1 = best), up to 2013"]
    assert "RSF's new methodology" in at.warning[0].value
    at.button(key="compare-play-pause").click().run()
    assert at.query_params["until"] == "2013"
    assert at.select_slider(key="until").value == 2013


def test_a_comparison_up_to_a_year_keeps_the_axes_of_every_year(load):
    measure = registry.ON_COMPARE["rank"]
    whole = gallery.draw(chart_specs.CompareChart(("AZE", "TUR"), measure), load)
    spec = chart_specs.CompareChart(("AZE", "TUR"), measure, until=2010)
    part = gallery.draw(spec, load)
    assert part.table["year"].max() == 2010 and whole.table["year"].max() == 2026
    assert all(max(trace.x) <= 2010 for trace in part.figure.data)
    assert part.figure.layout.xaxis.range == (2001.5, 2026.5)
    low, high = part.figure.layout.yaxis.range  # ranks: 1 at the top
    assert low > high
    # Azerbaijan's worst rank (read from the index) is inside the fixed axis
    assert high < whole.table["rank"].min() and whole.table["rank"].max() < low
    assert spec.params["until"] == "2010"
    parsed, notes = chart_specs.parse("compare", {"countries": "AZE,TUR", "until": "2010"}, load)
    assert parsed == spec and notes == []
    latest, _ = chart_specs.parse("compare", {"countries": "AZE,TUR", "until": "2026"}, load)
    assert latest.until is None  # the latest year is the whole chart
    _, notes = chart_specs.parse("compare", {"countries": "AZE,TUR", "until": "1990"}, load)
    assert notes and "1990" in notes[0]
