"""Cases: search and filter CPJ's records, see each case in full, follow counts to people."""

import streamlit as st

from dashboard import (
    amnesty,
    cached,
    captions,
    case_filter,
    cpj_census,
    i18n,
    layout,
    navigation,
    sections,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.names import entity_names_in
from dashboard.text import md_escape, nothing_matches
from etl import registry
from etl.sources.cpj import meta as cpj_meta

tr = i18n.translator(i18n.current())
_, ngettext, pgettext = tr.gettext, tr.ngettext, tr.pgettext
lang = tr.lang

# A case's fields as its detail table names them (the columns' names, readable; a column not
# listed here reads as its name)
LABELS = {
    "case_id": _("Case id"),
    "person_id": _("Person id"),
    "name": _("Name"),
    "iso3": _("ISO3 code"),
    "country_cpj": _("Country (as CPJ writes it)"),
    "status": _("Status"),
    "role": _("Role"),
    "organizations": _("Organizations"),
    "event_date": _("Event date"),
    "event_date_precision": _("Event date precision"),
    "event_year": _("Event year"),
    "event_date_raw": _("Event date raw"),
    "charges": _("Charges"),
    "charge_categories": _("Charge categories"),
    "census_years": _("Census years"),
    "sentence": _("Sentence"),
    "mediums": _("Mediums"),
    "beats": _("Beats"),
    "gender": _("Gender"),
    "local_or_foreign": _("Local or foreign"),
    "sources_of_fire": _("Sources of fire"),
    "impunity": _("Impunity"),
    "location": _("Location"),
    "type_of_death": _("Type of death"),
    "motive": _("Motive"),
    "sources": _("Sources"),
    "url": _("CPJ profile"),
    "former_person_ids": _("Former person ids"),
    "profile_check": _("Profile check"),
    "possible_person_ids": _("Possible person ids"),
    "text_quality": _("Text quality"),
    "existence_flag": _("Existence flag"),
}

cases = cached.load_shared("cpj_cases")  # read only: its length, a chosen case
# countries by their names in the reader's language (CLDR; the catalogue for the others)
names = entity_names_in(lang)
present = case_filter.countries_present(lang)
first, last = case_filter.event_years()
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

st.title(_("Cases"), anchor=False)
st.markdown(
    _(
        "Journalists imprisoned, killed and missing in CPJ's records, one row per case; "
        "and cases documented by other published sources."
    )
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
    st.header(
        _("Counted in CPJ's census of 1 December %(year)s") % {"year": census_year}, anchor=False
    )
    st.caption(cpj_census.currency(cached.load("cpj_census"), lang))
    people = cached.load("cpj_census_people")
    counted = people[
        (people["year"] == census_year) & (people["iso3"].isin(countries) if countries else True)
    ]
    where = _(", ").join(present.get(c, c) for c in countries) or _("all countries")
    st.caption(
        ngettext(
            "%(num)s person in %(where)s in CPJ's person-level export (c. 2020). CPJ's newer "
            "counts may differ by a few after its revisions.",
            "%(num)s people in %(where)s in CPJ's person-level export (c. 2020). CPJ's newer "
            "counts may differ by a few after its revisions.",
            len(counted),
        )
        % {"num": tr.number(len(counted)), "where": md_escape(where)}
    )
    labels = {
        "name": _("Name"),
        "iso3": _("Country"),
        "charges": _("Charges"),
        "sentence": _("Sentence"),
        "case_id": _("Case id"),
    }
    tables.show(tables.readable(counted.sort_values("name"), labels, names))


# Only the open section runs and is drawn: a reader filtering CPJ's records does not wait
# for the documented cases and Amnesty's quotes to be laid out again.
tabs = sections.section_tabs(
    {
        navigation.RECORDS_SECTION: pgettext("cases tab", "CPJ records"),
        navigation.DOCUMENTED_SECTION: _("Documented cases (other sources)"),
    },
    navigation.RECORDS_SECTION,
)
records_tab, documented_tab = (tabs[s] for s in navigation.CASES_SECTIONS)


with records_tab:
    if records_tab.open:
        filters = layout.grid("case-filters")
        search_label, country_label, years_label = (
            _("Search name or outlet"),
            _("Country"),
            _("Year of event"),
        )
        status_label, charge_label, role_label = _("Status"), _("Charge category"), _("Role")
        query = filters.text_input(search_label, value=query, key="q", max_chars=100)
        countries = filters.multiselect(
            country_label,
            list(present),
            default=countries,
            format_func=present.get,
            key="country",
            max_selections=url_params.MAX_COUNTRIES,
            placeholder=_("Any country"),
        )
        year_from, year_to = filters.slider(
            years_label, first, last, (year_from, year_to), key="years"
        )
        # CPJ's statuses, charge categories and roles: offered in the reader's language, kept
        # in the URL and in the records as CPJ writes them
        statuses = filters.multiselect(
            status_label,
            cpj_meta.CASE_STATUSES,
            default=statuses,
            format_func=lambda status: tr.term("cpj status", status),
            key="status",
            placeholder=_("Any status"),
        )
        charges = filters.multiselect(
            charge_label,
            cpj_meta.CHARGE_CATEGORIES,
            default=charges,
            format_func=lambda category: tr.term("cpj charge", category),
            key="charge",
            placeholder=_("Any charge"),
        )
        roles = list(case_filter.ROLES)
        role = filters.selectbox(
            role_label,
            roles,
            index=roles.index(role),
            format_func=lambda r: case_filter.role_label(r, lang),
            key="role",
        )

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
        # the table's and its CSV's headers (case_filter.listing: its rows, in the language),
        # in its columns' order
        shown_columns = {
            "name": _("Name"),
            "country_cpj": _("Country"),
            "status": _("Status"),
            "role": _("Role"),
            "event_date": _("Date"),
            "charge_categories": _("Charges"),
            "organizations": _("Outlets"),
            "motive": _("Motive"),
            "case_id": _("Case id"),
        }
        assert tuple(shown_columns) == case_filter.TABLE_COLUMNS
        # the table in Arrow (see case_filter.listing), its rows for this filter: in the
        # CSV whole, in the grid without the case ids (case_filter.in_grid)
        headers = tuple(shown_columns.values())
        table = case_filter.selected(lang, wanted, headers)
        if census_year:
            census_list(census_year, countries)
            st.header(_("All case records"), anchor=False)
        st.caption(
            ngettext(
                "%(num)s of %(total)s case. Select a row to see the case in full.",
                "%(num)s of %(total)s cases. Select a row to see the case in full.",
                len(cases),
            )
            % {"num": tr.number(table.num_rows), "total": tr.number(len(cases))}
        )
        if not table.num_rows:
            active = {
                _("Search"): query,
                country_label: _(", ").join(present.get(c, c) for c in countries),
                years_label: f"{year_from}–{year_to}" if wanted.years else "",
                status_label: ", ".join(statuses),
                charge_label: ", ".join(charges),
                role_label: role if role != case_filter.ANY_ROLE else "",
            }
            st.info(nothing_matches({label: value for label, value in active.items() if value}))
        selection = tables.show(
            case_filter.in_grid(lang, wanted, headers),
            height=min(35 * (table.num_rows + 1) + 3, 420),
            on_select="rerun",
            selection_mode="single-row",
            key="table",
        )
        download(
            registry.DATASETS["cpj_cases"],
            table,
            "cpj_cases_filtered.csv",
            _("Download these cases (CSV)"),
        )

        picked = (
            [table.column(shown_columns["case_id"])[i].as_py() for i in selection.selection.rows]
            if selection
            else []
        )
        case_id = picked[0] if picked else url_params.parse_text(params.get("case"), limit=200)
        if case_id and (cases["case_id"] == case_id).any():
            url_sync.sync_url(case=case_id)
            case = cases[cases["case_id"] == case_id].iloc[0]
            st.header(md_escape(case["name"]), anchor=False)
            detail = {
                LABELS.get(column.name, column.name.replace("_", " ").capitalize()): case[
                    column.name
                ]
                for column in registry.DATASETS["cpj_cases"].columns
                if str(case[column.name]) != "<NA>"
            }
            # st.table renders every cell as markdown: data text is escaped (no links, no markup)
            st.table(
                {
                    pgettext("case detail", "field"): list(detail),
                    pgettext("case detail", "value"): [md_escape(v) for v in detail.values()],
                }
            )
            links = st.columns(3)
            links[0].link_button(_("CPJ profile"), case["url"])
            # the profile opens in this language if the URL names it
            same_language = {i18n.PARAM: lang} if i18n.PARAM in st.query_params else {}
            links[1].page_link(
                navigation.link(navigation.COUNTRY, lang),
                label=_("Context: %(country)s")
                % {"country": md_escape(present.get(case["iso3"], case["iso3"]))},
                query_params={
                    "country": case["iso3"],
                    "section": navigation.CPJ_SECTION,
                    **same_language,
                },
                icon=":material/monitoring:",
            )
            others = cases[
                (cases["person_id"] == case["person_id"]) & (cases["case_id"] != case_id)
            ]
            if not others.empty:
                # TRANSLATORS: CPJ's status of each other case (as CPJ writes it) and its date
                listed = _(", ").join(
                    _("%(status)s (%(date)s)")
                    % {
                        "status": md_escape(o.status),
                        "date": md_escape(o.event_date) if o.event_date else _("undated"),
                    }
                    for o in others.itertuples()
                )
                st.markdown(_("**Other cases of the same person:** %(cases)s") % {"cases": listed})
        elif case_id:
            url_sync.note(_("No case with id %(id)r.") % {"id": url_params.clean(case_id)[:60]})

        captions.source_caption(registry.DATASETS["cpj_cases"])

with documented_tab:
    if documented_tab.open:
        documented = cached.load("documented_cases")
        st.markdown(
            _(
                "Cases reported by other published sources, one fact per row with the sentence it "
                "rests on. Allegations are the sources' own, attributed as they attribute them. "
                "The facts and quotes are shown as the sources published them."
            )
        )
        for _key, facts in documented.groupby("case_key", sort=False):
            first_fact = facts.iloc[0]
            label = f"{first_fact['person_name']} ({names.get(first_fact['iso3'], '')})"
            with st.expander(md_escape(label)):
                headers = {
                    "fact": pgettext("documented case", "Fact"),
                    "value": pgettext("documented case", "Value"),
                    "quote": pgettext("documented case", "Quote"),
                    "note": pgettext("documented case", "Note"),
                }
                shown = facts[list(headers)].fillna("").map(md_escape).rename(columns=headers)
                st.table(shown.set_index(headers["fact"]))
                sources = facts.drop_duplicates("source_id")
                for source in sources.itertuples():
                    st.markdown(
                        # TRANSLATORS: a documented case's source: publisher, title and date as
                        # published, and a link to it
                        _("Source: %(publisher)s, “%(title)s”, %(published)s. [Read it](%(url)s)")
                        % {
                            "publisher": md_escape(source.publisher),
                            "title": md_escape(source.title),
                            "published": md_escape(source.published),
                            "url": source.url,
                        }
                    )
                if (
                    first_fact["cpj_case_id"] is not None
                    and str(first_fact["cpj_case_id"]) != "<NA>"
                ):
                    st.markdown(
                        _("Also in CPJ's records: `%(case)s`") % {"case": first_fact["cpj_case_id"]}
                    )
                else:
                    st.caption(_("Not in the CPJ exports available here (they end in 2023–2025)."))
        captions.source_caption(registry.DATASETS["documented_cases"])

        st.header(_("People Amnesty names"), anchor=False)
        st.caption(
            _(
                "People named in Amnesty International's texts (or in reports quoting Amnesty), "
                "with the quote and the publication; linked to CPJ's case record of the same "
                "person in the same country where the names match with certainty. The quotes stay "
                "in the language they were published in."
            )
        )
        for person in amnesty.named_people(cached.load("amnesty_findings")):
            label = f"{person.name} ({names.get(person.iso3, person.iso3)}, {person.year})"
            with st.expander(md_escape(label)):
                st.html(amnesty.quote_html(person.quote, person.language))
                st.markdown(
                    # TRANSLATORS: under a quote: whose text it is, the publication's title (as
                    # published) and a link to it
                    _("%(kind)s: “%(title)s”. [Read the publication](%(url)s)")
                    % {
                        "kind": md_escape(amnesty.source_kind(person.source_kind, lang)),
                        "title": md_escape(person.title),
                        "url": amnesty.link_target(person.url),
                    }
                )
                if person.cpj_case_id and (cases["case_id"] == person.cpj_case_id).any():
                    linked = {"case": person.cpj_case_id, "score": md_escape(person.link_score)}
                    if person.link_method == "exact":
                        how = _(
                            "Linked to CPJ's case `%(case)s` (exact name match, score %(score)s)"
                        )
                    elif person.link_method == "fuzzy":
                        how = _(
                            "Linked to CPJ's case `%(case)s` (close name match, score %(score)s)"
                        )
                    else:
                        how = _("Linked to CPJ's case `%(case)s` (%(method)s, score %(score)s)")
                        linked["method"] = md_escape(person.link_method)
                    st.markdown(how % linked)
                    same_language = {i18n.PARAM: lang} if i18n.PARAM in st.query_params else {}
                    st.page_link(
                        navigation.link(navigation.CASES, lang),
                        label=_("See the CPJ case"),
                        query_params={"case": person.cpj_case_id, **same_language},
                        icon=":material/person_search:",
                    )
                else:
                    st.caption(_("No CPJ case matched this name with certainty."))
        captions.source_caption(registry.DATASETS["amnesty_findings"])
