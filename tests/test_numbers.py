"""Recovering lost decimal separators from rank order."""

import pytest

from etl.numbers import AmbiguousNumbers, readings, recover_by_rank


def test_readings_fewest_implied_decimals_first():
    assert readings("9265", 0, 100) == [92.65]
    assert readings("9265", 0, 100, max_decimals=3) == [92.65, 9.265]
    assert readings("541", 0, 100) == [54.1, 5.41]
    assert readings("41", 0, 100) == [41.0, 4.1, 0.41]


def test_trailing_zero_was_never_written_after_a_lost_separator():
    # 54.10 was printed as 54,1, so "540" can only be 540 (out of range) or nothing else.
    assert readings("540", 0, 100) == []
    assert readings("90", 0, 100) == [90.0]


def test_explicit_decimal_comma_has_one_reading():
    assert readings("34,5", -10, 150) == [34.5]
    assert readings("102,6666667", -10, 150) == [102.6666667]


def test_negative_old_scale_values():
    assert readings("-567", -10, 150) == [-5.67]
    assert readings("-10", -10, 150) == [-10.0]


def test_recovery_follows_rank_order_higher_is_better():
    texts = ["9265", "9027", "8884", "541", "41", "1392"]
    ranks = [1, 2, 3, 4, 5, 6]
    assert recover_by_rank(texts, ranks, higher_is_better=True, lower=0, upper=100) == [
        92.65,
        90.27,
        88.84,
        54.1,
        41.0,
        13.92,
    ]


def test_small_value_at_the_bottom_takes_the_reading_that_keeps_order():
    texts = ["4513", "2296", "71"]  # 71 below 22.96 must be 7.1
    assert recover_by_rank(texts, [1, 2, 3], higher_is_better=True, lower=0, upper=100) == [
        45.13,
        22.96,
        7.1,
    ]


def test_lower_is_better_with_ties_share_a_value():
    texts = ["15", "15", "15", "2", "2", "5363"]
    ranks = [1, 1, 1, 4, 4, 6]
    assert recover_by_rank(texts, ranks, higher_is_better=False, lower=-10, upper=150) == [
        1.5,
        1.5,
        1.5,
        2.0,
        2.0,
        53.63,
    ]


def test_order_does_not_depend_on_row_order():
    texts = ["41", "9265", "541"]
    ranks = [3, 1, 2]
    assert recover_by_rank(texts, ranks, higher_is_better=True, lower=0, upper=100) == [
        41.0,
        92.65,
        54.1,
    ]


def test_inconsistent_values_name_the_first_misfit():
    with pytest.raises(AmbiguousNumbers) as error:
        recover_by_rank(["50", "90"], [1, 2], higher_is_better=True, lower=0, upper=100)
    assert error.value.position == 1
    assert "rank 2" in str(error.value)
