"""Documented cases: every quote is verbatim from its source."""

import pytest

from etl import store
from tests.conftest import DATASETS


def read(name):
    return store.read_dataset(name, DATASETS)


def test_documented_cases_quote_their_source_verbatim():
    from tests.conftest import MIRROR

    documented = read("documented_cases")
    assert set(documented["case_key"]) == {
        "ahmad-mammadli",
        "afiaddin-mammadov",
        "ulviyya-ali",
        "meydan-tv-colleagues-2025",
        "bogdan-syrotyuk",
    }
    article = MIRROR.parent / "seed" / "article.txt" if MIRROR else None
    if article is None or not article.exists():
        pytest.skip("seed article not found beside the mirror")
    text = " ".join(article.read_text(encoding="utf-8").split())
    for quote in documented["quote"]:
        assert " ".join(quote.split()) in text, quote[:60]
