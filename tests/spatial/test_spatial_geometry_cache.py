"""The per-level WKB geometry cache: same geometries as the GeoJSON files, rebuilt when damaged, optional."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from yindi.regions import geometry as geo


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("YINDI_CACHE_DIR", str(tmp_path))
    geo.level_geometries.cache_clear()
    yield tmp_path
    geo.level_geometries.cache_clear()


def test_cache_round_trip_is_exact(fresh: Path) -> None:
    built = geo.level_geometries("province")
    files = list(fresh.glob("geometry-cnmaps*-province.npz"))
    assert len(files) == 1
    geo.level_geometries.cache_clear()
    loaded = geo.level_geometries("province")
    assert list(loaded) == list(built) and len(loaded) == 34
    for code in ("110000", "460000", "650000"):
        assert shapely.equals_exact(loaded[code], geo.geometry(code), tolerance=0)
    assert geo.geometries(list(loaded))["110000"].equals(geo.geometry("110000"))


def test_damaged_cache_is_rebuilt(fresh: Path) -> None:
    geo.level_geometries("province")
    (path,) = fresh.glob("geometry-cnmaps*-province.npz")
    path.write_bytes(b"not a cache")
    geo.level_geometries.cache_clear()
    assert len(geo.level_geometries("province")) == 34
    assert path.stat().st_size > 1000


def test_unwritable_cache_directory_is_skipped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("YINDI_CACHE_DIR", str(blocker / "sub"))  # a path below a file cannot be created
    geo.level_geometries.cache_clear()
    try:
        assert len(geo.level_geometries("province")) == 34
    finally:
        geo.level_geometries.cache_clear()
