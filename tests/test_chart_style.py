"""The chart style (dashboard/charts/style.py) on every named chart: legends below the plot,
text that fits its width, panels that do not overlap, axes within each measure's declared
scale, one colour per measure."""

import re
import sys
from concurrent.futures import ThreadPoolExecutor

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard import export, gallery
from dashboard.charts import counts, style
from etl import registry, store
from tests.conftest import needs_built
from tests.test_export import CHARTS as EXPORTED

# every chart type the exports test, and the profile's panels of every source
CHARTS = [*EXPORTED, ("sources", {"country": "AZE"})]
IDS = [f"{k}-{'-'.join(p.values())}" for k, p in CHARTS]


@pytest.fixture(scope="module")
def built():
    return {
        i: gallery.build(kind, params, store.read_dataset)
        for i, (kind, params) in zip(IDS, CHARTS, strict=True)
    }


def layouts(chart):
    """The figure as a phone and a desktop get it, and as an exported image."""
    return {
        style.NARROW: style.for_screen(chart.figure, phone=True),
        style.WIDE: style.for_screen(chart.figure, phone=False),
        1200: export.snapshot(chart.figure, preset="article", sources=chart.sources),
    }


def lines(text):
    return [re.sub(r"<[^>]+>", "", line) for line in (text or "").split("<br>") if line]


def fits(text, width_px, font_px):
    limit = style.budget(width_px, font_px)
    return all(len(line) <= limit or " " not in line for line in lines(text))


@needs_built()
@pytest.mark.parametrize("name", IDS)
def test_legends_and_colour_bars_sit_below_the_plot(built, name):
    for width, fig in layouts(built[name]).items():
        shown = [t for t in fig.data if t.showlegend is not False]
        if fig.layout.showlegend is not False and len(shown) > 1:
            legend = fig.layout.legend
            assert legend.orientation == "h", (name, width)
            assert legend.y < 0 and legend.yanchor == "top", (name, width)
        for trace in fig.data:
            if trace.type == "choropleth" and trace.showscale is not False:
                bar = trace.colorbar
                assert bar.orientation == "h" and bar.y < 0 and bar.yanchor == "top"
        source = next(a for a in fig.layout.annotations if a.name == "source")
        below = [fig.layout.legend.y] if fig.layout.legend.y is not None else []
        assert source.y < min([0, *below]), (name, width)  # under the legend
        # the title sits in the top margin, which holds all of its lines
        title_px = style.FONT["title"] * style.LINE * len(lines(fig.layout.title.text))
        assert fig.layout.margin.t >= title_px, (name, width)


@needs_built()
@pytest.mark.parametrize("name", IDS)
def test_titles_subtitles_and_source_lines_fit_the_width(built, name):
    for width, fig in layouts(built[name]).items():
        text_width = width - 20
        assert fits(fig.layout.title.text, text_width - style.MODEBAR, style.FONT["title"])
        subtitle = fig.layout.title.subtitle.text
        assert fits(subtitle, text_width - style.MODEBAR, style.FONT["subtitle"]), (name, width)
        for note in fig.layout.annotations:
            if note.name == "source":
                assert fits(note.text, text_width, note.font.size), (name, width, note.text)
                assert (
                    style.plain(note.text).endswith(
                        tuple(["Dashboard", *(d.licence_label for d in built[name].sources)])
                    )
                    or "Licence:" in note.text
                )


@needs_built()
def test_a_phone_gets_long_titles_on_several_lines_a_desktop_on_fewer(built):
    chart = built["cpj-AZE"]
    phone = style.for_screen(chart.figure, phone=True).layout.title.text
    desktop = style.for_screen(chart.figure, phone=False).layout.title.text
    assert phone.count("<br>") > desktop.count("<br>")
    assert (
        style.plain(phone)
        == style.plain(desktop)
        == "Azerbaijan: journalists imprisoned and killed"
    )


@needs_built()
@pytest.mark.parametrize("name", ["sources-AZE", "score-TUR", "cpj-AZE"])
def test_panels_neither_overlap_nor_share_a_header(built, name):
    for width, fig in layouts(built[name]).items():
        axes = sorted(
            (k for k in fig.layout if k.startswith("yaxis") and fig.layout[k].domain),
            key=lambda k: int(k[5:] or 1),
        )
        headers = [a for a in fig.layout.annotations if (a.name or "").startswith("panel")]
        assert len(headers) == len(axes) > 1
        boxes = []
        for axis, header in zip(axes, headers, strict=True):
            x = fig.layout["x" + axis[1:]].domain
            y = fig.layout[axis].domain
            assert header.y >= y[1], (name, width, axis)  # the header sits above its plot
            boxes.append((x, y))
        for i, (xa, ya) in enumerate(boxes):
            for xb, yb in boxes[i + 1 :]:
                apart = xa[1] <= xb[0] or xb[1] <= xa[0] or ya[1] <= yb[0] or yb[1] <= ya[0]
                assert apart, (name, width)
        if width == style.NARROW:  # a phone stacks them, full width
            assert all(x == (0, 1) or list(x) == [0, 1] for x, _ in boxes)
        if width >= style.WIDE and name == "sources-AZE":  # a desktop sets them side by side
            assert len({tuple(x) for x, _ in boxes}) > 1


