"""The server's warm-up (dashboard/warmup.py): what its first reader would otherwise wait
for is in the caches before the server answers, and a bad dataset never stops it."""

import logging

import pytest

from dashboard import cached, chart_specs, gallery, i18n, warmup
from etl import store


@pytest.fixture
def cold_caches():
    cached._shared.cache_clear()
    cached._chart.cache_clear()
    yield
    cached._shared.cache_clear()
    cached._chart.cache_clear()


def _default_specs():
    def load(name):
        return cached._load_at(name, None)

    return [chart_specs.parse(kind, {}, load)[0] for kind in chart_specs.KINDS]


def test_every_default_chart_is_drawn_before_the_first_reader(cold_caches, monkeypatch):
    spent = warmup.warm()
    assert set(spent) == {"modules", "catalogues", "datasets", "charts"}

    def drawn_again(*args, **kwargs):
        raise AssertionError("a default chart was drawn again")

    monkeypatch.setattr(gallery, "draw", drawn_again)
    for spec in _default_specs():
        chart = cached.chart_at(spec, i18n.SOURCE_LANGUAGE, None)
        assert chart.figure.data  # from the cache, drawn with data


def test_a_dataset_that_cannot_be_read_is_logged_not_fatal(cold_caches, monkeypatch, caplog):
    real = store.read_dataset

    def broken(name, *args, **kwargs):
        if name == "rsf_index":
            raise ValueError("rsf_index.csv: malformed")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(store, "read_dataset", broken)
    with caplog.at_level(logging.WARNING):
        spent = warmup.warm()  # does not raise: the pages report the file themselves
    assert set(spent) == {"modules", "catalogues", "datasets", "charts"}
    assert "Warm-up: datasets rsf_index skipped" in caplog.text
    assert "Warm-up: datasets cpj_census skipped" not in caplog.text  # the others are read
