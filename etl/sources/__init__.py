"""One module per source; each exposes a `SOURCE` built from etl.pipeline.Source."""

from __future__ import annotations

from etl.sources import (
    amnesty,
    cpj,
    freedomhouse,
    pts,
    reference,
    rsf_index,
    rsf_roundup,
    vdem,
)

SOURCES = {
    source.name: source
    for source in (
        reference.SOURCE,
        rsf_index.SOURCE,
        cpj.SOURCE,
        pts.SOURCE,
        freedomhouse.SOURCE,
        vdem.SOURCE,
        amnesty.SOURCE,
        rsf_roundup.SOURCE,
    )
}
