"""Country profile: one entity's record across every source, with the cases behind the counts."""

import pandas as pd
import streamlit as st

from dashboard import (
    amnesty,
    cached,
    captions,
    chart_specs,
    cpj_census,
    i18n,
    navigation,
    plot,
    tables,
    text,
    url_sync,
)
from dashboard.chart_specs import CountryChart
from dashboard.download_button import download
from dashboard.names import entity_names
from etl import registry
from etl.sources.rsf_index import methodology as rsf

CASE_COLUMNS = {
    "name": "Name",
    "status": "Status",
    "event_date": "Date",
    "charge_categories": "Charges",
    "case_id": "Case id",
}


def rsf_section(series: pd.DataFrame, country: str) -> None:
    kinds = ("rank", "score")
    if (series["methodology"] == rsf.CURRENT).any():
        kinds += ("indicators",)
    for kind in kinds:
        chart = cached.chart(CountryChart(kind, country))
        plot.show(chart.figure, key=kind, sources=chart.sources, embed=chart)
    with st.expander("Why the lines break: RSF's methodology changes"):
        for era in rsf.ERAS.values():
            st.markdown(f"- **{era['label']}**: {text.md_escape(era['explanation'])}")
    captions.source_caption(registry.DATASETS["rsf_index"])


def cpj_section(country: str, name: str, cases: pd.DataFrame, census: pd.DataFrame) -> None:
    """census: CPJ's newest count per country and year (cpj_census.latest_census)."""
    killed = cached.load("cpj_killed_counts")
    safe_name = text.md_escape(name)
    country_census = census[census["iso3"] == country].sort_values("year")
    country_killed = killed[killed["iso3"] == country]
    country_cases = cases[cases["iso3"] == country]
    if country_census["imprisoned"].sum() == 0 and country_killed.empty and country_cases.empty:
        st.info(f"CPJ's records hold no imprisoned, killed or missing journalist for {safe_name}.")
        return
    chart = cached.chart(CountryChart("cpj", country))
    plot.show(chart.figure, key="cpj", sources=chart.sources, embed=chart)
    st.caption(text.md_escape(" ".join(dataset.notes[0] for dataset in chart.sources)))
    st.caption(cpj_census.currency(census))

    st.header("The cases behind the numbers", anchor=False)
    years = sorted(
        set(country_census.loc[country_census["imprisoned"] > 0, "year"])
        | set(country_killed["year"]),
        reverse=True,
    )
    if years:
        year = st.selectbox("Year", years, key="year")
        jailed = int(country_census.loc[country_census["year"] == year, "imprisoned"].sum())
        dead = int(country_killed.loc[country_killed["year"] == year, "killed"].sum())
        left, right = st.columns(2)
        left.metric(
            f"Imprisoned on 1 December {year}",
            jailed,
            help="CPJ's newest count for this country and year",
        )
        if jailed and year in cpj_census.list_years():
            left.page_link(
                navigation.CASES.script,
                label="See the people counted",
                query_params={"country": country, "census": str(year)},
                icon=":material/group:",
            )
        elif jailed:
            left.caption(
                f"No person-level census list after {cpj_census.list_years().latest} is "
                "available; see the "
                "imprisoned cases by arrest year on the Cases page."
            )
        right.metric(
            f"Killed in {year}", dead, help="All CPJ records: confirmed, unconfirmed, media workers"
        )
        if dead:
            right.page_link(
                navigation.CASES.script,
                label=f"See the {dead} case(s)",
                query_params={
                    "country": country,
                    "status": "killed",
                    "from": str(year),
                    "to": str(year),
                },
                icon=":material/person_search:",
            )
    recent = country_cases.sort_values("event_year", ascending=False).head(10)
    st.markdown(f"**Latest cases in {safe_name}** ({len(country_cases):,} in all)")
    tables.show(tables.readable(recent, CASE_COLUMNS))
    st.page_link(
        navigation.CASES.script,
        label=f"All {len(country_cases):,} cases for {safe_name}",
        query_params={"country": country},
        icon=":material/list:",
    )
    captions.source_caption(registry.DATASETS["cpj_cases"])


def sources_section(country: str, name: str) -> None:
    sources_chart = cached.chart(CountryChart("sources", country))
    panels, standings, not_built = sources_chart.details
    st.markdown("\n".join(f"- {line}" for line in text.agreement_summary(name, standings)))
    for reason in not_built:
        st.info(text.md_escape(reason), icon="ℹ️")
    if not panels:
        return
    plot.show(
        sources_chart.figure,
        key="sources",
        sources=sources_chart.sources,
        data_frame=sources_chart.table,
        embed=sources_chart,
    )
    with st.expander("What each scale means"):
        for _, members in panels:
            for measure, _ in members:
                st.markdown(
                    f"- **{text.md_escape(measure.label)}**: "
                    f"{text.md_escape(measure.scale)} "
                    f"({text.md_escape(measure.dataset.attribution)})"
                )
    if standings:
        table = pd.DataFrame(
            [
                {
                    "Measure": s["measure"].label,
                    "Year": s["year"],
                    "Value": s["value"],
                    "Percentile (0 = worst)": s["percentile"],
                    "Countries rated": s["peers"],
                }
                for s in standings
            ]
        ).sort_values("Percentile (0 = worst)", kind="stable")  # where it stands worst first
        tables.show(table)
        download(
            list({s["measure"].dataset.name: s["measure"].dataset for s in standings}.values()),
            table,
            f"standings_{country}.csv",
            key="standings-csv",
        )


