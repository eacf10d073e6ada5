"""Country profile: one entity's record across every source, with the cases behind the counts."""

from datetime import date

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
    peer_picker,
    plot,
    sections,
    tables,
    text,
    url_sync,
    view_controls,
)
from dashboard.chart_specs import CountryChart
from dashboard.download_button import download
from etl import registry
from etl.sources.rsf_index import methodology as rsf

tr = i18n.translator(i18n.current())
_, ngettext, pgettext = tr.gettext, tr.ngettext, tr.pgettext
lang = tr.lang

# The columns of the latest cases' table (CPJ's values in them stay as CPJ writes them)
CASE_COLUMNS = {
    "name": _("Name"),
    "status": _("Status"),
    "event_date": _("Date"),
    "charge_categories": _("Charges"),
    "case_id": _("Case id"),
}
# The sections' labels; their `section=` values in the URL stay these identifiers
SECTION_LABELS = {
    navigation.RSF_SECTION: pgettext("profile section", "RSF index"),
    navigation.CPJ_SECTION: pgettext("profile section", "CPJ records"),
    navigation.SOURCES_SECTION: pgettext("profile section", "All sources"),
}
assert set(SECTION_LABELS) == set(navigation.PROFILE_SECTIONS)


def rsf_section(series: pd.DataFrame, country: str) -> None:
    kinds = chart_specs.PROFILE_RSF_KINDS
    if not (series["methodology"] == rsf.CURRENT).any():
        kinds = tuple(kind for kind in kinds if kind != "indicators")
    # the chart's choice and, for the rank and the score, the values' on one row
    with st.container(horizontal=True, gap="medium"):
        kind = view_controls.rsf_chart(kinds)
        relative = kind in chart_specs.RELATIVE_KINDS and view_controls.relative_view(
            _(
                "The rank and score as gains since the first edition of each RSF methodology: "
                "places for the rank, points for the score; up is better."
            )
        )
    chart = cached.chart(CountryChart(kind, country, relative=relative), lang)
    plot.show(chart.figure, key=kind, sources=chart.sources, embed=chart)
    # Built when opened (a rerun): a change of country does not look up peers or list
    # methodology eras that are folded away
    peers = st.expander(
        _("Compare with peers"), icon=":material/group:", key="peers", on_change="rerun"
    )
    if peers.open:
        with peers:
            compared = cached.ranked_names()  # whom the compare page draws
            peer_picker.compare_links(country, registry.ON_COMPARE["rank"], compared, "rank")
    eras = st.expander(
        _("Why the lines break: RSF's methodology changes"), key="eras", on_change="rerun"
    )
    if eras.open:
        with eras:
            methodology_eras()
    captions.source_caption(registry.DATASETS["rsf_index"])


def methodology_eras() -> None:
    """RSF's methodologies, one line each: why the rank and score lines break."""
    # TRANSLATORS: a line of a list: "**2002–2012 (old scale)**: what it means"
    line = _("**%(era)s**: %(explanation)s")
    eras = (
        line
        % {
            "era": text.md_escape(tr.term("era", era["label"])),
            "explanation": text.md_escape(tr.term("era", era["explanation"])),
        }
        for era in rsf.ERAS.values()
    )
    st.markdown("\n".join(f"- {era}" for era in eras))


def export_label(export_date: str) -> str:
    """'Export of 2020', 'Export of Oct 8, 2024': when CPJ's export was made, as precisely
    as it is known."""
    if len(export_date) == 4:
        return _("Export of %(year)s") % {"year": export_date}
    return _("Export of %(date)s") % {"date": tr.date(date.fromisoformat(export_date), "medium")}


def census_revisions(country: str, name: str, exports: pd.DataFrame) -> None:
    """How CPJ's count for a year moved between its exports (CPJ revises past census counts
    every December), for the years where the exports here disagree."""
    revised = cpj_census.revisions(exports, country)
    st.header(_("As counted in each export"), anchor=False)
    if revised.empty:
        st.caption(
            _("CPJ's exports here give the same census count for %(country)s in every year.")
            % {"country": text.md_escape(name)}
        )
        return
    st.caption(
        _(
            "CPJ revises its past census counts every December, so exports made on different "
            "dates can count a year differently. The years where they disagree for "
            "%(country)s; the charts show the newest export's count."
        )
        % {"country": text.md_escape(name)}
    )
    table = revised.rename(columns=export_label).rename_axis(None, axis=1)
    table = table.reset_index().rename(columns={"year": _("Census year")})
    tables.show(table)
    download(registry.DATASETS["cpj_census"], table, f"census_exports_{country}.csv", key="revised")


