"""Parsing RSF's raw files: one fixture per era's quirks."""

import pandas as pd
import pytest

from etl.errors import ValidationError
from etl.sources.rsf_index import steps as rsf_index
from tests.conftest import fetched
from tests.sources.rsf_index import fixtures as fx


def parse(name: str, content: bytes) -> pd.DataFrame:
    return rsf_index.parse(fetched(name, content))


def rules_beyond_completeness(problems):
    """These fixtures hold three rows per edition, so the check that ranks account for every
    row of an edition (tested on whole editions in test_losses.py) rightly flags them."""
    return [p.rule for p in problems if p.rule != "ranks account for every row of the edition"]


def test_double_encoded_text_is_repaired_and_nel_characters_vanish():
    text = rsf_index.decode(fx.FILE_2008)
    assert "Côte d'Ivoire" in text
    assert "\x85" not in text
    assert "الدنمارك" in text


def test_windows_1252_files_are_decoded():
    assert "Côte d'Ivoire" in rsf_index.decode(fx.FILE_2025)


def test_genuine_utf8_is_left_alone():
    assert "Azerbaïdjan" in rsf_index.decode(fx.FILE_2024)


def test_old_era_lost_separators_and_ties():
    frame = parse("2008.csv", fx.FILE_2008)
    assert list(frame["score"]) == [1.5, 1.5, 1.5, 2.0, 53.63, 60.0]
    assert list(frame["rank"]) == [1, 1, 1, 4, 5, 6]
    assert frame.loc[frame.rsf_code == "CIV", "country_rsf"].item() == "Côte d'Ivoire"
    assert list(frame["source_line"]) == [2, 3, 4, 5, 6, 7]


def test_2011_12_edition_is_2012_with_negative_scores():
    frame = parse("2012.csv", fx.FILE_2012)
    assert set(frame["year"]) == {2012}
    assert list(frame["score"]) == [-10.0, -9.0, -5.67, 87.25, 140.67]


def test_decimal_commas_are_read_as_written():
    frame = parse("2009.csv", fx.FILE_2009)
    assert list(frame["score"]) == [0.0, 53.5, 104.1428571]


def test_2022_era_indicators_situation_and_drifting_name_columns():
    frame = parse("2024.csv", fx.FILE_2024).set_index("rsf_code")
    assert frame.loc["NOR", "score"] == 91.89
    assert frame.loc["NOR", "legal"] == 89.5
    assert frame.loc["CIV", "legal"] == 80.0  # "80": a trailing zero is never a lost decimal
    assert frame.loc["AZE", "country_rsf"] == "Azerbaijan"  # English, though French comes first
    assert frame.loc["AZE", "situation_rsf"] == "Situation très grave"
    assert frame.loc["AZE", "score_evolution"] == -11.94


def test_2025_header_and_three_implied_decimals():
    frame = parse("2025.csv", fx.FILE_2025).set_index("rsf_code")
    assert frame.loc["CIV", "score"] == 65.487
    assert frame.loc["CIV", "economic"] == 41.274
    assert frame.loc["CIV", "country_rsf"] == "Côte d'Ivoire"


def test_missing_column_is_reported_with_file_and_line():
    broken = fx.FILE_2024.replace(b"Rank_Saf", b"Rank_Safety")
    with pytest.raises(ValidationError) as error:
        parse("2024.csv", broken)
    problem = error.value.problems[0]
    assert (problem.source, problem.file, problem.row) == ("rsf_index", "2024.csv", 1)
    assert "rank_safety" in problem.detail


def test_scores_that_contradict_ranks_are_rejected_with_their_line():
    broken = fx.FILE_2024.replace(b"AZE;2799;3", b"AZE;9999;3")
    with pytest.raises(ValidationError) as error:
        parse("2024.csv", broken)
    assert any(p.row == 4 and "consistent with ranks" in p.rule for p in error.value.problems)


def test_non_numeric_rank_is_rejected():
    broken = fx.FILE_2008.replace(b"AZE;5;", b"AZE;five;")
    with pytest.raises(ValidationError) as error:
        parse("2008.csv", broken)
    assert error.value.problems[0].row == 6


def test_harmonise_maps_rsf_codes_and_english_zones():
    table = rsf_index.harmonise_editions(
        [
            parse("2008.csv", fx.FILE_2008),
            parse("2012.csv", fx.FILE_2012),
            parse("2024.csv", fx.FILE_2024),
        ]
    )
    by_code = table.set_index(["rsf_code", "year"])
    assert by_code.loc[("XKO", 2008), "iso3"] == "XKX"
    assert by_code.loc[("USA2", 2012), "iso3"] == "USA"
    assert by_code.loc[("AZE", 2008), "region"] == "Eastern Europe & Central Asia"
    assert by_code.loc[("AZE", 2024), "situation"] == "very serious"
    assert by_code.loc[("AZE", 2024), "methodology"] == "2022+"
    assert pd.isna(by_code.loc[("AZE", 2008), "situation"])


def test_validate_reports_unknown_codes_and_zones():
    raw = fx.FILE_2008.replace(b"LUX;", b"ZZZ;").replace(b";EEAC", b";Atlantis")
    problems = rsf_index.validate_index(rsf_index.harmonise_editions([parse("2008.csv", raw)]))
    rules = {(p.rule, p.row) for p in problems}
    assert ("entity code in crosswalk", 3) in rules
    assert ("zone in vocabulary", 6) in rules


def test_validate_checks_score_changes_against_rsf(monkeypatch):
    table = rsf_index.harmonise_editions(
        [parse("2024.csv", fx.FILE_2024), parse("2025.csv", fx.FILE_2025)]
    )
    assert rules_beyond_completeness(rsf_index.validate_index(table)) == []
    tampered = fx.FILE_2025.replace(b"9189;0,42", b"9189;0,52")
    table = rsf_index.harmonise_editions(
        [parse("2024.csv", fx.FILE_2024), parse("2025.csv", tampered)]
    )
    problems = rsf_index.validate_index(table)
    assert rules_beyond_completeness(problems) == ["score change matches RSF's 'Score evolution'"]