@needs_built()
def test_panel_axes_stay_within_each_measures_declared_scale(built):
    chart = built["sources-AZE"]
    fig = chart.figure
    owners = {}  # a panel's axis is drawn for its first measure (the others share it)
    for trace in fig.data:
        owners.setdefault(trace.yaxis, trace)
    for trace in owners.values():
        measure = next(m for m in registry.MEASURES.values() if m.label == trace.name)
        axis = fig.layout["yaxis" + trace.yaxis[1:]]
        low, high = sorted(axis.range)
        meta = measure.meta
        span = high - low
        if meta.minimum is not None:
            assert low >= meta.minimum - 0.1 * span, measure.key
        if meta.maximum is not None:
            assert high <= meta.maximum + 0.1 * span, measure.key
        if measure.kind == "ordinal":  # the whole scale, whatever the values
            assert low <= meta.minimum and high >= meta.maximum, measure.key
        if measure.kind in ("count", "ordinal") or meta.type == "integer":
            assert axis.dtick >= 1 and float(axis.dtick).is_integer(), measure.key
    d1 = next(t for t in fig.data if t.name == registry.MEASURES["fh_d1"].label)
    assert sorted(fig.layout["yaxis" + d1.yaxis[1:]].range)[0] > -1  # not −1 to 1 for 0–4


def test_one_point_gets_a_whole_number_axis_not_half_steps():
    axis = style.value_axis(registry.MEASURES["rsf_detained"], [24], higher_is_better=False)
    assert axis["dtick"] >= 1 and axis["range"][1] <= 0 < axis["range"][0]  # reversed, from 0
    rank = style.value_axis(registry.MEASURES["rsf_rank"], [101], higher_is_better=False)
    assert rank["range"][0] - rank["range"][1] >= 10 and rank["dtick"] >= 1


@needs_built()
@pytest.mark.parametrize("name", IDS)
def test_figures_carry_no_templates_defaults(built, name):
    """Every colour is the style's own: a template's defaults would be copied into each
    figure the pages cache and send (Streamlit's colour placeholders in the server)."""
    nothing = pio.templates[style.TEMPLATE].to_plotly_json()
    chart = built[name]
    for fig in (chart.figure, *layouts(chart).values()):
        assert fig.to_dict()["layout"]["template"] == nothing


@needs_built()
def test_a_chart_drawn_where_streamlit_sets_the_default_template_carries_none():
    import streamlit.elements.plotly_chart  # noqa: F401 (registers and sets its template)

    assert pio.templates.default == "streamlit"
    kind, params = CHARTS[0]
    fig = gallery.build(kind, params, store.read_dataset).figure
    assert fig.to_dict()["layout"]["template"] == pio.templates["none"].to_plotly_json()
    assert "#000011" not in fig.to_json()  # none of Streamlit's colour placeholders


@needs_built()
def test_one_colour_per_measure_across_panels_and_charts(built):
    fig = built["sources-AZE"].figure
    colour_of = {}
    for trace in fig.data:
        key = next(m.key for m in registry.MEASURES.values() if m.label == trace.name)
        assert trace.line.color == style.MEASURE_COLOURS[key]
        colour_of[key] = trace.line.color
    assert len(set(colour_of.values())) == len(colour_of)  # blue means one thing
    assert len(set(style.MEASURE_COLOURS.values())) == len(style.MEASURE_COLOURS)
    panel_measures = {m.key for panel in registry.PANELS for m in panel.measures}
    assert panel_measures <= set(style.MEASURE_COLOURS)
    # the world totals use the same colours as the profile's panels
    import pandas as pd

    world = pd.DataFrame(
        {
            "year": [2022, 2022],
            "source": ["RSF round-up (detained)", "CPJ census (1 December)"],
            "value": [533, 367],
        }
    )
    bars = {t.name: t.marker.color for t in counts.detained_compared(world).data}
    assert bars["RSF round-up (detained)"] == style.MEASURE_COLOURS["rsf_detained"]
    assert bars["CPJ census (1 December)"] == style.MEASURE_COLOURS["cpj_imprisoned"]


def test_wrap_keeps_the_dashboards_name_whole_and_undoes_earlier_breaks():
    text = "Source: RSF, World Press Freedom Index 2002–2026 · Press Freedom Dashboard"
    narrow = style.wrap(text, 200, 11)
    assert "Press Freedom Dashboard" in narrow and narrow.count("<br>") >= 1
    assert style.wrap(narrow, 2000, 11) == text


