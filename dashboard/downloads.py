"""Files handed to readers: CSVs of exactly the rows shown, safe to open in a spreadsheet;
and whether a view's rows may be handed out at all (etl/project.py WITHHELD_POLICY)."""

from __future__ import annotations

import pandas as pd

from dashboard import i18n
from etl import project
from etl.formats import neutralise_formulas


def safe_csv(frame: pd.DataFrame, header_lines: tuple[str, ...] = ()) -> bytes:
    """CSV bytes (UTF-8, LF) with formula-like text neutralised, after '# ' comment lines
    naming source, licence and view (read back with `pd.read_csv(..., skiprows=N)`)."""
    header = "".join(f"# {' '.join(line.split())}\n" for line in header_lines)
    body = neutralise_formulas(frame).to_csv(index=False, lineterminator="\n")
    return (header + body).encode("utf-8")


def source_header(
    datasets, view: str, build: str, lang: str = i18n.SOURCE_LANGUAGE
) -> tuple[str, ...]:
    """The header lines of a data file: each source with its licence, the view it shows
    and the data build (the app's downloads and the baked site's CSVs), in `lang`."""
    tr = i18n.translator(lang)
    _ = tr.gettext
    return (
        *(
            _("%(source)s. Licence: %(licence)s")
            % {"source": tr.term("source", d.attribution), "licence": tr.term("licence", d.licence)}
            for d in datasets
        ),
        _("View: %(url)s") % {"url": view},
        _("%(dashboard)s, data %(build)s. Read with pandas.read_csv(path, skiprows=%(lines)s)")
        % {"dashboard": _(project.NAME), "build": build, "lines": len(datasets) + 2},
    )


def withheld_reason(sources, lang: str = i18n.SOURCE_LANGUAGE) -> str | None:
    """Why a view's data may not be handed out in a file (a CSV, or a chart's HTML, which
    holds every value), or None: any source that is not redistributed withholds it. In
    `lang` (the reason the metadata gives, `Dataset.download_blocked`, in English)."""
    blocked = next((d for d in sources if d.download_blocked), None)
    if blocked is None:
        return None
    tr = i18n.translator(lang)
    reason = {
        "unverified": tr.gettext("Not redistributed until the publisher's terms are cleared."),
        "forbidden": tr.gettext("The publisher's terms do not allow redistribution."),
    }[blocked.redistribution]
    return f"{reason} {tr.term('licence', blocked.licence)}"
