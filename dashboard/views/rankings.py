"""The ranking table of one edition, sortable and searchable."""

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import (
    cached,
    captions,
    i18n,
    layout,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.text import md_escape, nothing_matches
from etl import registry
from etl.sources.rsf_index import methodology as rsf

tr = i18n.translator(i18n.current())
_ = tr.gettext
years = cached.rsf_editions_published()
year, message = url_params.parse_year(st.query_params.get("edition"), years, years.latest)
query = url_params.parse_text(st.query_params.get("q"))
regions = cached.rsf_regions()
ALL = "All"  # every region: the URL's neutral value (left out of the URL as the default)


def region_label(region: str) -> str:
    """A region as the reader sees it: RSF's region in the run's language, or "All"."""
    return _("All regions") if region == ALL else tr.term("region", region)


region, region_message = url_params.parse_choice(
    st.query_params.get("region"), [ALL, *regions], ALL, label=region_label
)

st.title(_("Rankings"), anchor=False)
url_sync.note(message)
url_sync.note(region_message)
controls = layout.grid("ranking")
latest_first = list(years)[::-1]
year = controls.selectbox(years.label, latest_first, index=latest_first.index(year), key="edition")
search_label = _("Search country")
query = controls.text_input(search_label, value=query, key="q", max_chars=100)
region_title = _("Region")
region = controls.selectbox(
    region_title,
    [ALL, *regions],
    index=[ALL, *regions].index(region),
    format_func=region_label,
    key="region",
)
url_sync.sync_url({"q": "", "region": ALL}, edition=year, q=query, region=region)

# named, translated and tabulated once per edition and language (cached.ranking)
edition, every_row, every_row_data = cached.ranking(year, tr.lang, i18n.PARAM in st.query_params)


def found(rows):
    return rows["country"].str.contains(query, case=False, regex=False) | rows[
        "english"
    ].str.contains(query, case=False, regex=False)


table, shown, shown_data = edition, every_row, every_row_data
if query or region != ALL:
    kept = found(edition) if query else pd.Series(True, index=edition.index)
    if region != ALL:
        kept &= edition["region"] == region
    table = edition[kept]
    # the cached tables' rows where the search and region keep them (row for row)
    shown, shown_data = (
        rows.filter(pa.array(kept.to_numpy())) for rows in (every_row, every_row_data)
    )
era = rsf.era_of(year)
indicators = {name: tr.term("indicator", label) for name, label, _ in rsf.INDICATORS}
shown_count = _("%(shown)s of %(all)s entities.") % {
    "shown": tr.number(len(table)),
    "all": tr.number(len(edition)),
}
st.caption(
    " ".join(
        (
            shown_count,
            tr.term("era", rsf.ERAS[era]["explanation"]),
            _("Rank change: places gained since the previous edition."),
        )
    )
)
if table.empty:
    others = edition[found(edition)]
    elsewhere = (
        _("The search finds %(found)s in other regions.")
        % {
            "found": _(", ").join(
                _("%(name)s (%(region)s)")
                % {"name": md_escape(r.country), "region": md_escape(r.region_shown)}
                for r in others.itertuples()
            )
        }
        if query and region != ALL and len(others)
        else ""
    )
    active = {search_label: query} if query else {}
    chosen_region = {region_title: region_label(region)} if region != ALL else {}
    st.info(nothing_matches(active | chosen_region, elsewhere))
profile = _("Profile")
# every row: the cached table itself, whose name columns are measured once (tables.show)
tables.show(
    shown,
    height=min(36 * (len(table) + 1) + 3, 720),
    column_config={
        label: st.column_config.NumberColumn(format="%.2f")
        for label in (_("Score"), _("Score change"), *indicators.values())
    }
    | {profile: st.column_config.LinkColumn(display_text=_("Open profile"))},
)
download(
    registry.DATASETS["rsf_index"],
    shown_data,
    f"rsf_ranking_{year}.csv",
    key="ranking-csv",
)
captions.source_caption(registry.DATASETS["rsf_index"])
