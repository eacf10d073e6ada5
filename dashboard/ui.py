"""Shared Streamlit plumbing for the pages: cached data, URL sync, notes and sources."""

from __future__ import annotations

import functools
import weakref
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import navigation, rsf_editions
from dashboard.geo import PLOTLY_CONFIG
from dashboard.text import md_escape
from etl import model, project, registry, store


@st.cache_data(show_spinner=False, max_entries=64)
def _cached(name: str, stamp: tuple) -> pd.DataFrame:
    """A dataset read once per published version (RSF with its change columns); `stamp`
    changes when an ETL run publishes, so the app follows without a restart."""
    frame = store.read_dataset(name)
    return rsf_editions.with_changes(frame) if name == "rsf_index" else frame


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


@st.cache_resource(show_spinner=False, max_entries=64)  # shared, read-only: no copy per call
def _measure_values(key: str, stamp: tuple) -> pd.DataFrame:
    measure = registry.MEASURES[key]
    return measure.values(store.read_dataset(measure.dataset.name))


def measure_values(key: str) -> pd.DataFrame:
    """(iso3, year, value) for a measure, cached; a clear error page if its file is bad."""
    stamp = store.published_stamp(registry.MEASURES[key].dataset.name)
    return _or_error_page(_measure_values, key, stamp)


