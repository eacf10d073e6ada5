"""Political Terror Scale: parsing the raw files, every quirk on a fixture."""

import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.pts import steps as pts
from tests.conftest import fetched

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
