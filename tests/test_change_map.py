"""The map's change view: each country's change since an earlier year, on a diverging scale
(teal better, red worse as the measure says), within one RSF methodology era; in the URL, on
the page, in embeds, in every language."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import chart_specs, export, gallery, i18n
from dashboard.charts import maps, style
from etl import registry
from tests.conftest import needs_built, open_page


@pytest.fixture(scope="module")
def load():
    return export.cached_loader()


def draw(load, metric, year, since, lang="en"):
    return gallery.draw(chart_specs.MapChart(registry.ON_MAP[metric], year, since), load, lang=lang)


def test_rsf_scores_change_within_one_methodology(load):
    chart = draw(load, "rsf", 2026, 2022)
    table = chart.table.set_index("iso3")
    # read from the index: Fiji 56.91 (2022) → 76.76 (2026); Bhutan fell furthest in score
    assert table.loc["FJI", ["before", "after", "value"]].tolist() == [56.91, 76.76, 19.85]
    assert table["value"].idxmin() == "BTN"
    assert len(table) == 180
    trace = chart.figure.data[0]
    assert trace.zmin == -trace.zmax  # centred on no change
    assert trace.colorscale[-1][1] == maps.CHANGE_BETTER  # up is better for RSF's score
    assert style.plain(chart.figure.layout.title.text).endswith("change 2022–2026")
    assert chart.spec.params == {"metric": "rsf", "edition": "2026", "since": "2022"}
    assert chart_specs.slug(chart.spec) == "map-rsf-2026-2022"


@needs_built("cpj_census")
def test_a_count_changes_with_no_record_as_none(load):
    chart = draw(load, "imprisoned", 2023, 2013)
    table = chart.table.set_index("iso3")
    assert table.loc["TUR", ["before", "after", "value"]].tolist() == [40.0, 13.0, -27.0]
    # more journalists in prison is worse: red at the top of the scale
    assert chart.figure.data[0].colorscale[-1][1] == maps.CHANGE_WORSE
    # a country with prisoners in one year only is in the map, its other year as none
    assert (table["before"] == 0).any() or (table["after"] == 0).any()


def test_which_years_a_change_can_be_drawn_since(load):
    rsf = registry.ON_MAP["rsf"]
    years = chart_specs.map_years(rsf, load)
    assert chart_specs.change_years(rsf, years, 2026) == [2025, 2024, 2023, 2022]
    assert chart_specs.change_years(rsf, years, 2022) == []
    assert chart_specs.parse_since("2022", rsf, years, 2026) == (2022, None)
    since, note = chart_specs.parse_since("2010", rsf, years, 2026)
    assert since is None and "same methodology" in note
    spec, notes = chart_specs.parse("map", {"metric": "rsf", "since": "2023"}, load)
    assert (spec.year, spec.since, notes) == (2026, 2023, [])


@pytest.mark.parametrize("lang", i18n.languages())
def test_the_change_map_in_every_language(load, lang):
    chart = draw(load, "rsf", 2026, 2022, lang)
    tr = i18n.translator(lang)
    title = style.plain(chart.figure.layout.title.text)
    assert (
        tr.gettext("%(measure)s: change %(since)s–%(year)s")
        % {
            "measure": maps.label(registry.ON_MAP["rsf"], lang),
            "since": 2022,
            "year": 2026,
        }
        == title
    )
    assert i18n.country_name("FJI", lang) in chart.figure.data[0].text[0]


def page(**params) -> AppTest:
    return open_page("views/world_map.py", **params)


def titles(at) -> list[str]:
    return [
        style.plain(json.loads(c.proto.spec)["layout"]["title"]["text"])
        for c in at.get("plotly_chart")
    ]


def test_the_map_page_switches_to_change_and_back():
    at = page(edition="2026")
    assert at.selectbox(key="since").options[1:] == ["2025", "2024", "2023", "2022"]
    at.selectbox(key="since").set_value(2022).run()
    assert not at.exception
    assert titles(at)[0].endswith("change 2022–2026")
    assert at.query_params["since"] == "2022"
    at.selectbox(key="since").set_value(0).run()
    assert titles(at)[0] == "World Press Freedom Index 2026"
    assert "since" not in at.query_params


def test_a_change_across_a_methodology_gets_a_note_and_the_values():
    at = page(edition="2026", since="2012")
    assert not at.exception
    assert any("same methodology" in e.value for e in at.info)
    assert titles(at)[0] == "World Press Freedom Index 2026"
