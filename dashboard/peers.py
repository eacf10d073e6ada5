"""Comparison countries a reader can add in one click, each choice explained in a sentence:
the entities RSF places in the same region, the neighbours that share a land border on the
map, and those whose value in the same edition is closest.

Neighbours come from the vendored map geometry itself (offline): in a TopoJSON topology
two shapes that share a border share an arc, so two countries are neighbours when their
shapes use a common arc (Azerbaijan and Turkey through Nakhchivan; an island has none)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from dashboard import geo, i18n

CLOSEST = 4  # how many entities "closest value" adds


@dataclass(frozen=True)
class Peers:
    kind: str  # "region" | "neighbours" | "closest": the URL's and the buttons' key
    codes: tuple[str, ...]  # ISO3, in the order they are added
    reason: str  # one sentence, in the page's language


@lru_cache(maxsize=1)
def borders() -> dict[str, frozenset[str]]:
    """ISO3 → the ISO3 codes of the shapes it shares a border with on the map."""
    topology = json.loads((geo.TOPOJSON_DIR / "world_50m.json").read_text())
    owners: dict[int, set[str]] = defaultdict(set)

    def collect(arcs, code: str) -> None:
        for item in arcs:
            if isinstance(item, int):
                owners[item if item >= 0 else ~item].add(code)
            else:
                collect(item, code)

    for shape in topology["objects"]["countries"]["geometries"]:
        if shape.get("id") and shape.get("arcs"):
            collect(shape["arcs"], shape["id"])
    found: dict[str, set[str]] = defaultdict(set)
    for codes in owners.values():
        for code in codes:
            found[code] |= codes - {code}
    return {code: frozenset(others) for code, others in found.items()}


def neighbours(iso3: str) -> list[str]:
    """Who shares a border with `iso3` on the map (for an entity drawn on several shapes,
    such as CPJ's combined Israel and Occupied Palestinian Territory, any of them)."""
    own = set(geo.shapes_of(iso3))
    found = set().union(*(borders().get(shape, frozenset()) for shape in own)) - own
    return sorted(found)


def same_region(edition: pd.DataFrame, iso3: str) -> list[str]:
    """The other entities of the RSF edition in `iso3`'s region (`edition`: one year of
    the RSF index, with iso3, region and rank), best ranked first."""
    row = edition[edition["iso3"] == iso3]
    if row.empty:
        return []
    region = row["region"].iloc[0]
    others = edition[(edition["region"] == region) & (edition["iso3"] != iso3)]
    return others.sort_values("rank")["iso3"].tolist()


def closest(values: pd.DataFrame, iso3: str, n: int = CLOSEST) -> list[str]:
    """The `n` entities whose value is nearest `iso3`'s (`values`: iso3 and value for one
    year), nearest first; ties broken by code so the choice is stable."""
    values = values.dropna(subset=["value"])
    own = values.loc[values["iso3"] == iso3, "value"]
    if own.empty:
        return []
    others = values[values["iso3"] != iso3].assign(
        distance=lambda f: (f["value"] - own.iloc[0]).abs()
    )
    return others.sort_values(["distance", "iso3"]).head(n)["iso3"].tolist()


def suggestions(
    edition: pd.DataFrame,
    values: pd.DataFrame,
    iso3: str,
    year: int,
    measure_label: str,
    known: set[str],
    lang: str = i18n.SOURCE_LANGUAGE,
) -> list[Peers]:
    """The three kinds of peers of `iso3`, limited to the entities the page can show
    (`known`), each with its sentence; a kind with nobody to add says why in its sentence
    and adds nothing."""
    tr = i18n.translator(lang)
    name = tr.country(iso3)
    row = edition[edition["iso3"] == iso3]
    region = tr.term("region", row["region"].iloc[0]) if not row.empty else ""
    found = []

    codes = [c for c in same_region(edition, iso3) if c in known]
    if codes:
        reason = tr.ngettext(
            "The %(count)d other entity RSF places in %(region)s in %(year)d.",
            "The %(count)d other entities RSF places in %(region)s in %(year)d.",
            len(codes),
        ) % {"count": len(codes), "region": region, "year": year}
    else:
        reason = tr.gettext("RSF's %(year)d index does not place %(country)s in a region.") % {
            "year": year,
            "country": name,
        }
    found.append(Peers("region", tuple(codes), reason))

    codes = [c for c in neighbours(iso3) if c in known]
    if codes:
        reason = tr.ngettext(
            "The %(count)d country or territory that shares a land border with %(country)s "
            "on the map.",
            "The %(count)d countries and territories that share a land border with "
            "%(country)s on the map.",
            len(codes),
        ) % {"count": len(codes), "country": name}
    else:
        reason = tr.gettext("%(country)s shares no land border with an entity on the map.") % {
            "country": name
        }
    found.append(Peers("neighbours", tuple(codes), reason))

    codes = [c for c in closest(values, iso3) if c in known]
    if codes:
        reason = tr.ngettext(
            "The entity whose %(measure)s in %(year)d is closest to %(country)s's.",
            "The %(count)d entities whose %(measure)s in %(year)d is closest to %(country)s's.",
            len(codes),
        ) % {"count": len(codes), "measure": measure_label, "year": year, "country": name}
    else:
        reason = tr.gettext("%(country)s has no %(measure)s in %(year)d to compare.") % {
            "country": name,
            "measure": measure_label,
            "year": year,
        }
    found.append(Peers("closest", tuple(codes), reason))
    return found
