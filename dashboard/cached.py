"""What the pages read, read once: datasets, measure values, named charts and the data
build, each cached per published version (an ETL run that publishes refreshes them without
a restart). A dataset that cannot be read gives an error page naming the file."""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import chart_specs, i18n
from etl import registry, store
from etl.sources.rsf_index import methodology as rsf


@st.cache_data(show_spinner=False, max_entries=64)
def _cached(name: str, stamp: tuple) -> pd.DataFrame:
    """A dataset read once per published version (RSF with its change columns); `stamp`
    changes when an ETL run publishes, so the app follows without a restart."""
    frame = store.read_dataset(name)
    return rsf.with_changes(frame) if name == "rsf_index" else frame


def _or_error_page(read, name: str, *args) -> pd.DataFrame:
    """read(name, *args), or a clear error page naming the file (and the page stops)."""
    try:
        return read(name, *args)
    except store.DatasetUnavailable as exc:
        st.error(str(exc), icon="⚠️")
        st.stop()


def load(name: str) -> pd.DataFrame:
    """A dataset, or a clear error page naming the file."""
    return _or_error_page(_cached, name, store.published_stamp(name))


def load_if_built(name: str) -> tuple[pd.DataFrame | None, str | None]:
    """(dataset, None), or (None, why) for a dataset not redistributed and not built on this
    installation, so a page can show everything else; other failures give the error page."""
    try:
        return _cached(name, store.published_stamp(name)), None
    except store.DatasetNotBuilt as exc:
        return None, str(exc)
    except store.DatasetUnavailable as exc:
        st.error(str(exc), icon="⚠️")
        st.stop()


def load_rsf_index() -> pd.DataFrame:
    return load("rsf_index")


@st.cache_resource(show_spinner=False, max_entries=64)  # shared, read-only: no copy per call
def _measure_values(key: str, stamp: tuple) -> pd.DataFrame:
    measure = registry.MEASURES[key]
    return measure.values(store.read_dataset(measure.dataset.name))


def measure_values(key: str) -> pd.DataFrame:
    """(iso3, year, value) for a measure, cached; a clear error page if its file is bad."""
    stamp = store.published_stamp(registry.MEASURES[key].dataset.name)
    return _or_error_page(_measure_values, key, stamp)


def _current_measure_values(key: str) -> pd.DataFrame:
    return _measure_values(key, store.published_stamp(registry.MEASURES[key].dataset.name))


@st.cache_resource(show_spinner=False, max_entries=512)
def _chart(key: tuple, folder: str, release: tuple, lang: str, _spec: chart_specs.Spec):
    """(The spec is not hashed, leading underscore: its key stands for it.)"""
    from dashboard import gallery

    del key, folder, release  # part of the cache key only: other data means other charts
    return gallery.draw(_spec, load, values=_current_measure_values, lang=lang)


def chart(spec: chart_specs.Spec, lang: str | None = None):
    """A named chart in a language (by default the run's), built once per data release and
    language and shared by every session (figures are never modified after building:
    snapshots work on copies)."""
    release = store.release_stamp()
    lang = lang or i18n.current()
    return _chart(chart_specs.key(spec), str(store.DATASETS_DIR), release, lang, _spec=spec)


def build_label() -> str:
    """The data build (etl.store.build_label), read from the changelog once per change of
    the file, not on every rerun."""
    path = store.DATASETS_DIR / store.CHANGELOG
    return _build_label(str(path.parent), path.stat().st_mtime if path.exists() else 0.0)


@functools.lru_cache(maxsize=4)
def _build_label(folder: str, modified: float) -> str:
    del modified  # part of the cache key only
    return store.build_label(store.current_version(Path(folder)))
