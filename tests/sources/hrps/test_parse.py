"""Human Rights Protection Scores: parsing the raw file, on lines cut from it.

The lines below are copied byte for byte from the mirror's
`hrps/LHRS-v4.02-2021_names.csv` (git blob b339d7a7f5267f29c745e04ee4db8aa886861407 of
CJFariss/Human-Rights-Latent-Variable; see ../shared/sources/hrps/SOURCES.md): the header
(line 1), Russia 2021 (4393), Yugoslavia 2018 (3921), Azerbaijan 2021 (4677), Côte d'Ivoire
2021 (5682, a curly apostrophe), Zanzibar 1963 (6687), Turkey 2021 (8276) and the file's
last line, Samoa 2021 (11666). When the mirror is present, a test checks they still are.
"""

import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.hrps import steps as hrps
from tests.conftest import MIRROR, fetched

LINES = {
    1: '"YEAR","CIRI","COW","DISAP","KILL","POLPRIS","TORT","Amnesty","State","HRW",'
    '"hathaway","ITT","genocide","rummel","massive_repression","executions",'
    '"negative_sanctions","mass_killing","killing_low","killing_best","killing_high",'
    '"killing_present","COW_YEAR","id","theta_mean","theta_sd","theta_q025","theta_q975",'
    '"country_name"',
    3921: '2018,NA,345,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,NA,NA,NA,0,NA,NA,0,"345-2018",2685,'
    '1.49411229523855,0.853054605328986,-0.15857039435789,3.19974535580281,"Yugoslavia"',
    4393: '2021,NA,365,NA,NA,NA,NA,4,4,4,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,0,"365-2021",3157,'
    '-1.25210636512548,0.267146184473194,-1.78791698667486,-0.761187986115542,"Russia"',
    4677: '2021,NA,373,NA,NA,NA,NA,4,3,4,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,0,"373-2021",3441,'
    '-0.878478158040172,0.281428957533659,-1.42373467223104,-0.360180160314435,"Azerbaijan"',
    5682: '2021,NA,437,NA,NA,NA,NA,2,2,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,0,"437-2021",4674,'
    '0.546826902704896,0.383168464590514,-0.163310053654212,1.3495836993936,"Côte d’Ivoire"',
    6687: '1963,NA,511,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,0,0,NA,NA,0,NA,NA,NA,NA,"511-1963",5739,'
    '-0.736354038784606,0.435796186726599,-1.42034503001849,0.274745907939201,"Zanzibar"',
    8276: '2021,NA,640,NA,NA,NA,NA,4,5,4,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,0,"640-2021",7702,'
    '-1.8264921980034,0.257611265455375,-2.34663107195888,-1.33365705366634,"Turkey"',
    11666: '2021,NA,990,NA,NA,NA,NA,NA,1,NA,NA,NA,NA,NA,NA,NA,NA,NA,0,NA,NA,0,"990-2021",'
    '11665,3.26124932198619,0.674315501857314,2.12200360243579,4.76540057568702,"Samoa"',
}


def cut(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def parsed(content: bytes) -> pd.DataFrame:
    frame = hrps.parse(fetched(hrps.FILE, content))
    return hrps.harmonise({hrps.FILE: frame})[hrps.NAME]


@pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "hrps" / hrps.FILE).is_file(),
    reason="raw-source mirror with hrps/ not found (set PRESSFREEDOM_MIRROR or place "
    "../shared/sources)",
)
def test_the_lines_are_cut_from_the_real_file():
    real = (MIRROR / "hrps" / hrps.FILE).read_text(encoding="utf-8").split("\n")
    for number, line in LINES.items():
        assert real[number - 1] == line, number


def test_parse_keeps_scores_cow_codes_and_lines_and_matches_cow_generated_names():
    table = parsed(cut(*LINES.values())).set_index("entity")
    azerbaijan = table.loc["Azerbaijan"]
    assert (azerbaijan["iso3"], azerbaijan["cow"], azerbaijan["year"]) == ("AZE", 373, 2021)
    assert azerbaijan["theta_mean"] == -0.878478158040172
    assert azerbaijan["theta_sd"] == 0.281428957533659
    assert (azerbaijan["theta_q025"], azerbaijan["theta_q975"]) == (
        -1.42373467223104,
        -0.360180160314435,
    )
    assert azerbaijan["source_line"] == 4  # the fourth line of the cut
    # COW-generated names the crosswalk knows only through the hrps aliases
    assert table.loc["Turkey", "iso3"] == "TUR"
    assert table.loc["Côte d’Ivoire", "iso3"] == "CIV"
    assert table.loc["Russia", "iso3"] == "RUS"
    # COW 345 "Yugoslavia" in 2018 is Serbia: a row takes the code of the state of its year
    assert (table.loc["Yugoslavia", "iso3"], table.loc["Yugoslavia", "cow"]) == ("SRB", 345)
    # units without an ISO code are kept, with a blank iso3
    assert pd.isna(table.loc["Zanzibar", "iso3"])


def test_parse_rejects_a_non_numeric_score_with_its_line():
    broken = LINES[4677].replace("-0.878478158040172", "n/a")
    with pytest.raises(ValidationError) as error:
        hrps.parse(fetched(hrps.FILE, cut(LINES[1], LINES[4393], broken)))
    problem = error.value.problems[0]
    assert (problem.row, problem.rule) == (3, "theta_mean is a number")


def test_parse_needs_the_score_columns():
    header = LINES[1].replace('"theta_q975"', '"theta_upper"')
    with pytest.raises(ValidationError) as error:
        hrps.parse(fetched(hrps.FILE, cut(header, LINES[4677])))
    assert "theta_q975" in error.value.problems[0].detail


def test_a_score_outside_its_own_interval_is_rejected():
    swapped = LINES[8276].replace(
        "-1.8264921980034,0.257611265455375,-2.34663107195888",
        "-2.34663107195888,0.257611265455375,-1.8264921980034",
    )
    problems = hrps.interval_holds_the_mean(parsed(cut(LINES[1], LINES[4677], swapped)))
    assert [(p.row, p.rule) for p in problems] == [
        (3, "theta_q025 <= theta_mean <= theta_q975, theta_sd > 0")
    ]


def test_two_names_for_one_cow_code_are_rejected():
    renamed = LINES[4677].replace('"Azerbaijan"', '"Azerbaijan SSR"').replace("2021,", "2020,", 1)
    problems = hrps.one_name_per_code(parsed(cut(LINES[1], LINES[4677], renamed)))
    assert [p.rule for p in problems] == ["one entity per cow"]
    assert "Azerbaijan, Azerbaijan SSR" in problems[0].detail
