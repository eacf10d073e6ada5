"""What the pages read, read once: datasets, measure values, named charts and the data
build, each cached per published version (an ETL run that publishes refreshes them without
a restart). A dataset that cannot be read gives an error page naming the file.

A URL with `build=N` shows the data as released in build N (dashboard/builds.py): every
dataset this project redistributes is read as it was then; the others, which keep no past
builds, as built here."""

from __future__ import annotations

import functools
import html
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import (
    builds,
    captions,
    change,
    chart_specs,
    cpj_census,
    i18n,
    memo,
    navigation,
    rsf_editions,
    tables,
    text,
    url_params,
)
from dashboard.i18n import N_
from dashboard.names import country_names, entity_names, entity_names_in
from etl import registry, store
from etl.model import Measure
from etl.sources.rsf_index import methodology as rsf

R = TypeVar("R")


# What one script run reads once (see new_run); a thread runs one script run at a time
_this_run = threading.local()


def new_run() -> None:
    """Opens a script run (dashboard/app.py, as the page starts, in a whole run and in a
    rerun of the page alone, a fragment; the frame reads none of these): the run reads the
    release's stamp, each dataset's stamp and the URL's build once, however many charts and
    derived values ask for them (each read stats files: a profile's run asked for the build
    14 times, and the release stamp eight)."""
    _this_run.read = {}


def _once_this_run(key: tuple, read: Callable[[], R]) -> R:
    """read(), once per script run under `key`; afresh outside a run (the warm-up, the
    server's routes). A fragment inside the page (the timeline's frames) keeps what the run
    that drew the page read."""
    kept = getattr(_this_run, "read", None)
    if kept is None:
        return read()
    if key not in kept:
        kept[key] = read()
    return kept[key]


def release_stamp() -> tuple:
    """store.release_stamp(), read once per script run."""
    return _once_this_run(("release",), store.release_stamp)


def published_stamp(name: str) -> tuple:
    """store.published_stamp(name), read once per script run."""
    return _once_this_run(("published", name), lambda: store.published_stamp(name))


