"""Work done once per server before it takes its first reader (dashboard/server.py runs it
while starting, before it answers its health check): the modules every page imports, the
interface's catalogues, the datasets, the default view of every named chart, laid out for
both screens, and what a process does once on its first script run (below, `_first_run`).
Without it the first reader of a new server waited for all of it (about 2 s here) before the
first chart; afterwards each reader finds it in the caches the pages read
(dashboard/cached.py, dashboard/plot.py). Of the data API's copies of the datasets, only
those that the default charts' data API addresses are matched against (RSF's index and the
countries reference) are read here; the others are left to their first request: 50 MB of
memory for 0.07 s of one reader."""

from __future__ import annotations

import functools
import gc
import importlib
import mimetypes
import pkgutil
import time

import PIL.Image
from streamlit import delta_generator
from streamlit.logger import get_logger

import dashboard
from dashboard import (
    cached,
    case_filter,
    change,
    chart_specs,
    i18n,
    peer_picker,
    peers,
    plot,
    tables,
)
from dashboard.download_button import api_dataset, table_query
from etl import registry, store

LOG = get_logger(__name__)
ENTRY_POINTS = {"dashboard.app", "dashboard.server"}  # run by Streamlit, not imported
# What Plotly and Streamlit import on a process's first run of any page, not before: Plotly's
# JSON encoder for every chart, the icon names every page link is checked against
FIRST_RUN_IMPORTS = ("plotly.io._json", "streamlit.material_icon_names")


def warm() -> dict[str, float]:
    """Seconds spent on each part. What fails is logged and skipped: a bad dataset must not
    keep the server from starting; its pages say what is wrong with it."""
    spent = {}
    for part, items, step in (
        ("modules", _modules(), importlib.import_module),
        ("catalogues", i18n.languages(), i18n.translator),  # titles keep the name whole in each
        ("datasets", registry.DATASETS, _read),
        ("charts", chart_specs.KINDS, _draw_default),
        ("first run", _first_run(), lambda once: once()),
    ):
        started = time.perf_counter()
        for item in items:
            try:
                step(item)
            except Exception:  # noqa: BLE001 (anything: the readers' pages will report it)
                LOG.warning("Warm-up: %s %s skipped", part, item, exc_info=True)
        spent[part] = time.perf_counter() - started
    started = time.perf_counter()
    settle_heap()
    spent["heap"] = time.perf_counter() - started
    LOG.info("Warm-up: %s", ", ".join(f"{part} {s:.2f} s" for part, s in spent.items()))
    return spent


def settle_heap() -> None:
    """What is loaded by now (modules, catalogues, datasets, figures) lives as long as the
    process: it is moved out of the cyclic collector's sight (`gc.freeze`). Otherwise each
    full collection, which Python starts when enough new objects have piled up, walked its
    155,000 objects during some reader's run: a 90-100 ms pause in one run of sixty
    (benchmarks/bench.py's cases filter, Russian, 2026-12-04). The collection before it
    leaves out what is garbage already."""
    gc.collect()
    gc.freeze()


def _modules() -> list[str]:
    return [
        *(
            module.name
            for module in pkgutil.walk_packages(dashboard.__path__, "dashboard.")
            if module.name not in ENTRY_POINTS and ".views" not in module.name
        ),
        *FIRST_RUN_IMPORTS,
    ]


def _read(name: str) -> None:
    """A dataset and its measures' values, as the pages read them (none if not built here)."""
    stamp = store.published_stamp(name)
    if stamp[0] is None:
        return
    cached._cached(name, stamp)
    for key, measure in registry.MEASURES.items():
        if measure.dataset.name == name:
            cached._values_at(key, None)


def _first_run() -> tuple:
    """What the first script run of a process did, once, for its reader (about 0.45 s here,
    and 1.6 s for the default views of every page in seven languages):
    - Streamlit reads the favicon with Pillow, which loads its image formats then (0.04 s);
    - a profile suggests peers from the borders on the map, read from its geometry (0.14 s);
    - Streamlit asks, on the first element it draws, whether it runs in a REPL, through
      inspect.stack(), which then indexes the file of every loaded module (0.25 s; 0.02 s
      once they were indexed). Its check, which prints a warning outside `streamlit run`,
      is made here once, so no reader's run makes it;
    - Streamlit serves the favicon as a media file, whose type it looks up in the system's
      MIME types, read then (0.04 s);
    - what each page's default view derives from the data before it is drawn, in each
      language (DEFAULT_VIEWS): the first reader of a page after a start waited for it
      (Sources compared: 0.2 s of its first run, against 0.02 s afterwards).
    """
    return (
        PIL.Image.preinit,
        mimetypes.init,
        peers.borders,
        delta_generator._maybe_print_use_warning,  # noqa: SLF001 (Streamlit's once-only check)
        *(functools.partial(derive, lang) for derive in DEFAULT_VIEWS for lang in i18n.languages()),
    )


