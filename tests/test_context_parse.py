"""Parsers of the context sources, each on a small fixture reproducing its format quirks."""

import io

import openpyxl
import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.amnesty import steps as amnesty
from etl.sources.freedomhouse import steps as freedomhouse
from etl.sources.pts import steps as pts
from etl.sources.rsf_roundup import steps as rsf_roundup
from etl.sources.vdem import steps as vdem
from tests.conftest import fetched


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PTS_HEADER = (
    "Country,Country_OLD,Year,COW_Code_A,COW_Code_N,WordBank_Code_A,UN_Code_N,Region,"
    "PTS_A,PTS_H,PTS_S,NA_Status_A,NA_Status_H,NA_Status_S"
)


def test_pts_windows_1252_crlf_and_na_status_codes():
    text = (
        "\r\n".join(
            [
                PTS_HEADER,
                "Türkiye,Turkey,2023,TUR,640,TUR,792,eca,4,4,4,0,0,0",
                "Azerbaijan,Azerbaijan,2013,AZE,373,AZE,31,eca,NA,NA,3,88,88,0",
                '"Yugoslavia, Socialist Federal Republic of",Yugoslavia,1991,YUG,345,YUG,890,'
                "eca,3,NA,3,0,88,0",
                "Gaza (Hamas),Gaza,2023,NA,NA,NA,NA,mena,NA,5,NA,66,0,66",
            ]
        )
        + "\r\n"
    )
    frame = pts.parse(fetched(pts.FILE, text.encode("cp1252")))
    table = pts.harmonise({pts.FILE: frame})["pts"].set_index("entity")
    assert table.loc["Türkiye", "iso3"] == "TUR" and table.loc["Türkiye", "pts_a"] == 4
    assert table.loc["Azerbaijan", "missing_a"] == "no report published"
    assert pd.isna(table.loc["Azerbaijan", "pts_a"])
    assert table.loc["Yugoslavia, Socialist Federal Republic of", "iso3"] == "XYS"
    assert pd.isna(table.loc["Gaza (Hamas)", "iso3"])  # kept, reported, not dropped
    assert table.loc["Gaza (Hamas)", "missing_a"] == "non-UN entity without report"


def test_pts_rejects_non_numeric_scores_with_their_line():
    text = PTS_HEADER + "\r\nAzerbaijan,Azerbaijan,2013,AZE,373,AZE,31,eca,high,NA,3,0,88,0\r\n"
    with pytest.raises(ValidationError) as error:
        pts.parse(fetched(pts.FILE, text.encode("cp1252")))
    assert (error.value.problems[0].row, error.value.problems[0].rule) == (2, "PTS_A is a number")


def test_fotp_bare_cr_line_ends_and_known_anomalies():
    text = "\r".join(
        [
            "country,year.collected,year.reported,a,b,c,score,status",
            "Azerbaijan,2014,2015,27,35,25,87,NF",
            "Kosovo,2008,2009,0,0,0,0,0",
            "USSR,2001,2002,NA,NA,NA,NA,NA",
            '"Congo, Republic of (Brazzaville)",2011,2012,20,30,11,51,PF',
        ]
    )  # no final newline, as in the file
    frame = freedomhouse._parse_fotp(fetched(freedomhouse.FOTP, text.encode()))
    assert list(frame["source_line"]) == [2, 3, 4, 5]
    aze = frame[frame.entity == "Azerbaijan"].iloc[0]
    assert (aze["year"], aze["edition"], aze["score"], aze["status"]) == (
        2014,
        2015,
        87,
        "not free",
    )
    kosovo = frame[frame.entity == "Kosovo"].iloc[0]
    assert pd.isna(kosovo["score"]) and pd.isna(kosovo["status"])
    congo = frame[frame.entity.str.startswith("Congo")].iloc[0]
    assert pd.isna(congo["legal"]) and congo["score"] == 51


