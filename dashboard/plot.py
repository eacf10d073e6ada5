"""A chart on a page: drawn with the offline map geometry, with the data behind it, a
Snapshot (PNG, SVG, PDF, self-contained HTML, with alt text) and, for named charts, an
Embed code beside it (the baked site's static embed when it holds the chart)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import alttext, i18n, memo, url_sync
from dashboard.charts import style
from dashboard.download_button import api_address, download
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
    it, snapshots (PNG, SVG, PDF, self-contained HTML) and, for named charts, an embed code.

    in_column: the chart sits in one of several columns, so it is laid out as narrow on
    every screen.

    data_frame: the table behind the chart; else the named chart's (`embed`, a gallery.Chart)
    table; else the numbers are taken from the figure itself.
    """
    from dashboard.charts.figure_data import figure_data

    options = {"on_select": "rerun", "selection_mode": "points"} if selectable else {}
    event = chart(fig, key=key, narrow=in_column, **options)
    sources = sources if isinstance(sources, list | tuple) else [sources]
    if data_frame is None and embed is not None:
        data_frame = embed.table
    frame = data_frame if data_frame is not None else figure_data(fig)
    as_text(fig, frame, key)
    # one row that wraps on a narrow screen (one flex block: columns made four elements)
    row = st.container(horizontal=True)
    with row:
        download(sources, frame, f"{key}.csv", key=f"{key}-csv", api=False)
    # The snapshot and embed controls are built only when their popover is opened: a page
    # of charts does not describe every chart (alt text) or draw hidden widgets on each run.
    snapshot = row.popover(
        i18n.gettext("Snapshot"),
        icon=":material/image:",
        help=i18n.gettext("PNG, SVG, PDF or HTML for articles, with title and source"),
        key=f"{key}-snapshot",
        on_change="rerun",
    )
    if snapshot.open:
        with snapshot:
            snapshot_controls(fig, key, tuple(sources), embed)
    if embed is not None:
        embedding = row.popover(
            i18n.gettext("Embed"), icon=":material/code:", key=f"{key}-embed", on_change="rerun"
        )
        if embedding.open:
            with embedding:
                embed_controls(embed)
    api_address(sources, frame)  # under the row, whole: a column would break the address
    return event


def as_text(fig, frame: pd.DataFrame, key: str) -> None:
    """The chart's text alternative, under it: its generated description and the numbers it
    draws as a table (HTML, which screen readers read, unlike the canvas of st.dataframe),
    in an expander a keyboard opens. Built only when opened: a page of charts does not
    describe and tabulate every chart on each run. The table holds what the chart shows
    (the values of its hover labels), no more, so it is shown for every source."""
    section = st.expander(
        i18n.gettext("Chart as text: description and table"),
        icon=":material/table_view:",
        key=f"{key}-as-text",
        on_change="rerun",
    )
    if section.open:
        with section:
            st.markdown(md_escape(alttext.describe_once(fig)))
            st.table(readable_table(frame), hide_index=True)


def readable_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A chart's table with headers as words ("entities ranked", not `entities_ranked`), the
    country's name rather than its code where both are there, and a dash for no value."""
    shown = frame.drop(columns=["iso3"]) if {"iso3", "country"} <= set(frame) else frame.copy()
    shown = shown.astype("object").where(shown.notna(), "–")
    tr = i18n.translator(i18n.current())
    return shown.rename(columns=lambda c: tr.gettext(str(c).replace("_", " ").capitalize()))


def announce(fig) -> None:
    """For a chart shown alone (the embed page): its title as the page's heading and its
    description, for screen readers only (the figure draws both for the eye)."""
    title = html.escape(style.plain(fig.layout.title.text) or i18n.gettext(project.NAME))
    text = html.escape(alttext.describe_once(fig))
    st.html(
        f'<h1 style="{SCREEN_READER_ONLY}">{title}</h1><p style="{SCREEN_READER_ONLY}">{text}</p>'
    )