def chosen_build() -> int | None:
    """The build the URL asks for (`build=`), None for today's data (a bad number is noted
    by builds.notice); read once per script run. Outside a run (the warm-up) there is no
    URL: today's data."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return None
    return _once_this_run(("build",), lambda: builds.parse(st.query_params.get(builds.PARAM))[0])


def _build_of(name: str, build: int | None) -> int | None:
    """The build a dataset is read at: None (today's file) for the datasets that keep no
    past builds."""
    return build if build is not None and builds.kept(name) else None


@functools.lru_cache(maxsize=64)  # shared: see _cached
def _shared(name: str, folder: str, stamp: tuple, build: int | None) -> pd.DataFrame:
    del folder, stamp  # part of the key only: another folder or release, another frame
    frame = store.read_dataset(name) if build is None else builds.frame_at(name, build)
    return memo.settled(rsf.with_changes(frame) if name == "rsf_index" else frame)


def _cached(name: str, stamp: tuple, build: int | None = None) -> pd.DataFrame:
    """A dataset read once per published version (RSF with its change columns), or as
    released in `build`; `stamp` changes when an ETL run publishes, so the app follows
    without a restart. One frame is shared by every run and session; each caller gets a
    shallow copy, which copy-on-write (pandas 3) keeps from changing the shared one. (A
    pickled copy per call, as st.cache_data hands out, took 5 ms for the index alone.)
    An lru_cache, not st.cache_resource, which hashed the arguments anew on every call
    (0.25 ms a dataset, several datasets a run)."""
    return _one_frame(name, stamp, build).copy(deep=False)


def _or_error_page(read, name: str, *args) -> pd.DataFrame:
    """read(name, *args), or a clear error page naming the file (and the page stops)."""
    try:
        return read(name, *args)
    except builds.NotYetReleased:
        builds.not_yet_released(name, chosen_build())
        st.stop()
    except (store.DatasetUnavailable, builds.BuildUnavailable) as exc:
        st.error(str(exc), icon="⚠️")
        st.stop()


def _load_at(name: str, build: int | None) -> pd.DataFrame:
    return _or_error_page(_cached, name, published_stamp(name), _build_of(name, build))


def _one_frame(name: str, stamp: tuple, build: int | None) -> pd.DataFrame:
    return _shared(name, str(store.DATASETS_DIR), stamp, build)


def load(name: str) -> pd.DataFrame:
    """A dataset (as released in the URL's build, if it names one), or a clear error page
    naming the file."""
    return _load_at(name, chosen_build())


def load_shared(name: str) -> pd.DataFrame:
    """`load(name)` without the copy, for a page that only reads the dataset (its length, a
    row, a download of it): the frame every run and session shares, which the caller must
    never change. A copy per run is new objects on each run (the cases' 32 text columns:
    65), kept by the page's namespace, which its functions hold in a cycle, until the
    cyclic collector frees them: its pauses fell on readers' runs."""
    return _or_error_page(_one_frame, name, published_stamp(name), _build_of(name, chosen_build()))


def load_if_built(name: str) -> tuple[pd.DataFrame | None, str | None]:
    """(dataset, None), or (None, why) for a dataset not redistributed and not built on this
    installation, so a page can show everything else; other failures give the error page."""
    try:
        return _cached(name, published_stamp(name), _build_of(name, chosen_build())), None
    except store.DatasetNotBuilt as exc:
        return None, str(exc)
    except (store.DatasetUnavailable, builds.BuildUnavailable) as exc:
        st.error(str(exc), icon="⚠️")
        st.stop()


def load_rsf_index() -> pd.DataFrame:
    return load("rsf_index")


@functools.lru_cache(maxsize=64)  # shared, read-only: no copy per call
def _measure_values(key: str, folder: str, stamp: tuple, build: int | None) -> pd.DataFrame:
    """A measure's values; as released in `build`, where given: none for a build before
    the dataset's first release."""
    del folder, stamp  # part of the key only
    measure = registry.MEASURES[key]
    name = measure.dataset.name
    if build is None:
        frame = store.read_dataset(name)
    else:
        try:
            frame = builds.frame_at(name, build)
        except builds.NotYetReleased:
            frame = store.read_dataset(name).iloc[0:0]
    return memo.settled(measure.values(frame))


def _values_at(key: str, build: int | None) -> pd.DataFrame:
    name = registry.MEASURES[key].dataset.name
    stamp = published_stamp(name)
    return _measure_values(key, str(store.DATASETS_DIR), stamp, _build_of(name, build))


def measure_values(key: str) -> pd.DataFrame:
    """(iso3, year, value) for a measure, cached; a clear error page if its file is bad."""
    return _or_error_page(_values_at, key, chosen_build())


@functools.lru_cache(maxsize=512)
def _chart(spec: chart_specs.Spec, folder: str, release: tuple, lang: str, build: int | None):
    """A named chart per data folder, release, language and build. An lru_cache, not
    st.cache_resource: Streamlit hashed these arguments (the release's stamps of every
    file) anew on each call, 1-2 ms a chart on every run of a page."""
    from dashboard import gallery

    del folder, release  # part of the cache key only: other data means other charts
    return memo.settled(
        gallery.draw(
            spec,
            functools.partial(_load_at, build=build),
            values=functools.partial(_values_at, build=build),
            lang=lang,
        )
    )


def chart(spec: chart_specs.Spec, lang: str | None = None):
    """A named chart in a language (by default the run's), built once per data release,
    build asked for and language, and shared by every session (figures are never modified
    after building: snapshots work on copies)."""
    return chart_at(spec, lang or i18n.current(), chosen_build())


def chart_at(spec: chart_specs.Spec, lang: str, build: int | None):
    """A named chart in `lang` as of `build` (None: today's data), from the shared cache."""
    release = release_stamp()
    folder = str(store.DATASETS_DIR)
    return _chart(spec, folder, release, lang, build)


def per_release(function: Callable[..., R] | None = None, *, maxsize: int = 256):
    """`function(*args)` (hashable arguments) computed once per data release and build the
    URL asks for, and shared by every session: for what a page derives from the datasets
    alone (a country's summary, its peers), which a reader's change of country would
    otherwise compute again on every run. The result is shared: callers never change it.
    `@per_release(maxsize=N)` keeps fewer results, where each is large."""
    if function is None:
        return functools.partial(per_release, maxsize=maxsize)

    @functools.lru_cache(maxsize=maxsize)
    def kept(release: tuple, build: int | None, *args) -> R:
        del release  # part of the key only: other data, other results
        return memo.settled(function(*args))

    @functools.wraps(function)
    def once(*args) -> R:
        return kept(release_stamp(), chosen_build(), *args)

    once.cache_clear = kept.cache_clear  # the warm-up's tests start cold
    return once


@per_release
def ranked_editions(country: str) -> pd.DataFrame:
    """A country's rows of RSF's index, edition by edition (none if it is not ranked)."""
    index = load_rsf_index()
    return index[index["iso3"] == country].sort_values("year")


# The largest moves' two tables, as their captions name them (translated where shown)
MOVES_HEADINGS = (N_("Fell furthest"), N_("Rose furthest"))


@per_release
def moves_between(
    since: int, year: int, lang: str, profile_in_lang: bool
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The front page's largest moves between two editions of one era, in `lang`: (the five
    that fell furthest, the five that rose furthest, as its tables show them, each with a
    link to the country's profile, in `lang` where `profile_in_lang`; every move, as "Download
    every move" gives it). Once per release and language: the page merged, named, formatted
    and matched them against the data API on every run (80 ms of its 120)."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    moves = change.between(load_rsf_index(), since, year)
    moves = moves.assign(
        country=[tr.country(c, n) for c, n in zip(moves["iso3"], moves["country"], strict=True)]
    )
    labels = {
        "country": _("Country"),
        "rank": _("Rank %(year)s") % {"year": year},
        "rank_change": _("Places"),
        "score_change": _("Score change"),
    }
    every_move = moves[list(labels)].rename(columns=labels)
    same_language = f"&lang={lang}" if profile_in_lang else ""
    profile = "/" + navigation.COUNTRY.url_path + "?country="

    def table(rows: pd.DataFrame) -> pd.DataFrame:
        # as tables.as_html shows it: numbers written in the language, a link to each profile
        shown = rows[list(labels)].assign(
            score_change=rows["score_change"].map(lambda v: tr.number(v, 2)),
            profile=[
                tables.Link(_("Open profile"), profile + code + same_language)
                for code in rows["iso3"]
            ],
        )
        return shown.rename(columns=labels | {"profile": _("Profile")}).set_index(labels["country"])

    return table(moves.head(5)), table(moves.tail(5).iloc[::-1]), every_move


@per_release
def country_summary(country: str, lang: str) -> tuple[str, ...]:
    """The sentences opening a ranked country's profile (text.country_summary)."""
    return tuple(text.country_summary(ranked_editions(country), lang))


@per_release
def ranked_names() -> dict[str, str]:
    """iso3 → RSF's name of every country its index ranks (names.country_names): what a
    compare URL may name a country by, and whom the compare page draws."""
    return country_names(load_rsf_index())


@per_release
def ranked_names_in(lang: str) -> dict[str, str]:
    """The ranked countries' names as a reader of `lang` reads them (CLDR), in their
    alphabetical order: the compare page's choices."""
    tr = i18n.translator(lang)
    shown = {code: tr.country(code, name) for code, name in ranked_names().items()}
    return dict(sorted(shown.items(), key=lambda item: item[1].casefold()))


@per_release
def compare_years(countries: tuple[str, ...], measure: Measure) -> url_params.Years | None:
    """The years a comparison of `countries` draws (chart_specs.compare_years)."""
    return chart_specs.compare_years(load_rsf_index(), countries, measure)


@per_release
def ranks_across_editions(lang: str) -> str:
    """What to keep in mind comparing RSF's ranks across editions (captions), in `lang`."""
    return captions.ranks_across_editions(load_rsf_index(), lang)


@per_release
def unmapped_table(spec: chart_specs.MapChart, lang: str) -> pd.DataFrame | None:
    """A map's rows that the base map cannot draw, tabulated (maps.unmapped_table)."""
    from dashboard.charts import maps

    bands = spec.measure.on_map.style == "bands" and spec.since is None
    return maps.unmapped_table(chart_at(spec, lang, chosen_build()).table, bands, lang)


@per_release
def latest_census() -> pd.DataFrame | None:
    """The newest export's census counts (cpj_census.latest_census), None where CPJ's
    census is not built here."""
    exports, _missing = load_if_built("cpj_census")
    return cpj_census.latest_census(exports) if exports is not None else None


@per_release
def dataset_coverage(name: str, lang: str) -> str:
    """What a dataset covers, for the Data page: its rows, years and countries (or source
    entities), counted once per release and language rather than on each run."""
    tr = i18n.translator(lang)
    frame = load(name)
    coverage = [
        tr.ngettext("%(num)s row", "%(num)s rows", len(frame)) % {"num": tr.number(len(frame))}
    ]
    if "year" in frame.columns:
        coverage.append(
            tr.gettext("years %(first)s–%(last)s")
            % {"first": int(frame["year"].min()), "last": int(frame["year"].max())}
        )
    if "iso3" in frame.columns:
        count = int(frame["iso3"].nunique())
        coverage.append(
            tr.ngettext("%(num)s country or entity", "%(num)s countries and entities", count)
            % {"num": tr.number(count)}
        )
    elif "entity" in frame.columns:
        count = int(frame["entity"].nunique())
        coverage.append(
            tr.ngettext("%(num)s source entity", "%(num)s source entities", count)
            % {"num": tr.number(count)}
        )
    return tr.gettext(", ").join(coverage)


# What a column's direction (etl.model.Column.direction) says, in the Data page's table
DIRECTIONS = {"higher is better": N_("higher is better"), "higher is worse": N_("higher is worse")}


@functools.cache
def dataset_columns(name: str, lang: str) -> pa.Table:
    """The Data page's table of a dataset's columns (the registry's, so the same in every
    release), built and converted to Arrow once per language: a frame given to the grid is
    converted on every run."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    rows = [
        {
            _("column"): c.name,
            _("type"): c.type,
            _("unit"): tr.term("unit", c.unit) if c.unit else "",
            _("direction"): _(DIRECTIONS[c.direction])
            if c.direction in DIRECTIONS
            else (c.direction or ""),
            _("description"): tr.term("column", c.description),
            _("source column"): c.source_column or "",
        }
        for c in registry.DATASETS[name].columns
    ]
    return pa.Table.from_pandas(pd.DataFrame(rows), preserve_index=False)


@per_release
def integrity_tables(name: str, lang: str) -> str:
    """The last ETL run's integrity tallies of one dataset (store.load_integrity) as HTML,
    each titled and explained, then its table: read and written once per release and
    language (the run rewrites them only with a dataset). Tables rather than grids: the
    largest has five rows, and each grid was one more element for the Data page to send,
    and the browser to lay out, on every run."""
    tr = i18n.translator(lang)
    sections = []
    for check in store.load_integrity():
        if check["dataset"] != name:
            continue
        title = tr.term("integrity title", check["title"])
        description = tr.term("integrity description", check["description"])
        counts = pd.DataFrame(
            {
                tr.gettext("value"): list(check["counts"]),
                tr.gettext("rows"): [tr.number(rows) for rows in check["counts"].values()],
            }
        )
        sections.append(
            f"<p><strong>{html.escape(title)}.</strong> {html.escape(description)}</p>"
            + tables.as_html(counts)
        )
    return "".join(sections)


def _bands_in(index: pd.DataFrame, year: int) -> dict[str, int]:
    """How many entities RSF's edition of `year` places in each situation band."""
    bands = index.loc[index["year"] == year, "situation"].value_counts()
    return {band: int(n) for band, n in bands.items()}


@per_release
def band_figures(lang: str) -> str:
    """The front page's headline numbers in `lang`, as HTML (tables.key_figures): how many
    entities the latest edition places in each situation band, in the band's colour on the
    charts, each with how it moved since the edition before in the same methodology era
    (none after a change of method, whose bands are not comparable). Once per release and
    language: a run only sends it."""
    from dashboard.charts.style import SITUATION_COLOURS

    tr = i18n.translator(lang)
    editions, index = rsf_editions_published(), load_rsf_index()
    latest = editions.latest
    bands = _bands_in(index, latest)
    earlier = change.comparable_editions(editions.values, latest)
    before = _bands_in(index, earlier[0]) if earlier else None

    def moved(band: str) -> str:
        if before is None:
            return ""
        return change.count_moved(bands.get(band, 0), before.get(band, 0), earlier[0], tr)

    return tables.key_figures(
        [
            (
                tr.capital(tr.situation(band)),
                bands.get(band, 0),
                SITUATION_COLOURS[band],
                moved(band),
            )
            for band in rsf.SITUATIONS
        ],
        tr.gettext("Entities in each of RSF's situation bands, %(year)s edition")
        % {"year": latest},
    )


@per_release
def rsf_editions_published() -> url_params.Years:
    """RSF's editions in the index (rsf_editions.editions), found once per release."""
    return rsf_editions.editions(load_rsf_index())


@per_release
def rsf_regions() -> tuple[str, ...]:
    """RSF's regions, sorted, found once per release."""
    return tuple(sorted(load_rsf_index()["region"].unique()))


@per_release
def ranking(year: int, lang: str, profile_in_lang: bool) -> tuple[pd.DataFrame, pa.Table, pa.Table]:
    """The rankings page's edition `year` in `lang`: (every entity with its name as RSF
    writes it and as the reader reads it, for the search; the table as shown, its headers
    in `lang`, each row with its profile's address, in `lang` where `profile_in_lang`),
    row for row, as Arrow; and the same without the profile column, for the download).
    Once per release, edition and language: naming, translating and tabulating the
    edition's 180 rows took half of the page's run (20.5 → 10.9 ms) on each change of
    edition, and the grid's conversion of the table to Arrow a quarter of what remained."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    index = load_rsf_index()
    edition = index[index["year"] == year]
    era = rsf.era_of(year)
    edition = edition.assign(
        english=edition["country"],
        country=[
            tr.country(c, n) for c, n in zip(edition["iso3"], edition["country"], strict=True)
        ],
        region_shown=edition["region"].map(lambda r: tr.term("region", r)),
    )
    # the situation band and the five indicators exist in the current methodology only
    indicators = {name: tr.term("indicator", label) for name, label, _ in rsf.INDICATORS}
    current = {"situation": _("Situation"), **indicators} if era == rsf.CURRENT else {}
    if era == rsf.CURRENT:
        edition = edition.assign(
            situation=edition["situation"].map(tr.situation, na_action="ignore")
        )
    columns = {
        "rank": _("Rank"),
        "country": _("Country"),
        "score": _("Score"),
        "rank_change": _("Rank change"),
        "score_change": _("Score change"),
        **current,
        "region_shown": _("Region"),
    }
    shown = edition[list(columns)].rename(columns=columns)
    same_language = f"&{i18n.PARAM}={lang}" if profile_in_lang else ""
    rows = pa.Table.from_pandas(shown, preserve_index=False)
    profiles = "/" + navigation.COUNTRY.url_path + "?country=" + edition["iso3"] + same_language
    return edition, rows.append_column(_("Profile"), pa.array(profiles)), rows


@per_release
def detained_by_year() -> tuple[pd.DataFrame, pd.Series]:
    """The world's jailed journalists year by year, as Sources compared sets them side by
    side: RSF's round-up rows (each year's newest publication) and CPJ's census totals (its
    newest export's)."""
    roundup = load("rsf_roundup")
    rsf_world = (
        roundup[(roundup["scope"] == "world") & (roundup["measure"] == "detained")]
        .sort_values("published")
        .drop_duplicates("year", keep="last")
    )
    census = cpj_census.latest_census(load("cpj_census"))
    return rsf_world, census.groupby("year")["imprisoned"].sum()


@per_release
def compared_years() -> tuple[url_params.Years, int]:
    """Sources compared's years (RSF's round-ups, CPJ's censuses from 2015) and the one it
    opens on: the latest both sources count, found once per release."""
    rsf_world, cpj_world = detained_by_year()
    years = url_params.Years(
        tuple(set(rsf_world["year"]) | set(cpj_world.index[cpj_world.index >= 2015])), "year"
    )
    both = sorted(set(rsf_world["year"]) & set(cpj_world.index))
    return years, both[-1] if both else years.latest


@per_release
def detained_compared(years: tuple[int, ...], lang: str) -> tuple[go.Figure, pd.DataFrame]:
    """Sources compared's chart of both world counts over `years`, in `lang`, and the table
    behind it: once per release and language. Drawn and laid out again on each run, it took
    most of the page's run when a reader picked another year, which does not change it."""
    from dashboard.charts import counts

    rsf_world, cpj_world = detained_by_year()
    world = pd.concat(
        [
            pd.DataFrame(
                {
                    "year": rsf_world["year"],
                    "value": rsf_world["value"],
                    "source": counts.DETAINED_SOURCES["rsf"],
                }
            ),
            pd.DataFrame(
                {
                    "year": cpj_world.index,
                    "value": cpj_world.values,
                    "source": counts.DETAINED_SOURCES["cpj"],
                }
            ),
        ]
    )
    world = world[world["year"].isin(years)].astype({"year": int, "value": int})
    named = world.assign(source=world["source"].map(i18n.translator(lang).gettext))
    return counts.detained_compared(world, lang), named


@per_release
def jailed_by_country(year: int, lang: str) -> tuple[pd.DataFrame, str]:
    """Sources compared's table of `year`, each country's CPJ census count beside RSF's
    round-up figure, the largest first, in `lang`, and the world totals of both as a
    sentence. Once per release, year and language, so that the HTML table written from it
    is kept too (tables.as_html): the page built and wrote both again on each run."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    roundup = load("rsf_roundup")
    census = cpj_census.latest_census(load("cpj_census"))
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
    # a census lists everyone held, so a country absent from a census year held no one
    census_taken = year in set(census["year"])
    names = entity_names_in(lang)
    table = pd.DataFrame(
        {
            _("Country"): [names.get(c, c) for c in codes],
            _("CPJ (1 December census)"): [
                tr.number(int(cpj_country.get(c, 0))) if census_taken else _("no census")
                for c in codes
            ],
            _("RSF (round-up, where published)"): [
                tr.number(int(rsf_figures[c])) if c in rsf_figures.index else _("not published")
                for c in codes
            ],
        }
    )
    rsf_world, cpj_world = detained_by_year()
    rsf_total = rsf_world.set_index("year")["value"].get(year)
    cpj_total = cpj_world.get(year)
    # TRANSLATORS: "n/a": no figure for that year
    missing = _("n/a")
    totals = _("World: CPJ %(cpj)s · RSF %(rsf)s") % {
        "cpj": tr.number(int(cpj_total)) if cpj_total is not None else missing,
        "rsf": tr.number(int(rsf_total)) if rsf_total is not None else missing,
    }
    return table, totals


@per_release
def detention_disagreements(lang: str) -> tuple[bool, pd.DataFrame, pd.DataFrame]:
    """Where Amnesty's findings and CPJ's census disagree (amnesty.detention_disagreements),
    in `lang`: (whether Amnesty reports detentions in any year CPJ counts none; the table as
    downloaded; as shown, each publication a link, for tables.as_html). Once per release
    and language, with the HTML table written from it: the page compared, translated and
    wrote them again on each run."""
    from dashboard import amnesty

    tr = i18n.translator(lang)
    _ = tr.gettext
    names = entity_names_in(lang)
    census = cpj_census.latest_census(load("cpj_census"))
    found = amnesty.detention_disagreements(load("amnesty_findings"), census, names)
    any_reported = bool((found["Amnesty"] != amnesty.NO_TEXT).any())
    if not any_reported:  # nothing to quote: the words and links columns would be empty
        found = found.drop(columns=["Amnesty's words", "Publication"])
    # what Amnesty's column says, in `lang`
    findings = {
        "reports journalists detained": N_("reports journalists detained"),
        amnesty.NO_TEXT: N_("no Amnesty text found"),
    }
    headers = {
        "Country": _("Country"),
        "Year": _("Year"),
        "Amnesty": _("Amnesty"),
        "CPJ (1 December census)": _("CPJ (1 December census)"),
        "Amnesty's words": _("Amnesty's words"),
        "Publication": _("Publication"),
    }
    found = found.assign(Amnesty=found["Amnesty"].map(lambda said: _(findings.get(said, said))))
    shown = found.copy()
    if "Publication" in shown:
        shown["Publication"] = [
            tables.Link(_("Read it"), amnesty.link_target(url)) if url else ""
            for url in found["Publication"]
        ]
    shown = shown.rename(columns=headers).set_index(headers["Country"])
    return any_reported, found.rename(columns=headers), shown


@per_release
def profile_countries(lang: str) -> dict[str, str]:
    """code → name in `lang` (CLDR; the catalogue for entities without an ISO code), in the
    order of the names, of every place a profile can show: ranked by RSF, or in CPJ's cases
    or latest census where those are built here (the census's residual that no country
    accounts for has no code). Built from every row of three datasets: once per release."""
    codes = set(load_rsf_index()["iso3"].unique())
    cases, cases_missing = load_if_built("cpj_cases")
    census = latest_census()
    if not cases_missing and census is not None:
        codes |= set(cases["iso3"].unique()) | set(census["iso3"].dropna().unique())
    english, local = entity_names(), entity_names_in(lang)
    in_english = sorted(codes, key=lambda code: english.get(code, code))
    names = {code: local.get(code, code) for code in in_english}
    return dict(sorted(names.items(), key=lambda item: item[1]))


@per_release
def map_years(measure: Measure) -> url_params.Years:
    """The years the map can show a measure in (chart_specs.map_years)."""
    return chart_specs.map_years(measure, load, measure_values)


def build_label() -> str:
    """The data build the page shows (etl.store.build_label): the URL's build, else the
    current one, read from the changelog once per change of the file, not on every rerun."""
    chosen = chosen_build()
    if chosen is not None:
        return store.build_label(builds.release(chosen))
    path = store.DATASETS_DIR / store.CHANGELOG
    return _build_label(str(path.parent), path.stat().st_mtime if path.exists() else 0.0)


def snapshot_build() -> str | None:
    """The build a snapshot's source line names when the URL asks for a past one (None:
    the exporter names the current build)."""
    return f"data {build_label()}" if chosen_build() is not None else None


@functools.lru_cache(maxsize=4)
def _build_label(folder: str, modified: float) -> str:
    del modified  # part of the cache key only
    return store.build_label(store.current_version(Path(folder)))
