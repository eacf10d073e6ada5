"""Data & downloads: every dataset documented, citable, versioned and (where allowed)
downloadable, with its stable URL."""

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from dashboard import cached, url_params, url_sync
from dashboard.download_button import download
from dashboard.text import md_escape
from etl import project, registry, store

DEFAULT = "rsf_index"  # the dataset shown when the URL names none
names = list(registry.DATASETS)
chosen, message = url_params.parse_choice(st.query_params.get("dataset"), names, DEFAULT)

st.title("Data & downloads")
url_sync.note(message)
log = store.load_changelog(store.DATASETS_DIR)
version = log[-1] if log else None
if version:
    st.markdown(
        f"Current data version: **{store.build_label(version)}**. Every dataset below is a "
        "tidy CSV; the data dictionary "
        "and the Frictionless data package describe them all."
    )
origin = ""
if st.context.url:
    parts = urlsplit(st.context.url)
    origin = f"{parts.scheme}://{parts.netloc}"
st.code(
    f'import pandas as pd\npackage = "{origin}/data/datapackage.json"  # Frictionless\n'
    f'index = pd.read_csv("{origin}/data/rsf_index.csv")',
    # no syntax colours (Streamlit's are below 4.5:1 contrast), no scrolling box that a
    # keyboard cannot reach on a phone
    language=None,
    wrap_lines=True,
)

chosen = st.selectbox(
    "Dataset",
    names,
    index=names.index(chosen),
    key="dataset",
    format_func=lambda n: registry.DATASETS[n].title,
)
url_sync.sync_url({"dataset": DEFAULT}, dataset=chosen)
dataset = registry.DATASETS[chosen]
frame = cached.load(chosen)

st.header(dataset.title, anchor=False)
st.markdown(md_escape(dataset.description))
coverage = [f"{len(frame):,} rows"]
if "year" in frame.columns:
    coverage.append(f"years {int(frame['year'].min())}–{int(frame['year'].max())}")
ENTITY_LABELS = {"iso3": "countries and entities", "entity": "source entities"}
for key, label in ENTITY_LABELS.items():
    if key in frame.columns:
        coverage.append(f"{frame[key].nunique():,} {label}")
        break
left, right = st.columns(2)
left.markdown(f"**Coverage:** {', '.join(coverage)}")
left.markdown(f"**Publisher:** {md_escape(dataset.publisher)} · [home page]({dataset.homepage})")
right.markdown(f"**Licence / terms:** {md_escape(dataset.licence)}")
right.markdown(f"**Redistribution:** {md_escape(dataset.redistribution)}")

st.subheader("Columns", anchor=False)
st.dataframe(
    pd.DataFrame(
        [
            {
                "column": c.name,
                "type": c.type,
                "unit": c.unit or "",
                "direction": c.direction or "",
                "description": c.description,
                "source column": c.source_column or "",
            }
            for c in dataset.columns
        ]
    ),
    hide_index=True,
    width="stretch",
)
if dataset.notes:
    st.subheader("Methodology notes", anchor=False)
    st.markdown("\n".join(f"- {md_escape(note)}" for note in dataset.notes))

st.subheader("Cite", anchor=False)
st.markdown("This dataset:")
st.code(dataset.citation, language=None, wrap_lines=True)
st.markdown("This dashboard:")
st.code(project.CITATION, language=None, wrap_lines=True)

st.subheader("Download", anchor=False)
download(dataset, frame, dataset.filename, f"Download {dataset.filename}")
if not dataset.download_blocked:
    st.code(f'pd.read_csv("{origin}/data/{dataset.filename}")', language=None, wrap_lines=True)

checks = [entry for entry in store.load_integrity(store.DATASETS_DIR) if entry["dataset"] == chosen]
if checks:
    st.subheader("Integrity", anchor=False)
    st.markdown(
        "How the ETL decided who and where each row is, counted by the last run "
        "(all datasets: [`integrity.json`](/data/integrity.json))."
    )
    for check in checks:
        st.markdown(f"**{md_escape(check['title'])}.** {md_escape(check['description'])}")
        st.dataframe(
            pd.DataFrame({"value": list(check["counts"]), "rows": list(check["counts"].values())}),
            hide_index=True,
        )

st.subheader("Changes by build", anchor=False)
history = [
    {
        "build": store.build_label(entry),
        **{
            key: count
            for key, count in entry["datasets"]
            .get(chosen, {"added": 0, "removed": 0, "changed": 0})
            .items()
            if not key.startswith("by_")
        },
        "why": entry.get("reasons", {}).get(chosen, ""),
    }
    for entry in reversed(log)
]
st.dataframe(pd.DataFrame(history), hide_index=True, width="stretch")
st.caption(
    "Rows added, removed and changed against the previous build, matched on the "
    f"primary key ({', '.join(dataset.primary_key)}). This is where CPJ's and RSF's "
    "revisions of past figures show up."
)
