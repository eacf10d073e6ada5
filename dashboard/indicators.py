"""Every measure the dashboard can put side by side: what it is, where it comes from, which
way is better, and how to read it as a (iso3, year, value) series.

Direction and scale text come from the datasets' columns, so they are written once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from etl import model, registry


@dataclass(frozen=True)
class Indicator:
    key: str
    dataset: str
    column: str
    label: str
    panel: str  # the source family it is shown under
    kind: str  # "count" | "score" | "ordinal"
    direction: str | None = None  # overrides the column's, where it depends on context
    breaks: tuple[float, ...] = ()  # methodology changes: lines must not join across them
    absent_means_zero: bool = False  # counts where "no record" is a real zero

    @property
    def _direction(self) -> str | None:
        return self.direction or self.meta.direction

    @property
    def meta(self) -> model.Column:
        return registry.DATASETS[self.dataset].column(self.column)

    @property
    def higher_is_better(self) -> bool:
        return self._direction != "higher is worse"

    @property
    def ranks_countries(self) -> bool:
        """False for volumes that say nothing good or bad (e.g. how often Amnesty writes)."""
        return self._direction is not None

    @property
    def scale(self) -> str:
        return self.meta.description

    @property
    def source(self) -> model.Dataset:
        return registry.DATASETS[self.dataset]


INDICATORS = (
    Indicator(
        "rsf_rank",
        "rsf_index",
        "rank",
        "RSF rank (1 = best; the number ranked grew from 139 to 180)",
        "RSF World Press Freedom Index",
        "score",
        breaks=(2012.5, 2021.5),
    ),
    Indicator(
        "rsf_score",
        "rsf_index",
        "score",
        "RSF score, 2022 methodology (0–100)",
        "RSF World Press Freedom Index",
        "score",
        direction="higher is better",
    ),
    Indicator(
        "cpj_imprisoned",
        "cpj_census",
        "imprisoned",
        "Journalists imprisoned on 1 December (CPJ)",
        "CPJ",
        "count",
    ),
    Indicator(
        "cpj_killed",
        "cpj_killed_counts",
        "killed",
        "Journalists and media workers killed (CPJ, all records)",
        "CPJ",
        "count",
        absent_means_zero=True,
    ),
    Indicator(
        "rsf_detained",
        "rsf_roundup",
        "value",
        "Journalists detained (RSF, where published)",
        "RSF round-up",
        "count",
    ),
    Indicator(
        "pts_a",
        "pts",
        "pts_a",
        "Political Terror Scale from Amnesty reports (1–5)",
        "Political Terror Scale",
        "ordinal",
    ),
    Indicator(
        "pts_h",
        "pts",
        "pts_h",
        "Political Terror Scale from HRW reports (1–5)",
        "Political Terror Scale",
        "ordinal",
    ),
    Indicator(
        "pts_s",
        "pts",
        "pts_s",
        "Political Terror Scale from State Dept reports (1–5)",
        "Political Terror Scale",
        "ordinal",
    ),
    Indicator(
        "fh_d1",
        "fh_fiw",
        "d1",
        "Freedom House D1: free and independent media (0–4)",
        "Freedom House",
        "ordinal",
    ),
    Indicator(
        "fh_status",
        "fh_status",
        "status_level",
        "Freedom House status (1 not free, 2 partly free, 3 free)",
        "Freedom House",
        "ordinal",
    ),
    Indicator(
        "fh_total",
        "fh_fiw",
        "total",
        "Freedom in the World total (0–100)",
        "Freedom House",
        "score",
    ),
    Indicator(
        "fh_fotp",
        "fh_fotp",
        "score",
        "Freedom of the Press score (0–100, higher is worse)",
        "Freedom House",
        "score",
    ),
    Indicator(
        "vdem_harassment",
        "vdem",
        "journalist_harassment",
        "V-Dem: harassment of journalists",
        "V-Dem",
        "score",
    ),
    Indicator(
        "vdem_censorship",
        "vdem",
        "media_censorship",
        "V-Dem: government media censorship effort",
        "V-Dem",
        "score",
    ),
    Indicator(
        "vdem_self_censorship",
        "vdem",
        "media_self_censorship",
        "V-Dem: media self-censorship",
        "V-Dem",
        "score",
    ),
    Indicator(
        "vdem_expression",
        "vdem",
        "freedom_of_expression",
        "V-Dem: freedom of expression index (0–1)",
        "V-Dem",
        "score",
    ),
    Indicator(
        "ciri_speech",
        "cirights",
        "speech",
        "CIRIGHTS: freedom of speech and press (0–2)",
        "Amnesty-derived and rights codings",
        "ordinal",
    ),
    Indicator(
        "itt_torture",
        "amnesty_itt",
        "torture_level_rank",
        "Torture alleged in Amnesty documents (ITT, 1–6)",
        "Amnesty-derived and rights codings",
        "ordinal",
    ),
    Indicator(
        "amnesty_attention",
        "amnesty_attention",
        "amnesty_documents",
        "amnesty.org documents mentioning the country",
        "Amnesty-derived and rights codings",
        "count",
    ),
)
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
MIN_PEERS = 20  # fewer countries than this make a percentile meaningless


def _plain(table: pd.DataFrame, indicator: Indicator) -> pd.DataFrame:
    rows = table[["iso3", "year", indicator.column]].dropna()
    return rows.rename(columns={indicator.column: "value"})


SPECIAL: dict[str, Callable[[pd.DataFrame], pd.DataFrame]] = {
    "rsf_score": lambda t: _plain(t[t["methodology"] == "2022+"], BY_KEY["rsf_score"]),
    "cpj_imprisoned": lambda t: (
        t[t["latest"] == "yes"]
        .groupby(["iso3", "year"])["imprisoned"]
        .sum()
        .rename("value")
        .reset_index()
    ),
    "cpj_killed": lambda t: (
        t.groupby(["iso3", "year"])["killed"].sum().rename("value").reset_index()
    ),
    # the most recently published figure for each country and year
    "rsf_detained": lambda t: (
        t[(t["scope"] == "country") & (t["measure"] == "detained")]
        .sort_values("published")
        .drop_duplicates(["iso3", "year"], keep="last")[["iso3", "year", "value"]]
    ),
}


def long_values(indicator: Indicator, table: pd.DataFrame) -> pd.DataFrame:
    """All (iso3, year, value) rows of an indicator, from its dataset's table."""
    build = SPECIAL.get(indicator.key)
    frame = build(table) if build else _plain(table, indicator)
    frame = frame.dropna(subset=["iso3"])
    return frame.astype({"year": int, "value": float}).reset_index(drop=True)


