"""Entry point: `streamlit run dashboard/app.py` (or `make run`)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import builds, cached, i18n, layout, navigation, tables, url_params, url_sync
from etl.project import NAME as DASHBOARD_NAME

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"

# Streamlit draws captions (our source lines and notes) at 60 % opacity: 3.9:1 on white,
# links in them 2.9:1, below WCAG AA's 4.5:1. Opaque, in a grey of 7:1, they keep their look.
# The small tables written as HTML (tables.as_html) are set as compactly as st.table's, in a
# smaller type with tighter cells and Streamlit's table borders, column headers in the
# captions' grey, numbers on the right, read left to right (or a minus sign was set after
# its number in Arabic: "37-"). (A <style> element is allowed by the policy's style-src;
# nothing here is a script.)
READABLE = (
    "<style>[data-testid=stCaptionContainer]{opacity:1;color:#595959}"
    f"table.{tables.CLASS}{{font-size:.875rem;width:100%;border-collapse:collapse;"
    "margin-bottom:1rem}"
    f"table.{tables.CLASS} :is(th,td){{padding:.25rem .375rem;border:1px solid #e6e6e9;"
    "text-align:start;font-weight:400;vertical-align:top}"
    f"table.{tables.CLASS} thead th{{color:#595959}}"
    # a table's name, set as the bold line above it that it replaced
    f"table.{tables.CLASS} caption{{caption-side:top;text-align:start;font-weight:600;"
    "font-size:1rem;padding-bottom:.25rem}"
    f"table.{tables.CLASS} .number{{text-align:right;direction:ltr}}"
    # links in the theme's colour, as markdown's are (.streamlit/config.toml)
    f"table.{tables.CLASS} a{{color:{st.get_option('theme.linkColor') or 'inherit'}}}"
    # the front page's headline numbers (tables.key_figures): a row that wraps, each number
    # under its label, beside a swatch of the colour the charts draw it in
    f"figure.{tables.FIGURES_CLASS}{{margin:0 0 1rem}}"
    f"figure.{tables.FIGURES_CLASS} figcaption{{color:#595959;font-size:.875rem;"
    "margin-bottom:.5rem}"
    f"figure.{tables.FIGURES_CLASS} dl{{display:flex;flex-wrap:wrap;gap:.75rem 1rem;"
    "margin:0;padding:0}"
    f"figure.{tables.FIGURES_CLASS} dl>div{{flex:1 1 6rem;padding-inline-start:.625rem;"
    "border-inline-start:.3rem solid var(--swatch)}"
    f"figure.{tables.FIGURES_CLASS} dt{{font-size:.875rem;font-weight:400;margin:0}}"
    f"figure.{tables.FIGURES_CLASS} dd{{font-size:2.25rem;line-height:1.15;margin:0}}"
    # its change since the edition before, under it, in the captions' grey
    f"figure.{tables.FIGURES_CLASS} dd.note{{font-size:.8rem;color:#595959;margin-top:.125rem}}"
    # On a phone: a page's section tabs that do not fit one line share it, each name
    # wrapped at its spaces within its tab, where Streamlit's bar scrolled the last out of
    # view (the longest names: Arabic's profile, Russian's Data and Cases pages); and one
    # figure a line, its label and change on the left and its number on the right, so that
    # the numbers line up in a column whatever the labels' length in words
    "@media (max-width:640px){[data-testid=stTab]{flex:0 1 auto;min-width:min-content;"
    "white-space:normal;height:auto}"
    "[data-testid=stTab] p{white-space:normal;overflow-wrap:normal;word-break:normal}"
    f"figure.{tables.FIGURES_CLASS} dl{{flex-direction:column;gap:.5rem}}"
    f"figure.{tables.FIGURES_CLASS} dl>div{{flex:none;display:grid;"
    "grid-template-columns:1fr auto;column-gap:1rem;align-items:center}"
    f"figure.{tables.FIGURES_CLASS} dd{{grid-column:2;grid-row:1/span 2;font-size:1.75rem}}"
    f"figure.{tables.FIGURES_CLASS} dd.note{{grid-column:1;grid-row:2}}}}"
    # controls in a grid of cells that wraps (layout.grid)
    + layout.GRID_CSS
    # a grid's toolbar (show columns, search, full screen) sits just above the grid, where a
    # touch screen, with no hover to call it up, shows it all the time: over the last line
    # of the caption above it. There, the grid keeps that line free
    + "@media (hover:none){[data-testid=stElementContainer]:has([data-testid=stDataFrame])"
    "{margin-top:1.75rem}}</style>"
)
# A right-to-left language: the page and the menu run from the right (the server also sets
# <html dir="rtl"> when the page is loaded in one: dashboard/server.py). Charts keep their
# own left-to-right frame (Plotly positions text from it; the style mirrors titles, legends
# and source lines itself and sets each line of their Arabic as a right-to-left isolate);
# the grids' canvases cannot turn.
RIGHT_TO_LEFT = (
    # Streamlit's frame (menu beside the page, the menu sliding away on a phone) is laid out
    # and animated left to right; turned, a phone's closed menu slid over the page
    "<style>[data-testid=stAppViewContainer]{direction:ltr}"
    "[data-testid=stMain],[data-testid=stSidebar]{direction:rtl}"
    "[data-testid=stMain] :is(h1,h2,h3,h4){text-align:start}"
    "[data-testid=stPlotlyChart]{direction:ltr}"
    # Plotly measures text in a hidden element of the page's body before placing it: there
    # too left to right, or a note set from the right edge is shifted by its own width
    "#js-plotly-tester{direction:ltr}"
    "[data-testid=stPlotlyChart] text{unicode-bidi:plaintext}"
    # a grid is drawn on a canvas, left to right (it measures text on canvases of its own
    # at the document's top): measured right to left, every cell's text was cut
    "[data-testid=stDataFrame],html>canvas{direction:ltr}"
    # code (the Python snippet to read the data, embed codes) reads left to right
    "[data-testid=stMain] :is(pre,code){direction:ltr;text-align:left}"
    "[data-testid=stTable] th,[data-testid=stTable] td{text-align:right}</style>"
)
EXPLICIT = "lang_explicit"  # the session's language was asked for (URL or picker)


def choose_language() -> str:
    """The run's language: `?lang=` (a link, or the back button) wins; else the one this
    session had; else the browser's. The picker changes it and writes it into the URL. A
    language the reader asked for stays in the URL; the browser's own is left out, so a
    shared link without `lang` opens in each reader's language."""
    raw = st.query_params.get(i18n.PARAM)
    asked = i18n.parse_lang(raw)
    if asked and asked != st.session_state.get(i18n.PARAM):
        st.session_state[i18n.PARAM] = asked
        st.session_state[EXPLICIT] = True
    elif i18n.PARAM not in st.session_state:
        st.session_state[i18n.PARAM] = i18n.browser_language()
        st.session_state[EXPLICIT] = False

    def picked() -> None:
        st.session_state[EXPLICIT] = True
        st.query_params[i18n.PARAM] = st.session_state[i18n.PARAM]

    tr = i18n.translator(st.session_state[i18n.PARAM])
    if not st.context.is_embedded:
        st.sidebar.selectbox(
            tr.gettext("Language"),
            i18n.languages(),
            format_func=tr.language_name,
            key=i18n.PARAM,
            on_change=picked,
        )
    lang = st.session_state[i18n.PARAM]
    if raw and not asked:
        url_sync.note(
            i18n.translator(lang).gettext("There is no interface in %(asked)r; showing %(shown)s.")
            % {
                "asked": url_params.parse_text(raw, 40),
                "shown": i18n.translator(lang).language_name(),
            }
        )
    explicit = st.session_state.get(EXPLICIT)
    url_sync.sync_url({} if explicit else {i18n.PARAM: lang}, **{i18n.PARAM: lang})
    return lang


st.set_page_config(page_title=DASHBOARD_NAME, page_icon=str(FAVICON), layout="wide")
st.html(READABLE)
lang = choose_language()
if i18n.is_rtl(lang):
    st.html(RIGHT_TO_LEFT)
page = st.navigation(
    navigation.streamlit_pages(navigation.PAGES, lang),
    # an embedded chart shows the chart alone: no menu
    position="hidden" if st.context.is_embedded else "sidebar",
)


@st.fragment
def page_run() -> None:
    """The page, as a fragment: a reader's change of one of its controls reruns the page
    alone, not this frame (styles, the language picker, the menu), which none of them
    change. A run of its own: it reads the release's and datasets' stamps afresh, so an
    interaction after a rebuild shows the new data. The build notice is the page's: its link
    back to the current data keeps the view's state, which the page's controls change."""
    cached.new_run()
    builds.notice()  # `build=N`: which build the page below shows
    # Streamlit lets a page run once per run of this script; a rerun of this fragment is a
    # run of its own, which runs the page again
    page._can_be_called = True
    page.run()


page_run()
