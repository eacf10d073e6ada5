"""Freedom House: parsing the raw files, every quirk on a fixture."""

import io

import openpyxl
import pandas as pd

from etl.sources.freedomhouse import steps as freedomhouse
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


def test_fotp_bare_cr_line_ends_and_known_anomalies():
    text = "\r".join(
        [
            "country,year.collected,year.reported,a,b,c,score,status",
            "Azerbaijan,2014,2015,27,35,25,87,NF",
            "Kosovo,2008,2009,0,0,0,0,0",
            "Kosovo,2009,2010,15,20,18,53,PF",
            "USSR,2001,2002,NA,NA,NA,NA,NA",
            '"Congo, Republic of (Brazzaville)",2011,2012,20,30,11,51,PF',
        ]
    )  # no final newline, as in the file
    frame = freedomhouse._parse_fotp(fetched(freedomhouse.FOTP, text.encode()))
    assert list(frame["source_line"]) == [2, 3, 4, 5, 6]
    aze = frame[frame.entity == "Azerbaijan"].iloc[0]
    assert (aze["year"], aze["edition"], aze["score"], aze["status"]) == (
        2014,
        2015,
        87,
        "not free",
    )
    kosovo = frame[frame.entity == "Kosovo"].set_index("year")
    assert pd.isna(kosovo.at[2008, "score"]) and pd.isna(kosovo.at[2008, "status"])
    assert (kosovo.at[2009, "score"], kosovo.at[2009, "status"]) == (53, "partly free")
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
