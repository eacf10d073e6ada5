"""Data & downloads: every dataset documented, citable, versioned and (where allowed)
downloadable, with its stable URL. What a dataset is, its licence and its download come
first; its columns, its citation and code, and its integrity and changes are sections of
which only the open one runs."""

import streamlit as st

from dashboard import (
    builds,
    cached,
    data_code,
    i18n,
    navigation,
    sections,
    tables,
    url_params,
    url_sync,
)
from dashboard.download_button import download
from dashboard.i18n import N_
from dashboard.text import md_escape
from etl import project, registry, store

tr = i18n.translator(i18n.current())
_ = tr.gettext
DEFAULT = "rsf_index"  # the dataset shown when the URL names none
names = list(registry.DATASETS)


def title(name: str) -> str:
    """A dataset's title in the run's language (the URL names it by its identifier)."""
    return tr.term("dataset title", registry.DATASETS[name].title)


chosen, message = url_params.parse_choice(
    st.query_params.get("dataset"), names, DEFAULT, label=title
)

# What each redistribution status (etl.model.Dataset.redistribution) means for a reader
REDISTRIBUTION = {
    "allowed": N_("allowed"),
    "attribution-non-commercial": N_("allowed with attribution, non-commercial use only"),
    "share-alike": N_("allowed with attribution, under the same licence"),
    "unverified": N_("not redistributed until the publisher's terms are cleared"),
    "forbidden": N_("not allowed by the publisher's terms"),
}

st.title(_("Data & downloads"), anchor=False)
url_sync.note(message)
log = builds.changelog()  # read once per change of the file
version = log[-1] if log else None
if version:
    st.markdown(
        _(
            "Current data version: **%(build)s**. Every dataset below is a tidy CSV; the data "
            "dictionary and the Frictionless data package describe them all."
        )
        % {"build": store.build_label(version)}
    )

chosen = st.selectbox(
    _("Dataset"),
    names,
    index=names.index(chosen),
    key="dataset",
    format_func=title,
)
url_sync.sync_url({"dataset": DEFAULT}, dataset=chosen)
dataset = registry.DATASETS[chosen]
frame = cached.load_shared(chosen)  # read only: the download writes a copy

st.header(title(chosen), anchor=False)
st.markdown(md_escape(tr.term("dataset description", dataset.description)))
left, right = st.columns(2)
left.markdown(  # one element for both lines: each element is sent and laid out on every run
    _("**Coverage:** %(coverage)s") % {"coverage": cached.dataset_coverage(chosen, tr.lang)}
    + "\n\n"
    + _("**Publisher:** %(publisher)s · [home page](%(url)s)")
    % {"publisher": md_escape(dataset.publisher), "url": dataset.homepage}
)
redistribution = REDISTRIBUTION.get(dataset.redistribution)
right.markdown(
    _("**Licence / terms:** %(licence)s")
    % {"licence": md_escape(tr.term("licence", dataset.licence))}
    + "\n\n"
    + _("**Redistribution:** %(status)s")
    % {"status": md_escape(_(redistribution) if redistribution else dataset.redistribution)}
)

download(
    dataset,
    frame,
    dataset.filename,
    _("Download %(file)s") % {"file": dataset.filename},
    api=False,  # its address is under "Citation and code"
)

# Only the open section runs and is drawn: a reader going through the datasets waits for
# the section they are reading, and a link can open another (`section=`).
tabs = sections.section_tabs(
    {
        navigation.COLUMNS_SECTION: _("Columns"),
        navigation.CODE_SECTION: _("Citation and code"),
        navigation.CHANGES_SECTION: _("Integrity and changes"),
    },
    navigation.COLUMNS_SECTION,
)
columns_tab, code_tab, changes_tab = (tabs[s] for s in navigation.DATA_SECTIONS)

with columns_tab:
    if columns_tab.open:
        tables.show(cached.dataset_columns(chosen, tr.lang))
        if dataset.notes:
            st.subheader(_("Methodology notes"), anchor=False)
            st.markdown(
                "\n".join(f"- {md_escape(tr.term('dataset note', note))}" for note in dataset.notes)
            )

with code_tab:
    if code_tab.open:
        st.subheader(_("Cite"), anchor=False)
        st.markdown(_("This dataset:"))
        st.code(dataset.citation, language=None, wrap_lines=True)
        st.markdown(_("This dashboard:"))
        st.code(project.CITATION, language=None, wrap_lines=True)
        st.subheader(_("Code"), anchor=False)
        if not dataset.download_blocked:
            data_code.show(dataset)
        origin = url_sync.origin()  # the address the reader uses, as data_code's
        st.markdown(
            _(
                "Every dataset this project redistributes, at once: the Frictionless data "
                "package describes each, with its columns, licence and checksum."
            )
        )
        st.code(
            f'import pandas as pd\npackage = "{origin}/data/datapackage.json"  # Frictionless\n'
            f'index = pd.read_csv("{origin}/data/rsf_index.csv")',
            # no syntax colours (Streamlit's are below 4.5:1 contrast), no scrolling box that
            # a keyboard cannot reach on a phone
            language=None,
            wrap_lines=True,
        )

with changes_tab:
    if changes_tab.open:
        integrity = cached.integrity_tables(chosen, tr.lang)
        if integrity:
            st.subheader(_("Integrity"), anchor=False)
            st.markdown(
                _(
                    "How the ETL decided who and where each row is, counted by the last run "
                    "(all datasets: [`integrity.json`](%(url)s))."
                )
                % {"url": "/data/integrity.json"}
            )
            st.html(integrity)

        st.subheader(_("Changes by build"), anchor=False)
        builds.history(chosen)
        st.caption(
            _(
                "Rows added, removed and changed against the previous build, matched on the "
                "primary key (%(key)s). This is where CPJ's and RSF's revisions of past "
                "figures show up."
            )
            % {"key": _(", ").join(dataset.primary_key)}
        )
