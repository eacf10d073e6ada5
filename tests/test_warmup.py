"""The server's warm-up (dashboard/warmup.py): what its first reader would otherwise wait
for is in the caches before the server answers, and a bad dataset never stops it."""

import gc
import logging

import pytest
from streamlit import delta_generator

from dashboard import cached, change, chart_specs, data_api, gallery, i18n, peers, warmup
from etl import store
from tests.conftest import ROOT, needs_built


@pytest.fixture
def cold_caches():
    cached._shared.cache_clear()
    cached._chart.cache_clear()
    yield
    cached._shared.cache_clear()
    cached._chart.cache_clear()
    gc.unfreeze()  # the warm-up froze the heap of this test process: the next tests collect it


def _default_specs():
    def load(name):
        return cached._load_at(name, None)

    return [chart_specs.parse(kind, {}, load)[0] for kind in chart_specs.KINDS]


def test_every_default_chart_is_drawn_before_the_first_reader(cold_caches, monkeypatch):
    spent = warmup.warm()
    assert set(spent) == {"modules", "catalogues", "datasets", "charts", "first run", "heap"}

    def drawn_again(*args, **kwargs):
        raise AssertionError("a default chart was drawn again")

    monkeypatch.setattr(gallery, "draw", drawn_again)
    for spec in _default_specs():
        chart = cached.chart_at(spec, i18n.SOURCE_LANGUAGE, None)
        assert chart.figure.data  # from the cache, drawn with data


def test_what_the_warm_up_loaded_is_out_of_the_collectors_sight(cold_caches):
    """A full collection during a reader's run walks only what came after the warm-up."""
    warmup.warm()
    assert gc.get_freeze_count() > 10 * len(gc.get_objects())


def test_a_dataset_that_cannot_be_read_is_logged_not_fatal(cold_caches, monkeypatch, caplog):
    real = store.read_dataset

    def broken(name, *args, **kwargs):
        if name == "rsf_index":
            raise ValueError("rsf_index.csv: malformed")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(store, "read_dataset", broken)
    with caplog.at_level(logging.WARNING):
        spent = warmup.warm()  # does not raise: the pages report the file themselves
    assert set(spent) == {"modules", "catalogues", "datasets", "charts", "first run", "heap"}
    assert "Warm-up: datasets rsf_index skipped" in caplog.text
    assert "Warm-up: datasets cpj_census skipped" not in caplog.text  # the others are read


def test_the_first_script_runs_one_off_work_is_done_before_the_first_reader(
    cold_caches, monkeypatch
):
    peers.borders.cache_clear()
    data_api._published.cache_clear()
    data_api._codes_of.cache_clear()
    cached.moves_between.cache_clear()
    # Streamlit's once-only REPL check, made on a process's first element, not yet made
    monkeypatch.setattr(delta_generator, "_use_warning_has_been_displayed", False)
    warmup.warm()
    assert peers.borders.cache_info().currsize == 1
    assert delta_generator._use_warning_has_been_displayed
    # the data API's copies that the default charts' API addresses are matched against: RSF's
    # index and the countries reference
    assert data_api._published.cache_info().currsize == 2

    def computed_again(*args, **kwargs):
        raise AssertionError("the overview's default moves were computed again")

    # the overview's default span (2025 to 2026: the latest edition and the one before it)
    monkeypatch.setattr(change, "between", computed_again)
    for lang in i18n.languages():
        fell, rose, every_move = cached.moves_between(2025, 2026, lang, False)
        assert len(fell) == len(rose) == 5 and len(every_move) > 150


@needs_built("cpj_cases", "cpj_census", "amnesty_findings")
def test_every_pages_default_view_is_derived_before_the_first_reader(cold_caches, monkeypatch):
    """The first reader of each page after a start finds its default view's derivations in
    the caches: nothing is laid out, compared or translated again (Sources compared's first
    run took 0.2 s before, against 0.02 s afterwards)."""
    from streamlit.testing.v1 import AppTest

    from dashboard import amnesty, case_filter
    from dashboard.charts import counts, maps, style
    from dashboard.navigation import PAGES

    warmup.warm()

    def derived_again(*args, **kwargs):
        raise AssertionError("derived again after the warm-up")

    for module, name in (
        (style, "for_screen"),  # every chart laid out for the reader's screen
        (counts, "detained_compared"),
        (amnesty, "detention_disagreements"),
        (maps, "unmapped_table"),
        (peers, "suggestions"),
        (case_filter, "in_language"),
        (change, "between"),
        (change, "count_moved"),  # the overview's figures, with their changes
    ):
        monkeypatch.setattr(module, name, derived_again)
    for spec in PAGES:  # each as a new reader opens it: a new session, no parameters
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=60)
        at.run()
        at.switch_page(spec.script).run()
        assert not at.exception, (spec.script, at.exception)
