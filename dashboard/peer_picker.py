"""One click to comparison countries (dashboard/peers.py), on the compare page (buttons that
add them to the chosen countries) and on a profile (links to the compare page with them),
each choice with its sentence."""

from __future__ import annotations

import streamlit as st

from dashboard import cached, i18n, navigation, peers, url_params
from dashboard.text import md_escape
from etl.model import Measure

KIND_LABELS = {
    "region": i18n.N_("Same region"),
    "neighbours": i18n.N_("Neighbours"),
    "closest": i18n.N_("Closest values"),
}


def suggestions(
    anchor: str, measure: Measure, names: dict[str, str], lang: str
) -> tuple[peers.Peers, ...]:
    """The peers of `anchor` on `measure` among `names`' countries, in `lang` (computed once
    per release: _suggestions)."""
    return _suggestions(anchor, measure, frozenset(names), lang)


@cached.per_release
def _suggestions(
    anchor: str, measure: Measure, known: frozenset[str], lang: str
) -> tuple[peers.Peers, ...]:
    """The peers of `anchor` on `measure`, in the latest year it has a value (the RSF
    region of the newest edition)."""
    tr = i18n.translator(lang)
    index = cached.load_rsf_index()
    values = cached.measure_values(measure.key)
    own = values[values["iso3"] == anchor]
    year = int(own["year"].max()) if not own.empty else int(values["year"].max())
    edition = index[index["year"] == int(index["year"].max())]
    label = tr.term("measure", (measure.on_compare or measure).label)
    return tuple(
        peers.suggestions(edition, values[values["year"] == year], anchor, year, label, known, lang)
    )


def add_buttons(anchor: str, measure: Measure, names: dict[str, str], key: str) -> None:
    """Buttons adding `anchor`'s peers to the multiselect of `key` (kept to the most the
    page draws), each followed by its sentence, in a popover (`<key>-peers`) whose buttons
    are built only when it is open: a change of country or measure does not find and lay
    out three kinds of peers and seven elements the reader has not asked to see."""
    tr = i18n.translator(i18n.current())

    def add(codes: tuple[str, ...]) -> None:
        chosen = list(st.session_state.get(key) or [])
        room = url_params.MAX_COUNTRIES - len(chosen)
        new = [code for code in codes if code not in chosen]
        st.session_state[key] = chosen + new[: max(room, 0)]

    picker = st.popover(
        tr.gettext("Add comparison countries"),
        icon=":material/group_add:",
        help=tr.gettext("Peers of %(country)s: one click adds them")
        % {"country": tr.country(anchor)},
        key=f"{key}-peers",
        on_change="rerun",
    )
    if not picker.open:
        return
    with picker:
        for found in suggestions(anchor, measure, names, tr.lang):
            st.button(
                tr.gettext(KIND_LABELS[found.kind]),
                key=f"{key}-peers-{found.kind}",
                on_click=add,
                args=(found.codes,),
                disabled=not found.codes,
            )
            st.caption(md_escape(found.reason))
        st.caption(
            tr.gettext("At most %(count)d countries are drawn at once.")
            % {"count": url_params.MAX_COUNTRIES}
        )


def compare_links(anchor: str, measure: Measure, names: dict[str, str], compare_key: str) -> None:
    """For a profile: links to the compare page with `anchor` and each kind of its peers."""
    tr = i18n.translator(i18n.current())
    lang = "" if tr.lang == i18n.SOURCE_LANGUAGE else f"&{i18n.PARAM}={tr.lang}"
    lines = []
    for found in suggestions(anchor, measure, names, tr.lang):
        if not found.codes:
            lines.append(f"- {md_escape(found.reason)}")
            continue
        codes = ",".join((anchor, *found.codes)[: url_params.MAX_COUNTRIES])
        url = f"/{navigation.COMPARE.url_path}?countries={codes}&measure={compare_key}{lang}"
        label = tr.gettext(KIND_LABELS[found.kind])
        lines.append(f"- [{md_escape(label)}]({url}): {md_escape(found.reason)}")
    st.markdown("\n".join(lines))


def anchor_of(chosen: list[str], names: dict[str, str]) -> str | None:
    """Whose peers the compare page offers: the first chosen country."""
    return next((code for code in chosen if code in names), None)
