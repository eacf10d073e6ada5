"""Documented cases: curated facts joined to their sources and linked to CPJ records."""

import pandas as pd

from etl.sources.documented_cases import steps as documented
from tests.conftest import fetched
from tests.sources.cpj import fixtures as fx

FACTS = (
    "case_key,person_name,iso3,fact,value,value_precision,source_id,quote,note\n"
    "afgan-mukhtarli,Afgan Mukhtarli,AZE,charges,smuggling,,src-1,"
    '"He was charged with smuggling, the source says.",\n'
)
SOURCES_FILE = (
    "source_id,publisher,author,title,published,url,note\n"
    "src-1,Example Wire,A. Writer,A report,2025-05-22,https://example.org/report,\n"
)


def documented_tables(facts: str = FACTS):
    """The documented cases built from the curated fixtures, linked to the fixture cases."""
    cases = fx.tables()["cpj_cases"][["case_id", "name", "iso3", "event_year"]]
    inputs = {
        documented.FACTS: facts,
        documented.SOURCES: SOURCES_FILE,
        documented.CPJ_CASES: cases.to_csv(index=False),
    }
    frames = {
        name: documented.parse(fetched(name, text.encode("utf-8"))) for name, text in inputs.items()
    }
    return documented.harmonise(frames)


def test_documented_cases_join_their_source_and_link_to_cpj():
    documented_case = documented_tables()["documented_cases"].iloc[0]
    assert documented_case["publisher"] == "Example Wire"
    assert documented_case["cpj_case_id"] == "afgan-mukhtarli:imprisoned:2017-05-29"


def test_validation_reports_a_fact_without_a_known_source():
    unsourced = documented_tables(FACTS.replace("src-1", "src-2"))
    rules = {(p.rule, p.file, p.row) for p in documented.validate(unsourced)}
    assert any(rule == "fact has a known source" for rule, _, _ in rules)


def test_cpj_links_use_the_name_matcher_and_say_how():
    facts = (
        FACTS
        + "mukhtarli-2,Afgan Mukhtarlı,AZE,charges,smuggling,,src-1,"
        + '"He was charged with smuggling, the source says.",\n'
        + "orujov,Aziz Orujev,AZE,charges,smuggling,,src-1,"
        + '"He was charged with smuggling, the source says.",\n'
    )
    linked = documented_tables(facts)["documented_cases"].set_index("case_key")
    assert linked.loc["afgan-mukhtarli", "cpj_link_method"] == "exact"
    assert linked.loc["mukhtarli-2", ["cpj_case_id", "cpj_link_method"]].tolist() == [
        "afgan-mukhtarli:imprisoned:2017-05-29",
        "normalised",
    ]
    # similar (score 91) but not certain: no link rather than a wrong one
    assert linked.loc["orujov", "cpj_link_method"] == "none"
    assert pd.isna(linked.loc["orujov", "cpj_case_id"])