# Read by screen readers, not drawn (the usual "visually hidden" rules)
SCREEN_READER_ONLY = (
    "position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0"
)


def phone() -> bool:
    """Whether the reader's browser says it is a phone's (Streamlit cannot see the screen's
    width on the server): its client hint, else "Mobi" in its user agent, as browsers
    advise. A narrow desktop window gets the desktop layout, which also reads there. Read
    once per session: a session's headers are those of the request that opened it."""
    if PHONE not in st.session_state:
        headers = st.context.headers
        st.session_state[PHONE] = headers.get("Sec-CH-UA-Mobile") == "?1" or "Mobi" in (
            headers.get("User-Agent", "")
        )
    return st.session_state[PHONE]


PHONE = "reader-on-a-phone"  # the session's answer to phone()


def chart(fig, *, key: str, narrow: bool = False, **options):
    """The figure drawn as the style lays it out for this reader's screen, with the offline
    map geometry and a minimal toolbar. theme=None keeps our colour scales: Streamlit's
    theme may reverse them in dark mode."""
    shown = laid_out(fig, narrow or phone())
    return st.plotly_chart(shown, key=key, config=PLOTLY_CONFIG, theme=None, **options)


class Drawn(go.Figure):
    """A figure as laid out for one kind of screen, shared by every run and session, kept as
    the dict Streamlit serialises and nothing more. Streamlit takes a figure's dict anew on
    each run before serialising it (a deep copy: 3 ms for the map, 1-2 ms for a line chart)
    and only reads that dict; the laid-out figure's own objects (one per trace, axis, font,
    title: five times as many as its dict's) would be kept for nothing, a long-lived heap
    the server's collector walks. So `go.Figure.__init__` is not called: a Drawn answers
    `to_dict` alone, which is all Streamlit asks of a figure (tests draw every page)."""

    def __init__(self, laid_out: go.Figure) -> None:
        self._as_dict = laid_out.to_dict()

    def to_dict(self) -> dict:
        return self._as_dict


@memo.per_object
def laid_out(fig, phone_layout: bool) -> Drawn:
    """The figure laid out for a phone or a desktop, once per figure object and screen:
    copying and laying out a figure on every run took most of a profile's run."""
    return Drawn(style.for_screen(fig, phone_layout))


def option_names(tr: i18n.Translator) -> dict[str, str]:
    """The snapshot's sizes and themes as the menu names them, in the translator's language."""
    return {
        "article": tr.pgettext("snapshot size", "article"),
        "square": tr.pgettext("snapshot size", "square"),
        "portrait": tr.pgettext("snapshot size", "portrait"),
        "light": tr.pgettext("theme", "light"),
        "dark": tr.pgettext("theme", "dark"),
    }


