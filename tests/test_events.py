"""Documented arrests and detentions marked on a country's rank chart, from the dated facts
of the documented cases (each with its publication), in its table, alt text and sources."""

from __future__ import annotations

import pytest

from dashboard import alttext, chart_specs, events, export, gallery
from dashboard.charts.figure_data import figure_data, marks_events
from etl import registry


@pytest.fixture(scope="module")
def load():
    return export.cached_loader()


def test_the_dated_facts_of_documented_cases(load):
    marked = events.documented_events(load("documented_cases"), "AZE")
    # from datasets/documented_cases.csv: Afiaddin Mammadov detained from September 2023;
    # Ahmad Mammadli arrested on 6 May 2025; Ulviyya Ali and six colleagues on 7 May 2025
    assert marked["date"].tolist() == ["2023-09", "2025-05-06", "2025-05-07"]
    assert marked["people"].iloc[0] == ["Afiaddin Mammadov"]
    assert "Ulviyya Ali" in marked["people"].iloc[2]
    assert marked["when"].iloc[0] == pytest.approx(2023 + 8.5 / 12)
    assert events.documented_events(load("documented_cases"), "FRA").empty


def test_the_rank_chart_marks_them_on_the_line(load):
    chart = gallery.draw(chart_specs.CountryChart("rank", "AZE"), load)
    marks = [trace for trace in chart.figure.data if marks_events(trace)]
    assert len(marks) == 1 and len(marks[0].x) == 3
    # on the line between the 2023 (151st) and 2024 (164th) editions
    assert 151 < marks[0].y[0] < 164
    assert marks[0].hovertext[1] == (
        "May 6, 2025: arrest or detention of Ahmad Mammadli (World Socialist Web Site)"
    )
    assert "Black stars mark documented arrests" in chart.figure.layout.title.subtitle.text
    assert registry.DATASETS["documented_cases"] in chart.sources
    # the marks are not measured values: the figure's numbers are the ranks alone
    assert set(figure_data(chart.figure)["series"]) == {"2002-2012", "2013-2021", "2022+"}
    dated = chart.table.dropna(subset=["event_date"])
    assert dated["event_date"].tolist() == ["2023-09", "2025-05-06", "2025-05-07"]
    assert dated["event_sources"].str.startswith("https://www.wsws.org/").all()
    assert alttext.describe(chart.figure).endswith(
        "Marked: documented arrests or detentions on 3 dates "
        "(September 2023, May 6, 2025, May 7, 2025)."
    )


def test_a_country_without_documented_cases_has_no_marks(load):
    chart = gallery.draw(chart_specs.CountryChart("rank", "FRA"), load)
    assert not any(marks_events(trace) for trace in chart.figure.data)
    assert chart.sources == (registry.DATASETS["rsf_index"],)
    assert "event_date" not in chart.table


def test_the_marks_in_another_language(load):
    chart = gallery.draw(chart_specs.CountryChart("rank", "AZE"), load, lang="fr")
    marks = next(trace for trace in chart.figure.data if marks_events(trace))
    assert marks.hovertext[0].startswith("septembre 2023\u00a0: arrestation ou détention de")
