"""The on-disk contiguity cache: a stored result is the built one, read back exactly; any change to what the
result depends on (code, arguments) names another file; a damaged file is rebuilt."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from yindi.regions import geometry as geo
from yindi.spatial import Weights, _cache, build, contiguity


@pytest.fixture
def cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    geo.level_geometries("province")  # loaded from the usual cache before the folder changes
    monkeypatch.setenv("YINDI_CACHE_DIR", str(tmp_path))
    return tmp_path


def _same(a: Weights, b: Weights) -> None:
    assert a.ids == b.ids and a.kind == b.kind and a.transform == b.transform and a.attached == b.attached
    for x, y in ((a.indptr, b.indptr), (a.indices, b.indices), (a.values, b.values)):
        assert x.dtype == y.dtype
        np.testing.assert_array_equal(x, y)


def _no_build(*args: object) -> Weights:
    raise AssertionError("built again, not read from the cache")


@pytest.mark.parametrize(("kind", "islands"), [("queen", "nearest"), ("rook", "keep")])
def test_cached_result_is_the_built_one(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch, kind: str, islands: str
) -> None:
    codes = tuple(contiguity("province").ids)
    built = build._contiguity("province", kind, codes, islands, 0.0)  # type: ignore[arg-type]
    first = contiguity("province", kind, islands=islands)  # type: ignore[arg-type]
    _same(first, built)
    assert len(list(cache_dir.glob("contiguity-cnmaps*-province.json"))) == 2  # with the plain queen above
    monkeypatch.setattr(build, "_contiguity", _no_build)
    _same(contiguity("province", kind, islands=islands), built)  # type: ignore[arg-type]


def test_other_arguments_or_code_name_another_file(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = ["110000", "120000", "130000", "460000"]
    a = _cache.cache_file("province", "queen", sub, "keep", 0.0)
    assert a != _cache.cache_file("province", "queen", sub, "nearest", 0.0)
    assert a != _cache.cache_file("province", "queen", sub[:3], "keep", 0.0)
    assert a != _cache.cache_file("province", "queen", sub, "keep", 1e-4)
    w = contiguity("province", regions=sub, islands="nearest")
    assert w.attached and w.neighbors["110000"] == ("120000", "130000")
    monkeypatch.setattr(_cache, "_code_digest", lambda: "edited")
    assert _cache.cache_file("province", "queen", sub, "keep", 0.0) != a
    _same(contiguity("province", regions=sub, islands="nearest"), w)  # built again under the new name


def test_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    w = contiguity("province", islands="nearest")
    (path,) = cache_dir.glob("contiguity-cnmaps*-province.json")
    path.write_text('{"ids": ["110000"], "indptr": [0], "indices": [], "values": []', encoding="utf-8")
    _same(contiguity("province", islands="nearest"), w)
    path.write_text(
        '{"ids": ["110000"], "indptr": [0], "indices": [], "values": [], "kind": "queen", '
        '"transform": "binary", "attached": []}',
        encoding="utf-8",
    )
    _same(contiguity("province", islands="nearest"), w)
