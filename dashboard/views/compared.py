"""Sources compared: RSF's and CPJ's counts of jailed journalists, and why they differ."""

import streamlit as st

from dashboard import (
    cached,
    captions,
    i18n,
    plot,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.i18n import N_
from dashboard.text import md_escape
from etl import registry

tr = i18n.translator(i18n.current())
_ = tr.gettext

years, latest_of_both = cached.compared_years()  # the default: both sources speak
year, message = url_params.parse_year(st.query_params.get("edition"), years, latest_of_both)

st.title(_("Sources compared: journalists in prison"), anchor=False)
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

last_census = int(cached.detained_by_year()[1].index.max())


@st.fragment
def by_country(year: int) -> None:
    """The countries' counts of the year the reader picks: a fragment, so a change of year
    reruns this section alone, not the chart above it or the reasons below, which the year
    does not change."""
    year = st.select_slider(years.label, options=years.values, value=year, key="edition")
    url_sync.sync_url(edition=year)
    # built, and written as HTML, once per release, year and language
    table, totals = cached.jailed_by_country(year, tr.lang)
    st.header(_("By country, %(year)s") % {"year": year}, anchor=False)
    st.caption(
        md_escape(
            _(
                "%(totals)s. RSF publishes country figures only for its leading jailers; "
                "“%(not_published)s” is not zero. CPJ's census has no figures after %(last)s "
                "in the data available here."
            )
            % {
                "totals": totals,
                "not_published": _("not published"),
                "last": last_census,
            }
        )
    )
    # plain HTML tables (tables.as_html): a grid or st.table had the browser load
    # Streamlit's table and Arrow modules, and a markdown table build itself cell by cell,
    # before it drew the chart above (README, Performance)
    st.html(tables.as_html(table))
    download(
        [registry.DATASETS["rsf_roundup"], registry.DATASETS["cpj_census"]],
        table,
        f"jailed_by_country_{year}.csv",
        key="table-csv",
    )


by_country(year)

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
st.markdown(  # one list, one element
    "\n".join(
        # TRANSLATORS: one reason the counts differ: its title in bold, then the reason
        _("- **%(title)s.** %(reason)s") % {"title": _(title), "reason": _(reason)}
        for title, reason in REASONS
    )
)

st.subheader(
    _("Amnesty and CPJ: where one reports jailed journalists and the other not"), anchor=False
)
findings = cached.load("amnesty_findings")
# compared, translated and written as HTML once per release and language
any_reported, disagreements, shown_disagreements = cached.detention_disagreements(tr.lang)
st.markdown(
    _(
        "For the countries Amnesty's curated findings cover, from %(first)s to CPJ's latest "
        "census here (%(last)s): the years Amnesty reports journalists detained where CPJ's "
        "census counts none, and the years CPJ counts journalists in prison where no Amnesty "
        "text was found. “No Amnesty text found” means the curated record holds no Amnesty "
        "text for that year, not that Amnesty reported no detentions."
    )
    % {"first": int(findings["year"].min()), "last": last_census}
)
if not any_reported:
    st.caption(
        _(
            "No year where Amnesty reports journalists detained has a CPJ census count of "
            "zero (years after CPJ's latest census here are not compared)."
        )
    )
st.html(tables.as_html(shown_disagreements))
download(
    [registry.DATASETS["amnesty_findings"], registry.DATASETS["cpj_census"]],
    disagreements,
    "amnesty_cpj_detained_disagreements.csv",
    key="amnesty-csv",
)
captions.source_caption(
    *(registry.DATASETS[name] for name in ("rsf_roundup", "cpj_census", "amnesty_findings"))
)
