"""RSF's round-up figures: real values in the published dataset."""

from etl import store
from etl.sources.rsf_roundup import meta
from tests.conftest import DATASETS


def value(dataset, column, **where):
    frame = store.read_dataset(dataset, DATASETS)
    for key, wanted in where.items():
        frame = frame[frame[key] == wanted]
    assert len(frame) == 1, (dataset, where, len(frame))
    return frame[column].iloc[0]


def test_rsf_roundup_keeps_revisions_side_by_side():
    roundup = store.read_dataset("rsf_roundup", DATASETS)
    killed_2022 = roundup[(roundup.year == 2022) & (roundup.measure == "killed")]
    assert sorted(killed_2022["value"]) == [57, 61]
    assert value("rsf_roundup", "value", scope="world", year=2024, measure="detained") == 550
    assert value("rsf_roundup", "value", iso3="AZE", year=2025, measure="detained") == 24


def test_rsf_roundup_says_whose_words_each_figure_rests_on():
    roundup = store.read_dataset("rsf_roundup", DATASETS)
    assert roundup["source_kind"].value_counts().to_dict() == {
        "report of RSF": 21,
        "RSF publication": 8,
    }
    assert meta.RSF_ROUNDUP.integrity[0].column == "source_kind"
    own = roundup[roundup.source_kind == "RSF publication"]
    # RSF's own text, read on rsf.org or, where the note says so, in a copy of it
    on_rsf = own["url"].str.startswith("https://rsf.org/")
    assert own[on_rsf]["year"].tolist() == [2024, 2024]
    assert own[~on_rsf]["note"].str.contains("copy read is").all()
    assert (own["publisher"] == "Reporters Without Borders (RSF)").all()
    # the 2024 round-up page on rsf.org states the world totals detained and killed
    assert value("rsf_roundup", "url", scope="world", year=2024, measure="killed") == (
        "https://rsf.org/en/rsf-s-2024-round-journalism-pays-exorbitant-human-price-"
        "conflicts-and-repressive-regimes"
    )
    # RSF's 2023 round-up report (a copy of its PDF) now stands for two 2023 world figures
    assert value("rsf_roundup", "quote", year=2023, measure="detained") == (
        "521 JOURNALISTS DETAINED"
    )
    assert value("rsf_roundup", "source_kind", year=2023, measure="held hostage") == (
        "RSF publication"
    )
    # country figures rest on outlets' reports: no RSF text stating them could be read
    countries = roundup[roundup.scope == "country"]
    assert set(countries["source_kind"]) == {"report of RSF"}
    assert not own["url"].str.contains("turan.az|pravda.com.ua|usanews").any()
