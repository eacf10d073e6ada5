"""The compare page's relative view: each country's gain since its first edition of each
RSF methodology (places for a rank, points for a score, up better), never across a change
of method; in the URL (`view=relative`), embeds and every language."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import chart_specs
from dashboard.charts import rsf_index, style
from etl import registry
from tests.conftest import DATASETS, open_page


@pytest.fixture(scope="module")
def index() -> pd.DataFrame:
    return pd.read_csv(DATASETS / "rsf_index.csv")


def test_gains_restart_at_each_methodology(index, monkeypatch):
    rank = registry.ON_COMPARE["rank"]
    gains = rsf_index.relative(index[index["iso3"] == "AZE"], rank).set_index("year")
    # read from the index: Azerbaijan 101st in 2002, 113th in 2003; 154th in 2022, 171st in 2026
    assert gains.loc[2002, "change"] == 0 and gains.loc[2003, "change"] == -12
    assert gains.loc[2022, "change"] == 0  # a new methodology: the line starts again
    assert gains.loc[2026, "change"] == 154 - 171
    score = registry.ON_COMPARE["score"]  # one era only
    points = rsf_index.relative(index[index["iso3"] == "FJI"], score).set_index("year")
    assert points.index.min() == 2022 and points.loc[2026, "change"] == round(76.76 - 56.91, 2)


def test_the_chart_and_its_address(index):
    spec = chart_specs.CompareChart(("AZE", "TUR"), registry.ON_COMPARE["rank"], True)
    assert spec.params["view"] == "relative"
    assert chart_specs.slug(spec) == "compare-AZE+TUR-rank-relative"
    shown = index
    fig = rsf_index.compare_chart(
        shown[shown["iso3"].isin(["AZE", "TUR"])], spec.measure, "fr", True
    )
    assert (
        style.plain(fig.layout.title.text)
        == "Comparaison\u00a0: évolution de «\u00a0Rang (1 = meilleur)\u00a0»"
    )
    assert fig.layout.yaxis.title.text == "Places gagnées"
    assert fig.layout.yaxis.autorange is None  # gains: up is better, not reversed


def page(**params) -> AppTest:
    return open_page("views/compare.py", **params)


def title(at) -> str:
    return style.plain(json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"])


def test_the_page_switches_view_and_keeps_it_in_the_url():
    at = page(countries="AZE,TUR")
    assert title(at) == "Compared: Rank (1 = best)"
    at.radio(key="view").set_value("relative").run()
    assert not at.exception
    assert title(at) == "Compared: change in Rank (1 = best)"
    assert at.query_params["view"] == "relative"
    at = page(countries="AZE", view="sideways")
    assert not at.exception
    assert any("sideways" in e.value for e in at.info)
    assert title(at) == "Compared: Rank (1 = best)"
