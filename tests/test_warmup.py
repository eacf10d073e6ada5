"""The server's warm-up (dashboard/warmup.py): what its first reader would otherwise wait
for is in the caches before the server answers, and a bad dataset never stops it."""

import inspect
import logging
import os

import pytest
from streamlit import env_util

from dashboard import cached, chart_specs, gallery, i18n, peers, warmup
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
    assert set(spent) == {"modules", "catalogues", "datasets", "charts", "first run"}

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
    assert set(spent) == {"modules", "catalogues", "datasets", "charts", "first run"}
    assert "Warm-up: datasets rsf_index skipped" in caplog.text
    assert "Warm-up: datasets cpj_census skipped" not in caplog.text  # the others are read


def test_the_first_script_runs_one_off_work_is_done_before_the_first_reader(cold_caches):
    peers.borders.cache_clear()
    warmup.warm()
    assert peers.borders.cache_info().currsize == 1
    # Streamlit's REPL check on a process's first element looks up the module of each frame;
    # inspect has indexed every loaded module's file (Streamlit's own among them)
    assert inspect.modulesbyfile.get(os.path.realpath(env_util.__file__)) == env_util.__name__
