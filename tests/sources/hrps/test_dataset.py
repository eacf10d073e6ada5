"""Human Rights Protection Scores: real values in the published dataset, and the source's
invariants on the real file (intact, then cut short or with a row deleted)."""

import json

import pytest

from etl import store
from etl.sources.hrps import steps as hrps
from tests.conftest import DATASETS, MIRROR, fetched


def row(**where):
    frame = store.read_dataset("hrps", DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (where, len(frame))
    return frame.iloc[0]


# Read from ../shared/sources/hrps/LHRS-v4.02-2021_names.csv (line numbers in that file):
# COW, theta_mean, theta_sd, theta_q025, theta_q975, the file's country_name.
@pytest.mark.parametrize(
    ("iso3", "cow", "mean", "sd", "q025", "q975", "entity"),
    [
        # line 4677
        ("AZE", 373, -0.878478158040172, 0.281428957533659, -1.42373467223104,
         -0.360180160314435, "Azerbaijan"),
        # line 8276
        ("TUR", 640, -1.8264921980034, 0.257611265455375, -2.34663107195888,
         -1.33365705366634, "Turkey"),
        # line 4393
        ("RUS", 365, -1.25210636512548, 0.267146184473194, -1.78791698667486,
         -0.761187986115542, "Russia"),
        # line 4535
        ("UKR", 369, -0.337173479528459, 0.295230267332567, -0.87958068842683,
         0.291484169557173, "Ukraine"),
    ],
)  # fmt: skip
def test_human_rights_protection_scores_2021(iso3, cow, mean, sd, q025, q975, entity):
    found = row(iso3=iso3, year=2021)
    assert (found["entity"], found["cow"]) == (entity, cow)
    assert (found["theta_mean"], found["theta_sd"]) == (mean, sd)
    assert (found["theta_q025"], found["theta_q975"]) == (q025, q975)


def test_coverage_as_the_file_has_it():
    frame = store.read_dataset("hrps", DATASETS)
    assert len(frame) == 11665  # SOURCES.md: 11,665 rows, 201 COW units, 1946-2021
    assert frame["cow"].nunique() == frame["entity"].nunique() == 201
    assert (frame["year"].min(), frame["year"].max()) == (1946, 2021)
    assert (frame["year"] == 2021).sum() == 194


def test_units_without_an_iso_code_are_kept_and_reported():
    provenance = json.loads((DATASETS / "provenance" / "hrps.json").read_text())
    unmatched = {"Republic of Vietnam", "Zanzibar"}
    assert set(provenance["unmatched_entities"]["hrps"]) == unmatched
    frame = store.read_dataset("hrps", DATASETS)
    kept = frame[frame["iso3"].isna()]
    assert set(kept["entity"]) == unmatched


def test_historic_units_take_the_code_of_the_state_of_each_year():
    frame = store.read_dataset("hrps", DATASETS)
    # Germany and the German Federal Republic are both scored in 1990: two states, two codes
    in_1990 = frame[frame["year"] == 1990].set_index("cow")
    assert (in_1990.at[255, "iso3"], in_1990.at[260, "iso3"]) == ("DEU", "XWG")
    # COW 345 is one unit from 1946 to 2018: Yugoslavia, then Serbia
    yugoslavia = frame[frame["cow"] == 345].groupby("iso3")["year"].agg(["min", "max"])
    assert yugoslavia.to_dict("index") == {
        "XYS": {"min": 1946, "max": 1992},
        "YUG": {"min": 1993, "max": 2003},
        "SCG": {"min": 2004, "max": 2006},
        "SRB": {"min": 2007, "max": 2018},
    }
    # Slovakia is scored in 1992, the year before it existed: kept, flagged
    slovakia = frame[(frame["iso3"] == "SVK") & (frame["year"] == 1992)]
    assert list(slovakia["existence_flag"]) == ["state did not exist this year"]


needs_hrps_file = pytest.mark.skipif(
    MIRROR is None or not (MIRROR / "hrps" / hrps.FILE).is_file(),
    reason="raw-source mirror with hrps/ not found (set PRESSFREEDOM_MIRROR or place "
    "../shared/sources)",
)


def checked(content: bytes):
    table = hrps.harmonise({hrps.FILE: hrps.parse(fetched(hrps.FILE, content))})
    return hrps.validate(table)


@needs_hrps_file
def test_the_real_file_passes_its_invariants():
    assert checked((MIRROR / "hrps" / hrps.FILE).read_bytes()) == []


@needs_hrps_file
def test_a_file_cut_short_is_rejected():
    lines = (MIRROR / "hrps" / hrps.FILE).read_bytes().split(b"\n")
    problems = checked(b"\n".join(lines[:-6]) + b"\n")  # the last 5 data lines (Samoa 2017-21)
    assert [p.rule for p in problems] == ["the file ends with its last year"]
    assert "Samoa 2016" in problems[0].detail


@needs_hrps_file
def test_a_row_deleted_in_the_middle_is_rejected():
    lines = (MIRROR / "hrps" / hrps.FILE).read_bytes().split(b"\n")
    assert lines[4675].startswith(b"2020,NA,373,")  # Azerbaijan 2020, line 4676
    problems = checked(b"\n".join(lines[:4675] + lines[4676:]))
    assert sorted(p.rule for p in problems) == [
        "every year present for each unit between its first and last",
        "ids number the rows 1..N",
    ]
    assert any("Azerbaijan (COW 373) has no row for 2020" in p.detail for p in problems)
