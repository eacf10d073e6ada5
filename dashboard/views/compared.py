"""Sources compared: RSF's and CPJ's counts of jailed journalists, and why they differ."""

import pandas as pd
import streamlit as st

from dashboard import (
    amnesty,
    cached,
    captions,
    cpj_census,
    i18n,
    plot,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.i18n import N_
from dashboard.names import entity_names
from dashboard.text import md_escape
from etl import registry

tr = i18n.translator(i18n.current())
_ = tr.gettext
roundup = cached.load("rsf_roundup")
census = cpj_census.latest_census(cached.load("cpj_census"))
# countries by their names in the run's language (CLDR's; the data's in English)
names = {code: tr.country(code, name) for code, name in entity_names().items()}

rsf_world, cpj_world = cached.detained_by_year()
years = url_params.Years(
    tuple(set(rsf_world["year"]) | set(cpj_world.index[cpj_world.index >= 2015])), "year"
)
both = sorted(set(rsf_world["year"]) & set(cpj_world.index))  # the default: both sources speak
year, message = url_params.parse_year(
    st.query_params.get("edition"), years, both[-1] if both else years.latest
)

st.title(_("Sources compared: journalists in prison"))
url_sync.note(message)
st.markdown(
    _(
        "RSF and CPJ both count journalists in prison, and their numbers differ every year. "
        "Neither is wrong: they count different people on different days. Here they are side "
        "by side, with the reasons."
    )
)
# the same chart whatever the year below: drawn once per release and language
figure, world = cached.detained_compared(years.values, tr.lang)
plot.show(
    figure,
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
    return tr.number(int(cpj_country.get(code, 0))) if census_taken else _("no census")


CPJ_CENSUS = _("CPJ (1 December census)")
table = pd.DataFrame(
    {
        _("Country"): [names.get(c, c) for c in codes],
        CPJ_CENSUS: [cpj_cell(c) for c in codes],
        _("RSF (round-up, where published)"): [
            tr.number(int(rsf_figures[c])) if c in rsf_figures.index else _("not published")
            for c in codes
        ],
    }
)
rsf_total = rsf_world.set_index("year")["value"].get(year)
cpj_total = cpj_world.get(year)
# TRANSLATORS: "n/a": no figure for that year
missing = _("n/a")
totals = _("World: CPJ %(cpj)s · RSF %(rsf)s") % {
    "cpj": tr.number(int(cpj_total)) if cpj_total is not None else missing,
    "rsf": tr.number(int(rsf_total)) if rsf_total is not None else missing,
}
st.header(_("By country, %(year)s") % {"year": year}, anchor=False)
st.caption(
    md_escape(
        _(
            "%(totals)s. RSF publishes country figures only for its leading jailers; "
            "“%(not_published)s” is not zero. CPJ's census has no figures after %(last)s in "
            "the data available here."
        )
        % {
            "totals": totals,
            "not_published": _("not published"),
            "last": int(census["year"].max()),
        }
    )
)
# markdown tables, drawn with the page's text: a grid or st.table had the browser load
# Streamlit's table and Arrow modules before it drew the chart above (README, Performance)
st.markdown(tables.as_markdown(table.assign(**{_("Country"): table[_("Country")].map(md_escape)})))
download(
    [registry.DATASETS["rsf_roundup"], registry.DATASETS["cpj_census"]],
    table,
    f"jailed_by_country_{year}.csv",
    key="table-csv",
)

st.header(_("Why the numbers differ"), anchor=False)
REASONS = (
    (
        N_("Reference date"),
        N_(
            "CPJ counts who is in prison at midnight on 1 December; RSF's "
            "round-up counts who is detained on 1 December too, but publishes mid-December and "
            "its barometer updates through the year. People jailed and freed within the year "
            "appear in neither count."
        ),
    ),
    (
        N_("Who counts"),
        N_(
            "RSF counts professional journalists, non-professional (citizen) "
            "journalists and media workers; CPJ's census counts journalists, including freelancers "
            "and bloggers it judges to be doing journalism. RSF's wider definition gives larger "
            "totals."
        ),
    ),
    (
        N_("Link to journalism"),
        N_(
            "Both include a case only when the detention is linked to the "
            "person's work, each by its own investigation; they reach different verdicts on some "
            "cases."
        ),
    ),
    (
        N_("Revisions"),
        N_(
            "Both revise past figures as cases come to light (CPJ revised its whole "
            "census series in 2018; RSF restated its 2022 count of journalists killed from 57 to "
            "61). The dashboard keeps each published version with its date."
        ),
    ),
    (
        N_("Coverage here"),
        N_(
            "RSF figures come from curated publications (each row quotes its "
            "source); CPJ figures for 2020–2023 come from Gapminder's compilation of CPJ data."
        ),
    ),
)
for title, reason in REASONS:
    # TRANSLATORS: one reason the counts differ: its title in bold, then the reason
    st.markdown(_("- **%(title)s.** %(reason)s") % {"title": _(title), "reason": _(reason)})

st.subheader(
    _("Amnesty and CPJ: where one reports jailed journalists and the other not"), anchor=False
)
findings = cached.load("amnesty_findings")
disagreements = cached.detention_disagreements(tr.lang)
reported_none = disagreements[disagreements["Amnesty"] != amnesty.NO_TEXT]
st.markdown(
    _(
        "For the countries Amnesty's curated findings cover, from %(first)s to CPJ's latest "
        "census here (%(last)s): the years Amnesty reports journalists detained where CPJ's "
        "census counts none, and the years CPJ counts journalists in prison where no Amnesty "
        "text was found. “No Amnesty text found” means the curated record holds no Amnesty "
        "text for that year, not that Amnesty reported no detentions."
    )
    % {"first": int(findings["year"].min()), "last": int(census["year"].max())}
)
if reported_none.empty:
    st.caption(
        _(
            "No year where Amnesty reports journalists detained has a CPJ census count of "
            "zero (years after CPJ's latest census here are not compared)."
        )
    )
    # nothing to quote: the words and links columns would be empty
    disagreements = disagreements.drop(columns=["Amnesty's words", "Publication"])
# what Amnesty's column says, in the run's language (amnesty.detention_disagreements)
FINDINGS = {
    "reports journalists detained": N_("reports journalists detained"),
    amnesty.NO_TEXT: N_("no Amnesty text found"),
}
HEADERS = {
    "Country": _("Country"),
    "Year": _("Year"),
    "Amnesty": _("Amnesty"),
    "CPJ (1 December census)": CPJ_CENSUS,
    "Amnesty's words": _("Amnesty's words"),
    "Publication": _("Publication"),
}
disagreements = disagreements.assign(
    Amnesty=disagreements["Amnesty"].map(lambda said: _(FINDINGS.get(said, said)))
)
# every row shown, long quotes wrapped; its cells are markdown: escaped, and the
# publication a link
shown = disagreements.map(md_escape)
if "Publication" in shown:
    shown["Publication"] = [
        _("[Read it](%(url)s)") % {"url": amnesty.link_target(url)} if url else ""
        for url in disagreements["Publication"]
    ]
shown = shown.rename(columns=HEADERS)
st.markdown(tables.as_markdown(shown.set_index(HEADERS["Country"])))
download(
    [registry.DATASETS["amnesty_findings"], registry.DATASETS["cpj_census"]],
    disagreements.rename(columns=HEADERS),
    "amnesty_cpj_detained_disagreements.csv",
    key="amnesty-csv",
)
captions.source_caption(registry.DATASETS["rsf_roundup"])
captions.source_caption(registry.DATASETS["cpj_census"])
captions.source_caption(registry.DATASETS["amnesty_findings"])
