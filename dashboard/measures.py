"""What the dashboard computes from a measure's (iso3, year, value) rows: one country's
series ready to draw, and where a country stands among the others.

The measures themselves (what, where from, which way is better, where shown) are declared
by the source packages and gathered by `etl.registry`.
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from etl.model import Measure

MIN_PEERS = 20  # fewer countries than this make a percentile meaningless


def standing(
    values: pd.DataFrame, measure: Measure, iso3: str, countries: Collection[str] = ()
) -> dict | None:
    """Where a country stands in the latest year it has a value: 0 = worst, 100 = best.

    The percentile is taken among every country with a value that year, in the
    direction that is better for this measure. For a count where no record is a real zero,
    the year is the count's latest and every one of `countries` (the world's states) is a
    peer, with zero where the source recorded nothing: a percentile among the countries
    with a non-zero count would place a country with one case among the worst.
    """
    if not measure.ranks_countries:
        return None
    if measure.absent_means_zero:
        year = int(values["year"].max())
        counted = values[values["year"] == year].set_index("iso3")["value"]
        peers = counted.reindex(counted.index.union(pd.Index(list(countries))), fill_value=0)
        if iso3 not in peers.index:
            return None
        value = float(peers[iso3])
    else:
        own = values[values["iso3"] == iso3]
        if own.empty:
            return None
        year = int(own["year"].max())
        peers = values[values["year"] == year]["value"]
        value = float(own.loc[own["year"] == year, "value"].iloc[0])
    if len(peers) < MIN_PEERS:
        return None
    better_or_equal = (peers <= value) if measure.higher_is_better else (peers >= value)
    worse = (peers < value) if measure.higher_is_better else (peers > value)
    # mid-rank percentile, so ties share a position
    percentile = 100 * (worse.sum() + 0.5 * (better_or_equal.sum() - worse.sum())) / len(peers)
    return {
        "measure": measure,
        "year": year,
        "value": value,
        "percentile": round(percentile),
        "peers": len(peers),
    }


def country_series(values: pd.DataFrame, measure: Measure, iso3: str) -> pd.DataFrame:
    """One country's (year, value) series, ready to draw: zeros where no record means zero,
    and blank points at methodology breaks so that no line joins two methodologies."""
    own = values.loc[values["iso3"] == iso3, ["year", "value"]]
    if own.empty:
        return own
    if measure.absent_means_zero:
        years = range(int(values["year"].min()), int(values["year"].max()) + 1)
        own = own.set_index("year").reindex(years, fill_value=0).rename_axis("year")
        own = own.reset_index()
    gaps = pd.DataFrame({"year": list(measure.breaks), "value": float("nan")})
    return pd.concat([own, gaps]).sort_values("year").reset_index(drop=True)
