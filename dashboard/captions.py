"""Captions under the pages' charts and tables, written from the datasets' metadata."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.text import md_escape
from etl import model
from etl.sources.rsf_index import methodology as rsf


def source_caption(*datasets: model.Dataset, note: str = "") -> None:
    """Who published the data, under which licence, and where it comes from (in the run's
    language where the catalogue has the source's words, else as the metadata says): a
    line per dataset, in one element, after `note` (markdown: what to keep in mind reading
    the chart above), where there is one."""
    tr = i18n.translator(i18n.current())
    lines = (
        tr.gettext("%(source)s. Licence: %(licence)s. [Source](%(url)s)")
        % {
            "source": md_escape(tr.term("source", dataset.attribution)),
            "licence": md_escape(tr.term("licence", dataset.licence).rstrip(".")),
            "url": dataset.homepage,
        }
        for dataset in datasets
    )
    st.caption("\n\n".join((note, *lines) if note else lines))


def ranks_across_editions(index: pd.DataFrame, lang: str = i18n.SOURCE_LANGUAGE) -> str:
    """What to keep in mind comparing RSF ranks across editions, from the index itself:
    how many entities were ranked, and when the methodology changed (in `lang`)."""
    tr = i18n.translator(lang)
    ranked = index.groupby("year")["iso3"].size().sort_index()
    latest = int(ranked.iloc[-1])
    # the first edition from which every edition ranks as many as the latest
    others = ranked.index[ranked != latest]
    since = int(ranked.index[ranked.index > others.max()][0] if len(others) else ranked.index[0])
    years = [str(year) for year in rsf.NEW_METHODOLOGY_YEARS]
    changes = (
        tr.gettext("%(items)s and %(last)s")
        % {"items": tr.gettext(", ").join(years[:-1]), "last": years[-1]}
        if len(years) > 1
        else years[0]
    )
    return tr.gettext(
        "Ranks span every edition, but the number of ranked entities grew from %(first)s "
        "(%(first_year)s) to %(latest)s (%(since)s on), and the method changed in %(changes)s."
    ) % {
        "first": tr.number(int(ranked.iloc[0])),
        "first_year": int(ranked.index[0]),
        "latest": tr.number(latest),
        "since": since,
        "changes": changes,
    }
