"""Named charts as typed values: what each shows (a country, a year, a measure), parsed once
from a URL's strings, with each default defined here and nowhere else.

The pages parse their own parameters with these functions and build the typed value; the
edges that receive a chart as strings (the /embed page, the export CLI) call `parse`. Each
value gives back the URL parameters that name it (`params`: embed codes, file names).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from dashboard import change, i18n, rsf_editions, url_params
from dashboard.names import country_names, entity_names
from etl import registry
from etl.model import Measure

Loader = Callable[[str], pd.DataFrame]
Values = Callable[[str], pd.DataFrame]  # measure key → its (iso3, year, value) rows

# The defaults, each in one place.
DEFAULT_KIND = "map"
DEFAULT_COUNTRY = "AZE"
DEFAULT_COMPARED = ("AZE", "TUR", "RUS", "UKR")
DEFAULT_MAP = "rsf"  # the map page's `metric=` (registry.ON_MAP)
DEFAULT_COMPARE = "rank"  # the compare page's `measure=` (registry.ON_COMPARE)
COMPARE_VIEWS = ("values", "relative")  # the compare page's `view=`: values, or gains
RELATIVE = COMPARE_VIEWS[1]

COUNTRY_KINDS = ("rank", "score", "indicators", "cpj", "sources")
RELATIVE_KINDS = ("rank", "score")  # the profile charts with a relative view (`view=`)
# The profile's RSF charts, one drawn at a time (`chart=`), the first by default
PROFILE_RSF_KINDS = ("rank", "score", "indicators")
SCALES = ("linear", "log")  # the profile's `scale=`: CPJ's counts on linear or log axes
LOG = SCALES[1]
LOG_KINDS = ("cpj",)  # the charts of counts, where a logarithmic scale applies
KINDS = ("map", "rank", "score", "indicators", "compare", "cpj", "bands", "sources")


@dataclass(frozen=True)
class MapChart:
    """The world map of one measure in one year; with `since`, its change since that
    earlier year (`change_years` says which years a year can be compared with)."""

    measure: Measure
    year: int
    since: int | None = None
    kind: ClassVar[str] = "map"

    @property
    def params(self) -> dict[str, str]:
        params = {"metric": self.measure.on_map.key, "edition": str(self.year)}
        return params | ({"since": str(self.since)} if self.since is not None else {})


@dataclass(frozen=True)
class CountryChart:
    """One of a country's profile charts (COUNTRY_KINDS); `relative` (`view=relative`, rank
    and score): the gains since each era's first edition; `log` (`scale=log`, CPJ's
    counts): logarithmic axes."""

    kind: str
    iso3: str
    relative: bool = False
    log: bool = False

    def __post_init__(self) -> None:
        if self.kind not in COUNTRY_KINDS:
            raise ValueError(f"not a country chart: {self.kind!r}")
        if self.relative and self.kind not in RELATIVE_KINDS:
            raise ValueError(f"no relative view of a {self.kind!r} chart")
        if self.log and self.kind not in LOG_KINDS:
            raise ValueError(f"no logarithmic scale for a {self.kind!r} chart")

    @property
    def params(self) -> dict[str, str]:
        params = {"country": self.iso3}
        params |= {"view": RELATIVE} if self.relative else {}
        return params | ({"scale": LOG} if self.log else {})


@dataclass(frozen=True)
class CompareChart:
    """Several countries over time on one measure; `relative`: each one's gain since its
    first edition of each methodology era instead of the values (`view=relative`);
    `until`: the lines drawn up to that year only, on the axes of every year (a frame of
    the timeline, or where it was paused)."""

    countries: tuple[str, ...]
    measure: Measure
    relative: bool = False
    until: int | None = None
    kind: ClassVar[str] = "compare"

    @property
    def params(self) -> dict[str, str]:
        params = {"countries": ",".join(self.countries), "measure": self.measure.on_compare.key}
        params |= {"view": RELATIVE} if self.relative else {}
        return params | ({"until": str(self.until)} if self.until is not None else {})


@dataclass(frozen=True)
class BandsChart:
    """Entities per RSF situation band, per edition."""

    kind: ClassVar[str] = "bands"

    @property
    def params(self) -> dict[str, str]:
        return {}


Spec = MapChart | CountryChart | CompareChart | BandsChart


def slug(spec: Spec) -> str:
    """The chart's name in file names and the baked site's URLs: map-rsf-2026, rank-AZE."""
    return "-".join([spec.kind, *(str(v).replace(",", "+") for v in spec.params.values())])


# Parsers shared by the pages and `parse`: whatever string arrived (or None) → a valid value
# and a note for the reader, or None.


def _measure_name(label: str) -> str:
    """A measure's name as the reader's note names it (the run's language)."""
    return i18n.translator(i18n.current()).term("measure", label)


def parse_map_measure(raw: object) -> tuple[Measure, str | None]:
    metric, note = url_params.parse_choice(
        raw,
        list(registry.ON_MAP),
        DEFAULT_MAP,
        label=lambda key: _measure_name(
            registry.ON_MAP[key].on_map.label or registry.ON_MAP[key].label
        ),
    )
    return registry.ON_MAP[metric], note


def parse_compare_measure(raw: object) -> tuple[Measure, str | None]:
    chosen, note = url_params.parse_choice(
        raw,
        list(registry.ON_COMPARE),
        DEFAULT_COMPARE,
        label=lambda key: _measure_name(registry.ON_COMPARE[key].on_compare.label),
    )
    return registry.ON_COMPARE[chosen], note


def parse_compare_view(raw: object) -> tuple[str, str | None]:
    return url_params.parse_choice(raw, list(COMPARE_VIEWS), COMPARE_VIEWS[0])


def compare_years(index: pd.DataFrame, countries: tuple[str, ...], measure: Measure):
    """The years a comparison draws: the editions with a value for any of the countries
    (of the measure's methodology era, if it has one); None if there are none."""
    rows = index[index["iso3"].isin(countries) & index[measure.column].notna()]
    if measure.era is not None:
        rows = rows[rows["methodology"] == measure.era]
    return url_params.Years(tuple(rows["year"]), "edition") if not rows.empty else None


def parse_until(raw: object, years: url_params.Years | None) -> tuple[int | None, str | None]:
    """A comparison's last year drawn: one of `years`; None (every year) by default or
    when it is the latest."""
    if years is None:
        return None, None
    until, note = url_params.parse_year(raw, years, years.latest)
    return (None if until == years.latest else until), note


def view_labels(tr: i18n.Translator) -> dict[str, str]:
    """COMPARE_VIEWS as the pages' "Show" choice names them, in the translator's language."""
    return {"values": tr.gettext("Values"), RELATIVE: tr.gettext("Change since the first edition")}


def parse_profile_chart(raw: object, kinds: tuple[str, ...]) -> tuple[str, str | None]:
    """The profile's RSF chart (`chart=`): one of `kinds` (those the country has)."""
    tr = i18n.translator(i18n.current())
    return url_params.parse_choice(raw, kinds, kinds[0], label=profile_chart_labels(tr).get)


def profile_chart_labels(tr: i18n.Translator) -> dict[str, str]:
    """PROFILE_RSF_KINDS as the profile's "Chart" choice names them, in the translator's
    language."""
    return {
        "rank": tr.gettext("Rank"),
        "score": tr.gettext("Score"),
        "indicators": tr.gettext("Indicators"),
    }


def parse_scale(raw: object) -> tuple[str, str | None]:
    return url_params.parse_choice(raw, list(SCALES), SCALES[0])


def parse_country(raw: object, names: Mapping[str, str]) -> tuple[str, str | None]:
    return url_params.parse_country(raw, names, DEFAULT_COUNTRY)


def parse_compared(raw: object, names: Mapping[str, str]) -> tuple[list[str], str | None]:
    return url_params.parse_countries(raw, names, DEFAULT_COMPARED)


def parse_map_year(raw: object, years: url_params.Years) -> tuple[int, str | None]:
    """A map's year: one of `years`, by default the latest."""
    return url_params.parse_year(raw, years, years.latest)


def change_years(measure: Measure, years: url_params.Years, year: int) -> list[int]:
    """The earlier years a map of `year` can show its change since, newest first: for RSF's
    index, the editions of the same methodology era (scores do not compare across a
    change of method); for other measures, every earlier year (one scale throughout)."""
    if measure.on_map.style == "bands":
        return change.comparable_editions(years.values, year)
    return sorted((y for y in years.values if y < year), reverse=True)


def play_years(measure: Measure, years: url_params.Years, since: int | None) -> list[int]:
    """The years a map plays through, oldest first: all of them; for a change map, those
    whose change since `since` can be drawn (for RSF's index, the rest of its era)."""
    if since is None:
        return list(years.values)
    return [y for y in years.values if since in change_years(measure, years, y)]


def parse_since(
    raw: object, measure: Measure, years: url_params.Years, year: int
) -> tuple[int | None, str | None]:
    """A change map's earlier year: one of `change_years`, else none (the map of values),
    with a note saying why."""
    since, note = url_params.parse_year(raw, years, None)
    if since is not None and since not in change_years(measure, years, year):
        tr = i18n.translator(i18n.current())
        return None, tr.gettext(
            "A change since %(since)s cannot be drawn on the %(year)s map: the years must "
            "be earlier and, for RSF's index, of the same methodology. Showing the values."
        ) % {"since": since, "year": year}
    return since, note


def values_from(load: Loader) -> Values:
    """Measure values computed from `load` (where no cached provider is at hand)."""

    def values(key: str) -> pd.DataFrame:
        measure = registry.MEASURES[key]
        return measure.values(load(measure.dataset.name))

    return values


def map_years(measure: Measure, load: Loader, values: Values | None = None) -> url_params.Years:
    """The years a map measure can show: RSF's editions; every year of its dataset for
    counts (a year without a record is a year of none); else the years with a value."""
    if measure.on_map.style == "bands":
        return rsf_editions.editions(load(measure.dataset.name))
    if measure.on_map.style == "count":
        frame = load(measure.dataset.name)
    else:
        frame = (values or values_from(load))(measure.key)
    return url_params.Years(tuple(int(y) for y in frame["year"].unique()), "year")


def parse(
    kind: object, params: Mapping[str, str], load: Loader, values: Values | None = None
) -> tuple[Spec, list[str]]:
    """A chart named by strings (the /embed page, the export CLI), parsed once; unknown or
    bad parameters fall back to the defaults, as on the pages, with notes saying so."""
    kind, note = url_params.parse_choice(kind, KINDS, DEFAULT_KIND)
    notes = [note]
    if kind == "map":
        measure, note = parse_map_measure(params.get("metric"))
        years = map_years(measure, load, values)
        year, year_note = parse_map_year(params.get("edition"), years)
        since, since_note = parse_since(params.get("since"), measure, years, year)
        spec = MapChart(measure, year, since)
        notes += [note, year_note, since_note]
    elif kind == "bands":
        spec = BandsChart()
    elif kind == "compare":
        index = load("rsf_index")
        countries, note = parse_compared(params.get("countries"), country_names(index))
        measure, measure_note = parse_compare_measure(params.get("measure"))
        view, view_note = parse_compare_view(params.get("view"))
        years = compare_years(index, tuple(countries), measure)
        until, until_note = parse_until(params.get("until"), years)
        spec = CompareChart(tuple(countries), measure, view == RELATIVE, until)
        notes += [note, measure_note, view_note, until_note]
    else:
        known = {**entity_names(), **country_names(load("rsf_index"))}
        iso3, note = parse_country(params.get("country"), known)
        view, view_note = parse_compare_view(params.get("view"))
        scale, scale_note = parse_scale(params.get("scale"))
        spec = CountryChart(
            kind,
            iso3,
            relative=view == RELATIVE and kind in RELATIVE_KINDS,
            log=scale == LOG and kind in LOG_KINDS,
        )
        notes += [note, view_note, scale_note]
    return spec, [n for n in notes if n]
