"""RSF's round-up figures: parsing the raw files, every quirk on a fixture."""

from etl.sources.rsf_roundup import steps as rsf_roundup
from tests.conftest import fetched


def test_curated_rsf_figures_must_quote_their_number():
    header = "scope,iso3,year,measure,value,as_of,publisher,title,published,url,language,quote,note"
    good = (
        "world,,2024,detained,550,2024-12-01,RSF,Round-up,2024-12-12,https://rsf.org/x,en,"
        '"What’s more, 550 journalists are currently imprisoned worldwide.",'
    )
    bad = (
        "country,AZE,2025,detained,25,2025-05,WSWS,Article,2025-05,ftp://x,en,"
        '"RSF has reported that 24 journalists are imprisoned in Azerbaijan.",'
    )
    frame = rsf_roundup.parse(fetched(rsf_roundup.FILE, f"{header}\n{good}\n{bad}\n".encode()))
    problems = rsf_roundup.validate(rsf_roundup.harmonise({rsf_roundup.FILE: frame}))
    assert {p.row for p in problems} == {3}
    assert {p.rule for p in problems} == {
        "source URL given",
        "the quoted sentence contains the figure",
    }
