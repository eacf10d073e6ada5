"""URL parameters: every input gives a valid view and, when needed, a note; none raises."""

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from dashboard import rsf_editions, url_params

# RSF's editions, as the pages get them from the index: no 2011 edition (2011-12 is 2012)
YEARS = rsf_editions.editions(pd.DataFrame({"year": [*range(2002, 2011), *range(2012, 2027)]}))
CENSUS_YEARS = url_params.Years(tuple(range(1992, 2020)), "census year")
NAMES = {"AZE": "Azerbaijan", "TUR": "Türkiye", "XKX": "Kosovo", "USA": "United States"}


def test_valid_year_and_2011_12_alias():
    assert url_params.parse_year("2008", YEARS, 2026) == (2008, None)
    assert url_params.parse_year("²", YEARS, 2026)[0] == 2026  # a digit to isdigit(), not to int()
    assert url_params.parse_year("2011-12", YEARS, 2026) == (2012, None)
    assert url_params.parse_year(None, YEARS, 2026) == (2026, None)


def test_bad_year_falls_back_with_note():
    year, note = url_params.parse_year("1999", YEARS, 2026)
    assert year == 2026 and "no edition '1999'" in note
    year, note = url_params.parse_year("<script>alert(1)</script>", YEARS, 2026)
    assert year == 2026 and note


def test_year_notes_say_what_the_years_are_and_which_are_missing():
    _, note = url_params.parse_year("1999", YEARS, 2026)
    assert note.endswith("Editions: 2002–2026 (no 2011 edition).")
    year, note = url_params.parse_year("1990", CENSUS_YEARS, None)
    assert year is None
    assert note == "There is no census year '1990'. Census years: 1992–2019."
    assert url_params.parse_year("2011", CENSUS_YEARS, None) == (2011, None)
    gappy = url_params.Years((2001, 2002, 2005, 2007), "edition")
    assert gappy.gaps == (2003, 2004, 2006)
    assert gappy.describe() == "Editions: 2001–2007 (no 2003, 2004 or 2006 edition)."
    assert "4 years in all" in url_params.Years((1990, 1995, 2000, 2010)).describe()


def test_an_edition_spanning_two_years_is_found_by_either():
    """Derived from the editions there are, not from a year written in the code."""
    editions = rsf_editions.editions(pd.DataFrame({"year": [2013, 2014, 2016]}))
    assert url_params.parse_year("2015-16", editions, 2013) == (2016, None)
    assert url_params.parse_year("2015", editions, 2013) == (2016, None)
    assert url_params.parse_year("2011-12", editions, 2013)[0] == 2013


def test_country_by_code_or_name_case_insensitive():
    assert url_params.parse_country("aze", NAMES, "TUR") == ("AZE", None)
    assert url_params.parse_country("kosovo", NAMES, "TUR") == ("XKX", None)
    code, note = url_params.parse_country("ZZZ", NAMES, "TUR")
    assert code == "TUR" and "Unknown country 'ZZZ'" in note


def test_country_list_dedupes_drops_unknown_and_caps():
    chosen, note = url_params.parse_countries("AZE,aze,ZZZ,,TUR", NAMES, ["USA"])
    assert chosen == ["AZE", "TUR"] and "1 unknown" in note
    chosen, note = url_params.parse_countries(",".join(["AZE"] * 10_000), NAMES, ["USA"])
    assert chosen == ["AZE"] and note is None
    many = {f"A{chr(65 + i // 26)}{chr(65 + i % 26)}": f"Name {i}" for i in range(40)}
    chosen, note = url_params.parse_countries(",".join(many), many, [])
    assert len(chosen) == url_params.MAX_COUNTRIES and "first 12" in note


def test_control_characters_and_length_are_cleaned():
    assert url_params.clean("AZE\u202e\x00\n") == "AZE"
    assert len(url_params.clean("x" * 100_000)) == url_params.MAX_PARAM_LENGTH
    assert url_params.parse_text("' OR 1=1; --" * 50) == ("' OR 1=1; --" * 50)[:100]


@given(st.one_of(st.none(), st.text(), st.binary().map(repr)))
def test_parsers_never_raise_and_always_return_valid_values(raw):
    year, _ = url_params.parse_year(raw, YEARS, 2026)
    assert year in YEARS
    code, _ = url_params.parse_country(raw, NAMES, "AZE")
    assert code in NAMES
    codes, _ = url_params.parse_countries(raw, NAMES, ["AZE"])
    assert codes and set(codes) <= set(NAMES) and len(codes) <= url_params.MAX_COUNTRIES
    choice, _ = url_params.parse_choice(raw, ["rank", "score"], "rank")
    assert choice in ("rank", "score")
    note_text = url_params.parse_year(raw, YEARS, 2026)[1] or ""
    assert not any(ord(ch) < 32 for ch in note_text)