def view_url() -> str:
    """The address of the current view, with its state, for the header of a download."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    base = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode({key: st.query_params[key] for key in st.query_params})
    return urlunsplit((base.scheme, base.netloc, base.path, query, ""))


def _version() -> str:

    path = store.DATASETS_DIR / store.CHANGELOG
    return _version_label(str(path), path.stat().st_mtime if path.exists() else 0.0)


@functools.lru_cache(maxsize=4)
def _version_label(path: str, modified: float) -> str:
    """The data build, read from the changelog once per change of the file (not per rerun)."""

    del modified  # part of the cache key only
    version = store.current_version(Path(path).parent)
    return f"build-{version['version']} ({version['date']})" if version else "unreleased"


def download(
    datasets,
    frame: pd.DataFrame,
    file_name: str,
    label: str = "Data behind this view",
    key: str | None = None,
) -> None:
    """A CSV of exactly the rows and columns shown, headed by source, licence and the view's
    URL; or a disabled button saying why it is withheld (any withheld source withholds it)."""
    from dashboard.downloads import safe_csv

    datasets = datasets if isinstance(datasets, list | tuple) else [datasets]
    blocked = [d.download_blocked for d in datasets if d.download_blocked]
    header = (
        *(f"{d.attribution}. Licence: {d.licence}" for d in datasets),
        f"View: {view_url()}",
        f"{project.NAME}, data {_version()}. Read with pandas.read_csv(path, "
        f"skiprows={len(datasets) + 2})",
    )
    st.download_button(
        label,
        # the CSV is written only when the button is clicked, not on every rerun
        data=b"" if blocked else (lambda: safe_csv(frame, header)),
        file_name=file_name,
        mime="text/csv",
        disabled=bool(blocked),
        key=key,
        help=blocked[0] if blocked else "Exactly the rows shown.",
    )
    if blocked:
        st.caption(md_escape(blocked[0]))


def _current_measure_values(key: str) -> pd.DataFrame:
    return _measure_values(key, store.published_stamp(registry.MEASURES[key].dataset.name))


@st.cache_resource(show_spinner=False, max_entries=512)
def _chart(kind: str, params: tuple[tuple[str, str], ...], folder: str, release: tuple):
    from dashboard import gallery

    del folder, release  # part of the cache key only: other data means other charts
    return gallery.build(kind, dict(params), load, values=_current_measure_values)


def chart(kind: str, params: dict[str, str]):
    """A named chart, built once per data release and shared by every session (figures
    are never modified after building: snapshots work on copies)."""
    release = store.release_stamp()
    return _chart(kind, tuple(sorted(params.items())), str(store.DATASETS_DIR), release)


def load_rsf_index() -> pd.DataFrame:
    return load("rsf_index")


def note(message: str | None) -> None:
    """Tell the reader that a URL parameter was not understood (never a traceback)."""
    if message:  # it may echo what arrived in the URL: shown as text, never as markup
        st.info(md_escape(message), icon="ℹ️")


def sync_url(defaults: dict[str, object] | None = None, **values: object) -> None:
    """Write the view's state back into the URL so a copied link reopens it.

    Parameters at their `defaults` are left out, to keep links short.
    """
    defaults = defaults or {}
    for key, value in values.items():
        text = ",".join(value) if isinstance(value, list | tuple) else str(value)
        if key in defaults and value == defaults[key]:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != text:
            st.query_params[key] = text


def source_caption(dataset: model.Dataset) -> None:
    st.caption(
        f"{md_escape(dataset.attribution)}. Licence: {md_escape(dataset.licence.rstrip('.'))}. "
        f"[Source]({dataset.homepage})"
    )


def plot(
    fig,
    *,
    key: str,
    sources,
    data_frame: pd.DataFrame | None = None,
    selectable: bool = False,
    embed=None,
):
    """Render a figure with the offline map config, then offer beside it: the data behind
    it, snapshots (PNG, SVG, self-contained HTML) and, for named charts, an embed code.

    data_frame: the table behind the chart when the figure alone would lose detail (maps);
    otherwise the numbers are taken from the figure itself. embed: a gallery.Chart.
    """
    from dashboard.charts import figure_data

    # theme=None keeps our colour scales: Streamlit's theme may reverse them in dark mode.
    options = {"on_select": "rerun", "selection_mode": "points"} if selectable else {}
    event = st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG, theme=None, **options)
    sources = sources if isinstance(sources, list | tuple) else [sources]
    left, middle, right = st.columns([3, 2, 2])
    with left:
        frame = data_frame if data_frame is not None else figure_data(fig)
        download(sources, frame, f"{key}.csv", key=f"{key}-csv")
    # The snapshot and embed controls are built only when their popover is opened: a page
    # of charts does not describe every chart (alt text) or draw hidden widgets on each run.
    snapshot = middle.popover(
        "Snapshot",
        icon=":material/image:",
        help="PNG, SVG or HTML for articles, with title and source",
        key=f"{key}-snapshot",
        on_change="rerun",
    )
    if snapshot.open:
        with snapshot:
            snapshot_controls(fig, key, tuple(sources))
    if embed is not None:
        embedding = right.popover(
            "Embed", icon=":material/code:", key=f"{key}-embed", on_change="rerun"
        )
        if embedding.open:
            with embedding:
                embed_controls(embed)
    return event


# Alt text per figure object: cached charts are shared and never change, so describe once.
# (Figures are unhashable: keyed by id, with a weak reference to check it is the same one.)
_ALT_TEXT: dict[int, tuple[weakref.ref, str]] = {}


def _alt_text(fig, describe) -> str:
    known = _ALT_TEXT.get(id(fig))
    if known and known[0]() is fig:
        return known[1]
    text = describe(fig)
    key = id(fig)
    _ALT_TEXT[key] = (weakref.ref(fig, lambda _: _ALT_TEXT.pop(key, None)), text)
    return text


def snapshot_controls(fig, key: str, sources: tuple) -> None:
    """Size and theme, then PNG / SVG / HTML built only when clicked."""
    from dashboard import alttext, export

    preset = st.radio(
        "Size",
        list(export.PRESETS),
        horizontal=True,
        key=f"{key}-preset",
        format_func=lambda p: f"{p} {export.PRESETS[p][0]}×{export.PRESETS[p][1]}",
    )
    theme = st.radio("Theme", list(export.THEMES), horizontal=True, key=f"{key}-theme")
    alt = _alt_text(fig, alttext.describe)
    st.text_area("Alt text", alt, key=f"{key}-alt", height=120)

    def build(fmt: str):
        def render() -> bytes:
            shot = export.snapshot(fig, preset=preset, theme=theme, alt=alt, sources=sources)
            return export.render(shot, fmt)

        return render

    images = export.browser_path() is not None
    # The HTML file carries the chart's data (every value, for its hover labels): withheld
    # with the data behind the view. PNG and SVG are pictures of what the page shows.
    withheld = export.withheld_reason(sources)
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml"), ("html", "text/html")):
        st.download_button(
            f"{fmt.upper()}",
            data=b"" if fmt == "html" and withheld else build(fmt),
            file_name=f"{key}-{preset}.{fmt}",
            mime=mime,
            key=f"{key}-{fmt}",
            disabled=not images if fmt != "html" else bool(withheld),
            help=withheld if fmt == "html" else None,
            on_click="ignore",
        )
    if not images:
        st.caption("PNG and SVG need Chromium on the server (`apt-get install chromium`).")


def embed_controls(chart) -> None:
    """The embed URL of a named chart and a responsive iframe snippet to paste."""
    from urllib.parse import urlencode, urlsplit

    base = urlsplit(st.context.url or "http://localhost:8501/")
    query = urlencode({"chart": chart.kind, **chart.params, "embed": "true"})
    url = f"{base.scheme}://{base.netloc}/{navigation.EMBED.url_path}?{query}"
    title = md_escape(chart.figure.layout.title.text or project.NAME)
    st.code(url, language=None, wrap_lines=True)
    st.code(
        f'<iframe src="{url}" title="{chart.figure.layout.title.text}" loading="lazy" '
        'style="width:100%;aspect-ratio:16/10;border:0" allowfullscreen></iframe>',
        language="html",
        wrap_lines=True,
    )
    st.caption(f"Shows only the chart “{title}” with its source line.")


def selected_locations(event) -> list[str]:
    """ISO3 codes a reader clicked on a map (empty if none)."""
    try:
        points = event.selection.points
    except AttributeError:
        return []
    return [p["location"] for p in points if isinstance(p, dict) and p.get("location")]
