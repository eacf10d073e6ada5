"""the Amnesty-derived sources: parsing the raw files, every quirk on a fixture."""

import pandas as pd

from etl.sources.amnesty import steps as amnesty
from tests.conftest import fetched


def test_cirights_bom_and_itt_bare_cr_with_sentinels():
    ciri = (
        "\ufeffcountry,iso_a3,year,speech,tort,kill,disap,polpris,physint_sum\r\n"
        "Azerbaijan,AZE,2020,0,0,1,2,0,3\r\nYemen Arab Republic,,1985,1,1,,2,1,"
    )
    frame = amnesty._parse_ciri(fetched(amnesty.CIRI, ciri.encode("utf-8")))
    assert frame.columns[0] == "entity" and frame.iloc[0]["speech"] == 0
    assert pd.isna(frame.iloc[1]["killing"])
    itt = "\r".join(
        [
            "cowccode,iso3numeric,iso3alpha,year,LoT,RstrctAccess",
            "373,31,AZE,2005,Systematic,No",
            "373,31,AZE,2004,-777,No",
            "860,626,TMP,2001,Allegation, No LoT,Yes",
        ]
    ).replace("Allegation, No LoT", '"Allegation, No LoT"')
    frame = amnesty._parse_itt(fetched(amnesty.ITT, itt.encode()))
    assert list(frame["torture_level_rank"].astype(object).fillna(0)) == [6, 0, 0]
    assert pd.isna(frame.iloc[1]["torture_level"])
    assert frame.iloc[2]["torture_level"] == "Allegation, No LoT"


def test_executions_lower_bounds():
    text = (
        "Entity,Year,Number of executions (Amnesty International)\n"
        "China,2008,>1000\nNorth Korea,2014,>1\nIran,2015,977\n"
    )
    frame = amnesty._parse_executions(fetched(amnesty.EXECUTIONS, text.encode()))
    assert list(frame["executions"]) == [1000, 1, 977]
    assert list(frame["at_least"]) == ["yes", "yes", "no"]
