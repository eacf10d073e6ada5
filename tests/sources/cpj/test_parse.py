"""CPJ parsing on fixtures: dates, multi-value cells, export precedence, census links."""

import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.cpj import meta
from etl.sources.cpj import steps as cpj
from tests.sources.cpj import fixtures as fx


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("April 30, 2018", ("2018-04-30", "day", 2018)),
        ("November 1995", ("1995-11", "month", 1995)),
        ("December, 1992", ("1992-12", "month", 1992)),
        ("May 2 or 3, 2012", ("2012-05", "month", 2012)),  # never invent the day
        ("November 9-14, 2005", ("2005-11", "month", 2005)),
        ("Early August 2023", ("2023-08", "month", 2023)),
        ("January or February, 2014", ("2014", "year", 2014)),
        ("Late 1990", ("1990", "year", 1990)),
        ("Unknown in 2002", ("2002", "year", 2002)),
        ("October 2015 - June 2016", ("2015", "approximate", 2015)),
        ("Before April 16, 2017", ("2017", "approximate", 2017)),
        ("In Occupied Crimea on March 10, 2021", ("2021-03-10", "day", 2021)),
        ("In Iraqi Kurdistan on 10/7/2020", ("2020-10-07", "day", 2020)),
        ("Custody of U.S. | April 12, 2006", ("2006-04-12", "day", 2006)),
        ("Oct 18-24, 2022", ("2022-10", "month", 2022)),
        ("Unknown", ("", "unknown", None)),
        ("Died in Custody", ("", "unknown", None)),
    ],
)
def test_event_dates_keep_their_stated_precision(raw, expected):
    assert cpj.parse_event_date(raw) == expected


def test_multi_value_cells_split_with_uneven_spacing():
    assert cpj.split_values("Government Officials,Military Officials ,  Government Officials") == [
        "Government Officials",
        "Military Officials",
    ]
    assert cpj.split_values("") == []


def test_charge_wordings_map_to_one_vocabulary():
    assert cpj.charge_categories("Anti-state, anti-State,No Charge,Ethnic/Religious Insult") == [
        "anti-state",
        "anti-state",
        "no charge disclosed",
        "ethnic or religious insult",
    ]
    assert cpj.charge_categories("Espionage") == [None]


def test_csv_quirks_crlf_index_column_and_nbsp():
    frame = cpj.parse(fx.fetched(cpj.CENSUS))
    assert "" not in frame.columns and "Unnamed: 0" not in frame.columns
    assert list(frame["fullName"])[2] == "Someone Else"
    assert not frame["sentence"].str.endswith("\r").any()
    imprisoned = cpj.parse(fx.fetched(cpj.IMPRISONED))
    assert list(imprisoned.columns[:2]) == ["organizations", "fullName"]
    assert list(imprisoned["source_line"]) == [2, 3, 4, 5]


def test_cases_from_every_list():
    cases = fx.tables()["cpj_cases"].set_index("case_id")
    assert set(cases["status"]) == {"imprisoned", "killed", "missing"}
    aziz = cases.loc["aziz-orujov:imprisoned:2023-11-27"]
    assert aziz["charges"] == "Anti-state; False news"
    assert aziz["charge_categories"] == "anti-state; false news"
    assert aziz["organizations"] == "Kanal 13; Freelance"
    assert "aziz-orujov:imprisoned:undated" in cases.index  # second, undated episode
    assert cases.loc["do-cong-duong:imprisoned:2014", "url"].startswith("https://cpj.org/")


