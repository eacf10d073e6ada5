"""RSF's editions as the dashboard reads them: which editions there are, and what a reader
may call them in a URL.

What RSF's methodology is (eras, breaks, bands, indicators) is written once in
`etl/sources/rsf_index/methodology.py`; this module only reads the published index with it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.url_params import Years


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
