"""Chart construction: pure functions from typed arguments (frames, measures, years) to
Plotly figures, one module per family. The pages, the embeds, the exporter and the tests
all call these, so a chart looks the same everywhere and can be checked without a browser.
"""