def standing(values: pd.DataFrame, indicator: Indicator, iso3: str) -> dict | None:
    """Where a country stands in the latest year it has a value: 0 = worst, 100 = best.

    The percentile is taken among every country with a value that year, in the
    direction that is better for this indicator.
    """
    own = values[values["iso3"] == iso3]
    if own.empty or not indicator.ranks_countries:
        return None
    year = int(own["year"].max())
    peers = values[values["year"] == year]["value"]
    if len(peers) < MIN_PEERS:
        return None
    value = float(own.loc[own["year"] == year, "value"].iloc[0])
    better_or_equal = (peers <= value) if indicator.higher_is_better else (peers >= value)
    worse = (peers < value) if indicator.higher_is_better else (peers > value)
    # mid-rank percentile, so ties share a position
    percentile = 100 * (worse.sum() + 0.5 * (better_or_equal.sum() - worse.sum())) / len(peers)
    return {
        "indicator": indicator,
        "year": year,
        "value": value,
        "percentile": round(percentile),
        "peers": len(peers),
    }


def country_series(values: pd.DataFrame, indicator: Indicator, iso3: str) -> pd.DataFrame:
    """One country's (year, value) series, ready to draw: zeros where no record means zero,
    and blank points at methodology breaks so that no line joins two methodologies."""
    own = values.loc[values["iso3"] == iso3, ["year", "value"]]
    if own.empty:
        return own
    if indicator.absent_means_zero:
        years = range(int(values["year"].min()), int(values["year"].max()) + 1)
        own = own.set_index("year").reindex(years, fill_value=0).rename_axis("year")
        own = own.reset_index()
    gaps = pd.DataFrame({"year": list(indicator.breaks), "value": float("nan")})
    return pd.concat([own, gaps]).sort_values("year").reset_index(drop=True)