def _overview(lang: str) -> None:
    """The headline figures, and the largest moves from the edition before the latest in
    its era (as a reader whose browser asks for `lang` opens the page: no `lang=` in its
    URL), as HTML."""
    cached.band_figures(lang)
    editions = cached.load_rsf_index()["year"].unique()
    latest = int(editions.max())
    earlier = change.comparable_editions(editions, latest)
    if earlier:
        fell, rose, _every = cached.moves_between(earlier[0], latest, lang, False)
        for heading, table in zip(cached.MOVES_HEADINGS, (fell, rose), strict=True):
            tables.as_html(table, i18n.translator(lang).gettext(heading))


def _profile(lang: str) -> None:
    """The places the profile can show, and its default country's opening sentences."""
    cached.profile_countries(lang)
    cached.country_summary(chart_specs.DEFAULT_COUNTRY, lang)


def _world_map(lang: str) -> None:
    """The places the default map cannot draw, as the table under it."""
    unmapped = cached.unmapped_table(_default_spec("map"), lang)
    if unmapped is not None:
        tables.as_html(unmapped)


def _compare(lang: str) -> None:
    """The country list, the caption on ranks, and the first default country's peers."""
    names = cached.ranked_names()
    cached.ranked_names_in(lang)
    cached.ranks_across_editions(lang)
    chosen, _note = chart_specs.parse_compared(None, names)
    measure, _note = chart_specs.parse_compare_measure(None)
    cached.compare_years(tuple(chosen), measure)
    peer_picker.suggestions(chosen[0], measure, names, lang)


def _rankings(lang: str) -> None:
    """The latest edition's table."""
    cached.ranking(cached.rsf_editions_published().latest, lang, False)


def _cases(lang: str) -> None:
    """The case records in `lang`, which every filter selects rows of, and the filters'
    choices."""
    case_filter.listing(lang)
    case_filter.countries_present(lang)
    case_filter.event_years()


def _sources_compared(lang: str) -> None:
    """The world chart, laid out for both screens, and the default year's tables, as
    HTML."""
    years, latest = cached.compared_years()
    figure, _world = cached.detained_compared(years.values, lang)
    for phone in (False, True):
        plot.laid_out(figure, phone).to_dict()
    table, _totals = cached.jailed_by_country(latest, lang)
    tables.as_html(table)
    _any, _disagreements, shown = cached.detention_disagreements(lang)
    tables.as_html(shown)


# Each page's default view, as derived before the page is drawn (the Data page derives
# nothing costly)
DEFAULT_VIEWS = (_overview, _profile, _world_map, _compare, _rankings, _cases, _sources_compared)


def _default_spec(kind: str) -> chart_specs.Spec:
    """A kind of chart's default view, as a page or /embed with no parameters names it
    (today's data)."""
    load = functools.partial(cached._load_at, build=None)
    values = functools.partial(cached._values_at, build=None)
    return chart_specs.parse(kind, {}, load, values)[0]


def _draw_default(kind: str) -> None:
    """The default view of a kind of chart (the front pages' charts among them) in the
    source language, laid out for a desktop and a phone, each with the dict Streamlit
    serialises (plot.Drawn)."""
    chart = cached.chart_at(_default_spec(kind), i18n.SOURCE_LANGUAGE, None)
    for phone in (False, True):
        plot.laid_out(chart.figure, phone).to_dict()
    # its data API address, which a page finds after drawing the chart: matching its table
    # reads the API's copy of the dataset and the countries reference (13 MB for RSF's
    # index; 0.1-0.2 s of a first reader's run, while its browser loads Plotly)
    dataset = api_dataset(chart.sources)
    if dataset is not None:
        table_query(chart.table, dataset.name)
