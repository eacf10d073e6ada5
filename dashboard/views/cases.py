"""Cases: search and filter CPJ's records, see each case in full, follow counts to people."""

import streamlit as st

from dashboard import (
    amnesty,
    cached,
    captions,
    case_filter,
    cpj_census,
    navigation,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.names import entity_names
from dashboard.text import md_escape, nothing_matches
from etl import registry
from etl.sources.cpj import meta as cpj_meta

LABELS = {
    "iso3": "ISO3 code",
    "country_cpj": "Country (as CPJ writes it)",
    "url": "CPJ profile",
    "case_id": "Case id",
    "person_id": "Person id",
}

cases = cached.load("cpj_cases")
names = entity_names()
present = {code: names.get(code, code) for code in sorted(set(cases["iso3"]))}
present = dict(sorted(present.items(), key=lambda item: item[1]))
first, last = int(cases["event_year"].min()), int(cases["event_year"].max())
params = st.query_params

query = url_params.parse_text(params.get("q"))
countries, country_note = url_params.parse_countries(params.get("country"), present, [])
(year_from, year_to), year_note = url_params.parse_year_range(
    params.get("from"), params.get("to"), first, last
)
statuses, status_note = url_params.parse_choices(params.get("status"), cpj_meta.CASE_STATUSES, [])
charges, charge_note = url_params.parse_choices(
    params.get("charge"), cpj_meta.CHARGE_CATEGORIES, []
)
role, role_note = url_params.parse_choice(
    params.get("role"), case_filter.ROLES, case_filter.ANY_ROLE
)
census_year, census_note = url_params.parse_year(
    params.get("census"), cpj_census.list_years(), None
)

st.title("Cases")
st.markdown(
    "Journalists imprisoned, killed and missing in CPJ's records, one row per case; "
    "and cases documented by other published sources."
)
for message in (
    country_note,
    year_note,
    status_note,
    charge_note,
    role_note,
    census_note,
):
    url_sync.note(message)


def census_list(census_year: int, countries: list[str]) -> None:
    """The people counted in one census (a URL's `census=`), shown first when asked for."""
    st.header(f"Counted in CPJ's census of 1 December {census_year}", anchor=False)
    st.caption(cpj_census.currency(cached.load("cpj_census")))
    people = cached.load("cpj_census_people")
    counted = people[
        (people["year"] == census_year) & (people["iso3"].isin(countries) if countries else True)
    ]
    where = ", ".join(present.get(c, c) for c in countries) or "all countries"
    st.caption(
        f"{len(counted)} people in {md_escape(where)} in CPJ's person-level export "
        "(c. 2020). CPJ's newer counts may differ by a few after its revisions."
    )
    labels = {
        "name": "Name",
        "iso3": "Country",
        "charges": "Charges",
        "sentence": "Sentence",
        "case_id": "Case id",
    }
    tables.show(tables.readable(counted.sort_values("name"), labels, names))


records_tab, documented_tab = st.tabs(["CPJ records", "Documented cases (other sources)"])

with records_tab:
    top = st.columns([2, 2, 2])
    query = top[0].text_input("Search name or outlet", value=query, key="q", max_chars=100)
    countries = top[1].multiselect(
        "Country",
        list(present),
        default=countries,
        format_func=present.get,
        key="country",
        max_selections=url_params.MAX_COUNTRIES,
    )
    year_from, year_to = top[2].slider(
        "Year of event", first, last, (year_from, year_to), key="years"
    )
    middle = st.columns([2, 3, 1])
    statuses = middle[0].multiselect(
        "Status", cpj_meta.CASE_STATUSES, default=statuses, key="status"
    )
    charges = middle[1].multiselect(
        "Charge category", cpj_meta.CHARGE_CATEGORIES, default=charges, key="charge"
    )
    roles = list(case_filter.ROLES)
    role = middle[2].selectbox("Role", roles, index=roles.index(role), key="role")

    wanted = case_filter.CaseFilter(
        query=query,
        countries=tuple(countries),
        years=None if (year_from, year_to) == (first, last) else (year_from, year_to),
        statuses=tuple(statuses),
        charges=tuple(charges),
        role=role,
    )
    url_sync.sync_url(
        {
            "q": "",
            "country": [],
            "from": first,
            "to": last,
            "status": [],
            "charge": [],
            "role": case_filter.ANY_ROLE,
        },
        q=query,
        country=countries,
        status=statuses,
        charge=charges,
        role=role,
        **{"from": year_from, "to": year_to},
    )
    found = case_filter.filter_cases(cases, wanted).sort_values(
        ["event_year", "name"], ascending=[False, True]
    )
    shown_columns = {
        "name": "Name",
        "country_cpj": "Country",
        "status": "Status",
        "role": "Role",
        "event_date": "Date",
        "charge_categories": "Charges",
        "organizations": "Outlets",
        "motive": "Motive",
        "case_id": "Case id",
    }
    table = found[list(shown_columns)].rename(columns=shown_columns)
    if census_year:
        census_list(census_year, countries)
        st.header("All case records", anchor=False)
    st.caption(f"{len(found):,} of {len(cases):,} cases. Select a row to see the case in full.")
    if found.empty:
        active = {
            "Search": query,
            "Country": ", ".join(present.get(c, c) for c in countries),
            "Year of event": f"{year_from}–{year_to}" if wanted.years else "",
            "Status": ", ".join(statuses),
            "Charge category": ", ".join(charges),
            "Role": role if role != case_filter.ANY_ROLE else "",
        }
        st.info(nothing_matches({label: value for label, value in active.items() if value}))
    selection = tables.show(
        table,
        height=min(35 * (len(table) + 1) + 3, 420),
        on_select="rerun",
        selection_mode="single-row",
        key="table",
    )
    download(
        registry.DATASETS["cpj_cases"],
        table,
        "cpj_cases_filtered.csv",
        "Download these cases (CSV)",
    )

    picked = [table["Case id"].iloc[i] for i in selection.selection.rows] if selection else []
    case_id = picked[0] if picked else url_params.parse_text(params.get("case"), limit=200)
    if case_id and case_id in set(cases["case_id"]):
        url_sync.sync_url(case=case_id)
        case = cases[cases["case_id"] == case_id].iloc[0]
        st.header(md_escape(case["name"]), anchor=False)
        detail = {
            LABELS.get(column.name, column.name.replace("_", " ").capitalize()): case[column.name]
            for column in registry.DATASETS["cpj_cases"].columns
            if str(case[column.name]) != "<NA>"
        }
        # st.table renders every cell as markdown: data text is escaped (no links, no markup)
        st.table({"field": list(detail), "value": [md_escape(v) for v in detail.values()]})
        links = st.columns(3)
        links[0].link_button("CPJ profile", case["url"])
        links[1].page_link(
            navigation.COUNTRY.script,
            label=f"Context: {md_escape(present.get(case['iso3'], case['iso3']))}",
            query_params={"country": case["iso3"], "section": navigation.CPJ_SECTION},
            icon=":material/monitoring:",
        )
        others = cases[(cases["person_id"] == case["person_id"]) & (cases["case_id"] != case_id)]
        if not others.empty:
            st.markdown(
                "**Other cases of the same person:** "
                + ", ".join(
                    f"{md_escape(o.status)} ({md_escape(o.event_date or 'undated')})"
                    for o in others.itertuples()
                )
            )
    elif case_id:
        url_sync.note(f"No case with id {url_params.clean(case_id)[:60]!r}.")

    captions.source_caption(registry.DATASETS["cpj_cases"])

with documented_tab:
    documented = cached.load("documented_cases")
    st.markdown(
        "Cases reported by other published sources, one fact per row with the sentence it "
        "rests on. Allegations are the sources' own, attributed as they attribute them."
    )
    for _, facts in documented.groupby("case_key", sort=False):
        first_fact = facts.iloc[0]
        label = f"{first_fact['person_name']} ({names.get(first_fact['iso3'], '')})"
        with st.expander(md_escape(label)):
            shown = facts[["fact", "value", "quote", "note"]].fillna("").map(md_escape)
            st.table(shown.set_index("fact"))
            sources = facts.drop_duplicates("source_id")
            for source in sources.itertuples():
                st.markdown(
                    f"Source: {md_escape(source.publisher)}, “{md_escape(source.title)}”, "
                    f"{md_escape(source.published)}. [Read it]({source.url})"
                )
            if first_fact["cpj_case_id"] is not None and str(first_fact["cpj_case_id"]) != "<NA>":
                st.markdown(f"Also in CPJ's records: `{first_fact['cpj_case_id']}`")
            else:
                st.caption("Not in the CPJ exports available here (they end in 2023–2025).")
    captions.source_caption(registry.DATASETS["documented_cases"])

    st.header("People Amnesty names", anchor=False)
    st.caption(
        "People named in Amnesty International's texts (or in reports quoting Amnesty), with "
        "the quote and the publication; linked to CPJ's case record of the same person in "
        "the same country where the names match with certainty."
    )
    for person in amnesty.named_people(cached.load("amnesty_findings")):
        label = f"{person.name} ({names.get(person.iso3, person.iso3)}, {person.year})"
        with st.expander(md_escape(label)):
            st.markdown(
                f"> {md_escape(person.quote)}\n\n"
                f"{md_escape(person.source_kind[:1].upper() + person.source_kind[1:])}: "
                f"“{md_escape(person.title)}”. "
                f"[Read the publication]({amnesty.link_target(person.url)})"
            )
            if person.cpj_case_id and person.cpj_case_id in set(cases["case_id"]):
                how = f"{person.link_method} name match, score {person.link_score}"
                st.markdown(f"Linked to CPJ's case `{person.cpj_case_id}` ({md_escape(how)})")
                st.page_link(
                    navigation.CASES.script,
                    label="See the CPJ case",
                    query_params={"case": person.cpj_case_id},
                    icon=":material/person_search:",
                )
            else:
                st.caption("No CPJ case matched this name with certainty.")
    captions.source_caption(registry.DATASETS["amnesty_findings"])
