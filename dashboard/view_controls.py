"""The choices that redraw a chart another way, each read from the URL, noted when the URL
said something else, and written back: which of a profile's RSF charts (`chart=`), values or
gains (`view=`), linear or log (`scale=`). One control each, shared by the pages that offer
them."""

from __future__ import annotations

import streamlit as st

from dashboard import chart_specs, i18n, url_sync


def rsf_chart(kinds: tuple[str, ...]) -> str:
    """ "Chart": which of the profile's RSF charts is drawn (`chart=`, one of `kinds`), one at
    a time: three charts one under the other were three Plotly charts for the browser to
    draw before the reader saw the first, and the second and third were below the fold
    anyway. The kind chosen."""
    tr = i18n.translator(i18n.current())
    kind, message = chart_specs.parse_profile_chart(st.query_params.get("chart"), kinds)
    url_sync.note(message)
    kind = st.radio(
        tr.gettext("Chart"),
        kinds,
        index=kinds.index(kind),
        format_func=chart_specs.profile_chart_labels(tr).get,
        horizontal=True,
        key="chart",
    )
    url_sync.sync_url({"chart": kinds[0]}, chart=kind)
    return kind


def relative_view(help_text: str, disabled: bool = False) -> bool:
    """ "Show": the values, or the gains since each methodology's first edition
    (`view=relative`); whether the gains are chosen."""
    tr = i18n.translator(i18n.current())
    view, message = chart_specs.parse_compare_view(st.query_params.get("view"))
    url_sync.note(message)
    view = st.radio(
        tr.gettext("Show"),
        chart_specs.COMPARE_VIEWS,
        index=chart_specs.COMPARE_VIEWS.index(view),
        format_func=chart_specs.view_labels(tr).get,
        horizontal=True,
        key="view",
        disabled=disabled,
        help=help_text,
    )
    url_sync.sync_url({"view": chart_specs.COMPARE_VIEWS[0]}, view=view)
    return view == chart_specs.RELATIVE


def log_scale(help_text: str) -> bool:
    """ "Logarithmic scale" (`scale=log`); whether it is on."""
    scale, message = chart_specs.parse_scale(st.query_params.get("scale"))
    url_sync.note(message)
    log = st.toggle(
        i18n.gettext("Logarithmic scale"),
        value=scale == chart_specs.LOG,
        key="scale",
        help=help_text,
    )
    url_sync.sync_url({"scale": chart_specs.SCALES[0]}, scale=chart_specs.SCALES[log])
    return log