def test_newest_killed_export_wins_and_all_are_listed():
    cases = fx.tables()["cpj_cases"].set_index("person_id")
    hananzai = cases.loc["abadullah-hananzai"]
    assert hananzai["organizations"] == "Radio Azadi; Radio Free Europe/Radio Liberty"
    assert hananzai["sources"].split("; ")[0] == "cpj-people-list-2026-02-24"
    assert hananzai["location"] == "Kabul"  # the city is only in the oldest export
    assert hananzai["impunity"] == "Complete Impunity"  # joined from the 43-column export
    assert hananzai["sources_of_fire"] == "Political Group; Unknown"
    assert hananzai["mediums"] == "Radio; Internet"
    assert cases.loc["new-case", "type_of_death"] == "crossfire"
    assert cases.loc["a-driver", "role"] == "media worker"
    assert cases.loc["a-driver", "iso3"] == "XIP"
    # confirmed in 2024-07 but absent from both newer confirmed lists covering its date
    assert cases.loc["dropped-later", "motive"] == "reclassified"
    assert cases.loc["still-unclear", "motive"] == "unconfirmed"


def test_census_people_link_to_their_episode_and_counts_keep_every_export():
    tables = fx.tables()
    people = tables["cpj_census_people"]
    assert len(people) == 4  # the killed row of the stacked export is not a census row
    linked = people.set_index(["year", "name"])["case_id"]
    assert linked[(2018, "Afgan Mukhtarli")] == "afgan-mukhtarli:imprisoned:2017-05-29"
    assert pd.isna(linked[(2018, "A Reporter")])
    cases = tables["cpj_cases"].set_index("case_id")
    assert cases.loc["afgan-mukhtarli:imprisoned:2017-05-29", "census_years"] == "2017; 2018"
    assert cases.loc["afgan-mukhtarli:imprisoned:2017-05-29", "sentence"] == "6 years"
    census = tables["cpj_census"]
    aze_2018 = census[(census.iso3 == "AZE") & (census.year == 2018)].set_index("source")
    assert aze_2018.loc["cpj-person-years-2020", "imprisoned"] == 2
    assert aze_2018.loc["gapminder-fasttrack-2024", "imprisoned"] == 10
    assert aze_2018.loc["gapminder-fasttrack-2024", "latest"] == "yes"
    residual = census[census.source == "gapminder-residual-2024"].set_index("year")
    assert residual.loc[2018, "imprisoned"] == 80 - 10 - 68
    assert residual.loc[2023, "imprisoned"] == 22 - 5


def test_killed_counts_by_role_and_motive():
    counts = fx.tables()["cpj_killed_counts"].set_index(["iso3", "year", "role", "motive"])
    assert counts.loc[("AFG", 2018, "journalist", "confirmed"), "killed"] == 1
    assert counts.loc[("XIP", 2015, "media worker", "not applicable"), "killed"] == 1


def test_validation_reports_unknown_country_and_charge():
    bad = fx.tables(
        **{
            cpj.MISSING: fx.MISSING.replace("Russia", "Atlantis"),
            cpj.IMPRISONED: fx.IMPRISONED.replace("Retaliatory", "Espionage"),
        }
    )
    rules = {(p.rule, p.file, p.row) for p in cpj.validate(bad)}
    assert ("country in crosswalk", cpj.MISSING, 2) in rules
    assert ("charge in vocabulary", cpj.IMPRISONED, 2) in rules


def test_missing_column_and_bad_json_are_named():
    with pytest.raises(ValidationError) as error:
        cpj.parse(fx.fetched(cpj.KILLINGS, fx.KILLINGS.replace("motiveConfirmed", "motive")))
    assert error.value.problems[0].rule == "required columns"
    with pytest.raises(ValidationError, match="readable JSON"):
        cpj.parse(fx.fetched(cpj.API_DUMP, "[{not json"))
    with pytest.raises(ValidationError, match="year and count are numbers"):
        cpj.parse(fx.fetched(cpj.GAP_PRISON, fx.GAP_PRISON.replace("68", "n/a")))


