"""RSF's round-up figures: parsing the raw files, every quirk on a fixture."""

from etl.sources.rsf_roundup import steps as rsf_roundup
from tests.conftest import fetched

HEADER = (
    "scope,iso3,year,measure,value,as_of,publisher,source_kind,title,published,url,language,"
    "quote,note"
)


def problems(*rows):
    frame = rsf_roundup.parse(fetched(rsf_roundup.FILE, "\n".join((HEADER, *rows, "")).encode()))
    return rsf_roundup.validate(rsf_roundup.harmonise({rsf_roundup.FILE: frame}))


def test_curated_rsf_figures_must_quote_their_number():
    good = (
        "world,,2024,detained,550,2024-12-01,Reporters Without Borders (RSF),RSF publication,"
        'Round-up,2024-12-12,https://rsf.org/x,en,"What’s more, 550 journalists are currently '
        'imprisoned worldwide.",'
    )
    bad = (
        "country,AZE,2025,detained,25,2025-05,WSWS,report of RSF,Article,2025-05,ftp://x,en,"
        '"RSF has reported that 24 journalists are imprisoned in Azerbaijan.",'
    )
    found = problems(good, bad)
    assert {p.row for p in found} == {3}
    assert {p.rule for p in found} == {
        "source URL given",
        "the quoted sentence contains the figure",
    }


def test_a_figure_is_not_found_inside_a_larger_number():
    # 55 hostages must not pass on a sentence that only says 550 (nor 12 on 2012, 1,200)
    rows = [
        f"world,,2024,held hostage,{value},2024-12-01,Turan,report of RSF,Article,2024-12-12,"
        f'https://turan.az/x,en,"{quote}",'
        for value, quote in (
            (55, "In the current year, 550 journalists were arrested."),
            (12, "Fewer journalists were killed than in 2012, RSF said."),
            (200, "RSF counted 1,200 journalists over the decade."),
            (55, "Also, 55 journalists have been taken hostage."),
        )
    ]
    assert {p.row for p in problems(*rows)} == {2, 3, 4}
    assert rsf_roundup.states("a record 54 journalists killed", 54)
    assert rsf_roundup.states("China (124, including 11 in Hong Kong)", 124)


def test_source_kind_agrees_with_the_publisher():
    rsf_text_marked_as_report = (
        "world,,2024,killed,54,2024-12-01,Reporters Without Borders (RSF),report of RSF,"
        'Round-up,2024-12-12,https://rsf.org/x,en,"A record 54 journalists killed, including '
        '31 in conflict zones",'
    )
    report_marked_as_rsf = (
        "country,RUS,2024,detained,38,2024-12-01,Turan,RSF publication,Article,2024-12-12,"
        'https://turan.az/x,en,"In Russia, 38 journalists are in prison.",'
    )
    found = problems(rsf_text_marked_as_report, report_marked_as_rsf)
    assert {p.row for p in found} == {2, 3}
    assert {p.rule for p in found} == {"RSF publications, and only they, are published by RSF"}
