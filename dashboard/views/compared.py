"""Sources compared: RSF's and CPJ's counts of jailed journalists, and why they differ."""

import pandas as pd
import streamlit as st

from dashboard import (
    amnesty,
    cached,
    captions,
    cpj_census,
    plot,
    tables,
    url_params,
    url_sync,
)
from dashboard.charts import counts
from dashboard.download_button import download
from dashboard.names import entity_names
from dashboard.text import md_escape
from etl import registry

roundup = cached.load("rsf_roundup")
census = cpj_census.latest_census(cached.load("cpj_census"))
names = entity_names()

rsf_world = (
    roundup[(roundup["scope"] == "world") & (roundup["measure"] == "detained")]
    .sort_values("published")
    .drop_duplicates("year", keep="last")
)
cpj_world = census.groupby("year")["imprisoned"].sum()
years = url_params.Years(
    tuple(set(rsf_world["year"]) | set(cpj_world.index[cpj_world.index >= 2015])), "year"
)
both = sorted(set(rsf_world["year"]) & set(cpj_world.index))  # the default: both sources speak
year, message = url_params.parse_year(
    st.query_params.get("edition"), years, both[-1] if both else years.latest
)

st.title("Sources compared: journalists in prison")
url_sync.note(message)
st.markdown(
    "RSF and CPJ both count journalists in prison, and their numbers differ every year. "
    "Neither is wrong: they count different people on different days. Here they are side "
    "by side, with the reasons."
)
world = pd.concat(
    [
        pd.DataFrame(
            {
                "year": rsf_world["year"],
                "value": rsf_world["value"],
                "source": "RSF round-up (detained)",
            }
        ),
        pd.DataFrame(
            {
                "year": cpj_world.index,
                "value": cpj_world.values,
                "source": "CPJ census (1 December)",
            }
        ),
    ]
)
world = world[world["year"].isin(years.values)].astype({"year": int, "value": int})
plot.show(
    counts.detained_compared(world),
    key="world",
    sources=[registry.DATASETS["rsf_roundup"], registry.DATASETS["cpj_census"]],
    data_frame=world,
)

year = st.select_slider(years.label, options=years.values, value=year, key="edition")
url_sync.sync_url(edition=year)
rsf_country = (
    roundup[
        (roundup["scope"] == "country")
        & (roundup["measure"] == "detained")
        & (roundup["year"] == year)
    ]
    .sort_values("published")
    .drop_duplicates("iso3", keep="last")
)
cpj_country = census[census["year"] == year].groupby("iso3")["imprisoned"].sum()
rsf_figures = rsf_country.set_index("iso3")["value"]
codes = sorted(
    set(rsf_figures.index) | set(cpj_country[cpj_country > 0].index),
    key=lambda c: -max(cpj_country.get(c, 0), int(rsf_figures.get(c, 0))),
)
census_taken = year in cpj_world.index


def cpj_cell(code: str) -> str:
    """A census lists everyone held, so a country absent from a census year held no one."""
    return f"{int(cpj_country.get(code, 0))}" if census_taken else "no census"


table = pd.DataFrame(
    {
        "Country": [names.get(c, c) for c in codes],
        "CPJ (1 December census)": [cpj_cell(c) for c in codes],
        "RSF (round-up, where published)": [
            f"{int(rsf_figures[c])}" if c in rsf_figures.index else "not published" for c in codes
        ],
    }
)
rsf_total = rsf_world.set_index("year")["value"].get(year)
cpj_total = cpj_world.get(year)
totals = (
    f"World: CPJ {cpj_total if cpj_total is not None else 'n/a'} · "
    f"RSF {rsf_total if rsf_total is not None else 'n/a'}"
)
st.header(f"By country, {year}", anchor=False)
st.caption(
    md_escape(totals) + ". RSF publishes country figures only for its leading "
    'jailers; "not published" is not zero. CPJ\'s census has no figures after '
    f"{int(census['year'].max())} in the data available here."
)
tables.show(table)
download(
    [registry.DATASETS["rsf_roundup"], registry.DATASETS["cpj_census"]],
    table,
    f"jailed_by_country_{year}.csv",
    key="table-csv",
)

st.header("Why the numbers differ", anchor=False)
REASONS = (
    (
        "Reference date",
        "CPJ counts who is in prison at midnight on 1 December; RSF's "
        "round-up counts who is detained on 1 December too, but publishes mid-December and "
        "its barometer updates through the year. People jailed and freed within the year "
        "appear in neither count.",
    ),
    (
        "Who counts",
        "RSF counts professional journalists, non-professional (citizen) "
        "journalists and media workers; CPJ's census counts journalists, including freelancers "
        "and bloggers it judges to be doing journalism. RSF's wider definition gives larger "
        "totals.",
    ),
    (
        "Link to journalism",
        "Both include a case only when the detention is linked to the "
        "person's work, each by its own investigation; they reach different verdicts on some "
        "cases.",
    ),
    (
        "Revisions",
        "Both revise past figures as cases come to light (CPJ revised its whole "
        "census series in 2018; RSF restated its 2022 count of journalists killed from 57 to "
        "61). The dashboard keeps each published version with its date.",
    ),
    (
        "Coverage here",
        "RSF figures come from curated publications (each row quotes its "
        "source); CPJ figures for 2020–2023 come from Gapminder's compilation of CPJ data.",
    ),
)
for title, reason in REASONS:
    st.markdown(f"- **{title}.** {reason}")

st.subheader(
    "Amnesty and CPJ: where one reports jailed journalists and the other not", anchor=False
)
findings = cached.load("amnesty_findings")
disagreements = amnesty.detention_disagreements(findings, census, names)
reported_none = disagreements[disagreements["Amnesty"] != amnesty.NO_TEXT]
st.markdown(
    "For the countries Amnesty's curated findings cover, from "
    f"{int(findings['year'].min())} to CPJ's latest census here "
    f"({int(census['year'].max())}): the years Amnesty reports journalists detained where "
    "CPJ's census counts none, and the years CPJ counts journalists in prison where no "
    'Amnesty text was found. "No Amnesty text found" means the curated record holds no '
    "Amnesty text for that year, not that Amnesty reported no detentions."
)
if reported_none.empty:
    st.caption(
        "No year where Amnesty reports journalists detained has a CPJ census count of zero "
        "(years after CPJ's latest census here are not compared)."
    )
    # nothing to quote: the words and links columns would be empty
    disagreements = disagreements.drop(columns=["Amnesty's words", "Publication"])
# a static table (every row shown, long quotes wrapped); its cells are markdown: escaped,
# and the publication a link
shown = disagreements.map(md_escape)
if "Publication" in shown:
    shown["Publication"] = [
        f"[Read it]({amnesty.link_target(url)})" if url else ""
        for url in disagreements["Publication"]
    ]
st.table(shown.set_index("Country"))
download(
    [registry.DATASETS["amnesty_findings"], registry.DATASETS["cpj_census"]],
    disagreements,
    "amnesty_cpj_detained_disagreements.csv",
    key="amnesty-csv",
)
captions.source_caption(registry.DATASETS["rsf_roundup"])
captions.source_caption(registry.DATASETS["cpj_census"])
captions.source_caption(registry.DATASETS["amnesty_findings"])
