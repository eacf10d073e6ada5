"""Named charts as typed values: parsed once from strings, each default in one place, and
each chart's URL parameters naming it again."""

import functools

import pytest

from dashboard import chart_specs, gallery
from dashboard.chart_specs import BandsChart, CompareChart, CountryChart, MapChart
from etl import registry, store

load = functools.cache(store.read_dataset)


@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    [
        ("map", {"metric": "pts_a", "edition": "2020"}, MapChart(registry.ON_MAP["pts_a"], 2020)),
        ("map", {"metric": "rsf", "edition": "2011-12"}, MapChart(registry.ON_MAP["rsf"], 2012)),
        ("rank", {"country": "türkiye"}, CountryChart("rank", "TUR")),
        ("sources", {"country": "XKX"}, CountryChart("sources", "XKX")),
        (
            "compare",
            {"countries": "aze,RUS", "measure": "safety"},
            CompareChart(("AZE", "RUS"), registry.ON_COMPARE["safety"]),
        ),
        ("bands", {}, BandsChart()),
    ],
)
def test_strings_are_parsed_once_into_typed_charts_that_name_themselves(kind, params, expected):
    spec, notes = chart_specs.parse(kind, params, load)
    assert not notes
    if expected is not None:
        assert spec == expected
    again, _ = chart_specs.parse(spec.kind, spec.params, load)
    assert again == spec


def test_what_is_not_understood_falls_back_to_the_defaults_with_notes():
    spec, notes = chart_specs.parse("nonsense", {"metric": "zzz", "edition": "1800"}, load)
    assert spec.kind == chart_specs.DEFAULT_KIND == "map"
    assert spec.measure is registry.ON_MAP[chart_specs.DEFAULT_MAP]
    assert spec.year == int(load("rsf_index")["year"].max())
    assert len(notes) == 3 and "There is no edition '1800'" in notes[-1]
    spec, _ = chart_specs.parse("compare", {}, load)
    assert spec.countries == chart_specs.DEFAULT_COMPARED
    assert spec.measure is registry.ON_COMPARE[chart_specs.DEFAULT_COMPARE]
    spec, notes = chart_specs.parse("cpj", {"country": "Atlantis"}, load)
    assert spec == CountryChart("cpj", chart_specs.DEFAULT_COUNTRY)
    assert "Unknown country 'Atlantis'" in notes[0]


def test_a_map_year_is_named_as_its_measure_names_it():
    _, notes = chart_specs.parse("map", {"metric": "pts_a", "edition": "1800"}, load)
    assert notes[0].startswith("There is no year '1800'")


def test_building_from_strings_draws_the_same_chart_as_the_typed_spec():
    built = gallery.build("compare", {"countries": "AZE,TUR", "measure": "rank"}, load)
    drawn = gallery.draw(CompareChart(("AZE", "TUR"), registry.ON_COMPARE["rank"]), load)
    assert built.figure == drawn.figure
    assert built.slug == drawn.slug == "compare-AZE+TUR-rank"


def test_a_country_chart_is_one_of_the_profile_charts():
    with pytest.raises(ValueError, match="not a country chart"):
        CountryChart("map", "AZE")
