"""CPJ's prison census: the people held on each 1 December, linked to their case records,
and the counts per country and year from every export (the newest marked)."""

from __future__ import annotations

import pandas as pd

from etl.countries import to_iso3
from etl.names import person_key
from etl.sources.cpj import meta
from etl.sources.cpj.values import charge_categories, joined, split_values


def census_people(frame: pd.DataFrame) -> pd.DataFrame:
    held = frame[frame["status"] == "Imprisoned"].copy()
    return pd.DataFrame(
        {
            "year": held["Year"].astype(int),
            "country_cpj": held["country"],
            "name": held["fullName"].str.strip(),
            "charges": held["charges"].map(lambda c: joined(split_values(c))),
            "charge_categories": held["charges"].map(
                lambda c: joined(list(dict.fromkeys(x for x in charge_categories(c) if x)))
            ),
            "unknown_charges": held["charges"].map(
                lambda c: [
                    v
                    for v, k in zip(split_values(c), charge_categories(c), strict=True)
                    if k is None
                ]
            ),
            "sentence": held["sentence"],
            "mediums": held["mediums"].map(lambda c: joined(split_values(c))),
            "beats": held["coverage"].map(lambda c: joined(split_values(c))),
            "gender": held["gender"],
            "source_file": held["source_file"],
            "source_line": held["source_line"],
        }
    )


def link_census(people: pd.DataFrame, cases: pd.DataFrame) -> pd.Series:
    """For each census person-year, the imprisonment episode it belongs to (or <NA>).

    Matched by name and country; among a person's episodes, the latest one that
    began on or before that census year.
    """
    episodes = cases[cases["status"] == "imprisoned"][["case_id", "name", "iso3", "event_year"]]
    episodes = episodes.assign(key=episodes["name"].map(person_key))
    by_person = {k: g.sort_values("event_year") for k, g in episodes.groupby(["key", "iso3"])}
    linked = []
    for row in people.itertuples():
        group = by_person.get((person_key(row.name), row.iso3))
        if group is None:
            linked.append(pd.NA)
            continue
        started = group[group["event_year"].fillna(0) <= row.year]
        linked.append((started if len(started) else group)["case_id"].iloc[-1])
    return pd.Series(linked, index=people.index, dtype="string")


def census_counts(
    people: pd.DataFrame, countries: pd.DataFrame, world: pd.DataFrame
) -> pd.DataFrame:
    """Counts per country and year from every export: the person-level file, Gapminder's
    country series, and the world total's residual (CPJ's combined Israel/OPT entry, which
    Gapminder dropped), with the newest export's figure marked `latest`."""
    person_years = (
        people.groupby(["iso3", "year"])
        .size()
        .rename("imprisoned")
        .reset_index()
        .assign(source="cpj-person-years-2020")
    )
    gap = countries
    gapminder = pd.DataFrame(
        {
            "iso3": to_iso3(gap["country"].str.upper(), "cpj"),
            "year": gap["time"].astype(int),
            "imprisoned": gap["journaprison"].astype(int),
            "source": "gapminder-fasttrack-2024",
            "source_file": gap["source_file"],
            "source_line": gap["source_line"],
        }
    )
    world = pd.Series(world["journaprison"].astype(int).values, index=world["time"].astype(int))
    residual = (world - gapminder.groupby("year")["imprisoned"].sum()).dropna().astype(int)
    residual = pd.DataFrame(
        {
            "iso3": "XIP",
            "year": residual.index,
            "imprisoned": residual.values,
            "source": "gapminder-residual-2024",
        }
    )
    counts = pd.concat(
        [person_years, gapminder, residual[residual["imprisoned"] > 0]], ignore_index=True
    )
    counts["export_date"] = counts["source"].map(meta.CENSUS_EXPORTS)
    newest = (
        counts.assign(rank=counts["source"].map(list(meta.CENSUS_EXPORTS).index))
        .sort_values(["iso3", "year", "rank"])
        .drop_duplicates(["iso3", "year"], keep="last")
    )
    counts["latest"] = "no"
    counts.loc[newest.index, "latest"] = "yes"
    # Gapminder's residual and its country series never overlap (XIP is absent there), so
    # each country-year has exactly one 'latest' row.
    return counts
