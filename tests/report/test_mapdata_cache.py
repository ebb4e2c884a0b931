"""The maps read a level's polygons from the per-level WKB cache (one file), not one GeoJSON per region
(issue 9: 3.1 s of a cold report went to re-reading every province's GeoJSON)."""

from __future__ import annotations

import pytest
import shapely

from yindi.regions import geometry as geo
from yindi.report import _mapdata


def test_level_paths_use_the_level_cache_not_per_region_files(monkeypatch: pytest.MonkeyPatch) -> None:
    exact = geo.level_geometries("province")  # builds the cache if absent (first use on a machine)

    def no_geojson(code: str) -> object:
        raise AssertionError(f"geometry({code!r}) read a GeoJSON file; the level cache should be used")

    monkeypatch.setattr(geo, "geometry", no_geojson)
    _mapdata._level_paths.cache_clear()
    try:
        paths = _mapdata.level_paths("province")
    finally:
        _mapdata._level_paths.cache_clear()
    assert set(paths.codes) == set(exact) and len(paths.main) == len(exact)


def test_cached_polygons_equal_the_geojson_ones() -> None:
    exact = geo.level_geometries("province")
    for code in ("110000", "460000", "650000"):
        assert shapely.equals_exact(exact[code], geo.geometry(code), tolerance=0.0)
