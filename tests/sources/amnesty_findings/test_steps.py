"""Amnesty's findings: parsing one quote into its findings, and validation rejecting bad rows
(small rows built here, in the curated file's format)."""

import pandas as pd

from etl.sources.amnesty_findings import steps
from tests.conftest import fetched

HEADER = ",".join(steps.CURATED_COLUMNS) + "\n"
GOOD = (
    "aze-test,AZE,2024,news report quoting Amnesty,Example Wire,A report,2025-05-22,"
    "https://example.org/report,en,quoting amnesty,"
    '"Critical journalists and activists are arrested on fabricated charges of smuggling; '
    'at least 29 journalists are detained.",'
    '"journalists_detained=29; charge_smuggling",,\n'
)


def table(rows: str = GOOD):
    frame = steps.parse(fetched(steps.FILE, (HEADER + rows).encode("utf-8")))
    return steps.harmonise({steps.FILE: frame})


def rules(rows: str) -> list[tuple[str, int | None]]:
    return [(p.rule, p.row) for p in steps.validate(table(rows))]


def test_a_quote_becomes_one_row_per_finding_with_figure_and_cpj_category():
    built = table()[steps.NAME].set_index("finding")
    assert list(built.index) == ["journalists_detained", "charge_smuggling"]
    assert built.loc["journalists_detained", "figure"] == 29
    assert built.loc["charge_smuggling", "cpj_charge_category"] == "retaliatory"
    assert steps.validate(table()) == []


def test_validation_rejects_a_finding_the_quote_does_not_state():
    bad = GOOD.replace("charge_smuggling", "charge_terrorism")
    found = rules(bad)
    assert any(r.startswith("the quote lacks the words stating charge_terrorism") for r, _ in found)
    assert all(line == 2 for _, line in found)  # the row is named by its line


def test_validation_rejects_a_figure_the_quote_does_not_state():
    found = rules(GOOD.replace("journalists_detained=29", "journalists_detained=30"))
    assert ("the quote does not state the figure 30", 2) in found


def test_validation_rejects_a_missing_url_and_a_missing_date():
    found = rules(GOOD.replace("https://example.org/report", "").replace("2025-05-22", ""))
    assert ("URL missing", 2) in found
    assert ("publication date missing or not YYYY-MM(-DD)", 2) in found


def test_validation_rejects_an_unknown_category_and_source_kind():
    bad = GOOD.replace("charge_smuggling", "charge_witchcraft").replace(
        "en,quoting amnesty", "en,rumour"
    )
    found = dict(rules(bad))
    assert "unknown finding category 'charge_witchcraft'" in found
    assert "unknown source_kind 'rumour'" in found


def test_validation_rejects_a_person_the_quote_does_not_name():
    bad = GOOD.replace('charge_smuggling",,', 'charge_smuggling",Jane Doe,')
    assert ("the quote does not name 'Jane Doe'", 2) in rules(bad)


def test_people_named_are_linked_to_cpj_cases_in_the_same_country_and_say_how():
    from tests.sources.cpj import fixtures as fx

    named = GOOD.replace(
        "Critical journalists", "Afgan Mukhtarlı, Aziz Orujev and other critical journalists"
    ).replace('charge_smuggling",,', 'charge_smuggling",Afgan Mukhtarlı; Aziz Orujev,')
    cases = fx.tables()["cpj_cases"][list(steps.CPJ_COLUMNS)].to_csv(index=False)
    frames = {
        steps.FILE: steps.parse(fetched(steps.FILE, (HEADER + named).encode("utf-8"))),
        steps.CPJ_CASES: steps.parse(fetched(steps.CPJ_CASES, cases.encode("utf-8"))),
    }
    built = steps.harmonise(frames)
    row = built[steps.NAME].iloc[0]
    # one entry per person, in the order named: the first normalised, the second (similar,
    # score 91, but not certain) left unlinked rather than linked wrongly
    assert row["cpj_case_ids"] == "afgan-mukhtarli:imprisoned:2017-05-29; -"
    assert row["cpj_link_method"] == "normalised; none"
    assert row["cpj_link_score"] == "100; -"
    assert steps.validate(built) == []


def test_a_person_in_another_country_is_not_linked():
    from tests.sources.cpj import fixtures as fx

    named = GOOD.replace("Critical journalists", "Afgan Mukhtarli and critical journalists")
    named = named.replace('charge_smuggling",,', 'charge_smuggling",Afgan Mukhtarli,')
    named = named.replace("aze-test,AZE", "tur-test,TUR")
    cases = fx.tables()["cpj_cases"][list(steps.CPJ_COLUMNS)].to_csv(index=False)
    frames = {
        steps.FILE: steps.parse(fetched(steps.FILE, (HEADER + named).encode("utf-8"))),
        steps.CPJ_CASES: steps.parse(fetched(steps.CPJ_CASES, cases.encode("utf-8"))),
    }
    row = steps.harmonise(frames)[steps.NAME].iloc[0]
    assert row["cpj_link_method"] == "none" and pd.isna(row["cpj_case_ids"])
