"""The look every chart shares, written once: the data colours (the same in light and dark
snapshots, one per measure wherever it is drawn), the source line under each chart, and the
layout that reads on a phone and a desktop alike.

Plotly neither wraps text nor knows the reader's screen when the server draws a figure, so
`fit` lays each figure out for a width: titles, subtitles, panel headers and the source line
are wrapped with <br> by a character budget estimated from that width, legends and colour
bars go below the plot (never over the title or the data), and panels are placed in a grid
of as many columns as the width holds: one column (full width, stacked) at a phone's width,
which is what the app draws, since a stacked layout also reads on a desktop. Exports call
`fit` again at their own size. The margins follow from the wrapped text, so nothing is
clipped.

A figure drawn in another language (`titled(..., lang=...)`) carries its language in its
layout's `meta`: the source line, the dashboard's name and the alt text follow it, numbers
use its decimal and thousands marks, and a right-to-left language (Arabic) has its title,
subtitle, legend, colour bar and source line set from the right edge."""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from etl import model, project
from etl.sources.rsf_index import methodology as rsf

# RSF's five situation bands, best to worst, and its three methodology eras.
# Colours that stay apart with a colour-vision deficiency (tests/test_chart_style.py
# simulates deuteranopia, protanopia and tritanopia): a teal "good" rather than RSF's green,
# which read as its "difficult" red to protanopes; light to dark from "satisfactory" on.
SITUATION_COLOURS = dict(
    zip(rsf.SITUATIONS, ("#1a7f8a", "#edd04d", "#e8833a", "#c8312f", "#5c0f1e"), strict=True)
)
# ... and not by colour alone: bars of the bands carry a pattern each (the map names the
# band in its hover label, its legend, and the table under it)
SITUATION_PATTERNS = dict(zip(rsf.SITUATIONS, ("", ".", "/", "x", "-"), strict=True))
ERA_COLOURS = dict(zip(rsf.ERAS, ("#7f7f7f", "#1f77b4", "#c0392b"), strict=True))
# Series (countries compared, indicators): Okabe and Ito's palette for colour-vision
# deficiencies first (the old Tableau red and green, and green and orange, were one colour
# to deuteranopes and protanopes), then darker tones; each series also gets its own
# marker and dash (SERIES_STYLES), so none is told by colour alone.
SEQUENCE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#000000",
    "#8c564b",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#9467bd",
)
NO_DATA = "#e5e5e5"
EVENT_COLOUR = "#111111"  # dated events marked on a time axis (stars, white-edged)
# One colour per measure, wherever it is drawn (the profile's panels, the world totals):
# no two measures share one, so a colour never means two things on a page.
MEASURE_COLOURS = {
    "rsf_rank": "#1f4e79",
    "rsf_score": "#1f77b4",
    "cpj_imprisoned": "#6e1423",
    "cpj_killed": "#d0433b",
    "rsf_detained": "#e67e22",
    "pts_a": "#8e44ad",
    "pts_h": "#e377c2",
    "pts_s": "#393b79",
    "hrps": "#17becf",
    "fh_status": "#2ca02c",
    "fh_d1": "#637939",
    "fh_total": "#1b5e20",
    "vdem_harassment": "#8c564b",
    "vdem_censorship": "#bcbd22",
    "vdem_self_censorship": "#5f6a6a",
}
# Measures of one panel differ by marker and dash too, not by colour alone
SYMBOLS = (("circle", "solid", "●"), ("square", "dash", "■"), ("diamond", "dot", "◆"))
# Lines of several series in one plot: marker and dash per series, in legend order
SERIES_STYLES = (
    ("circle", "solid"),
    ("square", "dash"),
    ("diamond", "dot"),
    ("triangle-up", "dashdot"),
    ("x", "longdash"),
    ("star", "longdashdot"),
)