def cpj_section(
    country: str, name: str, cases: pd.DataFrame, census: pd.DataFrame, exports: pd.DataFrame
) -> None:
    """census: CPJ's newest count per country and year (cpj_census.latest_census); exports:
    every export's count (cpj_census)."""
    killed = cached.load("cpj_killed_counts")
    safe_name = text.md_escape(name)
    country_census = census[census["iso3"] == country].sort_values("year")
    country_killed = killed[killed["iso3"] == country]
    country_cases = cases[cases["iso3"] == country]
    if country_census["imprisoned"].sum() == 0 and country_killed.empty and country_cases.empty:
        st.info(
            _("CPJ's records hold no imprisoned, killed or missing journalist for %(country)s.")
            % {"country": safe_name}
        )
        return
    log = view_controls.log_scale(
        _("Each step of the axis ten times the last: a year of a few stays readable.")
    )
    chart = cached.chart(CountryChart("cpj", country, log=log), lang)
    plot.show(chart.figure, key="cpj", sources=chart.sources, embed=chart)
    # the datasets' notes: metadata terms (i18n.metadata_terms), translated where catalogued
    notes = (tr.term("dataset note", dataset.notes[0]) for dataset in chart.sources)
    st.caption(text.md_escape(" ".join(notes)))
    st.caption(cpj_census.currency(census, lang))
    census_revisions(country, name, exports)

    st.header(_("The cases behind the numbers"), anchor=False)
    years = sorted(
        set(country_census.loc[country_census["imprisoned"] > 0, "year"])
        | set(country_killed["year"]),
        reverse=True,
    )
    if years:
        year = st.selectbox(_("Year"), years, key="year")
        jailed = int(country_census.loc[country_census["year"] == year, "imprisoned"].sum())
        dead = int(country_killed.loc[country_killed["year"] == year, "killed"].sum())
        left, right = st.columns(2)
        left.metric(
            _("Imprisoned on 1 December %(year)s") % {"year": year},
            jailed,
            help=_("CPJ's newest count for this country and year"),
        )
        # the links to the Cases page keep the reader's language when the URL names it
        same_language = {i18n.PARAM: lang} if i18n.PARAM in st.query_params else {}
        if jailed and year in cpj_census.list_years():
            left.page_link(
                navigation.link(navigation.CASES, lang),
                label=_("See the people counted"),
                query_params={"country": country, "census": str(year), **same_language},
                icon=":material/group:",
            )
        elif jailed:
            left.caption(
                _(
                    "No person-level census list after %(year)s is available; see the "
                    "imprisoned cases by arrest year on the Cases page."
                )
                % {"year": cpj_census.list_years().latest}
            )
        right.metric(
            _("Killed in %(year)s") % {"year": year},
            dead,
            help=_("All CPJ records: confirmed, unconfirmed, media workers"),
        )
        if dead:
            right.page_link(
                navigation.link(navigation.CASES, lang),
                label=ngettext("See the %(num)s case", "See the %(num)s cases", dead)
                % {"num": tr.number(dead)},
                query_params={
                    "country": country,
                    "status": "killed",
                    "from": str(year),
                    "to": str(year),
                    **same_language,
                },
                icon=":material/person_search:",
            )
    recent = country_cases.sort_values("event_year", ascending=False).head(10)
    total = len(country_cases)
    st.markdown(
        ngettext(
            "**Latest cases in %(country)s** (%(num)s in all)",
            "**Latest cases in %(country)s** (%(num)s in all)",
            total,
        )
        % {"country": safe_name, "num": tr.number(total)}
    )
    tables.show(tables.readable(recent, CASE_COLUMNS))
    st.page_link(
        navigation.link(navigation.CASES, lang),
        label=ngettext(
            "The %(num)s case for %(country)s", "All %(num)s cases for %(country)s", total
        )
        % {"num": tr.number(total), "country": safe_name},
        query_params={"country": country, **same_language},
        icon=":material/list:",
    )
    captions.source_caption(registry.DATASETS["cpj_cases"])


