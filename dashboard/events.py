"""Dated events we hold for a country, to mark on its time axis beside RSF's index: the
arrests and detentions of the documented cases, each dated by the publication it cites.

CPJ's case dates and census counts are not marked on RSF's charts: a chart drawing CPJ's
data takes on CPJ's terms, which withhold its data download (the profile shows them in
CPJ's own chart, on the same years, under RSF's)."""

from __future__ import annotations

import pandas as pd

# The facts of a documented case that date an arrest or a detention
DATED_FACTS = ("arrest_date", "detention_date", "arrest_reported_date")
COLUMNS = ["iso3", "date", "precision", "when", "people", "publishers", "urls"]


def _year_fraction(date: str, precision: str) -> float:
    """Where a date falls on a chart's axis of years: the middle of its month or day."""
    stamp = pd.Timestamp(date)
    if precision == "month":
        return stamp.year + (stamp.month - 0.5) / 12
    days = 366 if stamp.is_leap_year else 365
    return stamp.year + (stamp.day_of_year - 0.5) / days


def documented_events(cases: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """One row per date on which documented cases of `iso3` say someone was arrested or
    detained (each case by its earliest such date), oldest first, with the people named
    and the publications cited."""
    facts = cases[(cases["iso3"] == iso3) & cases["fact"].isin(DATED_FACTS)]
    if facts.empty:
        return pd.DataFrame(columns=COLUMNS)
    earliest = facts.sort_values("value").drop_duplicates("case_key")
    rows = earliest.groupby(["value", "value_precision"], sort=True).agg(
        people=("person_name", lambda names: sorted(set(names))),
        publishers=("publisher", lambda names: sorted(set(names))),
        urls=("url", lambda urls: sorted(set(urls))),
    )
    rows = rows.reset_index().rename(columns={"value": "date", "value_precision": "precision"})
    rows["when"] = [
        _year_fraction(d, p) for d, p in zip(rows["date"], rows["precision"], strict=True)
    ]
    return rows.assign(iso3=iso3)[COLUMNS]
