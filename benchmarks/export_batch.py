"""Seconds per image when exporting a batch of charts with one browser.

    python benchmarks/export_batch.py [N]      (default 50)

Prints the median and spread of per-image times and the total; a mix of maps (the
heaviest: 1:50m geometry) and line charts, as `make snapshots` renders them; and the floor
they are measured against: kaleido drawing an empty figure of the same size in the same
browser.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from dashboard import export, gallery

FLOOR_RUNS = 10


def main(count: int = 50) -> None:
    load = export.cached_loader()
    specs = export.gallery_specs(load)
    maps = [s for s in specs if s.kind == "map"]
    charts = [s for s in specs if s.kind != "map"]
    mix = [item for pair in zip(maps, charts, strict=False) for item in pair]
    mix = (mix * (count // len(mix) + 1))[:count]
    timings = {"map": [], "other": []}
    with tempfile.TemporaryDirectory() as folder, export.renderer():
        started = time.perf_counter()
        for spec in mix:
            chart = gallery.draw(spec, load)
            shot = export.snapshot(chart.figure, sources=chart.sources)
            t0 = time.perf_counter()
            Path(folder, f"{chart.slug}.png").write_bytes(export.render(shot, "png"))
            timings["map" if spec.kind == "map" else "other"].append(time.perf_counter() - t0)
        total = time.perf_counter() - started
        # the floor: kaleido drawing an empty figure of the same size in the same browser
        empty = []
        for _ in range(FLOOR_RUNS):
            t0 = time.perf_counter()
            pio.to_image(go.Figure(), format="png", width=1200, height=675, scale=1)
            empty.append(time.perf_counter() - t0)
    every = timings["map"] + timings["other"]
    print(f"images: {len(every)} PNG at 1200x675, one browser")
    print(f"total: {total:.1f} s, {total / len(every):.2f} s per image (including chart building)")
    print(f"empty figure: median {statistics.median(empty):.3f} s (n={len(empty)}, the floor)")
    for name, values in (("all", every), *timings.items()):
        if values:
            q = (
                statistics.quantiles(values, n=20, method="inclusive")
                if len(values) > 1
                else values * 19
            )
            print(
                f"{name:>6}: median {statistics.median(values):.2f} s, p5 {q[0]:.2f} s, "
                f"p95 {q[-1]:.2f} s (n={len(values)})"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
