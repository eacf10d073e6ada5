"""Amnesty's findings on the pages: the country profile (what Amnesty reported, beside PTS
and CPJ's charges), the Cases page (people Amnesty names) and Sources compared (years
Amnesty and CPJ's census disagree on jailed journalists); and the shaping behind them."""

import pandas as pd

from dashboard import amnesty
from tests.conftest import html_tables, needs_built
from tests.test_app import page

SEED = "independent oversight is almost completely banned in Azerbaijan"
SEED_URL = "https://www.wsws.org/en/articles/2025/05/22/axes-m22.html"


def markdown_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@needs_built("cpj_cases", "cpj_census")
def test_profile_shows_what_amnesty_reported_with_quotes_and_links():
    at = page("views/country.py", country="AZE", section="All sources")
    assert not at.exception
    assert "What Amnesty reported" in [s.value for s in at.subheader]
    by_year = next(t.value for t in at.table if "PTS from Amnesty's reports (1–5)" in t.value).map(
        lambda cell: cell.replace("\\", "")
    )
    # Amnesty's text and the PTS coded from its reports, year by year
    assert by_year.loc["2024", "Quotes found"] == "5"
    assert by_year.loc["2023", "Quotes found"] == amnesty.NO_TEXT
    assert by_year.loc["2023", "PTS from Amnesty's reports (1–5)"] == "4"
    assert (
        "Independent monitoring or oversight banned" in by_year.loc["2024", "What Amnesty reported"]
    )
    assert "2024: 5 quotes" in [e.label for e in at.expander]
    shown = markdown_text(at)
    # the seed sentence, tagged with its language, with its publication's link
    assert f"[Read the publication]({SEED_URL})" in shown
    quoted = " ".join(h.proto.body for h in at.get("html"))
    assert "independent oversight is almost completely banned in Azerbaijan" in quoted
    assert '<blockquote lang="en" dir="ltr"' in quoted
    assert "A report quoting Amnesty: " in shown and "Amnesty's own text" in shown
    charges = next(t.value for t in at.table if "Charges Amnesty reports" in t.value)
    row = charges.map(lambda cell: cell.replace("\\", "")).loc[2024]
    assert "smuggling (retaliatory)" in row["Charges Amnesty reports"]
    assert row["Categories in both"] == "retaliatory"


def test_profile_without_amnesty_text_says_so():
    at = page("views/country.py", country="NOR", section="All sources")
    assert not at.exception
    assert any("No Amnesty text for Norway" in i.value for i in at.info)


@needs_built("cpj_cases")
def test_cases_page_lists_people_amnesty_names_with_their_cpj_case():
    at = page("views/cases.py", section="Documented cases")
    assert not at.exception
    assert "People Amnesty names" in [s.value for s in at.header]
    labels = [e.label.replace("\\", "") for e in at.expander]
    assert "Dawit Isaak (Eritrea, 2021)" in labels
    assert "Temesegn Gebreyesus (Eritrea, 2021)" in labels
    isaak = at.expander[labels.index("Dawit Isaak (Eritrea, 2021)")]
    text = "\n".join(m.value for m in isaak.markdown)
    assert "Linked to CPJ's case `dawit-isaac:imprisoned:2001-09-23` (exact" in text
    assert "[Read the publication](https://" in text
    unlinked = at.expander[labels.index("Temesegn Gebreyesus (Eritrea, 2021)")]
    assert any("No CPJ case matched" in c.value for c in unlinked.caption)


@needs_built("cpj_census")
def test_sources_compared_lists_years_amnesty_and_cpj_disagree():
    at = page("views/compared.py")
    assert not at.exception
    table = next(t for t in html_tables(at) if "Amnesty" in t.columns).reset_index()
    table = table.map(lambda cell: cell.replace("\\", ""))
    rows = {(r.Country, int(r.Year)): r for r in table.itertuples()}
    # CPJ counts journalists in prison; the curated record holds no Amnesty text that year
    assert rows[("Azerbaijan", 2022)].Amnesty == "no Amnesty text found"
    assert rows[("Azerbaijan", 2022)][4] == "2"
    assert rows[("Belarus", 2022)][4] == "27"
    # years with Amnesty text are not listed as missing it
    assert ("Azerbaijan", 2021) not in rows and ("Belarus", 2021) not in rows
    assert any("has a CPJ census count of zero" in c.value for c in at.caption)


def test_a_year_amnesty_reports_detentions_and_cpj_counts_none_is_listed():
    findings = pd.DataFrame(
        {
            "iso3": ["AZE", "AZE", "ISR"],
            "year": [2021, 2022, 2022],
            "finding": ["journalists_detained", "impunity", "journalists_detained"],
            "quote": ["Journalists were jailed.", "No one was punished.", "Reporters held."],
            "url": ["https://example.org/a", "https://example.org/b", "https://example.org/c"],
        }
    )
    census = pd.DataFrame(
        {"iso3": ["AZE", "AZE", "XIP"], "year": [2021, 2022, 2022], "imprisoned": [0, 3, 2]}
    )
    table = amnesty.detention_disagreements(findings, census, {"AZE": "Azerbaijan"})
    assert table[["Country", "Year", "Amnesty", "CPJ (1 December census)"]].values.tolist() == [
        ["Azerbaijan", 2021, "reports journalists detained", "0"]
    ]
    # Amnesty's Israel/OPT entry is compared with CPJ's combined location, not with 0


def test_quotes_are_escaped_and_links_kept_whole():
    quote = amnesty.Quote(
        quote="<b>Critics</b> [jailed](javascript:x)",
        title="A *title*",
        publisher="Amnesty International",
        published="2024-01",
        url="https://example.org/a (b)",
        source_kind=amnesty.SOURCE_KIND_LABELS["quoting amnesty"],
        findings=("Critics detained",),
    )
    shown = amnesty.quote_markdown(quote)
    assert "](javascript" not in shown and "*title*" not in shown
    quoted = amnesty.quote_html(quote.quote, quote.language)
    assert "<b>" not in quoted and "&lt;b&gt;Critics&lt;/b&gt;" in quoted
    assert amnesty.quote_html("x", '"><script>').count("<script>") == 0
    assert "[Read the publication](https://example.org/a%20%28b%29)" in shown
    assert "A report quoting Amnesty: " in shown