def snapshot_controls(fig, key: str, sources: tuple, chart=None) -> None:
    """Size and theme, then PNG / SVG / PDF / HTML built only when clicked: the baked
    site's file where it holds this very chart (article size, light), else drawn by the
    export browser this process keeps warm (started when the menu opens)."""
    from dashboard import cached, embeds, export

    images = export.warm()
    tr = i18n.translator(i18n.current())
    _ = tr.gettext
    names = option_names(tr)
    preset = st.radio(
        _("Size"),
        list(export.PRESETS),
        horizontal=True,
        key=f"{key}-preset",
        format_func=lambda p: (
            _("%(size)s %(width)s×%(height)s")
            % {
                "size": names[p],
                "width": export.PRESETS[p][0],
                "height": export.PRESETS[p][1],
            }
        ),
    )
    theme = st.radio(
        _("Theme"),
        list(export.THEMES),
        horizontal=True,
        key=f"{key}-theme",
        format_func=names.get,
    )
    alt = alttext.describe_once(fig)
    st.text_area(_("Alt text"), alt, key=f"{key}-alt", height=120)
    past = cached.snapshot_build()  # `build=N` in the URL: its source line names N
    baked = embeds.current(chart) if chart is not None and past is None else None
    if preset != "article" or theme != "light":
        baked = None

    def build(fmt: str):
        def render() -> bytes:
            if baked and fmt in baked["urls"]:
                return (embeds.SITE_DIR / baked["urls"][fmt]).read_bytes()
            shot = export.snapshot(
                fig, preset=preset, theme=theme, build=past, alt=alt, sources=sources
            )
            return export.render(shot, fmt)

        return render

    # The HTML file carries the chart's data (every value, for its hover labels): withheld
    # with the data behind the view. PNG, SVG and PDF are pictures of what the page shows.
    withheld = withheld_reason(sources)
    formats = (
        ("png", "image/png"),
        ("svg", "image/svg+xml"),
        ("pdf", "application/pdf"),
        ("html", "text/html"),
    )
    for fmt, mime in formats:
        st.download_button(
            _("PDF (print)") if fmt == "pdf" else fmt.upper(),
            data=b"" if fmt == "html" and withheld else build(fmt),
            file_name=f"{key}-{preset}.{fmt}",
            mime=mime,
            key=f"{key}-{fmt}",
            disabled=not images if fmt != "html" else bool(withheld),
            help=withheld if fmt == "html" else None,
            on_click="ignore",
        )
    if not images:
        st.caption(
            _("PNG, SVG and PDF need Chromium on the server (`%(command)s`).")
            % {"command": "apt-get install chromium"}
        )


def embed_controls(chart) -> None:
    """The static embed of a named chart when the baked site holds it (files any static
    host serves, live and pinned), and the live /embed page of this view."""
    from dashboard import embeds

    lang = i18n.current()
    _ = i18n.translator(lang).gettext
    plain_title = style.plain(chart.figure.layout.title.text) or _(project.NAME)
    baked = embeds.current(chart, lang=lang)
    if baked:
        site = embeds.site_url(url_sync.origin())
        script = site + "assets/embed.js"
        live = site + embeds.chart_folder(chart.slug, lang) + "embed.html"
        height = baked["embed"]["height"]
        st.markdown(_("**Static embed**: plain files, for any number of readers."))
        st.code(embeds.snippet(live, plain_title, height, script), language=None, wrap_lines=True)
        if baked["embed"]["pinned"]:
            number = max(map(int, baked["embed"]["pinned"]))
            pinned = site + embeds.pinned_folder(number, chart.slug, lang) + "embed.html"
            st.markdown(
                _("**Pinned to data build-%(number)s**: never changes; says so if revised.")
                % {"number": number}
            )
            st.code(
                embeds.snippet(pinned, plain_title, height, script),
                language=None,
                wrap_lines=True,
            )
        st.caption(
            _(
                "Follows the reader's light or dark mode (`%(parameter)s` fixes one); the "
                "script sizes the frame to the chart."
            )
            % {"parameter": "?theme=light|dark"}
        )
    else:
        st.caption(
            _("Not in the baked site as drawn now (`%(command)s` bakes it).")
            % {"command": "make site"}
        )
    url = embeds.live_embed_url(chart.spec, url_sync.origin(), lang)
    st.markdown(_("**Live embed of this view**: a dashboard session per reader."))
    st.code(url, language=None, wrap_lines=True)
    st.code(
        embeds.snippet(url, plain_title, embeds.frame_height(None), None),
        language=None,  # Streamlit's syntax colours are below 4.5:1 contrast
        wrap_lines=True,
    )
    st.caption(
        _("Shows only the chart “%(title)s” with its source line.")
        % {"title": md_escape(plain_title)}
    )


def selected_locations(event) -> list[str]:
    """ISO3 codes a reader clicked on a map (empty if none)."""
    try:
        points = event.selection.points
    except AttributeError:
        return []
    return [p["location"] for p in points if isinstance(p, dict) and p.get("location")]
