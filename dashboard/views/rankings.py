"""The ranking table of one edition, sortable and searchable."""

import streamlit as st

from dashboard import cached, captions, navigation, rsf_editions, tables, url_params, url_sync
from dashboard.download_button import download
from dashboard.text import md_escape, nothing_matches
from etl import registry
from etl.sources.rsf_index import methodology as rsf

index = cached.load_rsf_index()
years = rsf_editions.editions(index)
year, message = url_params.parse_year(st.query_params.get("edition"), years, years.latest)
query = url_params.parse_text(st.query_params.get("q"))
regions = sorted(index["region"].unique())
ALL = "All"  # every region
region, region_message = url_params.parse_choice(
    st.query_params.get("region"), [ALL, *regions], ALL
)

st.title("Rankings")
url_sync.note(message)
url_sync.note(region_message)
left, middle, right = st.columns([1, 2, 2])
latest_first = list(years)[::-1]
year = left.selectbox(years.label, latest_first, index=latest_first.index(year), key="edition")
query = middle.text_input("Search country", value=query, key="q", max_chars=100)
region = right.selectbox(
    "Region", [ALL, *regions], index=[ALL, *regions].index(region), key="region"
)
url_sync.sync_url({"q": "", "region": ALL}, edition=year, q=query, region=region)

table = index[index["year"] == year]
if query:
    table = table[table["country"].str.contains(query, case=False, regex=False)]
if region != ALL:
    table = table[table["region"] == region]
era = rsf.era_of(year)
# the situation band and the five indicators exist in the current methodology only
indicators = {name: name.capitalize() for name, _, _ in rsf.INDICATORS}
current = {"situation": "Situation", **indicators} if era == rsf.CURRENT else {}
columns = {
    "rank": "Rank",
    "country": "Country",
    "score": "Score",
    "rank_change": "Rank change",
    "score_change": "Score change",
    **current,
    "region": "Region",
}
st.caption(
    f"{len(table)} of {int((index['year'] == year).sum())} entities. "
    + rsf.ERAS[era]["explanation"]
    + " Rank change: places gained since the previous edition."
)
if table.empty:
    this_year = index[index["year"] == year]
    others = this_year[this_year["country"].str.contains(query, case=False, regex=False)]
    elsewhere = (
        "The search finds "
        + ", ".join(f"{md_escape(r.country)} ({md_escape(r.region)})" for r in others.itertuples())
        + " in other regions."
        if query and region != ALL and len(others)
        else ""
    )
    active = {"Search country": query} if query else {}
    st.info(nothing_matches(active | ({"Region": region} if region != ALL else {}), elsewhere))
shown = table[list(columns)].rename(columns=columns)
shown["Profile"] = "/" + navigation.COUNTRY.url_path + "?country=" + table["iso3"]
tables.show(
    shown,
    height=min(36 * (len(table) + 1) + 3, 720),
    column_config={
        label: st.column_config.NumberColumn(format="%.2f")
        for label in ("Score", "Score change", *indicators.values())
    }
    | {"Profile": st.column_config.LinkColumn(display_text="Open profile")},
)
download(
    registry.DATASETS["rsf_index"],
    shown.drop(columns=["Profile"]),
    f"rsf_ranking_{year}.csv",
    key="ranking-csv",
)
captions.source_caption(registry.DATASETS["rsf_index"])