def amnesty_section(country: str, name: str, cases: pd.DataFrame | None) -> None:
    """What Amnesty reported, year by year, beside the PTS coded from Amnesty's reports; and
    the charges Amnesty reports beside the charges in CPJ's cases (when CPJ's are built)."""
    findings = cached.load("amnesty_findings")
    st.subheader("What Amnesty reported", anchor=False)
    by_year = amnesty.by_year(findings, cached.measure_values("pts_a"), country)
    if by_year.empty:
        st.info(
            f"No Amnesty text for {text.md_escape(name)} is in the curated findings (they "
            "cover the seed article's countries and the leading jailers of journalists)."
        )
        return
    st.caption(
        "Amnesty International's words, quoted with a link to each publication, beside the "
        "Political Terror Scale coded from Amnesty's annual reports. Each quote says whether "
        "it is Amnesty's own text or a report quoting Amnesty. A year without quotes means "
        "no Amnesty text was found, not that Amnesty reported nothing."
    )
    # st.table wraps long cells (a reader sees every finding); its cells are markdown: escaped
    # (the years as text: st.table hides an index of consecutive integers)
    st.table(
        by_year.set_index(by_year["Year"].astype(str)).drop(columns="Year").map(text.md_escape)
    )
    for year, quotes in amnesty.quotes(findings, country).items():
        with st.expander(f"{year}: {len(quotes)} quote(s)", expanded=year == max(by_year["Year"])):
            st.markdown("\n\n---\n\n".join(amnesty.quote_markdown(q) for q in quotes))
    charges = amnesty.charges_compared(findings, cases, country) if cases is not None else None
    if charges is not None and not charges.empty:
        st.markdown("**Charges Amnesty reports, beside the charges in CPJ's cases**")
        st.caption(
            "Amnesty's charges mapped to CPJ's charge categories; CPJ's are the categories of "
            "its cases in the country arrested that year or the year before, or counted in "
            "that year's census (listed in CPJ's case records to 2019)."
        )
        st.table(charges.set_index("Year").map(text.md_escape))
    captions.source_caption(registry.DATASETS["amnesty_findings"])
    captions.source_caption(registry.DATASETS["pts"])


index = cached.load_rsf_index()
cases, cpj_missing = cached.load_if_built("cpj_cases")
census, census_missing = cached.load_if_built("cpj_census")
cpj_missing = cpj_missing or census_missing
census = cpj_census.latest_census(census) if census is not None else None
all_names = entity_names()
codes = sorted(
    set(index["iso3"])
    # the census's residual that no country accounts for has no code
    | (set(cases["iso3"]) | set(census["iso3"].dropna()) if not cpj_missing else set()),
    key=lambda code: all_names.get(code, code),
)
# names in the reader's language (CLDR; the catalogue for entities without an ISO code)
lang = i18n.current()
names = {code: i18n.country_name(code, lang, all_names.get(code, code)) for code in codes}
codes = sorted(codes, key=names.get)
country, message = chart_specs.parse_country(st.query_params.get("country"), names)

st.title(i18n.gettext("Country profile"))
url_sync.note(message)
country = st.selectbox(
    "Country or territory", codes, index=codes.index(country), format_func=names.get, key="country"
)
url_sync.sync_url(country=country)
name = names[country]

series = index[index["iso3"] == country].sort_values("year")
if series.empty:
    st.info(
        f"{text.md_escape(name)} is not ranked in RSF's World Press Freedom Index; "
        "see CPJ's records."
    )
else:
    st.markdown("\n".join(f"- {line}" for line in text.country_summary(series, lang)))

# Only the open section runs and is drawn: a reader changing country waits for one
# section's charts, not all five. The open section is in the URL (`section=`).
rsf_tab, cpj_tab, sources_tab = st.tabs(
    navigation.PROFILE_SECTIONS, key="section", bind="query-params"
)
with rsf_tab:
    if rsf_tab.open and not series.empty:
        rsf_section(series, country)
with cpj_tab:
    if cpj_tab.open and cpj_missing:
        st.info(text.md_escape(cpj_missing), icon="ℹ️")
    elif cpj_tab.open:
        cpj_section(country, name, cases, census)
with sources_tab:
    if sources_tab.open:
        sources_section(country, name)
        amnesty_section(country, name, None if cpj_missing else cases)
