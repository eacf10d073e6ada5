"""Timeline play: a chart stepped through its years, one frame at a time, with Play and
Pause buttons a keyboard reaches like any other.

While it plays, a fragment redraws only the chart (and the frame's notes) every
`FRAME_SECONDS`, so each step costs one chart, not a page. Pausing, or reaching the last
year, hands the year shown to the page's URL and year control, so the whole
page, its table, downloads and URL, shows that year: a paused view is a link like any other.

A step that crosses a change of methodology says so on the frame: scores of two RSF
methodologies are drawn as two separate pictures, never as one scale moving.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard import i18n
from dashboard.text import md_escape
from etl.model import Measure
from etl.sources.rsf_index import methodology as rsf

FRAME_SECONDS = 1.0  # time each year stays on screen while playing


def break_note(measure: Measure, year: int, previous: int | None, lang: str) -> str | None:
    """What a frame must say when the step from `previous` to `year` crosses a change of
    RSF's methodology; None when the two years share a scale (or the measure has one)."""
    if previous is None or measure.dataset.name != "rsf_index":
        return None
    era = rsf.era_of(year)
    if era == rsf.era_of(previous):
        return None
    tr = i18n.translator(lang)
    return tr.gettext(
        "%(year)s: RSF's new methodology (%(era)s). Scores and ranks from here on are not "
        "on the same scale as %(previous)s's: compare within a methodology only."
    ) % {
        "year": year,
        "previous": previous,
        "era": tr.term("era", rsf.ERAS[era]["label"]),
    }


def playing(key: str) -> bool:
    return st.session_state.get(f"{key}-playing", False)


def settle(key: str, year_widget: str, url_param: str) -> None:
    """Called before the page reads its year from the URL: after a pause, or at the end of
    the play, the URL names the year that was on screen and the year control (widget key
    `year_widget`) starts again from it."""
    stopped = st.session_state.pop(f"{key}-stopped-at", None)
    if stopped is not None:
        st.query_params[url_param] = str(stopped)
        st.session_state.pop(year_widget, None)


def controls(key: str, years: Sequence[int], year: int) -> bool:
    """The Play / Pause button for a chart showing `year` of `years`; whether the chart is
    playing. Play starts from the year shown (from the first if the last is
    shown); Pause leaves the year control on the year on screen."""
    if len(years) < 2:
        return False
    if playing(key):
        st.button(
            i18n.gettext("Pause"),
            icon=":material/pause:",
            key=f"{key}-pause",
            on_click=_pause,
            args=(key,),
            help=i18n.gettext("Stop on the year shown; the link then opens that year."),
        )
        return True
    st.button(
        i18n.gettext("Play the years"),
        icon=":material/play_arrow:",
        key=f"{key}-play",
        on_click=_play,
        args=(key, list(years), year),
        help=i18n.gettext("Step through every year, one a second."),
    )
    return False


def _play(key: str, years: list[int], year: int) -> None:
    state = st.session_state
    state[f"{key}-playing"] = True
    state[f"{key}-years"] = years
    state[f"{key}-frame"] = year if year != years[-1] and year in years else years[0]
    state[f"{key}-shown"] = None


def _pause(key: str) -> None:
    state = st.session_state
    state[f"{key}-playing"] = False
    if state.get(f"{key}-shown") is not None:
        state[f"{key}-stopped-at"] = state[f"{key}-shown"]


def play(key: str, measure: Measure, draw: Callable[[int], None]) -> None:
    """Draw the frames: the progress, what the step crossed, and `draw(year)` every
    FRAME_SECONDS until the last year, then stop there with the page showing it (see
    `settle`). Every frame has the same elements in the same places, so the browser
    updates the chart in place instead of drawing it anew."""
    lang = i18n.current()

    @st.fragment(run_every=FRAME_SECONDS)
    def frame() -> None:
        state = st.session_state
        if not playing(key):  # paused between two ticks
            return
        years = state[f"{key}-years"]
        year = state[f"{key}-frame"]
        position = years.index(year)
        # TRANSLATORS: the timeline's progress while it plays, e.g. "2005: year 4 of 24"
        progress = i18n.gettext("%(year)s: year %(number)s of %(total)s")
        st.progress(
            (position + 1) / len(years),
            text=progress % {"year": year, "number": position + 1, "total": len(years)},
        )
        note = break_note(measure, year, state.get(f"{key}-shown"), lang)
        with st.empty():  # the note's place, kept when there is none
            if note:
                st.warning(md_escape(note), icon=":material/warning:")
        draw(year)
        state[f"{key}-shown"] = year
        if position + 1 < len(years):
            state[f"{key}-frame"] = years[position + 1]
        else:  # the last year: stop, and let the whole page show it
            _pause(key)
            st.rerun()

    frame()
