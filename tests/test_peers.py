"""Comparison countries: neighbours from the map geometry's shared borders, the RSF region,
the closest values of one edition, each with its sentence in the page's language."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import i18n, peers
from tests.conftest import DATASETS


@pytest.fixture(scope="module")
def edition() -> pd.DataFrame:
    index = pd.read_csv(DATASETS / "rsf_index.csv")
    return index[index["year"] == 2026]


def values_of(edition: pd.DataFrame) -> pd.DataFrame:
    return edition[["iso3", "score"]].rename(columns={"score": "value"})


def test_neighbours_are_the_shapes_that_share_a_border():
    # Azerbaijan borders Turkey only through Nakhchivan: the geometry knows it
    assert peers.neighbours("AZE") == ["ARM", "GEO", "IRN", "RUS", "TUR"]
    assert peers.neighbours("USA") == ["CAN", "MEX"]
    assert peers.neighbours("JPN") == []  # an island
    assert peers.neighbours("XKX") == []  # no shape on the map
    # CPJ's combined Israel and Occupied Palestinian Territory: the borders of both shapes
    assert peers.neighbours("XIP") == ["EGY", "JOR", "LBN", "SYR"]
    # symmetric, never itself
    for code, others in peers.borders().items():
        assert code not in others
        assert all(code in peers.borders()[other] for other in others)


def test_same_region_and_closest_scores(edition):
    region = peers.same_region(edition, "AZE")
    assert "TUR" in region and "AZE" not in region
    assert set(edition.loc[edition["iso3"].isin(region), "region"]) == {
        "Eastern Europe & Central Asia"
    }
    nearest = peers.closest(values_of(edition), "AZE")
    assert len(nearest) == peers.CLOSEST
    own = edition.set_index("iso3")["score"]
    distances = (own[nearest] - own["AZE"]).abs()
    others = (own.drop(["AZE", *nearest]) - own["AZE"]).abs()
    assert distances.max() <= others.min()  # nobody left out is closer
    assert (
        peers.same_region(edition, "ZZZ") == [] and peers.closest(values_of(edition), "ZZZ") == []
    )


@pytest.mark.parametrize("lang", i18n.languages())
def test_every_suggestion_explains_itself_in_the_language(edition, lang):
    known = set(edition["iso3"])
    found = peers.suggestions(edition, values_of(edition), "AZE", 2026, "score", known, lang)
    assert [p.kind for p in found] == ["region", "neighbours", "closest"]
    assert all(p.codes and p.reason for p in found)
    assert found[1].codes == ("ARM", "GEO", "IRN", "RUS", "TUR")
    name = i18n.country_name("AZE", lang)
    assert name in found[1].reason and "5" in found[1].reason
    if lang == "fr":  # the name on its own: French would need its article after "avec"
        assert found[1].reason == (
            "Azerbaïdjan : les 5 pays et territoires frontaliers sur la carte."
        )
    # an island: the sentence says why nothing is added
    island = peers.suggestions(edition, values_of(edition), "JPN", 2026, "score", known, lang)
    assert island[1].codes == () and i18n.country_name("JPN", lang) in island[1].reason


def page(script: str, **params):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page(script).run()


def test_one_click_adds_the_neighbours_on_the_compare_page():
    at = page("views/compare.py", countries="AZE", measure="rank")
    assert not at.exception
    # the peers are found and laid out only once the picker is open
    assert not [b for b in at.button if b.key.startswith("countries-peers-")]
    at.session_state["countries-peers"] = True  # the reader opens "Add comparison countries"
    at.run()
    at.button(key="countries-peers-neighbours").click().run()
    assert not at.exception
    assert at.multiselect(key="countries").value == ["AZE", "ARM", "GEO", "IRN", "RUS", "TUR"]
    assert at.query_params["countries"] == "AZE,ARM,GEO,IRN,RUS,TUR"
    # each choice says why, in the page's language
    assert any("share a land border with Azerbaijan" in c.value for c in at.caption)
    # the region adds whom there is room for: at most 12 countries are drawn
    at.button(key="countries-peers-region").click().run()
    assert len(at.multiselect(key="countries").value) == 12


def test_the_compare_pages_peers_are_offered_in_the_pages_language():
    at = page("views/compare.py", countries="AZE", measure="rank", lang="fr")
    at.session_state["countries-peers"] = True
    at.run()
    assert not at.exception
    labels = [b.label for b in at.button if b.key and b.key.startswith("countries-peers-")]
    assert "Pays voisins" in labels and "Même région" in labels
    assert any("Azerbaïdjan : les 5 pays et territoires frontaliers" in c.value for c in at.caption)


def test_a_profile_links_to_the_compare_page_with_its_peers():
    at = page("views/country.py", country="AZE", lang="fr")
    assert not at.exception
    assert "/compare?" not in " ".join(m.value for m in at.markdown)  # folded: not built
    at.session_state["peers"] = True  # the reader opens "Compare with peers"
    at.run()
    links = " ".join(m.value for m in at.markdown)
    assert "/compare?countries=AZE,ARM,GEO,IRN,RUS,TUR&measure=rank&lang=fr" in links
    assert "Pays voisins" in links and "Même région" in links
