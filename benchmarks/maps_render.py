"""Benchmark: China map rendering per level (first call builds the cached paths; later calls reuse them).

Side by side with the plain alternative: matplotlib drawing the same regions (raw polygons, projected with the
same Albers formulas) to SVG. Seeded synthetic values. Run: ``PYTHONPATH=src python benchmarks/maps_render.py``.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np


def main(levels: list[str]) -> None:
    from yindi.regions import registry
    from yindi.regions.geometry import geometry
    from yindi.report.maps import choropleth

    rng = np.random.default_rng(0)
    print(f"{'level':8} {'regions':>7} {'load s':>7} {'build s':>8} {'render ms':>9} {'SVG kB':>7}")
    for level in levels:
        regions = registry().at_level(level, mainland=False)  # type: ignore[arg-type]
        values = {r.adcode: float(rng.lognormal(10, 0.5)) for r in regions if r.is_mainland}
        t0 = time.perf_counter()
        for r in regions:
            geometry(r.adcode)
        t1 = time.perf_counter()
        svg = choropleth(values, level=level, title="benchmark")  # type: ignore[arg-type]
        t2 = time.perf_counter()
        reps = 20
        for _ in range(reps):
            svg = choropleth(values, level=level, title="benchmark")  # type: ignore[arg-type]
        t3 = time.perf_counter()
        print(
            f"{level:8} {len(regions):7d} {t1 - t0:7.2f} {t2 - t1:8.2f} {(t3 - t2) / reps * 1000:9.1f} "
            f"{len(svg.encode()) / 1000:7.0f}"
        )
    # the plain alternative for provinces: matplotlib, same projection, raw polygons, SVG output
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import shapely
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    from yindi.report._projection import CHINA_ALBERS

    provinces = registry().at_level("province", mainland=False)
    t0 = time.perf_counter()
    fig, ax = plt.subplots(figsize=(8, 6.5))
    for r in provinces:
        g = shapely.transform(geometry(r.adcode), CHINA_ALBERS.forward_xy)
        for poly in shapely.get_parts(g):
            ring = np.asarray(poly.exterior.coords)
            ax.add_patch(PathPatch(MplPath(ring), facecolor="#6baed6", edgecolor="white", linewidth=0.4))
    ax.autoscale_view()
    ax.set_axis_off()
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    mpl_s = time.perf_counter() - t0
    mpl_kb = len(buf.getvalue().encode()) / 1000
    # yindi from a cold path cache (geometry already loaded, as for matplotlib): project, simplify, render
    import tempfile

    from yindi.report import _mapdata

    _mapdata._cached_level_paths.cache_clear()
    scratch = Path(tempfile.mkdtemp())  # an empty paths cache on disk: the paths are built, not read
    _mapdata._paths_file = lambda level: scratch / f"{level}.json"  # type: ignore[assignment]
    _mapdata.maritime_paths.cache_clear()
    values = {r.adcode: 1.0 for r in provinces if r.is_mainland}
    t0 = time.perf_counter()
    ours = choropleth(values)
    cold_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(20):
        ours = choropleth(values)
    warm_s = (time.perf_counter() - t0) / 20
    ours_kb = len(ours.encode()) / 1000
    print(f"province map, matplotlib (raw polygons, same projection) → SVG: {mpl_s:.2f} s, {mpl_kb:.0f} kB")
    print(
        f"province map, yindi cold (project + simplify + render): {cold_s:.2f} s  → {mpl_s / cold_s:.0f}x faster; "
        f"warm (cached paths): {warm_s * 1000:.1f} ms → {mpl_s / warm_s:.0f}x; SVG {ours_kb:.0f} kB "
        f"({mpl_kb / ours_kb:.0f}x smaller)"
    )


if __name__ == "__main__":
    main(sys.argv[1:] or ["province", "city", "county"])
