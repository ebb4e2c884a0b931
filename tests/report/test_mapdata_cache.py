"""The maps read a level's polygons from the per-level WKB cache (one file), not one GeoJSON per region
(issue 9: 3.1 s of a cold report went to re-reading every province's GeoJSON)."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from yindi.regions import geometry as geo
from yindi.report import _mapdata


def test_level_paths_use_the_level_cache_not_per_region_files(monkeypatch: pytest.MonkeyPatch) -> None:
    exact = geo.level_geometries("province")  # builds the cache if absent (first use on a machine)

    def no_geojson(code: str) -> object:
        raise AssertionError(f"geometry({code!r}) read a GeoJSON file; the level cache should be used")

    monkeypatch.setattr(geo, "geometry", no_geojson)
    paths = _mapdata._level_paths("province")  # built, not read from the paths cache
    assert set(paths.codes) == set(exact) and len(paths.main) == len(exact)


def test_cached_polygons_equal_the_geojson_ones() -> None:
    exact = geo.level_geometries("province")
    for code in ("110000", "460000", "650000"):
        assert shapely.equals_exact(exact[code], geo.geometry(code), tolerance=0.0)


def test_level_paths_are_kept_on_disk_and_read_back_equal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("YINDI_CACHE_DIR", str(tmp_path))
    geo.level_geometries("province")  # the WKB cache in the new folder (built once)
    _mapdata._cached_level_paths.cache_clear()
    try:
        built = _mapdata.level_paths("province")
        file = _mapdata._paths_file("province")
        assert file.exists() and file.parent == tmp_path
        _mapdata._cached_level_paths.cache_clear()
        monkeypatch.setattr(_mapdata, "_level_paths", lambda level: pytest.fail("built again, not read"))
        read = _mapdata.level_paths("province")
        assert read == built
        file.write_text("{damaged", encoding="utf-8")  # a damaged file is rebuilt, not an error
        _mapdata._cached_level_paths.cache_clear()
        monkeypatch.undo()
        monkeypatch.setenv("YINDI_CACHE_DIR", str(tmp_path))
        assert _mapdata.level_paths("province") == built
    finally:
        _mapdata._cached_level_paths.cache_clear()
