"""The dashboard's pages, declared once for the navigation and for links between pages."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path

from dashboard.i18n import N_, translator


@dataclass(frozen=True)
class PageSpec:
    script: str  # relative to dashboard/
    title: str  # in English; shown translated (`i18n._(title)`)
    icon: str
    url_path: str | None  # None: the default page, served at "/"
    hidden: bool = False  # reachable by URL, not listed in the menu


OVERVIEW = PageSpec("views/overview.py", N_("Overview"), ":material/home:", None)
WORLD_MAP = PageSpec("views/world_map.py", N_("World map"), ":material/public:", "map")
COUNTRY = PageSpec("views/country.py", N_("Country profile"), ":material/monitoring:", "country")
# The profile's sections, one tab each; the open one is the `section` URL parameter.
RSF_SECTION, CPJ_SECTION, SOURCES_SECTION = PROFILE_SECTIONS = (
    "RSF index",
    "CPJ records",
    "All sources",
)
# The Cases page's sections, one tab each; the open one is the `section` URL parameter.
RECORDS_SECTION, DOCUMENTED_SECTION = CASES_SECTIONS = ("CPJ records", "Documented cases")
# The Data page's sections, one tab each; the open one is the `section` URL parameter.
COLUMNS_SECTION, CODE_SECTION, CHANGES_SECTION = DATA_SECTIONS = (
    "Columns",
    "Citation and code",
    "Integrity and changes",
)
# The section that explains a source's measures; other sources' are among all sources.
SECTION_OF_SOURCE = {"rsf_index": RSF_SECTION, "cpj": CPJ_SECTION}


def section_for(source: str) -> str:
    """The profile section to open for a measure of `source` (a map click)."""
    return SECTION_OF_SOURCE.get(source, SOURCES_SECTION)


COMPARE = PageSpec("views/compare.py", N_("Compare"), ":material/compare_arrows:", "compare")
RANKINGS = PageSpec(
    "views/rankings.py", N_("Rankings"), ":material/format_list_numbered:", "rankings"
)
CASES = PageSpec("views/cases.py", N_("Cases"), ":material/person_search:", "cases")
COMPARED = PageSpec("views/compared.py", N_("Sources compared"), ":material/balance:", "sources")
DATA = PageSpec("views/datasets.py", N_("Data & downloads"), ":material/download:", "datasets")

EMBED = PageSpec("views/embed.py", N_("Chart"), ":material/code:", "embed", hidden=True)

PAGES = (OVERVIEW, WORLD_MAP, COUNTRY, COMPARE, RANKINGS, CASES, COMPARED, DATA, EMBED)


def streamlit_pages(specs: tuple[PageSpec, ...], lang: str) -> list:
    """The menu's st.Page objects for this script run, titled in `lang`. Each is built once
    per language (st.Page resolves and checks its script's path: 1-2 ms for nine pages on
    every run) and copied for the run: st.navigation marks the page it returns as the one
    that may run once, so two sessions' runs cannot share the objects."""
    return [copy.copy(page) for page in _run_pages(specs, lang)]


def link(spec: PageSpec, lang: str):
    """`spec`'s page as the menu of this run registers it in `lang`, for st.page_link: a link
    to a Page is matched to the menu by its hash, where a link to a script's path has the
    path resolved on disk first (os.path.realpath: about 0.1 ms a link, five on the front
    page). Read, never run: the shared object is not copied."""
    return _run_pages(PAGES, lang)[PAGES.index(spec)]


def _run_pages(specs: tuple[PageSpec, ...], lang: str) -> tuple:
    """The st.Page objects of `specs` in `lang`, as built for this run's main script."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    parent = get_script_run_ctx().pages_manager.main_script_parent
    return _built_pages(specs, lang, parent)


@functools.lru_cache(maxsize=32)
def _built_pages(specs: tuple[PageSpec, ...], lang: str, parent: Path) -> tuple:
    import streamlit as st

    del parent  # part of the key only: st.Page resolves a script against the main script's folder
    title = translator(lang).gettext
    return tuple(
        st.Page(
            spec.script,
            title=title(spec.title),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.url_path is None,
            visibility="hidden" if spec.hidden else "visible",
        )
        for spec in specs
    )