# Rows as CPJ's exports write them: one person under an older slug in the 2024-07 scrape and
# a newer one in the 2026 people list; and two alike names four days apart, not merged.
RENAMED_OLD = (
    '4,Freelance,Carlos Domínguez Rodríguez,Nuevo Laredo,Killed,Murder,,"January 13, 2018",'
    "https://cpj.org/data/people/carlos-dominguez-rodriguez/,Mexico,Journalist,Confirmed\n"
    '5,"Shms News Agency,Al Aqsa Radio",Mohamed Abu Skheil,Gaza City,Killed,,,"March 28, 2024",'
    "https://cpj.org/data/people/mohamed-abu-skheil/,"
    "Israel and the Occupied Palestinian Territory,Media Worker,\n"
)
RENAMED_NEW = (
    '"Carlos Domínguez",Killed,"January 13, 2018",Mexico,Freelance,Confirmed,Murder,'
    "https://cpj.org/data/people/carlos-dominguez/\n"
    '"Mohamed El Sayed Abu Skheil",Killed,"March 18, 2024",'
    '"Israel and the Occupied Palestinian Territory","Al-Quds Radio",Confirmed,'
    '"Dangerous Assignment",https://cpj.org/data/people/mohamed-el-sayed-abu-skheil/\n'
)


def test_a_renamed_profile_is_one_case_and_alike_names_are_flagged():
    tables = fx.tables(
        **{cpj.KILLINGS: fx.KILLINGS + RENAMED_OLD, cpj.PEOPLE_LIST: fx.PEOPLE_LIST + RENAMED_NEW}
    )
    cases = tables["cpj_cases"].set_index("person_id")
    assert "carlos-dominguez-rodriguez" not in cases.index
    carlos = cases.loc["carlos-dominguez"]
    assert carlos["motive"] == "confirmed"  # not 'reclassified', and counted once
    assert carlos["profile_check"] == meta.PROFILE_MERGED
    assert carlos["former_person_ids"] == "carlos-dominguez-rodriguez (cpj-datamanager-2024-07)"
    assert carlos["location"] == "Nuevo Laredo"  # only the older export has the city
    assert carlos["sources"].endswith("cpj-datamanager-2024-07")
    for slug, other in [
        ("mohamed-abu-skheil", "mohamed-el-sayed-abu-skheil"),
        ("mohamed-el-sayed-abu-skheil", "mohamed-abu-skheil"),
    ]:
        assert cases.loc[slug, "profile_check"] == meta.PROFILE_TO_REVIEW
        assert cases.loc[slug, "possible_person_ids"] == other
    assert cases.loc["dropped-later", "motive"] == "reclassified"
    assert pd.isna(cases.loc["dropped-later", "profile_check"])
    counts = tables["cpj_killed_counts"].set_index(["iso3", "year", "role", "motive"])
    assert counts.loc[("MEX", 2018, "journalist", "confirmed"), "killed"] == 1
    assert ("MEX", 2018, "journalist", "reclassified") not in counts.index


def test_garbled_text_is_repaired_only_when_certain_and_always_flagged():
    imprisoned = fx.IMPRISONED.replace("0,Meydan TV", "0,Radio T√©l√©vision V√©ritas").replace(
        "3,Tuoi Tre",
        "3,\u00e2\u20ac\u0153Tuoi Tre\u00e2\u20ac\x9d",  # cp1252 has no 0x9D
    )
    census = fx.CENSUS.replace("Someone\xa0Else", "Ã\x81ngel Mario Ksheratto")
    tables = fx.tables(**{cpj.IMPRISONED: imprisoned, cpj.CENSUS: census})
    cases = tables["cpj_cases"].set_index("person_id")
    assert cases.loc["afgan-mukhtarli", "organizations"] == "Radio Télévision Véritas"
    assert cases.loc["afgan-mukhtarli", "text_quality"] == meta.TEXT_REDECODED
    assert (
        cases.loc["do-cong-duong", "organizations"] == "\u00e2\u20ac\u0153Tuoi Tre\u00e2\u20ac\x9d"
    )
    assert cases.loc["do-cong-duong", "text_quality"] == meta.TEXT_GARBLED
    assert pd.isna(cases.loc["yelena-petrova", "text_quality"])
    assert "Ángel Mario Ksheratto" in set(tables["cpj_census_people"]["name"])
