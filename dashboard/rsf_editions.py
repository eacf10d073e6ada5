"""RSF's editions as the dashboard reads them: which editions there are (and what a reader
may call them in a URL), and each entity's change since its previous edition.

What RSF's methodology is (eras, breaks, bands, indicators) is written once in
`etl/sources/rsf_index/methodology.py`; this module only reads the published index with it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.url_params import Years
from etl.sources.rsf_index import methodology as rsf

# The methodology in force: the one with five indicators and five situation bands.
CURRENT_ERA = list(rsf.ERAS)[-1]
# The first edition of each methodology after the first: where the lines break.
NEW_METHODOLOGY_YEARS = tuple(era["years"][0] for era in list(rsf.ERAS.values())[1:])


def editions(index: pd.DataFrame) -> Years:
    """The editions in the index, as a URL's `edition=` may name them.

    A year without an edition followed by one is an edition spanning both years, recorded
    under the second (the 2011-12 edition is 2012): "2011", "2011-12" and "2011-2012" all
    name it. A note about an edition that does not exist lists such gaps.
    """
    years = Years(tuple(int(y) for y in index["year"].unique()), "edition")
    aliases = tuple(
        (spelling, gap + 1)
        for gap in years.gaps
        if gap + 1 in years
        for spelling in (str(gap), f"{gap}-{str(gap + 1)[-2:]}", f"{gap}-{gap + 1}")
    )
    return Years(years.values, "edition", aliases)


def with_changes(index: pd.DataFrame) -> pd.DataFrame:
    """Add each entity's rank and score change since its previous edition.

    Rank changes span methodology breaks (ranks are comparable in kind); score
    changes are left blank across a break, where scores are not comparable.
    """
    if "rank_change" in index.columns:  # already done (e.g. a cached frame)
        return index
    frame = index.sort_values(["iso3", "year"]).copy()
    editions = sorted(frame["year"].unique())
    previous_edition = dict(zip(editions[1:], editions[:-1], strict=True))
    frame["previous_year"] = frame["year"].map(previous_edition).astype("Int64")
    before = frame[["iso3", "year", "rank", "score", "methodology"]].rename(
        columns={
            "year": "previous_year",
            "rank": "previous_rank",
            "score": "previous_score",
            "methodology": "previous_methodology",
        }
    )
    frame = frame.merge(before, on=["iso3", "previous_year"], how="left")
    frame["rank_change"] = frame["previous_rank"] - frame["rank"]  # positive = moved up
    same_era = frame["previous_methodology"] == frame["methodology"]
    frame["score_change"] = (frame["score"] - frame["previous_score"]).where(same_era).round(2)
    frame["entities_ranked"] = frame.groupby("year")["iso3"].transform("size")
    return frame.drop(columns=["previous_methodology"]).sort_values(["year", "rank", "iso3"])
