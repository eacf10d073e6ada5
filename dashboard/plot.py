"""A chart on a page: drawn with the offline map geometry, with the data behind it, a
Snapshot (PNG, SVG, self-contained HTML, with alt text) and, for named charts, an Embed
code beside it."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard import alttext, navigation, url_sync
from dashboard.charts import style
from dashboard.download_button import download
from dashboard.downloads import withheld_reason
from dashboard.geo import PLOTLY_CONFIG
from dashboard.text import md_escape
from etl import project


def show(
    fig,
    *,
    key: str,
    sources,
    data_frame: pd.DataFrame | None = None,
    selectable: bool = False,
    embed=None,
    in_column: bool = False,
):
    """Render a figure with the offline map config, then offer beside it: the data behind
    it, snapshots (PNG, SVG, self-contained HTML) and, for named charts, an embed code.

    in_column: the chart sits in one of several columns, so it is laid out as narrow on
    every screen.

    data_frame: the table behind the chart; else the named chart's (`embed`, a gallery.Chart)
    table; else the numbers are taken from the figure itself.
    """
    from dashboard.charts.figure_data import figure_data

    options = {"on_select": "rerun", "selection_mode": "points"} if selectable else {}
    event = chart(fig, key=key, narrow=in_column, **options)
    sources = sources if isinstance(sources, list | tuple) else [sources]
    left, middle, right = st.columns([3, 2, 2])
    with left:
        if data_frame is None and embed is not None:
            data_frame = embed.table
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


def phone() -> bool:
    """Whether the reader's browser says it is a phone's (Streamlit cannot see the screen's
    width on the server): its client hint, else "Mobi" in its user agent, as browsers
    advise. A narrow desktop window gets the desktop layout, which also reads there."""
    headers = st.context.headers
    return headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in headers.get("User-Agent", "")


def chart(fig, *, key: str, narrow: bool = False, **options):
    """The figure drawn as the style lays it out for this reader's screen, with the offline
    map geometry and a minimal toolbar. theme=None keeps our colour scales: Streamlit's
    theme may reverse them in dark mode."""
    shown = style.for_screen(fig, narrow or phone())
    return st.plotly_chart(shown, key=key, config=PLOTLY_CONFIG, theme=None, **options)


def snapshot_controls(fig, key: str, sources: tuple) -> None:
    """Size and theme, then PNG / SVG / HTML built only when clicked."""
    from dashboard import export

    preset = st.radio(
        "Size",
        list(export.PRESETS),
        horizontal=True,
        key=f"{key}-preset",
        format_func=lambda p: f"{p} {export.PRESETS[p][0]}×{export.PRESETS[p][1]}",
    )
    theme = st.radio("Theme", list(export.THEMES), horizontal=True, key=f"{key}-theme")
    alt = alttext.describe_once(fig)
    st.text_area("Alt text", alt, key=f"{key}-alt", height=120)

    def build(fmt: str):
        def render() -> bytes:
            shot = export.snapshot(fig, preset=preset, theme=theme, alt=alt, sources=sources)
            return export.render(shot, fmt)

        return render

    images = export.browser_path() is not None
    # The HTML file carries the chart's data (every value, for its hover labels): withheld
    # with the data behind the view. PNG and SVG are pictures of what the page shows.
    withheld = withheld_reason(sources)
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
    query = urlencode({"chart": chart.kind, **chart.params, "embed": "true"})
    url = f"{url_sync.origin()}/{navigation.EMBED.url_path}?{query}"
    plain_title = style.plain(chart.figure.layout.title.text) or project.NAME
    title = md_escape(plain_title)
    st.code(url, language=None, wrap_lines=True)
    st.code(
        f'<iframe src="{url}" title="{html.escape(plain_title)}" loading="lazy" '
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