NARROW = 360  # px: a chart's width on a 390 px phone; figures are laid out for it first
WIDE = 720  # px: the least width of a chart on a desktop (a laptop's window, menu open)
PANEL_MIN_WIDTH = 290  # px: a panel narrower than this is unreadable; the grid stacks
# px: the world map's height (natural earth, 57°S–84°N, is ~2.1 times as wide as tall)
MAP_PX = {NARROW: 175, WIDE: 440}
CHAR_EM = 0.56  # a character's average width, in font sizes (Open Sans, Arial: 0.5–0.55)
FONT = {"title": 16, "subtitle": 12, "panel": 12.5, "legend": 12, "note": 11}
LINE = 1.35  # line height, in font sizes
MODEBAR = 36  # px kept free right of the title for Plotly's (one-button) toolbar
TICKS = 24  # px under a plot for its x tick labels
YEAR_TICK = 40  # px: the least room for one year label ("2024" and some air)
MARGIN = {"l": 52, "r": 14}  # y tick labels push the left margin further where needed
PANEL_GAP = 56  # px between grid columns (the right panel's y tick labels)

# No Plotly template: every colour is the style's, set on each trace and axis. A template's
# defaults would only fill what the style leaves unset, and whatever the default of the
# process is (Plotly's own; Streamlit's colour placeholders once Streamlit is imported) was
# copied into every figure: five sixths of a line chart's objects and 3.7 kB of each chart
# sent to a browser on every run, and most of what the server's collector walked.
TEMPLATE = "none"

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # a minimal toolbar: the PNG button only (zooming by drag would steal a phone's scroll)
    "modeBarButtons": [["toImage"]],
    "scrollZoom": False,
}


# Unicode's bidirectional isolates (right-to-left isolate ... pop directional isolate): a
# line of Arabic set in a chart keeps its own right-to-left order (a Latin name or a year
# inside it stays in place), while Plotly and the browser still anchor and measure the line
# as a left-to-right box, so text set from the right edge ends at that edge
RTL_ISOLATE, POP_ISOLATE = "\u2067", "\u2069"
_ISOLATES = re.compile("[\u2066-\u2069]")


def _plain(text: str | None) -> str:
    return _ISOLATES.sub("", re.sub(r"\s*<br>\s*", " ", text or "")).strip()


def _visible(text: str) -> int:
    return len(_ISOLATES.sub("", re.sub(r"<[^>]+>", "", text)))


def _isolated(text: str) -> str:
    """Each line of a wrapped text as a right-to-left isolate."""
    if not text:
        return text
    return "<br>".join(f"{RTL_ISOLATE}{line}{POP_ISOLATE}" for line in text.split("<br>"))


def budget(width_px: float, font_px: float) -> int:
    """How many characters of a font size fit in a width."""
    return max(12, int(width_px / (font_px * CHAR_EM)))


def _keep_whole() -> tuple[str, ...]:
    """Never broken across lines: the dashboard's name, in every language."""
    return tuple(
        dict.fromkeys(i18n.translator(lang).gettext(project.NAME) for lang in i18n.languages())
    )


def wrap(text: str | None, width_px: float, font_px: float) -> str:
    """`text` broken with <br> into lines that fit `width_px` (earlier breaks are undone)."""
    limit = budget(width_px, font_px)
    plain = _plain(text)
    for phrase in _keep_whole():
        plain = plain.replace(phrase, phrase.replace(" ", "\0"))
    lines: list[str] = []
    for word in plain.split(" "):
        if lines and _visible(lines[-1]) + 1 + _visible(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines).replace("\0", " ")


def plain(text: str | None) -> str:
    """A wrapped text as one line again (what it says, whatever the width)."""
    return _plain(text)


def _lines(text: str | None) -> int:
    return text.count("<br>") + 1 if text else 0


