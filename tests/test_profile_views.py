"""The profile's RSF chart, one at a time (`chart=`), its relative view (`view=relative`:
the rank and score as gains since each methodology's first edition) and CPJ's counts on a
logarithmic scale (`scale=log`), each in the URL, the chart, its table and its embed code."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import chart_specs, embeds, export, gallery, i18n, text
from dashboard.charts import style
from etl.sources.rsf_index import methodology as rsf
from tests.conftest import needs_built, open_page


@pytest.fixture(scope="module")
def load():
    return export.cached_loader()


def test_the_rank_as_places_gained_within_each_methodology(load):
    chart = gallery.draw(chart_specs.CountryChart("rank", "AZE", relative=True), load)
    gains = chart.table.dropna(subset=["rank"]).set_index("year")["places_gained"]
    # from the index: 101st in 2002, 162nd in 2012; 156th in 2013; 154th in 2022, 171st in 2026
    assert gains[[2002, 2012, 2013, 2022, 2026]].tolist() == [0, -61, 0, 0, -17]
    assert chart.figure.layout.yaxis.autorange != "reversed"  # up is better, as gains
    assert style.plain(chart.figure.layout.yaxis.title.text) == "Places gained"
    assert chart.spec.params == {"country": "AZE", "view": "relative"}


def test_the_score_as_points_gained_with_the_old_scale_turned(load):
    chart = gallery.draw(chart_specs.CountryChart("score", "AZE", relative=True), load)
    table = chart.table.set_index("year")
    # the old scale (lower is better): a rising score is a loss
    old = table.loc[2012, "score"] - table.loc[2002, "score"]
    assert table.loc[2012, "points_gained"] == pytest.approx(-old)
    assert table.loc[2026, "points_gained"] == pytest.approx(
        table.loc[2026, "score"] - table.loc[2022, "score"]
    )
    assert (table.loc[[2002, 2013, 2022], "points_gained"] == 0).all()
    assert not (table["points_gained"].astype(str) == "-0.0").any()


@needs_built("cpj_census", "cpj_killed_counts")
def test_cpj_counts_on_a_logarithmic_scale(load):
    chart = gallery.draw(chart_specs.CountryChart("cpj", "TUR", log=True), load)
    assert chart.figure.layout.yaxis.type == "log" and chart.figure.layout.yaxis2.type == "log"
    assert "Logarithmic scale" in chart.figure.layout.title.subtitle.text
    assert chart.spec.params == {"country": "TUR", "scale": "log"}
    linear = gallery.draw(chart_specs.CountryChart("cpj", "TUR"), load)
    assert linear.figure.layout.yaxis.type != "log"
    assert linear.table.equals(chart.table)  # the same numbers, drawn differently


def test_views_and_scales_only_where_they_apply(load):
    with pytest.raises(ValueError):
        chart_specs.CountryChart("indicators", "AZE", relative=True)
    with pytest.raises(ValueError):
        chart_specs.CountryChart("rank", "AZE", log=True)
    spec, notes = chart_specs.parse("rank", {"country": "AZE", "view": "relative"}, load)
    assert spec == chart_specs.CountryChart("rank", "AZE", relative=True) and not notes
    spec, notes = chart_specs.parse("indicators", {"country": "AZE", "view": "relative"}, load)
    assert not spec.relative
    spec, notes = chart_specs.parse("cpj", {"country": "TUR", "scale": "cubic"}, load)
    assert not spec.log and notes
    url = embeds.explore_url(spec.__class__("rank", "AZE", relative=True), "http://x")
    assert url == "http://x/country?country=AZE&view=relative&section=RSF+index"


def profile(**params) -> AppTest:
    return open_page("views/country.py", **params)


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def titles(at) -> list[str]:
    return [
        json.loads(c.proto.spec)["layout"]["yaxis"].get("title", {}).get("text")
        for c in at.get("plotly_chart")
    ]


def test_the_profile_draws_one_rsf_chart_the_reader_chooses_and_the_url_names():
    at = profile(country="AZE")
    assert not at.exception
    assert [style.plain(t) for t in chart_titles(at)] == [
        "Azerbaijan: rank in the World Press Freedom Index"
    ]
    assert at.radio(key="chart").options == ["Rank", "Score", "Indicators"]
    assert "chart" not in at.query_params  # the default is left out of the URL
    at.radio(key="chart").set_value("score").run()
    assert at.query_params["chart"] == "score"
    assert [style.plain(t) for t in chart_titles(at)] == ["Azerbaijan: score by methodology era"]
    at.radio(key="view").set_value("relative").run()
    at.radio(key="chart").set_value("indicators").run()
    assert [style.plain(t) for t in chart_titles(at)] == ["Azerbaijan: the five indicators"]
    # no gains view of the indicators: its control is not offered, and the URL keeps the
    # reader's choice for when they go back to the rank or the score
    assert [r.key for r in at.radio] == ["chart"]
    assert at.query_params["view"] == "relative"
    at.radio(key="chart").set_value("rank").run()
    assert titles(at) == ["Places gained"]
    assert "chart" not in at.query_params


def test_a_profile_link_opens_the_chart_it_names_and_notes_one_it_cannot_draw():
    at = profile(country="AZE", chart="indicators", lang="fr")
    assert not at.exception
    assert [style.plain(t) for t in chart_titles(at)] == ["Azerbaïdjan\u00a0: les cinq indicateurs"]
    assert at.radio(key="chart").options == ["Rang", "Score", "Indicateurs"]
    at = profile(country="AZE", chart="map")
    assert not at.exception and any("map" in i.value for i in at.info)
    assert titles(at) == ["Rank (1 = best)"]
    # Grenada was last ranked in 2004: no indicators (2022 onward) to choose or draw
    at = profile(country="GRD", chart="indicators")
    assert not at.exception
    assert at.radio(key="chart").options == ["Rank", "Score"]
    assert any("indicators" in i.value for i in at.info)
    assert titles(at) == ["Rank (1 = best)"]


def test_the_profile_switches_to_gains_and_back():
    at = profile(country="AZE")
    assert not at.exception
    at.radio(key="view").set_value("relative").run()
    assert at.query_params["view"] == "relative"
    assert titles(at)[0] == "Places gained"
    at.radio(key="view").set_value("values").run()
    assert "view" not in at.query_params
    assert titles(at)[0] == "Rank (1 = best)"
    at = profile(country="AZE", view="sideways")
    assert not at.exception and any("sideways" in i.value for i in at.info)


@needs_built("cpj_census", "cpj_killed_counts", "cpj_cases")
def test_the_profile_draws_cpj_counts_on_a_log_scale_from_the_url():
    at = profile(country="TUR", section="CPJ records", scale="log")
    assert not at.exception
    assert at.toggle(key="scale").value
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["yaxis"]["type"] == "log"
    at.toggle(key="scale").set_value(False).run()
    assert "scale" not in at.query_params


def test_the_methodology_eras_are_listed_when_the_reader_opens_them():
    at = profile(country="AZE", lang="fr")
    assert not at.exception
    labels = [e.label for e in at.expander]
    heading = "Pourquoi les lignes s’interrompent\xa0: les changements de méthodologie de RSF"
    assert heading in labels
    first = rsf.ERAS[next(iter(rsf.ERAS))]["label"]
    french = i18n.translator("fr").term
    assert text.md_escape(french("era", first)) not in " ".join(m.value for m in at.markdown)
    at.session_state["eras"] = True  # the reader opens the expander
    at.run()
    listed = " ".join(m.value for m in at.markdown)
    for era in rsf.ERAS.values():  # each era's label, in French where catalogued
        assert text.md_escape(french("era", era["label"])) in listed