def test_fiw_header_on_the_second_row_and_edition_to_year():
    content = workbook(
        {
            "FIW13-25": [
                ["Freedom in the World 2013-2025 Raw Data"],
                [
                    "Country/Territory",
                    "Region",
                    "C/T",
                    "Edition",
                    "Status",
                    "PR",
                    "CL",
                    "D1",
                    "D",
                    "Total",
                ],
                ["Azerbaijan", "Eurasia", "c", 2025, "NF", -1, 8, 0, 2, 7],
                ["Crimea", "Eurasia", "t", 2024, "NF", -2, 7, 0, 1, 5],
            ]
        }
    )
    frame = freedomhouse._parse_fiw(fetched(freedomhouse.FIW, content))
    tables = freedomhouse.harmonise(
        {
            freedomhouse.FIW: frame,
            freedomhouse.FOTP: freedomhouse._parse_fotp(
                fetched(
                    freedomhouse.FOTP, b"country,year.collected,year.reported,a,b,c,score,status"
                )
            ),
            freedomhouse.FOTN: frame.iloc[:0].assign(obstacles_to_access=[]),
            freedomhouse.RATINGS: frame.iloc[:0],
        }
    )
    fiw = tables["fh_fiw"].set_index("entity")
    assert fiw.loc["Azerbaijan", "year"] == 2024  # the 2025 edition reports on 2024
    assert fiw.loc["Azerbaijan", "political_rights"] == -1  # negative PR is kept
    assert fiw.loc["Azerbaijan", "source_line"] == 3
    assert pd.isna(fiw.loc["Crimea", "iso3"]) and fiw.loc["Crimea", "kind"] == "territory"


def test_status_workbook_reshaped_from_wide_to_long():
    header = [
        ["Survey Edition", "Jan.-Feb. 1973", None, None, "1983-84", None, None],
        ["Year(s) Under Review", "1972", None, None, "Aug.1982-Nov.1983", None, None],
        [None, "PR", "CL", "Status", "PR", "CL ", "Status"],
    ]
    content = workbook(
        {
            "Country Ratings, Statuses ": [
                *header,
                ["South Africa", "2(5)", "3(6)", "F (NF)", "5", "6", "PF"],
                ["Azerbaijan", "-", "-", "-", "-", "-", "-"],
            ],
            "Territory Ratings, Statuses": [*header, ["Kosovo", "-", "-", "-", "6", "6", "NF"]],
        }
    )
    long = freedomhouse._parse_ratings(fetched(freedomhouse.RATINGS, content))
    assert len(long) == 6
    zaf = long[long.entity == "South Africa"].set_index("year")
    assert (zaf.loc[1972, "pr_rating"], zaf.loc[1972, "status"]) == (2, "free")
    assert zaf.loc[1983, "period"] == "Aug.1982-Nov.1983" and zaf.loc[1983, "status_level"] == 2
    assert long[long.entity == "Kosovo"]["kind"].unique().tolist() == ["territory"]
    assert long[long.entity == "Azerbaijan"]["status"].isna().all()


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


def test_vdem_measures_named_from_the_catalog():
    header = (
        "country_name,country_text_id,year,v2x_freexp_altinf,v2mecenefm,v2meharjrn,"
        "v2meslfcen,v2mecenefi,v2mecrit,v2x_clphy,v2csreprss"
    )
    text = header + "\nAzerbaijan,AZE,2023,0.175,-1.945,-0.677,-0.566,,-1.2,0.5,-2.1\n"
    frame = vdem.parse(fetched(vdem.FILE, text.encode()))
    row = frame.iloc[0]
    assert row["journalist_harassment"] == -0.677 and pd.isna(row["internet_censorship"])


def test_curated_rsf_figures_must_quote_their_number():
    header = "scope,iso3,year,measure,value,as_of,publisher,title,published,url,language,quote,note"
    good = (
        "world,,2024,detained,550,2024-12-01,RSF,Round-up,2024-12-12,https://rsf.org/x,en,"
        '"What’s more, 550 journalists are currently imprisoned worldwide.",'
    )
    bad = (
        "country,AZE,2025,detained,25,2025-05,WSWS,Article,2025-05,ftp://x,en,"
        '"RSF has reported that 24 journalists are imprisoned in Azerbaijan.",'
    )
    frame = rsf_roundup.parse(fetched(rsf_roundup.FILE, f"{header}\n{good}\n{bad}\n".encode()))
    problems = rsf_roundup.validate(rsf_roundup.harmonise({rsf_roundup.FILE: frame}))
    assert {p.row for p in problems} == {3}
    assert {p.rule for p in problems} == {
        "source URL given",
        "the quoted sentence contains the figure",
    }
