"""URL parameters: every input gives a valid view and, when needed, a note; none raises."""

from hypothesis import given
from hypothesis import strategies as st

from dashboard import url_params

YEARS = [*range(2002, 2011), *range(2012, 2027)]
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