def test_the_toolbar_is_minimal():
    from dashboard.geo import PLOTLY_CONFIG

    assert PLOTLY_CONFIG["modeBarButtons"] == [["toImage"]]
    assert PLOTLY_CONFIG["displaylogo"] is False and PLOTLY_CONFIG["topojsonURL"]


@needs_built()
@pytest.mark.parametrize("name", IDS)
def test_year_axes_tick_whole_years_and_no_more_than_the_width_holds(built, name):
    for width, fig in layouts(built[name]).items():
        for key in fig.layout:
            axis = fig.layout[key]
            if not key.startswith("xaxis") or axis.tickformat != "d" or axis.dtick is None:
                continue
            assert float(axis.dtick).is_integer(), (name, width, key)
            low, high = axis.range or (0, 0)
            share = (axis.domain[1] - axis.domain[0]) if axis.domain else 1
            assert (high - low) / axis.dtick <= max(2, share * width / style.YEAR_TICK) + 1, (
                name,
                width,
                key,
            )


# Colour-vision deficiencies, simulated as Machado, Oliveira and Fernandes (2009) model
# them at full severity: a matrix on linear RGB per deficiency (their published values).
DEFICIENCIES = {
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
APART = 15  # CIE76 ΔE*ab: clearly two colours side by side (about 2.3 is just noticeable)


def _lab(linear):
    """CIELAB (D65) of a linear RGB colour."""
    r, g, b = (min(1.0, max(0.0, c)) for c in linear)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (c ** (1 / 3) if c > 0.008856 else 7.787 * c + 16 / 116 for c in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _seen(colour: str, matrix) -> tuple[float, float, float]:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return _lab([sum(m * c for m, c in zip(row, linear, strict=True)) for row in matrix])


@pytest.mark.parametrize("deficiency", ["normal", *DEFICIENCIES])
@pytest.mark.parametrize("palette", ["situations", "series", "eras"])
def test_palettes_stay_apart_with_colour_vision_deficiencies(palette, deficiency):
    """RSF's five bands, the first six series of a chart (countries compared, indicators)
    and the three methodology eras are told apart with deuteranopia, protanopia and
    tritanopia too. (Measures sharing a panel also differ by marker and dash, and every
    series of a line chart by marker and dash: test below.)"""
    colours = {
        "situations": list(style.SITUATION_COLOURS.values()),
        "series": list(style.SEQUENCE[:6]),
        "eras": list(style.ERA_COLOURS.values()),
    }[palette]
    matrix = DEFICIENCIES.get(deficiency, ((1, 0, 0), (0, 1, 0), (0, 0, 1)))
    seen = [_seen(c, matrix) for c in colours]
    for i, a in enumerate(seen):
        for j in range(i + 1, len(seen)):
            apart = sum((x - y) ** 2 for x, y in zip(a, seen[j], strict=True)) ** 0.5
            assert apart >= APART, f"{colours[i]} and {colours[j]}: ΔE {apart:.1f}"


def test_series_differ_by_marker_and_dash_not_colour_alone(built):
    """Lines of several series in one plot each get their own marker and dash; the bands'
    bars their own pattern."""
    for figure in (built["compare-AZE,TUR,RUS,UKR-rank"].figure, built["indicators-RUS"].figure):
        lines = [t for t in figure.data if t.showlegend is not False]
        styles = {(t.marker.symbol, t.line.dash) for t in lines}
        assert len(lines) >= 3 and len(styles) == len(lines)
    bands = built["bands-"].figure
    patterns = [t.marker.pattern.shape for t in bands.data]
    assert len(set(patterns)) == len(patterns) == len(style.SITUATION_COLOURS)


def test_a_shared_figure_can_be_copied_by_many_sessions_at_once():
    """Cached figures are shared by every session of a replica, each drawing its own copy
    (style.for_screen, export.snapshot): copies made at the same time must all be maps,
    and the shared figure must stay readable meanwhile."""
    shared = go.Figure(go.Choropleth(locations=["AZE", "TUR"], z=[1, 2]))

    def copy_and_read(_) -> tuple[str, str]:
        return style.copy_of(shared).data[0].type, shared.data[0].type

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can
    try:
        with ThreadPoolExecutor(4) as pool:
            seen = set(pool.map(copy_and_read, range(150)))
    finally:
        sys.setswitchinterval(interval)
    assert seen == {("choropleth", "choropleth")}


@needs_built()
def test_a_figure_laid_out_for_the_pages_is_kept_as_its_dict_alone(built):
    """What the pages draw is shared by every session for as long as it is cached: only the
    dict Streamlit serialises, not the laid-out figure's plotly objects (five times as many)."""
    from dashboard import plot

    figure = built["sources-AZE"].figure
    for phone in (False, True):
        drawn = plot.laid_out(figure, phone)
        assert drawn.to_dict() == style.for_screen(figure, phone).to_dict()
        assert plot.laid_out(figure, phone) is drawn  # once per figure and screen
        assert vars(drawn).keys() == {"_as_dict"}  # no plotly objects of its own
