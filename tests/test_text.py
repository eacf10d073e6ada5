"""md_escape: text from URLs and data files is shown as typed, never as markup or a link."""

import re

from hypothesis import example, given
from hypothesis import strategies as st

from dashboard.text import md_escape

WORD_JOINER = "\u2060"  # the invisible character md_escape may add

# What Streamlit's markdown (remark-gfm, mdast-util-gfm-autolink-literal) turns into links,
# applied like it to the text left once the markdown escapes are undone. JavaScript's \w is
# ASCII. The e-mail pattern is a superset of remark-gfm's (which also checks the character
# before the address), so passing it is stricter than what the browser needs.
GFM_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE | re.ASCII)
GFM_EMAIL = re.compile(r"[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.ASCII)
# CommonMark: a backslash before ASCII punctuation stands for that character.
BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

FRAGMENTS = st.sampled_from(
    ["www", "WwW", ".", "http", "https", "HTTPS", ":", "//", "@", "mailto:", "xmpp:", "a", "-"]
    + ["example", "org", " ", "\\", "*", "_", "[", "](", ")", "<", ">", "`", "\n", WORD_JOINER]
)
TEXTS = st.lists(FRAGMENTS | st.text(max_size=4), max_size=25).map("".join)


def rendered_text(escaped: str) -> str:
    """The text remark works on after parsing: escapes undone."""
    return BACKSLASH_ESCAPE.sub(r"\1", escaped)


@given(TEXTS)
@example("www.example.org/x")
@example("see https://cpj.org/data/people/x/ or mail press@rsf.org")
@example("mailto:a.b+c@example.co.uk")
@example("HTTP://WWW.EXAMPLE.ORG")
def test_no_bare_address_becomes_a_link(text):
    shown = rendered_text(md_escape(text))
    assert not GFM_URL.search(shown), shown
    assert not GFM_EMAIL.search(shown), shown


@given(TEXTS)
@example("**bold** [link](http://x) <b>html</b> `code` # heading")
def test_the_text_reads_exactly_as_it_came(text):
    """Only invisible word joiners are added; every other character is shown as it is."""
    shown = rendered_text(md_escape(text))
    assert shown.replace(WORD_JOINER, "") == text.replace(WORD_JOINER, "")


def test_ordinary_text_is_unchanged_apart_from_escapes():
    assert md_escape("Azerbaijan 2024: rank 167") == "Azerbaijan 2024: rank 167"
    assert md_escape("score 23.95") == "score 23\\.95"
    assert WORD_JOINER not in md_escape("wwwx.example, http:/x, ftp:/ www")


def test_a_rank_is_said_with_the_number_ranked_that_year():
    """Azerbaijan's best rank (101, in 2002) was out of 139; its worst (171, 2026) of 180."""
    import pandas as pd

    from dashboard.text import country_summary
    from etl.sources.rsf_index import methodology as rsf
    from tests.conftest import DATASETS

    index = rsf.with_changes(pd.read_csv(DATASETS / "rsf_index.csv"))
    lines = country_summary(index[index["iso3"] == "AZE"])
    assert "Best rank: 101 of 139 (2002). Worst rank: 171 of 180 (2026)." in lines
