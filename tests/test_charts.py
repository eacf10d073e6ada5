"""Chart functions on the real dataset: right traces, colours, breaks and source lines."""

import pandas as pd
import pytest

from dashboard import geo
from dashboard.charts import maps, style
from dashboard.charts import rsf_index as rsf_charts
from etl import project, registry, store
from etl.sources.rsf_index import methodology as rsf

RSF_MAP = registry.ON_MAP["rsf"]


@pytest.fixture(scope="module")
def index():
    return rsf.with_changes(store.read_dataset("rsf_index"))


def test_changes_compare_with_previous_edition(index):
    aze = index[(index["iso3"] == "AZE")].set_index("year")
    assert aze.loc[2026, "rank_change"] == 167 - 171
    assert aze.loc[2026, "score_change"] == pytest.approx(23.95 - 25.47)
    assert aze.loc[2012, "previous_year"] == 2010  # no 2011 edition
    assert pd.isna(aze.loc[2022, "score_change"])  # across a methodology break
    assert aze.loc[2022, "rank_change"] == 167 - 154


def test_map_2022_onward_uses_the_five_bands(index):
    fig = maps.world_map(index[index["year"] == 2026], RSF_MAP)
    assert [t.name for t in fig.data] == [
        "Good",
        "Satisfactory",
        "Problematic",
        "Difficult",
        "Very serious",
    ]
    assert sum(len(t.locations) for t in fig.data) == 180
    aze = next(t for t in fig.data if t.name == "Very serious")
    text = aze.text[list(aze.locations).index("AZE")]
    assert "Azerbaijan" in text and "Rank 171 of 180" in text and "23.95" in text
    assert "down 4 places since 2025" in text  # plural forms (i18n)
    assert fig.layout.geo.resolution == 50


def test_map_old_scale_is_reversed_so_red_is_worse(index):
    fig = maps.world_map(index[index["year"] == 2010], RSF_MAP)
    assert len(fig.data) == 1
    assert (
        fig.data[0].colorscale[0][1]
        != maps.world_map(index[index["year"] == 2020], RSF_MAP).data[0].colorscale[0][1]
    )
    assert "lower is better" in fig.data[0].colorbar.title.text


def test_every_chart_carries_the_source_line(index):
    aze = index[index["iso3"] == "AZE"]
    figures = [
        maps.world_map(index[index["year"] == 2024], RSF_MAP),
        rsf_charts.rank_chart(aze),
        rsf_charts.score_chart(aze),
        rsf_charts.indicators_chart(aze),
        rsf_charts.compare_chart(
            index[index["iso3"].isin(["AZE", "TUR"])], registry.ON_COMPARE["rank"]
        ),
        rsf_charts.situation_bar(index),
    ]
    for fig in figures:
        # as read: the style wraps the source line for the width (<br>)
        notes = " ".join(style.plain(a.text) for a in fig.layout.annotations)
        assert registry.DATASETS["rsf_index"].attribution in notes
        assert project.NAME in notes


def test_no_line_joins_values_across_a_methodology_break(index):
    aze = index[index["iso3"] == "AZE"]
    for fig in (
        rsf_charts.rank_chart(aze),
        rsf_charts.score_chart(aze),
        rsf_charts.compare_chart(
            index[index["iso3"].isin(["AZE", "TUR"])], registry.ON_COMPARE["rank"]
        ),
    ):
        for trace in fig.data:
            eras = {rsf.era_of(int(x)) for x in trace.x}
            assert len(eras) == 1, trace.name


def test_score_panels_point_up_for_better(index):
    fig = rsf_charts.score_chart(index[index["iso3"] == "AZE"])
    assert fig.layout.yaxis.autorange == "reversed"  # 2002–2012: lower is better
    assert fig.layout.yaxis2.autorange is True


def test_compare_by_era_measure_keeps_only_that_era(index):
    fig = rsf_charts.compare_chart(
        index[index["iso3"].isin(["AZE", "TUR", "RUS"])], registry.ON_COMPARE["safety"]
    )
    assert {t.name for t in fig.data} == {"Azerbaijan", "Türkiye", "Russia"}
    assert all(min(t.x) >= 2022 for t in fig.data)


def test_unmapped_entities_are_known(index):
    missing = geo.unmapped(index[index["year"] == 2026]["iso3"])
    assert "XKX" in missing and "XNC" in missing
    assert "AZE" not in missing and "MLT" not in missing
    # CPJ's Israel and the Occupied Palestinian Territory is drawn on both shapes
    assert geo.unmapped(["XIP", "XKX"]) == ["XKX"]


def test_thinned_geometry_keeps_every_shape_including_microstates():
    """The map geometry is thinned for speed (static/topojson/README.md); no shape is lost."""
    import hashlib
    import json

    path = geo.TOPOJSON_DIR / "world_50m.json"
    recorded = (geo.TOPOJSON_DIR / "README.md").read_text()
    assert hashlib.sha256(path.read_bytes()).hexdigest() in recorded
    countries = json.loads(path.read_text())["objects"]["countries"]["geometries"]
    drawn = {g["id"] for g in countries if g.get("id") and g.get("arcs")}
    assert len(drawn) == 235  # as in the original file
    assert {"SGP", "BHR", "MLT", "MDV", "AND", "LIE", "MCO", "SMR", "TON", "CPV"} <= drawn


@pytest.mark.parametrize(
    ("kind", "params", "columns"),
    [
        ("rank", {"country": "AZE"}, ["country", "year", "rank", "entities_ranked"]),
        ("indicators", {"country": "AZE"}, ["year", "political", "safety"]),
        ("compare", {"countries": "AZE,TUR"}, ["country", "year", "rank"]),
        ("bands", {}, ["situation", "year", "entities"]),
    ],
)
def test_the_data_behind_a_chart_names_its_columns(kind, params, columns):
    """Not series/x/y: the names the chart shows."""
    from dashboard import gallery
    from etl import store

    table = gallery.build(kind, params, store.read_dataset).table
    assert set(columns) <= set(table.columns) and not {"series", "x", "y"} & set(table.columns)
    if kind == "indicators":  # the five indicators exist from 2022 on
        assert table["year"].min() == 2022
    if kind == "rank":
        azerbaijan_2002 = table[table["year"] == 2002].iloc[0]
        assert (azerbaijan_2002["rank"], azerbaijan_2002["entities_ranked"]) == (101, 139)


def test_rank_alt_text_says_best_and_worst_not_maximum():
    """A rank's smallest number is its best place; counts keep highest and lowest."""
    from dashboard import alttext, gallery
    from etl import store

    text = alttext.describe(gallery.build("rank", {"country": "AZE"}, store.read_dataset).figure)
    assert "best 101 in 2002, worst 162 in 2012" in text and "maximum" not in text
