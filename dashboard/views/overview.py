"""Landing page: the latest edition at a glance, and where to go next."""

import streamlit as st

from dashboard import (
    cached,
    captions,
    change,
    chart_specs,
    i18n,
    navigation,
    plot,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.text import md_escape
from etl import project, registry
from etl.sources.rsf_index import methodology as rsf

tr = i18n.translator(i18n.current())
_ = tr.gettext
editions = cached.rsf_editions_published()
first_year, latest_year = editions.first, editions.latest

st.title(_(project.NAME), anchor=False)
st.markdown(
    _(
        "How free is journalism, country by country and year by year? This dashboard brings "
        "together RSF's World Press Freedom Index (every edition since %(first)s), CPJ's "
        "records of journalists imprisoned, killed and missing, RSF's round-up figures, and "
        "the repression context coded from Amnesty International, Human Rights Watch, "
        "Freedom House and V-Dem, as open, documented data you can download and cite."
    )
    % {"first": first_year}
)

# the latest edition's entities by band, with their change since the edition before: one
# element (a list of five) in a row that wraps, made once per release and language
st.html(cached.band_figures(tr.lang))


@st.fragment
def largest_moves() -> None:
    """Who rose and fell most between two editions the reader picks (`since`, `to`), within
    one methodology era. A fragment: picking an edition reruns this section alone, not the
    figures and the chart beside it, which the editions do not change."""
    year, note = url_params.parse_year(st.query_params.get("to"), editions, latest_year)
    earlier = change.comparable_editions(editions.values, year)
    default_since = earlier[0] if earlier else None
    since, since_note = url_params.parse_year(st.query_params.get("since"), editions, default_since)
    if since is not None and since not in earlier:
        since_note = _(
            "%(since)s and %(year)s are editions of different RSF methodologies, whose ranks "
            "and scores are not compared; showing the change since %(default)s."
        ) % {"since": since, "year": year, "default": default_since}
        since = default_since
    url_sync.note(note)
    url_sync.note(since_note)
    heading = st.empty()  # named once the span is chosen
    pick_since, pick_year = st.columns(2)
    latest_first = list(editions)[::-1]
    year = pick_year.selectbox(
        _("To edition"), latest_first, index=latest_first.index(year), key="to"
    )
    earlier = change.comparable_editions(editions.values, year)
    if not earlier:
        heading.header(_("Largest moves"))
        pick_since.selectbox(
            _("From edition"), [], key="since", disabled=True, placeholder=_("No earlier edition")
        )
        st.info(
            _(
                "%(year)s is the first edition of its RSF methodology: there is no earlier "
                "edition whose ranks and scores it can be compared with."
            )
            % {"year": year}
        )
        url_sync.sync_url({"to": latest_year}, to=year)
        return
    since = since if since in earlier else earlier[0]
    since = pick_since.selectbox(
        _("From edition"), earlier, index=earlier.index(since), key="since"
    )
    url_sync.sync_url({"to": latest_year, "since": earlier[0]}, to=year, since=since)
    heading.header(_("Largest moves since %(year)s") % {"year": since})
    # the profile in this language if the URL names it
    fell, rose, every_move = cached.moves_between(
        since, year, tr.lang, i18n.PARAM in st.query_params
    )
    # Five rows each, as plain HTML tables, which the browser draws at once (tables.as_html),
    # where st.dataframe's grid and st.table each load scripts of their own while the chart
    # beside them is drawn; both in one element.
    st.html(
        "".join(
            tables.as_html(table, _(heading))
            for heading, table in zip(cached.MOVES_HEADINGS, (fell, rose), strict=True)
        )
    )
    download(
        registry.DATASETS["rsf_index"],
        every_move,
        f"moves_{since}_{year}.csv",
        _("Download every move (CSV)"),
        key="moves-csv",
    )


left, right = st.columns(2)
with left:
    chart = cached.chart(chart_specs.BandsChart(), tr.lang)
    plot.show(chart.figure, key="bands", sources=chart.sources, embed=chart, in_column=True)
with right:
    largest_moves()

st.header(_("Explore"))
destinations = (
    navigation.WORLD_MAP,
    navigation.COUNTRY,
    navigation.CASES,
    navigation.COMPARED,
    navigation.DATA,
)
# one row that wraps (on a phone two or three links a line): one block, where five columns
# sent six
with st.container(horizontal=True, gap="medium"):
    for page in destinations:
        st.page_link(
            navigation.link(page, tr.lang), label=_(page.title), icon=page.icon, width="content"
        )
captions.source_caption(
    registry.DATASETS["rsf_index"],
    note=md_escape(tr.term("era", rsf.ERAS[rsf.CURRENT]["explanation"])),
)
