"""Amnesty's findings: real quotes and codes in the published dataset."""

from etl import store
from tests.conftest import DATASETS

SEED = "independent oversight is almost completely banned in Azerbaijan"


def findings():
    return store.read_dataset("amnesty_findings", DATASETS)


def test_the_seed_article_sentence_is_a_report_quoting_amnesty():
    seed = findings()[findings()["quote"].str.contains(SEED, regex=False)]
    assert set(seed["iso3"]) == {"AZE"} and set(seed["year"]) == {2024}
    assert set(seed["source_kind"]) == {"quoting amnesty"}
    assert {
        "monitoring_banned",
        "journalists_detained",
        "charge_smuggling",
        "charge_illegal_entrepreneurship",
        "charge_drugs",
        "protesters_imprisoned",
        "torture_ill_treatment",
        "impunity",
    } <= set(seed["finding"])
    assert seed.set_index("finding").loc["charge_smuggling", "cpj_charge_category"] == (
        "retaliatory"
    )


def test_amnesty_own_azerbaijan_2024_text_bans_monitoring_and_counts_detainees():
    table = findings()
    aze_2024 = table[(table.iso3 == "AZE") & (table.year == 2024)]
    own = aze_2024[aze_2024.source_kind != "quoting amnesty"]
    assert "an effective ban on independent human rights monitoring" in " ".join(own["quote"])
    detained = own[own.finding == "critics_detained"]
    assert detained["figure"].tolist() == [300]


def test_annual_report_figures_and_people_named():
    table = findings().set_index(["quote_id", "finding"])
    assert table.loc[("mmr-2021-report-arrested", "journalists_detained"), "figure"] == 98
    assert table.loc[("blr-2021-report-tutby", "journalists_detained"), "figure"] == 14
    assert table.loc[("blr-2021-report-tutby", "charge_tax_evasion"), "cpj_charge_category"] == (
        "retaliatory"
    )
    named = table.loc[("eri-2021-statement-journalists", "journalists_detained"), "persons"]
    assert "Dawit Isaak" in named
    held = table.loc[("eri-2021-statement-without-charge", "charge_none")]
    assert held["cpj_charge_category"] == "no charge disclosed"


def test_every_finding_has_a_url_a_date_and_a_known_source_kind():
    table = findings()
    assert table["url"].str.startswith("http").all()
    assert table["published"].str.fullmatch(r"\d{4}-\d{2}(-\d{2})?").all()
    assert set(table["source_kind"]) == {"amnesty", "amnesty copy", "quoting amnesty"}


def test_people_amnesty_names_are_linked_to_their_cpj_cases():
    quote = findings().drop_duplicates("quote_id").set_index("quote_id")
    eritrea = quote.loc["eri-2021-statement-journalists"]
    persons = eritrea["persons"].split("; ")
    links = dict(zip(persons, eritrea["cpj_case_ids"].split("; "), strict=True))
    methods = dict(zip(persons, eritrea["cpj_link_method"].split("; "), strict=True))
    # CPJ's name is Isaak too, though its profile address spells it Isaac
    assert links["Dawit Isaak"] == "dawit-isaac:imprisoned:2001-09-23"
    assert methods["Fesseaye “Joshua” Yohannes"] == "fuzzy"
    # a spelling too far from CPJ's (score 92) is left for a person, not linked
    assert (links["Temesegn Gebreyesus"], methods["Temesegn Gebreyesus"]) == ("-", "none")
    belarus = quote.loc["blr-2021-report-barysevich"]
    assert belarus["cpj_case_ids"] == "katsiaryna-barysevich:imprisoned:2020-11-19"
    assert quote["cpj_link_method"].isna().equals(quote["persons"].isna())