def _rows(items: list[str], width_px: float, font_px: float, extra_px: float) -> int:
    """Rows a horizontal legend of `items` takes in a width. When it wraps, Plotly sets the
    items in columns as wide as the widest item (French "Problématique" on a phone: two
    columns, three rows, where items packed one after another would need two)."""
    if not items:
        return 0
    widths = [extra_px + _visible(item) * font_px * CHAR_EM for item in items]
    if sum(widths) <= width_px:
        return 1
    columns = max(1, int(width_px // max(widths)))
    return math.ceil(len(items) / columns)


def language(fig: go.Figure) -> str:
    """The language a figure is drawn in (English unless `titled` said otherwise)."""
    return (fig.layout.meta or {}).get("style", {}).get("lang", i18n.SOURCE_LANGUAGE)


def source_line(fig: go.Figure, dataset: model.Dataset, years: str) -> go.Figure:
    attribution = i18n.translator(language(fig)).term("source", dataset.attribution)
    return source_note(fig, f"{attribution} {years}")


def source_note(fig: go.Figure, sources: str) -> go.Figure:
    """The line under every chart naming its sources and the dashboard (exports add the
    licence and the data build to it); the figure is then laid out (`fit`)."""
    name = i18n.translator(language(fig)).gettext(project.NAME)
    fig.add_annotation(
        text=f"{sources} · {name}",
        name="source",
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yanchor="top",
        xanchor="left",
        align="left",
        showarrow=False,
        font={"size": FONT["note"], "color": "#666"},
    )
    return fit(fig)


def titled(
    fig: go.Figure,
    title: str,
    subtitle: str = "",
    plot_px: int = 260,
    is_map: bool = False,
    lang: str = i18n.SOURCE_LANGUAGE,
) -> go.Figure:
    """A chart's title, subtitle and the height of its plot area (wrapped by `fit`); a
    map's height follows the screen (`for_screen`). `lang`: the language the chart is
    written in (its numbers' marks, its text's direction, its source line's words)."""
    recipe = _recipe(fig)
    if lang != i18n.SOURCE_LANGUAGE:
        recipe["lang"] = lang
        fig.update_layout(separators=i18n.translator(lang).separators)
    recipe["plot_px"] = MAP_PX[NARROW] if is_map else plot_px
    if is_map:
        recipe["map_px"] = True
    fig.update_layout(title={"text": title, "subtitle": {"text": subtitle}})
    return fig


def copy_of(fig: go.Figure) -> go.Figure:
    """A copy of a figure that other sessions may be copying or reading at the same time
    (figures are cached and shared). `go.Figure(fig)` is not safe for that: while copying
    it takes each trace's `type` out of the source's own properties and puts it back, so
    a concurrent copy made a map a scatter (ValueError) or a reader found no type."""
    return go.Figure(fig.to_dict())


def for_screen(fig: go.Figure, phone: bool) -> go.Figure:
    """A copy of `fig` laid out for a phone or for a desktop (text wrapped for the least
    width of each, panels side by side on a desktop, the map as tall as it is there)."""
    width = NARROW if phone else WIDE
    out = copy_of(fig)
    if "map_px" in _recipe(out):
        _recipe(out)["plot_px"] = MAP_PX[width]
    return fit(out, width)


def _recipe(fig: go.Figure) -> dict:
    meta = dict(fig.layout.meta or {})
    recipe = dict(meta.get("style", {}))
    meta["style"] = recipe
    fig.layout.meta = meta
    return fig.layout.meta["style"]


def panel_grid(fig: go.Figure, panels: list[tuple[str, list[tuple[str, str, str]]]], plot_px: int):
    """Mark a figure made with make_subplots(rows=len(panels), cols=1) as a grid of panels:
    each with its header (title) and its own key, (label, colour, glyph) per series, printed
    under the header, so no panel borrows another's legend. `fit` places them."""
    keys = [
        [f'<span style="color:{colour}">{glyph}</span> {label}' for label, colour, glyph in key]
        for _, key in panels
    ]
    recipe = _recipe(fig)
    recipe["plot_px"] = plot_px
    recipe["panels"] = [
        {"title": title, "key": key} for (title, _), key in zip(panels, keys, strict=True)
    ]
    fig.update_layout(showlegend=False)
    return fig


def _axis(name: str, i: int) -> str:
    return f"{name}{i + 1 if i else ''}"


def fit(fig: go.Figure, width: int = NARROW, height: int | None = None) -> go.Figure:
    """Lay `fig` out for `width` px (and, for exports, a fixed `height`): wrapped text,
    legend and colour bar below the plot, the source line below them, panels in a grid."""
    recipe = dict((fig.layout.meta or {}).get("style", {}))
    rtl = i18n.is_rtl(recipe.get("lang", i18n.SOURCE_LANGUAGE))
    panels = recipe.get("panels") or []
    if not panels:
        _series_styles(fig)
    is_map = any(trace.type == "choropleth" for trace in fig.data)
    left, right = (0, 0) if is_map else (MARGIN["l"], MARGIN["r"])
    inner = width - left - right
    text_width = width - 20  # titles and notes start 10 px from the figure's left edge

    title = wrap(fig.layout.title.text, text_width - MODEBAR, FONT["title"])
    subtitle = wrap(fig.layout.title.subtitle.text, text_width - MODEBAR, FONT["subtitle"])
    top = 12 + _lines(title) * FONT["title"] * LINE + _lines(subtitle) * FONT["subtitle"] * LINE
    top = math.ceil(top + 14)
    if rtl:
        title, subtitle = _isolated(title), _isolated(subtitle)

    ticks = 0 if is_map else TICKS + (16 if fig.layout.xaxis.title.text else 0)
    legend = [
        t.name or ""
        for t in fig.data
        if t.showlegend is not False and (t.showlegend or len(fig.data) > 1)
    ]
    legend_title = fig.layout.legend.title.text
    shows_legend = fig.layout.showlegend is not False and legend and not panels
    legend_px = 0
    if shows_legend:
        rows = _rows(legend, inner, FONT["legend"], 44) + (1 if legend_title else 0)
        legend_px = rows * 21 + 4
    scale = any(
        getattr(t, "showscale", None) is not False and t.type == "choropleth" for t in fig.data
    )
    if scale:
        legend_px += 62
    notes = [a for a in fig.layout.annotations if a.name == "source"]
    note_px = 0
    for note in notes:
        size = note.font.size or FONT["note"]
        note.text = wrap(note.text, text_width, size)
        note_px += _lines(note.text) * size * LINE
        if rtl:
            note.text = _isolated(note.text)
    bottom = math.ceil(ticks + legend_px + 8 + note_px + 10)

    # the plot area: one plot, or the panels' blocks (header, key, plot, ticks) in a grid
    columns = max(1, min(len(panels), (inner + PANEL_GAP) // (PANEL_MIN_WIDTH + PANEL_GAP)))
    panel_w = (inner - (columns - 1) * PANEL_GAP) / columns if panels else inner
    headers = []
    for panel in panels:
        head = wrap(panel["title"], panel_w, FONT["panel"])
        if panel["key"]:
            head += "<br>" + _key_lines(panel["key"], panel_w)
        headers.append(head)
    head_px = [_lines(h) * FONT["panel"] * LINE + 6 for h in headers]
    grid_rows = [
        list(range(r, min(r + columns, len(panels)))) for r in range(0, len(panels), columns)
    ]
    row_head = [max(head_px[i] for i in row) for row in grid_rows]
    plot_px = recipe.get("plot_px", 260)
    fixed = sum(row_head) + len(grid_rows) * TICKS
    if height is not None:
        available = height - top - bottom - (fixed if panels else 0)
        # panels keep a readable height: an export of many panels grows taller than asked
        plot_px = max(90 if panels else 40, available / (len(grid_rows) if panels else 1))
    paper = fixed + plot_px * len(grid_rows) if panels else plot_px
    total = max(height or 0, math.ceil(top + paper + bottom))

    layout: dict = {
        "template": TEMPLATE,
        "height": total,
        # y tick labels may push the margins; a map's colour bar must not (it sits below)
        "margin": {"t": top, "b": bottom, "l": left, "r": right, "autoexpand": not is_map},
        "title": {
            "text": title,
            "subtitle": {"text": subtitle, "font": {"size": FONT["subtitle"]}},
            "font": {"size": FONT["title"]},
            "x": 1 if rtl else 0,
            "xref": "container",
            "xanchor": "right" if rtl else "left",
            # Plotly anchors a title of several lines by its first: the rest hang above
            "y": 1 - (10 + (_lines(title) - 1) * FONT["title"] * LINE) / total,
            "yref": "container",
            "yanchor": "top",
            # set from the right, the title's first line ends left of the toolbar
            "pad": {"r": 10 + MODEBAR, "t": 0} if rtl else {"l": 10, "t": 0},
        },
        "dragmode": False,
    }
    if shows_legend:
        layout["legend"] = {
            "orientation": "h",
            "x": 1 if rtl else 0,
            "xanchor": "right" if rtl else "left",
            "y": -(ticks + 4) / paper,
            "yanchor": "top",
            "yref": "paper",
            "font": {"size": FONT["legend"]},
            "title": {"side": "top right" if rtl else "top"},
            "traceorder": "normal",
        }
    for note in notes:
        note.update(x=0, xshift=10 - left, y=-(ticks + legend_px + 8) / paper, yanchor="top")
        if rtl:
            note.update(x=1, xshift=right - 10, xanchor="right", align="right")
    if scale:
        fig.update_traces(
            colorbar={
                "orientation": "h",
                "x": 1 if rtl else 0,
                "xanchor": "right" if rtl else "left",
                "xref": "paper",
                "y": -(ticks + legend_px - 62 + 4) / paper,
                "yanchor": "top",
                "len": min(inner - 20, 320),
                "lenmode": "pixels",
                "thickness": 12,
                "title": {"side": "top"},
                "xpad": 10,
            },
            selector={"type": "choropleth"},
        )
    _year_ticks(fig, layout, panel_w)
    if panels:
        cursor = paper
        notes_kept = [a for a in fig.layout.annotations if not (a.name or "").startswith("panel")]
        heads = []
        for row, head in zip(grid_rows, row_head, strict=True):
            for col, i in enumerate(row):
                x0 = col * (panel_w + PANEL_GAP) / inner
                x1 = x0 + panel_w / inner
                layout.setdefault(_axis("xaxis", i), {})["domain"] = [x0, min(1.0, x1)]
                layout.setdefault(_axis("yaxis", i), {})["domain"] = [
                    (cursor - head - plot_px) / paper,
                    (cursor - head) / paper,
                ]
                # a panel's header starts at its left edge (at its right edge, right to left)
                heads.append(
                    go.layout.Annotation(
                        text=_isolated(headers[i]) if rtl else headers[i],
                        name=f"panel-{i}",
                        xref="paper",
                        yref="paper",
                        x=min(1.0, x1) if rtl else x0,
                        xshift=(min(right, 10) if rtl else -min(left, 44) + 4),
                        y=cursor / paper,
                        xanchor="right" if rtl else "left",
                        yanchor="top",
                        align="right" if rtl else "left",
                        showarrow=False,
                        font={"size": FONT["panel"]},
                    )
                )
            cursor -= head + plot_px + TICKS
        fig.layout.annotations = notes_kept + heads
    fig.update_layout(layout)
    return fig


def _series_styles(fig: go.Figure) -> None:
    """Where several series share one plot as lines, each also gets its own marker and
    dash (SERIES_STYLES, in legend order), unless the chart chose them: colour is never the
    only thing that tells them apart."""
    lines = [
        t for t in fig.data if t.type == "scatter" and "lines" in (t.mode or "lines") and t.name
    ]
    groups = list(dict.fromkeys(t.legendgroup or t.name for t in lines))
    if len(groups) < 2:
        return
    for trace in lines:
        symbol, dash = SERIES_STYLES[groups.index(trace.legendgroup or trace.name) % 6]
        if trace.marker.symbol is None:
            trace.marker.symbol = symbol
        if trace.line.dash is None:
            trace.line.dash = dash


def _year_ticks(fig: go.Figure, layout: dict, width_px: float) -> None:
    """Year axes get as many whole-year ticks as their width holds (about one per YEAR_TICK px),
    never half years."""
    years: dict[str, list] = {}
    for trace in fig.data:
        if trace.type in ("scatter", "bar") and trace.x is not None:
            years.setdefault(trace.xaxis or "x", []).extend(trace.x)
    for ref, xs in years.items():
        name = "xaxis" + ref[1:]
        axis = fig.layout[name]
        if axis.tickformat != "d":
            continue
        values = pd.to_numeric(pd.Series(list(axis.range or xs)), errors="coerce").dropna()
        if values.empty:
            continue
        span = int(values.max() - values.min()) + 1
        fits = max(2, int(width_px // YEAR_TICK))
        layout.setdefault(name, {}).update(
            dtick=_nice_step(span / fits) if span > fits else 1, tick0=0
        )


def _key_lines(items: list[str], width_px: float) -> str:
    """A panel's key, its items kept whole, broken into lines that fit the panel."""
    limit = budget(width_px, FONT["panel"])
    lines: list[str] = []
    for item in items:
        if lines and _visible(lines[-1]) + 3 + _visible(item) <= limit:
            lines[-1] += "   " + item
        else:
            lines.append(item)
    return "<br>".join(lines)


def value_axis(measure: model.Measure, values: pd.Series, higher_is_better: bool) -> dict:
    """A y axis that fits the measure's scale: its values with some room, never beyond the
    minimum and maximum its dataset declares; whole-number ticks for counts, ranks and
    ordinal codes; turned so that up is better. Ordinal scales show their whole range."""
    column = measure.meta
    values = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    lo_decl, hi_decl = column.minimum, column.maximum
    whole = column.type == "integer" or measure.kind in ("count", "ordinal")
    if measure.kind == "ordinal" and lo_decl is not None and hi_decl is not None:
        lo, hi = float(lo_decl), float(hi_decl)
        pad = 0.25
    else:
        lo = float(values.min()) if len(values) else 0.0
        hi = float(values.max()) if len(values) else 1.0
        if measure.kind == "count":
            lo = 0.0
        declared = hi_decl - lo_decl if lo_decl is not None and hi_decl is not None else 0
        # the least span drawn: one point gets a readable axis, not 23–25 in .5 steps
        least = max(4.0 if whole else 0.0, declared / 20) or max(abs(hi) / 5, 1.0)
        if hi - lo < least:
            middle = (hi + lo) / 2
            lo, hi = middle - least / 2, middle + least / 2
            if measure.kind == "count":
                lo, hi = 0.0, max(hi - lo, least)
        pad = (hi - lo) * 0.08
        if lo_decl is not None:
            lo = max(lo, float(lo_decl))
        if hi_decl is not None:
            hi = min(hi, float(hi_decl))
    axis = {"range": [lo - pad, hi + pad] if higher_is_better else [hi + pad, lo - pad]}
    axis["autorange"] = False
    if whole:
        axis.update(dtick=_nice_step((hi - lo) / 4), tickformat="d")
    else:
        axis["nticks"] = 5
    return axis


def _nice_step(raw: float) -> int:
    """A whole-number tick step near `raw`: 1, 2, 5, 10, 20, 50, ..."""
    if raw <= 1:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def fmt(value, digits: int = 2, signed: bool = False) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def span(frame: pd.DataFrame) -> str:
    first, last = int(frame["year"].min()), int(frame["year"].max())
    return str(first) if first == last else f"{first}–{last}"