def sources_section(country: str, name: str) -> None:
    sources_chart = cached.chart(CountryChart("sources", country), lang)
    panels, standings, not_built = sources_chart.details
    st.markdown("\n".join(f"- {line}" for line in text.agreement_summary(name, standings, tr.lang)))
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
    with st.expander(_("What each scale means")):
        for _title, members in panels:
            for measure, _frame in members:
                # TRANSLATORS: a line of a list: "**Measure**: what its scale means (Source: …)"
                st.markdown(
                    "- "
                    + _("**%(measure)s**: %(scale)s (%(source)s)")
                    % {
                        "measure": text.md_escape(tr.term("measure", measure.label)),
                        "scale": text.md_escape(tr.term("scale", measure.scale)),
                        "source": text.md_escape(tr.term("source", measure.dataset.attribution)),
                    }
                )
    if standings:
        percentile = _("Percentile (0 = worst)")
        table = pd.DataFrame(
            [
                {
                    _("Measure"): tr.term("measure", s["measure"].label),
                    _("Year"): s["year"],
                    _("Value"): s["value"],
                    percentile: s["percentile"],
                    _("Countries rated"): s["peers"],
                }
                for s in standings
            ]
        ).sort_values(percentile, kind="stable")  # where it stands worst first
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
    st.subheader(_("What Amnesty reported"), anchor=False)
    by_year = amnesty.by_year(findings, cached.measure_values("pts_a"), country, lang)
    if by_year.empty:
        st.info(
            _(
                "No Amnesty text for %(country)s is in the curated findings (they cover the "
                "seed article's countries and the leading jailers of journalists)."
            )
            % {"country": text.md_escape(name)}
        )
        return
    st.caption(
        _(
            "Amnesty International's words, quoted with a link to each publication, beside "
            "the Political Terror Scale coded from Amnesty's annual reports. Each quote says "
            "whether it is Amnesty's own text or a report quoting Amnesty. A year without "
            "quotes means no Amnesty text was found, not that Amnesty reported nothing. The "
            "quotes stay in the language they were published in."
        )
    )
    # st.table wraps long cells (a reader sees every finding); its cells are markdown: escaped
    # (the years as text: st.table hides an index of consecutive integers)
    year_column = by_year.columns[0]
    st.table(
        by_year.set_index(by_year[year_column].astype(str))
        .drop(columns=year_column)
        .map(text.md_escape)
    )
    for year, quotes in amnesty.quotes(findings, country).items():
        label = ngettext("%(year)s: %(num)s quote", "%(year)s: %(num)s quotes", len(quotes)) % {
            "year": year,
            "num": tr.number(len(quotes)),
        }
        with st.expander(label, expanded=year == max(by_year[year_column])):
            for i, quote in enumerate(quotes):
                if i:
                    st.divider()
                st.html(amnesty.quote_html(quote.quote, quote.language))
                st.markdown(amnesty.quote_markdown(quote, lang))
    charges = (
        amnesty.charges_compared(findings, cases, country, lang) if cases is not None else None
    )
    if charges is not None and not charges.empty:
        st.markdown(_("**Charges Amnesty reports, beside the charges in CPJ's cases**"))
        st.caption(
            _(
                "Amnesty's charges mapped to CPJ's charge categories; CPJ's are the categories "
                "of its cases in the country arrested that year or the year before, or counted "
                "in that year's census (listed in CPJ's case records to 2019). The charges, as "
                "coded from Amnesty's texts, and CPJ's categories are shown in English."
            )
        )
        st.table(charges.set_index(charges.columns[0]).map(text.md_escape))
    captions.source_caption(registry.DATASETS["amnesty_findings"], registry.DATASETS["pts"])


def cpj_data() -> tuple[pd.DataFrame | None, pd.DataFrame | None, str | None]:
    """CPJ's cases and census exports, or why they are not here (they are built where the
    terms allow): read by the sections that show them, when open, not by every run of the
    page (0.1-0.2 ms each, a stamp and a shallow copy)."""
    cases, cases_missing = cached.load_if_built("cpj_cases")
    exports, census_missing = cached.load_if_built("cpj_census")
    return cases, exports, cases_missing or census_missing


lang = i18n.current()
names = cached.profile_countries(lang)
codes = list(names)
country, message = chart_specs.parse_country(st.query_params.get("country"), names)

st.title(_("Country profile"), anchor=False)
url_sync.note(message)
country = st.selectbox(
    _("Country or territory"),
    codes,
    index=codes.index(country),
    format_func=names.get,
    key="country",
)
url_sync.sync_url(country=country)
name = names[country]

series = cached.ranked_editions(country)
if series.empty:
    st.info(
        # TRANSLATORS: the index's name as RSF writes it in your language
        _("%(country)s is not ranked in RSF's World Press Freedom Index; see CPJ's records.")
        % {"country": text.md_escape(name)}
    )
else:
    st.markdown("\n".join(f"- {line}" for line in cached.country_summary(country, lang)))
st.caption(
    _("[Feed of the data changes for %(country)s](%(url)s) (Atom), build by build.")
    % {"country": text.md_escape(name), "url": f"/feeds/{country}.atom"}
)

# Only the open section runs and is drawn: a reader changing country waits for one
# section's charts, not all three.
tabs = sections.section_tabs(SECTION_LABELS, navigation.RSF_SECTION)
rsf_tab, cpj_tab, sources_tab = (tabs[s] for s in navigation.PROFILE_SECTIONS)
with rsf_tab:
    if rsf_tab.open and not series.empty:
        rsf_section(series, country)
with cpj_tab:
    if cpj_tab.open:
        cases, exports, cpj_missing = cpj_data()
        if cpj_missing:
            st.info(text.md_escape(cpj_missing), icon="ℹ️")
        else:
            cpj_section(country, name, cases, cached.latest_census(), exports)
with sources_tab:
    if sources_tab.open:
        cases, _exports, cpj_missing = cpj_data()
        sources_section(country, name)
        amnesty_section(country, name, None if cpj_missing else cases)
