"""Landing page: the latest edition at a glance, and where to go next."""

import streamlit as st

from dashboard import cached, captions, chart_specs, navigation, plot, tables
from dashboard.download_button import download
from dashboard.text import md_escape
from etl import project, registry
from etl.sources.rsf_index import methodology as rsf

index = cached.load_rsf_index()
latest_year = int(index["year"].max())
latest = index[index["year"] == latest_year]

st.title(project.NAME)
st.markdown(
    "How free is journalism, country by country and year by year? This dashboard brings "
    f"together RSF's World Press Freedom Index (every edition since {int(index['year'].min())}), "
    "CPJ's records of "
    "journalists imprisoned, killed and missing, RSF's round-up figures, and the repression "
    "context coded from Amnesty International, Human Rights Watch, Freedom House and V-Dem, "
    "as open, documented data you can download and cite."
)

bands = latest["situation"].value_counts()
columns = st.columns(len(rsf.SITUATIONS))
for column, band in zip(columns, rsf.SITUATIONS, strict=True):
    column.metric(
        f"{band.capitalize()} ({latest_year})",
        int(bands.get(band, 0)),
        help=f"Entities RSF places in a {band} situation in {latest_year}",
    )

left, right = st.columns(2)
with left:
    chart = cached.chart(chart_specs.BandsChart())
    plot.show(chart.figure, key="bands", sources=chart.sources, embed=chart, in_column=True)
with right:
    st.header(f"Largest moves since {int(latest['previous_year'].iloc[0])}")
    moves = latest.dropna(subset=["rank_change"]).sort_values("rank_change")
    shown = ["country", "rank", "rank_change", "score_change"]
    labels = {
        "country": "Country",
        "rank": f"Rank {latest_year}",
        "rank_change": "Places",
        "score_change": "Score change",
    }
    moves = moves.assign(profile="/" + navigation.COUNTRY.url_path + "?country=" + moves["iso3"])
    links = {"profile": st.column_config.LinkColumn("Profile", display_text="Open profile")}
    st.markdown("**Fell furthest**")
    tables.show(moves.head(5)[[*shown, "profile"]].rename(columns=labels), column_config=links)
    st.markdown("**Rose furthest**")
    tables.show(
        moves.tail(5).iloc[::-1][[*shown, "profile"]].rename(columns=labels), column_config=links
    )
    download(
        registry.DATASETS["rsf_index"],
        moves[shown].rename(columns=labels),
        "moves.csv",
        "Download every move (CSV)",
        key="moves-csv",
    )

st.header("Explore")
destinations = (
    navigation.WORLD_MAP,
    navigation.COUNTRY,
    navigation.CASES,
    navigation.COMPARED,
    navigation.DATA,
)
for column, page in zip(st.columns(len(destinations)), destinations, strict=True):
    column.page_link(page.script, label=page.title, icon=page.icon)
st.caption(md_escape(rsf.ERAS[rsf.CURRENT]["explanation"]))
captions.source_caption(registry.DATASETS["rsf_index"])
